"""One comparison cue read in its sentence: the subject, the baselines, the relation and the margin.

The cue's shape (baseline after it, 与 Y 相当, 比 Y 高, 与 Y 相比) says where the baselines are;
``extractor.rules.comparisons`` calls this once per cue.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractor.rules.baselines import Baseline, _baselines, pair_baseline, pronoun_names_other, topic_baseline
from extractor.rules.clauses import _clause_bounds
from extractor.rules.measures import _LIST_SEP
from extractor.rules.mentions import Lexicons, Mention
from extractor.rules.names import _same_name
from extractor.rules.numbers import _MARGIN_WORD, Number
from extractor.rules.owners import the_value_of
from extractor.rules.subjects import _listed_names, _model_mentions, _pick_subject
from schemas import Section

# "连 o1-mini 都": what a cue right after it measures against ("连 o1-mini 都打不过")
_EVEN_OBJECT = re.compile(r"连\s*(?P<obj>[^，,。；;：:连]{1,40}?)\s*[都也]\s*")
_BA_OBJECT = re.compile(r"把\s*(?P<obj>[^，,。；;：:把]{1,40}?)\s*(?:直接|远远|狠狠|彻底|都|也)?\s*$")
_PASSIVE = re.compile(r"被(?=[^，,。；;]{1,40}$)")
_BASELINE_WORD = re.compile(r"基线|基准模型|baselines?|基础模型", re.IGNORECASE)
# (not the 比 of 相比之下 / 对比; each branch's first character from one class, so that ``re`` skips ahead to it, checked again
# with a look-behind in the branches' old order)
_THAN_CONNECTOR = re.compile(r"[比较相t](?:(?<=比)(?<![相对]比)|(?<=较)之|(?<=较)|(?<=相)(?:比于|较于|对于)|(?<=t)han)")
# ("距离 DeepSeek-R1 的 79.8% 仍有明显差距": 距离 before a name is 离)
_WITH_CONNECTOR = re.compile(r"(?<![不相共一协参给赋])与|跟|(?<![不相共一协如等])同(?![时样类])|和|及|(?<![距远分隔脱])离(?![开散职线子])"
                             r"|距离(?=\s*[A-Za-z])")
_EN_REGION_END = re.compile(r"\s+(?:on|in|across|by|at|for|while|with|when|under|using|over|among|and (?:achiev|reach|scor|set|is|are|was))\b|\(|\["
                            # (a clause of its own: ", and Corvid-2 Pro is 4.5 clear of X")
                            r"|,\s+(?:and|but|whereas|while|yet)\s+(?=(?-i:[A-Z])[\w.\-]*(?:\s[\w.\-]+){0,3}\s+(?:is|was|are|were|"
                            r"sits|sat|trails|trailed|leads|led|beats|beat|scores|scored|gets|got|has|had|reaches|reached|posts|"
                            r"posted|lands|landed|comes|came)\b)", re.IGNORECASE)
_DELTA_GAP = re.compile(r"^\s*(?:了|出|约|达|高达|超过|多达|近|将近|整整|by|of|about|around|over|nearly|up to|more than|\+|足足|分别)?\s*(?:了)?\s*$", re.IGNORECASE)
_OPENING = re.compile(r"\W*(?:(?:But|And|So|Still|Yet|However|Meanwhile),?\s+)?")  # what may stand before an opening cue
_BASELINE_VALUE_PAREN = re.compile(r"\s*[(（]\s*\d+(?:\.\d+)?\s*%?\s*[)）]")
_PAREN_PREFIX = re.compile(r"\s*[(（]\s*(?:by\s+|about\s+|约|近)?")


# (each branch's first character comes from one class matched case-sensitively - "i" also matches "İ" and "ı" case-blind -
# so that ``re`` skips ahead to it; the branch checks it again with a look-behind, in the order the branches had, and
# "\b" before a word's first letter is a look-behind after it)
_DELTA_CUE = re.compile(r"(?-i:[高提增改领超BbGgIiMmLl\u0130\u0131])(?:"
                        r"(?:(?<=高)(?:出|了)|(?<=提)(?:高了|升了|高|升)|(?<=增)加了|(?<=改)善了|(?<=领)先|(?<=超)出)(?![到至])"
                        r"|(?<!\w[\s\S])(?:(?<=b)y\b|(?<=g)ain(?:s|ed)?(?=\s+[+]?\d)"
                        r"|(?:(?<=i)(?:mprovement|ncrease)|(?<=g)ain|(?<=m)argin|(?<=l)ead|(?<=b)oost)s?\s+of\b))", re.IGNORECASE)
# "Lumen 4 mini and o1-mini are tied on MATH-500": the pair before an English tie cue, and what stands between
_PAIR_JOIN = re.compile(r"\s*(?:and|&)\s*")
_PAIR_TO_TIE = re.compile(r"\s*(?:(?:are|were|remain|stay)\s+)?(?:(?:both|now|still|effectively|essentially|basically|"
                          r"roughly|exactly|dead)\s+)*", re.IGNORECASE)
_EN_BY = re.compile(r"\bby\s+(?:about |around |over |nearly |up to |more than |roughly |an average of )?(?=[+]?\d)")


Comparison = tuple[Mention, list[Baseline], tuple[int, int], str, Number | None]


def _en_region_end(sentence: str, r0: int, r1: int) -> int:
    """Where an English baseline region ends: at "on/in/by/(…" ("outperforms X on MATH")."""
    m = _EN_REGION_END.search(sentence, r0, r1)
    return m.start() if m else r1


def _one_comparison(sentence: str, lex: Lexicons, cs: int, ce: int, relation: str, shape: str, cjk: bool,
                    names: list[Mention], subjects: list[Mention], numbers: list[Number],
                    section: Section, used: frozenset[int] = frozenset()) -> Comparison | None:
    c0, c1 = _clause_bounds(sentence, cs)
    cue_text = sentence[cs:ce]
    quote_from = cs
    opening = shape == "opening"
    if opening:
        if not _OPENING.fullmatch(sentence, 0, cs):
            return None  # ("41.7, against 43.0 for X": a value set against another, no cue)
        shape = "versus"
    if shape == "with" and not cjk:
        tied = _tied_pair(sentence, cs, ce, relation, names, c0) or _tied_with_it(sentence, cs, ce, relation, names,
                                                                                   subjects, section, c0)
        if tied is not None or " " in cue_text.strip():
            return tied
        shape = "adjacent"  # ("Kestrel 3 Max tied Orca Ridge 2.5 on Arena-Hard": no pair before; the name after it)
    if shape == "than" and cjk and len(cue_text) >= 2 and not _THAN_CONNECTOR.search(sentence, c0, cs) \
            and any(n.start >= ce and not sentence[ce:n.start].strip() for n in _model_mentions(names)):
        shape = "adjacent"  # "高出 Qwen2.5-72B-Instruct 近 13 分": no 比 before the cue, the name right after it
    if shape == "adjacent":
        follower = next((n for n in _model_mentions(names) if n.start >= ce), None)
        if (follower is None or sentence[ce:follower.start].strip()
                and not _RANK_GAP.fullmatch(sentence, ce, follower.start)
                and not _EXAMPLES_GAP.fullmatch(sentence, ce, follower.start)
                and not _DESCRIBED_GAP.fullmatch(sentence, ce, follower.start)) and not _SOTA.match(sentence, ce) \
                and (cjk or the_value_of(sentence, ce, names) is None) \
                and not _PRONOUN_NEXT.match(sentence, ce):  # "Pika 只领先它 1.3 分": the pronoun stands for a name
            return None
        shape = "after"
    if shape == "after" and cjk and relation != "matches":
        passive = _PASSIVE.search(sentence, c0, cs)
        if passive is not None:  # "它们被 JudgeLM-7B 和 Contains 超过": the subject trails the names after 被
            baselines = _baselines(sentence, names, passive.end(), cs, cjk)
            model = _pick_subject(sentence, names, subjects, passive.start(), section, not_subjects=used)
            if not baselines or model is None:
                return None
            baselines = [b for b in baselines if not _same_name(b[2], model.text)]
            inverse = "underperforms" if relation == "outperforms" else "outperforms"
            delta = _delta_after(sentence, numbers, ce, c1)
            return (model, baselines, (passive.start(), ce), inverse, delta) if baselines else None
    if shape == "after" and relation == "matches" and cjk and not _model_mentions(
            [n for n in names if ce <= n.start < c1]):
        # "与更大规模闭源模型媲美": the baseline sits between 与 and the cue, as with 相当.
        if any(m.group(0) in "与跟同" for m in _WITH_CONNECTOR.finditer(sentence, c0, cs)):
            shape = "with"
    even = _EVEN_OBJECT.search(sentence, c0, cs) if shape in ("after", "even") and cjk and "连" in sentence else None
    if even is None and shape == "after" and cjk and "把" in sentence and relation == "outperforms":
        # "在奥数题上把 GPT-4o 甩开了 60 多个百分点", "它把 Qwen2.5-72B 远远甩在身后": the object of 把 is the baseline
        even = _BA_OBJECT.search(sentence, c0, cs)
    if shape == "even" and (even is None or even.end() != cs):
        return None  # ("打不过" alone is said of anything: "小模型打不过大模型")
    if even is not None and even.end() == cs:
        # "星河连 o1-mini 都打不过", "连 GPT-4o 都不如": the baseline stands between 连 and 都, before the cue
        r0, r1 = even.start("obj"), even.end("obj")
        baselines = _baselines(sentence, names, r0, r1, cjk)
        model = _pick_subject(sentence, names, subjects, even.start(), section, not_subjects=used)
        if baselines is None or model is None:
            return None
        return model, baselines, (even.start(), ce), relation, _delta_after(sentence, numbers, ce, c1)
    if shape == "after":
        # The baseline follows the cue, up to the end of the clause (or a "如 A 和 B" list after it).
        r0, r1 = ce, c1
        listed = _listed_names(sentence, names, ce)
        if listed:
            r1 = listed[-1].end  # the list ends the baselines ("surpassing A and B, and matching C")
        if not cjk and len(listed) < 2:  # a list of two or more ends where it ends, "(38.5%)" inside it or not
            r1 = _en_region_end(sentence, r0, r1)
        baselines = _baselines(sentence, names, r0, r1, cjk) or topic_baseline(sentence, r0, r1, section.subject, names) \
            or pair_baseline(sentence, r0, r1)
        if baselines is None and not cjk:
            # "trails its 14B sibling", "beats the larger model": a model by its size or tier (the registry resolves it)
            sized = next((x for x in subjects if x.kind == "sizeref" and r0 <= x.start and x.end <= r1
                          and not sentence[r0:x.start].strip()), None)
            if sized is not None:
                baselines, r1 = [(sized.start, sized.end, sized.text)], sized.end
        if baselines is None and not cjk and sentence[c1:c1 + 1] == ",":
            # "edges out its own teacher, QwQ-32B-Preview, on MATH-500": the name in apposition
            appositive = next((n for n in _model_mentions(names) if c1 < n.start <= c1 + 3), None)
            if appositive is not None:
                baselines, r1 = [(appositive.start, appositive.end, appositive.text)], appositive.end
        if baselines is None and not cjk and (owner := the_value_of(sentence, ce, names)) is not None:
            # "a large jump over the 70.0% of GPT-3.5": the owner of the value the cue measures against
            baselines, r1 = [(owner.start, owner.end, owner.text)], owner.end
        model = _pick_subject(sentence, names, subjects, cs, section, not_subjects=used)
        if model is not None:
            baselines = pronoun_names_other(sentence, r0, r1, model.text, section.subject, names) or baselines
        if baselines is None:
            return None
        delta = _delta_after(sentence, numbers, ce, c1)
        if delta is None and cjk and "以" in sentence[c0:cs]:
            # "青鸾以 0.6 分领先 GPT-4o", "以 2.1 个百分点的优势超过 X": the margin after 以, right before the cue
            yi = YI_MARGIN.search(sentence, max(c0, cs - 30), cs)
            if yi is not None and float(yi.group("num")) < 15:
                delta = next((replace(n, unit="points") for n in numbers if n.start == yi.start("num")), None)
        if delta is None:
            delta = _delta_after(sentence, numbers, r1, len(sentence))
        if delta is None and not cjk:
            by = _EN_BY.search(sentence, r1)
            if by:
                delta = _delta_after(sentence, numbers, by.end(), len(sentence))
        if delta is None and not cjk:  # ("2.2 points ahead of X", "is 3.7 ahead of X": a margin right before the cue)
            delta = next((n for n in numbers if n.end <= cs and (n.unit in ("%", "points") or n.unit is None
                                                                  and not n.signed and n.value <= 30)
                          and not sentence[n.end:cs].strip()), None)
        if delta is None and not cjk:  # "its lead over X (11 points)": a margin in points right after the baseline
            # (Chinese "超过第二名的 X（78.9 分）" gives X's score there)
            delta = next((n for n in numbers if n.unit == "points" and _PAREN_PREFIX.fullmatch(sentence, r1, n.start)),
                         None)
    elif shape in ("with", "than"):
        if not cjk:
            return _tied_pair(sentence, cs, ce, relation, names, c0) if shape == "with" else None
        if shape == "with" and sentence.startswith("一样的", ce - 2):
            return None  # "用的是几乎一样的配置": sameness of a setup, no verdict ("与 o1 相当的水平" is one)
        connector = _WITH_CONNECTOR if shape == "with" else _THAN_CONNECTOR
        conns = list(connector.finditer(sentence, c0, cs))
        if shape == "with" and not conns and _THAN_CONNECTOR.search(sentence, c0, cs):
            # "比 DeepSeek-V3 还差": a cue read with 离 / 与 ("离 X 还差一点") reads with 比 too
            shape, connector = "than", _THAN_CONNECTOR
            conns = list(connector.finditer(sentence, c0, cs))
        if shape == "with":
            conns = [m for m in conns if m.group(0) in "与跟同"] or conns
            conn = conns[0] if conns else None
        else:
            conn = conns[-1] if conns else None
        if conn is None:
            if shape == "than" and len(cue_text) >= 2 and _BASELINE_WORD.search(sentence, c0, cs):
                bm = _BASELINE_WORD.search(sentence, c0, cs)
                assert bm is not None
                model = _pick_subject(sentence, names, subjects, bm.start(), section, not_subjects=used)
                if model is None:
                    return None
                delta = _delta_after(sentence, numbers, ce, c1)
                return model, [(bm.start(), bm.end(), "baseline")], (bm.start(), bm.end()), relation, delta
            return None
        r0, r1 = conn.end(), cs
        quote_from = conn.start()
        if shape == "than" and len(cue_text) == 1 and _words_between(sentence, names, r0, r1) > 30:
            return None  # a lone 高/低 far from its 比 ("比…高" spans a name and its value, not a clause)
        baselines = _baselines(sentence, names, r0, r1, cjk) or topic_baseline(sentence, r0, r1, section.subject, names) \
            or pair_baseline(sentence, r0, r1)
        model = _pick_subject(sentence, names, subjects, conn.start(), section, not_subjects=used)
        if model is not None:
            baselines = pronoun_names_other(sentence, r0, r1, model.text, section.subject, names) or baselines
        if baselines is None:
            return None
        delta = _delta_after(sentence, numbers, ce, c1)
    else:  # versus: "与 Y 相比, X ..." / "相比于 Y, X ..." / "compared to Y, X ..."
        conns = [m for m in _WITH_CONNECTOR.finditer(sentence, c0, cs) if m.group(0) in "与跟同和"]
        rest_from = None
        if conns and not cue_text.endswith("于"):
            r0, r1 = conns[0].end(), cs
            quote_from = conns[0].start()
            rest_from = ce  # "与基线相比平均提高了 2 倍": the verdict follows the cue
        else:
            r0, r1 = ce, c1
            if not cjk:
                r1 = _en_region_end(sentence, r0, r1)
        baselines = _baselines(sentence, names, r0, r1, cjk)
        if cjk and rest_from is None and baselines and cue_text == "对比":  # (not "相比之下 X 就差得远了": X is the subject)
            # "不过对比 DeepSeek-R1 的 79.8% 还是差一截": the verdict follows the baseline (and its value) in the
            # same clause, about the subject named before the cue
            after = _OWN_VALUE_AFTER.match(sentence, max(b[1] for b in baselines))
            if after is not None and after.end() < c1 and _relation_in(sentence[:c1], lex, after.end()) is not None:
                r1 = rest_from = after.end()
        if baselines is not None and not cjk and len(baselines) == 1 and sentence[c1:c1 + 1] == "," \
                and not any(n.start == baselines[0][0] for n in names):
            # "Compared with the strongest RL baseline, SimpleRL-Zero, SPARK-7B is …": the name in apposition
            appositive = next((n for n in _model_mentions(names) if c1 < n.start <= c1 + 3), None)
            if appositive is not None and sentence[appositive.end:appositive.end + 1] == ",":
                baselines, r1 = [(appositive.start, appositive.end, appositive.text)], appositive.end + 1
        if baselines is None:
            return None
        if rest_from is None and opening and sentence[c1:c1 + 1] != ",":
            # "Against Phi-4 it is behind on GPQA Diamond by 6 points": no comma; the verdict follows the name
            rest_from = baselines[-1][1]
        rest0 = rest_from if rest_from is not None else max(c1, r1)
        # "o3-mini-high 相比 o3-mini-medium 和 o3-mini-low …呈现能力上升趋势": the name right before the cue
        # is the subject, whatever the next clause names
        right_before = next((n for n in _model_mentions(names) if n.end <= cs and not sentence[n.end:cs].strip(" 在的")
                             and n.start not in used), None) if cjk and not conns else None
        found_relation = _relation_in(sentence, lex, rest0)
        if found_relation is None and not _COMPARATIVE.search(sentence, rest0 if rest_from is not None else ce):
            return None  # "与 X 相比, Y 使用了..." compares nothing about results
        relation = found_relation or "outperforms"
        next_end = _clause_bounds(sentence, min(len(sentence) - 1, max(rest0, c1 + 1)))[1]
        later = [n for n in _model_mentions(names) if rest0 <= n.start < max(next_end, rest0 + 1)]
        subj_later = [s for s in subjects if s.start >= rest0]
        if right_before is not None:
            model = right_before
        elif later and not (subj_later and subj_later[0].start < later[0].start):
            model = later[0]
        else:
            # ("与同等规模的开源模型相比，本文方法…优于 X 和 Y": the subject word the rest opens with, not X or Y)
            # (but "本文方法 HiCoT-7B 在…更强" names it right after the word)
            upto = subj_later[0].end if subj_later and later and subj_later[0].start < later[0].start \
                and sentence[subj_later[0].end:later[0].start].strip() else len(sentence)
            picked = _pick_subject(sentence, names, subjects, upto, section,
                                   exclude=(min(r0, conns[0].start() if conns else r0), r1), not_subjects=used)
            if picked is None:
                return None
            model = picked
        delta = None
        for dm in _DELTA_CUE.finditer(sentence, rest0):
            delta = _delta_after(sentence, numbers, dm.end(), len(sentence))  # "提升了 5%", not "达到 44.0%"
            if delta is not None:
                break
        if delta is None and not cjk:  # "Compared to X, Y is 4.5% better on B"
            delta = next((n for n in numbers if n.start >= rest0 and n.unit in ("%", "points")
                          and _MARGIN_WORD.match(sentence, n.end)), None)
    if model is None:
        return None
    if section.subject and model.start >= 0 and all(_same_name(b[2], model.text) for b in baselines) \
            and not any(_same_name(b[2], section.subject) for b in baselines):
        # "GPT-4o 在同一张表里是 72.6，…原话是'与 GPT-4o 基本持平'": a model is never compared with itself; the
        # name the sentence opened with is what the topic is measured against
        model = Mention(-1, -1, section.subject, "subject")
    baselines = [b for b in baselines if not _same_name(b[2], model.text)]
    if not baselines:
        return None
    return model, baselines, (min(r0, quote_from), r1), relation, delta



# (a baseline's own value right after it: "DeepSeek-R1 的 79.8%")
_OWN_VALUE_AFTER = re.compile(r"(?:\s*的?\s*\d+(?:\.\d+)?\s*(?:%|分)?)?\s*")
_SOTA = re.compile(r"\s*(?:SOTA|SoTA)(?![A-Za-z])")  # "编辑超SOTA": the state of the art, right after the cue
# "领先第二名 Yi-34B 约 2 分", "leads the runner-up X": a rank word may sit between the cue and the name.
_PRONOUN_NEXT = re.compile(r"\s*(?:它|it\b)", re.IGNORECASE)
# "far below Chinese-centric models of similar size such as Baichuan2-13B-Chat": a described group, then its example
_EXAMPLES_GAP = re.compile(r"\s+(?:(?!and\b|but\b|while\b)[A-Za-z-]+\s+){1,7}?(?:such\s+as|like|including|e\.g\.,?)\s+",
                           re.IGNORECASE)
# "comfortably above the prior-generation Helix-Large": a few lowercase words describing the name after "the"
_DESCRIBED_GAP = re.compile(r"\s+the\s+(?:[a-z][a-z0-9-]*\s+){0,3}")
_RANK_GAP = re.compile(r"\s*(?:排名)?(?:第[二三四五六七八九十]名?|次优|亚军)(?:的)?\s*|\s*the\s+(?:runner-up|second[- ]best|second[- ]place)\s*",
                       re.IGNORECASE)


_PAREN_GROUP = re.compile(r"[(（][^()（）]{0,24}[)）]")


def _words_between(sentence: str, names: list[Mention], r0: int, r1: int) -> int:
    """How many characters ``sentence[r0:r1]`` holds besides its names and parenthesised notes (a long name such as
    "DeepSeek-R1-Distill-Qwen-14B（69.7%）" is one thing between 比 and 高, not thirty characters of clause)."""
    skipped = sum(n.end - n.start for n in names if r0 <= n.start and n.end <= r1)
    skipped += sum(m.end() - m.start() for m in _PAREN_GROUP.finditer(sentence, r0, r1))
    return r1 - r0 - skipped


_COMPARATIVE = re.compile(r"更|提升|提高|上升|改进|改善|增强|优势|显著|大幅|明显|较高|较好|胜出|卓越|出色|优异|突出|逊色|最佳|最好|领先|superior|better|higher|stronger|improv|gain|outperform", re.IGNORECASE)


def _relation_in(sentence: str, lex: Lexicons, start: int) -> str | None:
    for m in lex.cue_regex.finditer(sentence, start):
        cue = lex.cue_table[m.group(0).lower()]
        if cue.shape != "versus":
            return cue.relation
    # the first verdict word wins: "is 6.2 points higher on X while using 40% fewer tokens" is better, not worse
    worse = _WORSE.search(sentence, start)
    if worse is None:
        return None
    better = _BETTER.search(sentence, start, worse.start())
    return None if better is not None else "underperforms"


_WORSE = re.compile(r"不如|较差|较弱|下降|降低了性能|有限|不足|worse|lower|weaker|fewer|limited|\bshort\b", re.IGNORECASE)
_BETTER = re.compile(r"更高|更好|更强|更优|提升|提高|领先|higher|better|stronger|ahead|superior|improv|gain", re.IGNORECASE)


def _unit_of_the_list(sentence: str, numbers: list[Number], first: Number) -> str | None:
    """The unit the last member of a list of margins starting at ``first`` writes for all of them ("2.9 和 4.8 分"),
    None when ``first`` starts no such list."""
    last = first
    for k in numbers:
        if k.start <= last.start:
            continue
        if not _LIST_SEP.match(sentence[last.end:k.start] or " "):
            return None
        if k.unit in ("%", "points"):
            return k.unit
        last = k
    return None


_BY_GAP = re.compile(r"\s*by\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+|around\s+|just\s+|only\s+)?", re.IGNORECASE)
_BARE_MARGIN_END = re.compile(r"\s*(?:[.,;)。，；）]|$|\s(?:on|in|at|here|there)\b)")


_ZH_BARE_GAP = re.compile(r"\s*(?:了|出|出了|约|近)?\s*")


# a margin after 以, right before a verb of leading or trailing: "以 0.6 分领先", "以 2.1 个百分点的优势超过" (a score is larger:
# "以 85.1 超过 X 的 83.0")
# ("以 2.1 个百分点的优势超过 X" keeps no margin: a number before 的优势 is no result, ``numbers._NOT_RESULT_AFTER``)
YI_MARGIN = re.compile(r"以(?:仅|仅仅|区区)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?:分|个百分点|个点|points?)?\s*$")


def _delta_after(sentence: str, numbers: list[Number], start: int, end: int, loose: bool = False) -> Number | None:
    for n in numbers:
        if n.start < start or n.start >= end:
            continue
        gap = sentence[start:n.start]
        own = _BASELINE_VALUE_PAREN.match(sentence, start) if n.unit is None else None
        if own is not None and own.end() > n.start:
            start = own.end()  # "领先第二名文心 4.5（41.5）近 6 分": the baseline's own value in parentheses, then the margin
            continue
        if n.unit not in ("%", "points", "x") and not n.signed:
            # "分别比 X 高 2.9 和 4.8 分": a list of margins writes its unit once, after the last
            unit = _unit_of_the_list(sentence, numbers, n)
            if unit is None and _BARE_MARGIN_END.match(sentence, n.end) \
                    and (_BY_GAP.fullmatch(gap) or n.value <= 30 and _ZH_BARE_GAP.fullmatch(gap)):
                # "halo trails Mistral by 4.8.", "比 Qwen2.5-72B 高 0.4。": a bare margin after "by" or right after a
                # Chinese verdict is in the scores' points
                unit = "points"
            if unit is None:
                return None
            n = replace(n, unit=unit)
        if loose or _DELTA_GAP.match(gap) or n.signed:
            return n
        return None
    return None


def _tied_with_it(sentence: str, cs: int, ce: int, relation: str, names: list[Mention], subjects: list[Mention],
                  section: Section, c0: int) -> Comparison | None:
    """"On ARC-Challenge, it and Gemma 2 9B were tied at 89.5": "it" (the model the passage is about) and the one name
    joined to it right before the tie cue."""
    models = [n for n in _model_mentions(names) if c0 <= n.start and n.end <= cs]
    if len(models) != 1 or not _PAIR_TO_TIE.fullmatch(sentence, models[0].end, cs):
        return None
    it = _IT_AND.search(sentence, max(c0, models[0].start - 12), models[0].start)
    if it is None:
        return None
    model = _pick_subject(sentence, names, subjects, it.end(), section, not_subjects=frozenset({models[0].start}))
    if model is None or model.kind != "subject" or _same_name(model.text, models[0].text):
        return None
    return model, [(models[0].start, models[0].end, models[0].text)], (it.start(), ce), relation, None


# "it and Gemma 2 9B": the pronoun and the name it is joined to
_IT_AND = re.compile(r"\b(?:it|It)\s+(?:and|&)\s+$")


def _tied_pair(sentence: str, cs: int, ce: int, relation: str, names: list[Mention], c0: int) -> Comparison | None:
    """"Lumen 4 mini and o1-mini are tied on MATH-500", "X and Y tie on GSM8K": the pair joined by "and" right before an
    English tie cue, the first named its subject (as the gold names a tie's first model)."""
    pair = [n for n in _model_mentions(names) if c0 <= n.start and n.end <= cs][-2:]
    if len(pair) != 2 or not _PAIR_JOIN.fullmatch(sentence, pair[0].end, pair[1].start) \
            or not _PAIR_TO_TIE.fullmatch(sentence, pair[1].end, cs) or _same_name(pair[0].text, pair[1].text):
        return None
    return pair[0], [(pair[1].start, pair[1].end, pair[1].text)], (pair[0].start, ce), relation, None
