"""Comparison claims of a sentence: one per cue and baseline, with the margin if stated.

Also the English "an improvement of N over X" phrasings (margin first, baseline after) and two
models' scores the sentence contrasts ("GPT-4o 仅解决了 12%，而 o1 解决了 74%").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.regex_lead import led
from extractor.rules.baselines import Baseline, _baselines
from extractor.rules.clauses import _clause_bounds, _tight
from extractor.rules.comparison_cue import _DELTA_CUE, _EN_REGION_END, _delta_after, _one_comparison
from extractor.rules.context import SentenceBenchmark
from extractor.rules.group_comparisons import group_comparisons
from extractor.rules.measures import (
    _LIST_SEP,
    RESPECTIVELY,
    _benchmark_group,
    _benchmarks_near,
    _metric_near,
    lexicon_metric,
)
from extractor.rules.mentions import (
    Lexicons,
    Mention,
    canonical_benchmark,
    cue_matches,
    is_cjk_sentence,
    lexicons,
)
from extractor.rules.names import _in_location, _norm, _same_name
from extractor.rules.numbers import _NOT_RESULT_AFTER, _SPEED, Number
from extractor.rules.owners import COMPARED_OPENING
from extractor.rules.subjects import _cue_objects, _listed_names, _model_mentions, _pick_subject
from extractor.segment import is_model_shaped
from schemas import ComparisonClaim, Document, ScoreClaim, Section
from vocabulary import is_lower_better

_EN_ON_TAIL = re.compile(r"\b(?:on|in)\s+(?:the\s+)?$")


_ALL_OF_THEM = re.compile(r"(?:[均都皆]|全部|全都)(?:已|能|可以|显著|明显|大幅)?|\b(?:both|all)\b", re.IGNORECASE)


def _comparisons_from_scores(scores: list[ScoreClaim], lex: Lexicons, sentence: str,
                             offset: int) -> list[ComparisonClaim]:
    """"GPT-4o 仅解决了 12% 的 AIME 问题，而 o1 解决了 74%": two models' scores on one benchmark, contrasted."""
    out: list[ComparisonClaim] = []
    lead = scores[0].model  # the sentence's subject; two baselines' scores are not compared with each other
    opening = _SUBORDINATE_OPENING.match(sentence)
    if opening is not None:
        # "Where GPT-4o manages 53.6 on GPQA Diamond, Kestrel-70B gets 48.9": the main clause's model is the subject
        comma = sentence.find(",", opening.end())
        main = [c for c in scores if comma >= 0 and c.start - offset > comma]
        lead = main[0].model if main else lead
    against = COMPARED_OPENING.match(sentence)
    if against is not None and sentence.startswith(lead, against.end()):
        # "Compared with its predecessor, Halcyon-2 Pro, the new model improves MMLU-Pro from 68.7% to 79.9%": the model
        # measured against is no subject
        lead = next((c.model for c in scores if c.model != lead), lead)
    cjk = is_cjk_sentence(sentence)
    # "DeepSeek-R1, Lyra-R-32B and Petrel-14B obtain 97.3, 94.6 and 92.0 respectively, whereas GPT-4o obtains 74.6":
    # each of a list before the contrast with each model after it, not the list's members with each other
    turn = _CONTRAST_WORD.search(sentence)
    sides: dict[int, bool] = {}
    if turn is not None and not cjk:
        said_at = {id(c): sentence.rfind(c.model, 0, c.end - offset) for c in scores}  # (where each model is named)
        before = [c for c in scores if 0 <= said_at[id(c)] < turn.start()]
        after = [c for c in scores if said_at[id(c)] >= turn.end()]
        if len({c.model for c in before}) >= 2 and after:
            sides = {id(c): True for c in before} | {id(c): False for c in after}
    listed = RESPECTIVELY.search(sentence) is not None
    for i, a in enumerate(scores):
        for b in scores[i + 1:]:
            if sides:
                if sides.get(id(a)) is None or sides.get(id(b)) is None or sides[id(a)] == sides[id(b)]:
                    continue
            elif lead not in (a.model, b.model):
                continue
            elif listed and _ONE_LIST.fullmatch(sentence, min(a.end, b.end) - offset, max(a.end, b.end) - offset):
                continue  # ("其中 7B、13B 和 34B 的模型分别为 40.56%、39.71%和 34.27%": one list's members, not a contrast)
            if a.benchmark != b.benchmark or a.unit != b.unit or _same_name(a.model, b.model) or a.value == b.value:
                continue
            lower_better = _lower_is_better(a.benchmark, a.metric or b.metric, lex)
            win, lose = (a, b) if (a.value > b.value) != lower_better else (b, a)
            ts, te = _tight(sentence, min(a.start, b.start) - offset, max(a.end, b.end) - offset)
            start, end = ts + offset, te + offset
            # (English keeps the sentence's subject first, "HumanEval+ 82.3 vs 86.0 for Haiku"; a Chinese contrast
            # "…，而 o1 解决了 74%" puts the winner first, as its verdict does: "o1 明显优于 GPT-4o")
            first, other = (win, lose) if win.model == lead or cjk else (lose, win)
            if cjk and lose.model == lead and _LEAD_LOSES.match(sentence, max(a.end, b.end) - offset):
                # ("HumanEval 一项是 84.8 对 GPT-4o 的 90.2，反而是落后的", "R1 是 2029 分，o1 是 2061 分，R1 略低": the
                # verdict after the pair is about the subject, which trails)
                first, other = lose, win
            if sides:
                first, other = (a, b) if sides[id(a)] else (b, a)  # (the list's model is the subject)
            out.append(ComparisonClaim(
                model=first.model, baseline=other.model, relation="outperforms" if first is win else "underperforms",
                benchmark=win.benchmark,
                metric=win.metric, quote=sentence[start - offset:end - offset], source=win.source,
                section=win.section, start=start, end=end, extractor="rules",
            ))
    return out


_LEAD_LOSES = re.compile(r"[^。；;]{0,12}?(?:落后|略低|稍低|偏低|低了|不如|输了|还差|差一些|差一点)")
_ONE_LIST = re.compile(r"[\s\d.%％、,，/]*(?:(?:和|及|与|以及|and|or)[\s\d.%％、,，/]*)?")  # (values of one run)
_CONTRAST_WORD = re.compile(r"\b(?:whereas|while)\b", re.IGNORECASE)
_SUBORDINATE_OPENING = re.compile(r"\s*(?:Where|Whereas|While)\b")
# "MMLU 上我们是 88.9，GPT-4o 是 88.7，基本打平", "X gets 71.2 and Y 71.0: a tie": a verdict of a tie with no object
_BARE_TIE = re.compile(r"[，,;；:：—\s]*"
                       # ("…，差不到 1 分，基本打平", "…，两个基本打平": the gap said first, or the pair named)
                       r"(?:(?:只?差(?:了)?(?:不到)?|相差(?:不到)?)\s*[\d.]+\s*(?:分|个点|个百分点)\s*[，,]\s*)?"
                       r"(?:两个|两者|二者|两家|双方)?(?:基本|几乎|大致|算是|可以说)?(?:打平|持平|相当|差不多|不相上下|平手)(?:了)?\s*(?:[。！!；;，,]|$)"
                       r"|[,;:—\s]*(?:(?:a|an\s+effective|essentially\s+a|basically\s+a)\s+tie|(?:roughly|essentially)\s+(?:level|tied|even))\b"
                       # ("A (88.9) and B (88.7) are essentially tied", "…, so the two are level")
                       r"|[)）]?[,;:—\s]*(?:so\s+)?(?:the\s+two\s+|they\s+|both\s+)?(?:are|were)\s+(?:essentially\s+|virtually\s+|"
                       r"statistically\s+|effectively\s+|basically\s+|roughly\s+|practically\s+)?(?:tied|level|even|neck\s+and\s+neck|"
                       r"on\s+par|indistinguishable)\b",
                       re.IGNORECASE)


_BARE_WIN = re.compile(r"[，,;；]\s*(?:这个|这项|这一项|这里|这回|这次|这一局)?\s*(?:也|还|又)?\s*(?:确实|的确|明显|稳稳|轻松)?\s*"
                       r"(?:(?P<up>赢了|胜出了?|占优|小胜|险胜|完胜|大胜|略胜一筹|更胜一筹)|(?P<down>输了|落败了?|小负|惜败|完败|被爆了?))"
                       # ("…，小胜 2.1 个点": with the margin)
                       r"(?:\s*(?P<margin>\d+(?:\.\d+)?)\s*(?:个百分点|个点|分|点))?\s*(?:[。！!；;，,]|$)")


# "QwQ-32B 拿到 63.4%，青岚只有 55.2%，差了 8 个多点", "Orca-3 gets 91.2 and Llama gets 84.5, a gap of 6.7 points":
# a gap between the two values just stated, naming neither model
_BARE_GAP = re.compile(
    r"[，,;；:：—]\s*(?:两者|二者|两家|中间)?\s*(?:差了|相差|差距(?:有|为|是|达到?)?|差出)\s*(?:了\s*)?(?:约|近|将近|快|足足|整整)?\s*"
    r"(?P<zh_delta>\d+(?:\.\d+)?)\s*(?:个多?百分点|个多点|个点|多?分|点)"
    r"|[,;:—]\s*(?:that['’]s\s+|which\s+is\s+|so\s+)?(?:a\s+(?:gap|difference|margin|spread)\s+of\s+(?:about\s+|nearly\s+|almost\s+|roughly\s+)?"
    r"(?P<en_delta>\d+(?:\.\d+)?)|an?\s+(?P<en_delta2>\d+(?:\.\d+)?)[- ]point\s+(?:gap|difference|margin|spread))",
    re.IGNORECASE)


# "…，天衡-3 为 82.3%，落后 4.3 个百分点", "…，B 为 90.1，领先 2.1 分": a margin of leading or trailing right after the
# second of two values, naming nobody: the second model's
_BARE_MARGIN = re.compile(r"[，,]\s*(?:(?P<up>领先|高出|高了)|(?P<down>落后|低了))\s*(?:了\s*)?(?:约|近|将近|足足)?\s*"
                          r"(?P<margin>\d+(?:\.\d+)?)\s*(?:个百分点|个点|分|点)")


def tie_of_two(scores: list[ScoreClaim], sentence: str, offset: int, topic: str | None = None) -> list[ComparisonClaim]:
    """Two models' scores on one benchmark, then a verdict of a tie naming neither: the first matches the second.

    A gap stated after the two ("…，差了 8 个多点", ", a gap of 6.7 points") compares them by their values: the model
    is the one the text is about (``topic``), else the one stated last."""
    if len(scores) != 2 or scores[0].benchmark != scores[1].benchmark or _same_name(scores[0].model, scores[1].model):
        return []
    a, b = sorted(scores, key=lambda c: c.start)
    about = [c for c in (a, b) if topic is not None and _same_name(c.model, topic)]
    gap = _BARE_GAP.match(sentence, b.end - offset) if a.value != b.value and a.unit == b.unit else None
    if gap is not None:
        # (with neither the text's model, the one stated last: "A 是 49.0%，B 是 42.0%，差了 7 个点" says B trails)
        model, other = (b, a) if not about or about[0] is b else (a, b)
        better = (model.value > other.value) != _lower_is_better(a.benchmark, a.metric or b.metric, lexicons())
        raw = gap.group("zh_delta") or gap.group("en_delta") or gap.group("en_delta2")
        qs, qe = _tight(sentence, a.start - offset, gap.end())
        return [ComparisonClaim(model=model.model, baseline=other.model,
                                relation="outperforms" if better else "underperforms", benchmark=a.benchmark,
                                metric=a.metric, delta=float(raw) if raw else None, quote=sentence[qs:qe],
                                source=a.source, section=a.section, start=offset + qs, end=offset + qe,
                                extractor="rules")]
    trail = _BARE_MARGIN.match(sentence, b.end - offset) if a.value != b.value and a.unit == b.unit else None
    if trail is not None and (b.value > a.value) == bool(trail.group("up")) \
            and not _lower_is_better(a.benchmark, a.metric or b.metric, lexicons()):
        # "…Qwen2.5-72B-Instruct 为 86.6%，天衡-3 为 82.3%，落后 4.3 个百分点": the model just stated leads or trails the
        # other by the margin, when the values say the same
        qs, qe = _tight(sentence, a.start - offset, trail.end())
        return [ComparisonClaim(model=b.model, baseline=a.model,
                                relation="outperforms" if trail.group("up") else "underperforms", benchmark=a.benchmark,
                                metric=a.metric, delta=float(trail.group("margin")), quote=sentence[qs:qe],
                                source=a.source, section=a.section, start=offset + qs, end=offset + qe,
                                extractor="rules")]
    both = _BOTH_AT.search(sentence, 0, b.end - offset) if a.value == b.value and a.unit == b.unit else None
    if both is not None and a.start - offset <= both.start():
        # "Kestrel-R 14B and Gemma 2 27B both score 61.5 on Arena-Hard", "A 和 B 都是 30.2%": one value said of both
        qs, qe = _tight(sentence, a.start - offset, max(a.end, b.end) - offset)
        return [ComparisonClaim(model=a.model, baseline=b.model, relation="matches", benchmark=a.benchmark,
                                metric=a.metric, delta=None, quote=sentence[qs:qe], source=a.source, section=a.section,
                                start=offset + qs, end=offset + qe, extractor="rules")]
    tie = _BARE_TIE.match(sentence, b.end - offset)
    relation = "matches"
    if tie is None:
        # "GPQA Diamond 星河是 59.1，GPT-4o 是 53.6，这个也确实赢了": a verdict of winning or losing naming neither is the
        # first's, when the values say the same
        tie = _BARE_WIN.match(sentence, b.end - offset)
        if tie is None:
            return []
        relation = "outperforms" if tie.group("up") else "underperforms"
        better = (a.value > b.value) != _lower_is_better(a.benchmark, a.metric or b.metric, lexicons())
        if a.value == b.value or better != (relation == "outperforms"):
            return []
    margin = tie.group("margin") if relation != "matches" else None
    start, end = a.start, offset + (tie.end() if relation == "matches"
                                    else tie.end() - len(tie.group(0)) + len(tie.group(0).rstrip("。！!；;，, ")) if margin
                                    else max(tie.end("up"), tie.end("down")))
    qs, qe = _tight(sentence, start - offset, end - offset)
    return [ComparisonClaim(model=a.model, baseline=b.model, relation=relation, benchmark=a.benchmark, metric=a.metric,
                            delta=float(margin) if margin else None,
                            quote=sentence[qs:qe], source=a.source, section=a.section, start=offset + qs,
                            end=offset + qe, extractor="rules")]


def both_at_ties(scores: list[ScoreClaim], sentence: str, offset: int,
                 comparisons: list[ComparisonClaim]) -> list[ComparisonClaim]:
    """``tie_of_two``'s one value said of both ("Kestrel-R 14B and Gemma 2 27B both score 61.5 on Arena-Hard, and on
    MT-Bench …") in a sentence that states more than those two values."""
    stated = {frozenset((_norm(c.model), _norm(c.baseline))) for c in comparisons}
    out: list[ComparisonClaim] = []
    for a, b in zip(scores, scores[1:], strict=False):
        if a.value != b.value or a.unit != b.unit or a.benchmark != b.benchmark or _same_name(a.model, b.model) \
                or frozenset((_norm(a.model), _norm(b.model))) in stated:
            continue
        both = _BOTH_AT.search(sentence, min(a.start, b.start) - offset, max(a.end, b.end) - offset)
        if both is None:
            continue
        qs, qe = _tight(sentence, min(a.start, b.start) - offset, max(a.end, b.end) - offset)
        out.append(ComparisonClaim(model=a.model, baseline=b.model, relation="matches", benchmark=a.benchmark,
                                   metric=a.metric, delta=None, quote=sentence[qs:qe], source=a.source,
                                   section=a.section, start=offset + qs, end=offset + qe, extractor="rules"))
    return out


# "both score", "are both at", "each scored", "都是", "均为", "同为": one value said of the two models named before it
_BOTH_AT = re.compile(r"\b(?:both|each)\s+(?:score[sd]?|scoring|land(?:ed|s)?|sit|sat|reach(?:ed)?|hit|post(?:ed)?|"
                      r"got|get|come\s+in|came\s+in|finish(?:ed)?)\b|\b(?:are|were)\s+both\s+(?:at|on)\b"
                      r"|都是|都为|都拿了|都拿到|都考了|都得了|均为|均是|同为|并列", re.IGNORECASE)
# "…GPT-4o 只有 33.2%，前者领先近 16 个百分点", "…and GPT-4o 33.2%; the former leads by 16 points": one of the two
# models just scored wins or trails, by how much
# (a verdict: an adverb, a word of leading or trailing, and perhaps the margin)
_VERDICT = (r"\s*(?:则|还|仍|依然|明显|大幅|稳稳|整整|is\s+)?\s*"
            r"(?:(?P<up>领先|胜出|高出|更高|更好|多出|反超|leads?|wins?|ahead)|(?P<down>落后|输了|更低|更差|低了|trails?|loses|behind))"
            # (the other of the two may be named after the verb: "后者反超前者 3.4 个百分点", "the latter leads the former by 2")
            r"(?:\s*(?:了\s*)?(?:前者|后者|对方|\bthe\s+(?:former|latter)\b))?"
            r"(?:\s*(?:了|by)?\s*(?:约|近|将近|大约|超过|about|nearly|almost|roughly|over)?\s*(?P<delta>\d+(?:\.\d+)?)\s*"
            r"(?:个百分点|个点|分|点|points?|pp|%))?")
_CAPABILITY = re.compile(r"(?:数学|推理|代码|编程|中文|英文|知识|指令遵循|对话|多语言|长文本|综合|整体)(?:推理)?(?:能力|水平|实力)"
                         r"|\b(?:math(?:ematical)?|reasoning|coding|programming|multilingual|overall|general)\s+"
                         r"(?:ability|abilities|skills?|capabilit(?:y|ies)|performance)\b", re.IGNORECASE)
_OBJECT_OF_THAN = re.compile(r"(?:比|较|比起|(?i:\bthan))\s*$")
_FORMER_LATTER_VERDICT = re.compile(r"(?P<which>前者|后者|\bthe\s+former\b|\bthe\s+latter\b)" + _VERDICT, re.IGNORECASE)
# the same verdict after one of the two models' names ("…GPT-4o 只有 76.0，Qwen 领先超过 15 个点")
_NAMED_VERDICT = re.compile(_VERDICT, re.IGNORECASE)


def former_or_latter_verdict(scores: list[ScoreClaim], sentence: str, offset: int,
                             names: Sequence[Mention] = ()) -> list[ComparisonClaim]:
    """Two models' scores on one benchmark, then 前者/后者 (the former/the latter), or one of the two by name, leading
    or trailing: that one compared with the other, with the margin the verdict states."""
    if len(scores) != 2 or scores[0].benchmark != scores[1].benchmark or _same_name(scores[0].model, scores[1].model):
        return []
    a, b = sorted(scores, key=lambda c: c.start)
    m = _FORMER_LATTER_VERDICT.search(sentence, b.end - offset)
    if m is not None:
        first = m.group("which").lower().endswith(("前者", "former"))
    else:
        # a name after both scores that is (the short form of) one of the two models, right before the verdict
        # (not "GLM 领先青鸾 2.6 分": a cue with its own object is the cue rules')
        said = [(n, v) for n in names if n.start >= b.end - offset and n.kind in ("model", "name")
                and (v := _NAMED_VERDICT.match(sentence, n.end)) is not None and v.end() > n.end + 1
                and not any(v.start("up" if v.group("up") else "down") < o.start <= v.end() + 2 for o in names)
                # (not the object of 比: "天枢-9 才 65.2，比玄鸟 Pro 低了三分多" is 天枢-9's verdict against it)
                and not _OBJECT_OF_THAN.search(sentence, max(0, n.start - 4), n.start)]
        whose = [(n, v, _one_of(n.text, a.model, b.model)) for n, v in said]
        whose = [(n, v, w) for n, v, w in whose if w is not None]
        if len(whose) != 1:
            return []
        _, m, first = whose[0]
    model, other = (a, b) if first else (b, a)
    qs, qe = _tight(sentence, a.start - offset, m.end())
    return [ComparisonClaim(model=model.model, baseline=other.model,
                            relation="outperforms" if m.group("up") else "underperforms", benchmark=a.benchmark,
                            metric=a.metric, delta=float(m.group("delta")) if m.group("delta") else None,
                            quote=sentence[qs:qe], source=a.source, section=a.section, start=offset + qs,
                            end=offset + qe, extractor="rules")]


# "ARC-Challenge: v2.3 88.1, v2.4 88.4, flat", "BBH: v2.3 66.7, v2.4 63.0, down 3.7 points": two models' values, then how
# the second moved from the first
PAIR_CHANGE = re.compile(
    r"\s*(?:%|％)?\s*[,;，；]\s*(?:so\s+|i\.e\.\s*|that\s+is\s+|basically\s+|essentially\s+|roughly\s+|基本)?"
    r"(?:(?P<tie>flat|unchanged|level|even|tied|identical|the\s+same|持平|打平|不变)"
    r"|(?P<dir>down|up|lower|higher|下降了?|下滑了?|提升了?|提高了?|涨了|跌了|掉了)\s*(?:by\s+)?(?P<delta>\d+(?:\.\d+)?)?\s*"
    r"(?:points?|pts|pp|分|个点|个百分点)?)(?=\s*(?:[.,;，。；)）]|$))", re.IGNORECASE)


def pair_change_verdicts(scores: list[ScoreClaim], sentence: str, offset: int,
                         comparisons: list[ComparisonClaim]) -> list[ComparisonClaim]:
    """Two models' values on one benchmark, one after the other, then a word of how the second moved from the first
    (``PAIR_CHANGE``): the second against the first (a tie names the first model first, as the gold does)."""
    out: list[ComparisonClaim] = []
    stated = {frozenset((_norm(c.model), _norm(c.baseline))) for c in comparisons}
    for a, b in zip(scores, scores[1:], strict=False):
        m = PAIR_CHANGE.match(sentence, b.end - offset)
        if m is None or a.benchmark != b.benchmark or _same_name(a.model, b.model) \
                or frozenset((_norm(a.model), _norm(b.model))) in stated:
            continue
        if m.group("tie"):
            model, baseline, relation = a, b, "matches"
        else:
            up = m.group("dir").lower() in ("up", "higher") or m.group("dir").startswith(("提", "涨"))
            model, baseline, relation = b, a, "outperforms" if up else "underperforms"
        delta = float(m.group("delta")) if m.group("delta") else None
        qs, qe = _tight(sentence, a.start - offset, m.end())
        out.append(ComparisonClaim(model=model.model, baseline=baseline.model, relation=relation,  # type: ignore[arg-type]
                                   benchmark=a.benchmark, metric=a.metric, delta=delta,
                                   unit="points" if delta is not None else None, quote=sentence[qs:qe], source=a.source,
                                   section=a.section, start=offset + qs, end=offset + qe, extractor="rules"))
    return out


# "小书童-13B 是 68.2，启明学伴 4 是 79.4，智学鹰 Pro 是 80.1，后两个基本持平", "…; the last two are level": a tie of the
# first or last two of the models the sentence listed values for
POSITIONAL_TIE = re.compile(r"(?P<which>后|前)(?:两|二)(?:个|者|款|位|家)\s*(?:基本|几乎|大致|差不多)?(?:持平|打平|相当|不相上下)"
                            r"|\bthe\s+(?P<en>last|first|latter|former)\s+two\s+(?:are|were)\s+(?:roughly\s+|essentially\s+|basically\s+)?"
                            r"(?:tied|level|even|on\s+par)\b", re.IGNORECASE)


def positional_tie(scores: list[ScoreClaim], sentence: str, offset: int,
                   comparisons: list[ComparisonClaim]) -> list[ComparisonClaim]:
    """``POSITIONAL_TIE``: the first two or last two of three or more models' values on one benchmark match."""
    m = POSITIONAL_TIE.search(sentence)
    if m is None:
        return []
    listed = [c for c in scores if c.end - offset <= m.start()]
    models = list(dict.fromkeys(c.model for c in listed))
    if len(models) < 3 or len({c.benchmark for c in listed}) != 1:
        return []
    last = (m.group("which") or "") == "后" or (m.group("en") or "").lower() in ("last", "latter")
    a, b = (models[-2], models[-1]) if last else (models[0], models[1])
    if any({_norm(c.model), _norm(c.baseline)} == {_norm(a), _norm(b)} for c in comparisons):
        return []
    first = next(c for c in listed if c.model == a)
    qs, qe = _tight(sentence, m.start(), m.end())
    return [ComparisonClaim(model=a, baseline=b, relation="matches", benchmark=first.benchmark, metric=first.metric,
                            delta=None, quote=sentence[qs:qe], source=first.source, section=first.section,
                            start=offset + qs, end=offset + qe, extractor="rules")]


# "…，Qwen2.5-72B 对应成绩为 88.6 和 88.1，青鸾-Max 分别领先 2.6 和 2.3 分": margins on each benchmark, no object named
RESPECTIVE_MARGINS = re.compile(r"分别(?P<v>领先|高出|高了|落后|低了|低)\s*(?P<a>\d+(?:\.\d+)?)\s*(?:分|个点|个百分点|点)?\s*"
                                r"(?:和|、|与|及)\s*(?P<b>\d+(?:\.\d+)?)\s*(?:分|个点|个百分点|点)?")


def respective_margin_verdicts(scores: list[ScoreClaim], sentence: str, offset: int, names: Sequence[Mention],
                               comparisons: list[ComparisonClaim]) -> list[ComparisonClaim]:
    """The subject named right before "分别领先 a 和 b 分" against the one other model whose values on the same two
    benchmarks the sentence gave, when the values' gaps are the margins."""
    m = RESPECTIVE_MARGINS.search(sentence)
    if m is None:
        return []
    subject = next((n for n in reversed(names) if n.kind in ("model", "name") and n.end <= m.start()
                    and not sentence[n.end:m.start()].strip()), None)
    if subject is None:
        return []
    before = [c for c in scores if c.end - offset <= m.start()]
    own = [c for c in before if _same_name(c.model, subject.text) or c.model.startswith(subject.text)]
    others = {c.model for c in before if c not in own}
    if len(own) != 2 or len(others) != 1:
        return []
    out: list[ComparisonClaim] = []
    for mine, raw in zip(own, (m.group("a"), m.group("b")), strict=True):
        theirs = next((c for c in before if c not in own and c.benchmark == mine.benchmark), None)
        margin = float(raw)
        if theirs is None or abs(abs(mine.value - theirs.value) - margin) > 0.051 \
                or any({_norm(c.model), _norm(c.baseline)} == {_norm(mine.model), _norm(theirs.model)}
                       and c.benchmark == mine.benchmark for c in comparisons):
            continue
        up = m.group("v") in ("领先", "高出", "高了")
        if up != (mine.value > theirs.value):
            continue
        qs, qe = _tight(sentence, subject.start, m.end())
        out.append(ComparisonClaim(model=mine.model, baseline=theirs.model, benchmark=mine.benchmark,
                                   relation="outperforms" if up else "underperforms", metric=mine.metric, delta=margin,
                                   unit="points", quote=sentence[qs:qe], source=mine.source, section=mine.section,
                                   start=offset + qs, end=offset + qe, extractor="rules"))
    return out


def _one_of(name: str, first: str, second: str) -> bool | None:
    """True when ``name`` is ``first`` (or its short form: "Qwen" of Qwen2.5-72B), False when it is ``second``, None when
    it is neither or both."""
    def names(full: str) -> bool:
        return _same_name(name, full) or full.lower().startswith(name.lower())
    a, b = names(first), names(second)
    return a if a != b else None


def _lower_is_better(benchmark: str | None, metric: str | None, lex: Lexicons) -> bool:
    """Which way is better is the vocabulary's to say; the benchmark goes by its gazetteer name."""
    return is_lower_better(metric, canonical_benchmark(benchmark, lex) if benchmark else None)


def relation_of_values(a: float, b: float, benchmark: str | None, lex: Lexicons, metric: str | None = None) -> str:
    """How a model with the value ``a`` stands against one with ``b`` on ``benchmark``: the higher leads, or the lower
    where lower is better (an error rate, perplexity); equal values match."""
    if a == b:
        return "matches"
    return "outperforms" if (a > b) != _lower_is_better(benchmark, metric, lex) else "underperforms"


# a negation right before a comparison cue ("does not beat", "didn't outperform", "fails to beat", "没有超过", "未能超越",
# "并不优于"), an adverb allowed between ("is not quite ahead of"); "not only beats", "不仅超过" are no negation
_NEGATED_BEFORE = led(re.compile(
    r"(?:\b(?:not|never|no\s+longer)|n['’]t|\bfail(?:s|ed)?\s+to|\bunable\s+to|\bcannot)\s+"
    r"(?:(?:quite|really|clearly|yet|always|consistently|significantly|actually|even|manage\s+to|going\s+to|able\s+to|"
    r"likely\s+to|expected\s+to)\s+)?"
    # ("does not perform at or above GPT-4o", "did not score above it")
    r"(?:(?:perform|score|rank|land|come\s+in|be)\s+(?:at\s+or\s+)?)?$"
    # ("I can't get Orion above Qwen2.5-72B-Instruct": a name between the negated verb and the cue)
    r"|(?:\bcannot|\bcan['’]t|\bcouldn['’]t|\bcould\s+not|\bunable\s+to|\bfail(?:s|ed)?\s+to)\s+(?:get|push|bring|lift)\s+\S+(?:\s+\S+){0,2}\s+$"
    r"|(?:没有|没能|未能|并不|并没有|从未|无法|未|没|不|不再)\s*$", re.IGNORECASE))
# cues that say which value is higher, not which system is better ("低于", "higher than", "below")
_DIRECTIONAL = re.compile(r"高|低|多|少|higher|lower|above|below|more|less|greater|smaller", re.IGNORECASE)


def _metric_before(sentence: str, lex: Lexicons, pos: int) -> str | None:
    """The metric the sentence names last before ``pos`` ("其字错误率（CER）仅为 2.1%，明显低于 …": CER)."""
    last = None
    for m in lex.metric_regex.finditer(sentence, 0, pos):
        last = m.group(0)
    return lexicon_metric(last) if last else None


_COORDINATED_GAP = re.compile(r"\s*(?:,\s*and|and|&|nor|和|与|及|、)\s*", re.IGNORECASE)
_COORDINATION_OPENS = re.compile(r"(?:^|[,;:，；：]\s*|\b(?:both|neither|and|but)\s+|[都均])\s*$", re.IGNORECASE)
_NEITHER_BEFORE = re.compile(r"\bneither\s+$", re.IGNORECASE)


def _coordinated_subjects(sentence: str, names: list[Mention], model: Mention) -> tuple[list[Mention], bool]:
    """The subjects listed with ``model`` right before it ("Tianshu-9 and Corvid-2 Pro both beat X", "Both A and B …",
    "天枢-9 和 Corvid-2 Pro 都…"), in order, when the list opens its clause; and whether "Neither … nor" lists them."""
    if model.start < 0 or RESPECTIVELY.search(sentence):
        return [model], False  # ("A 和 B 分别为 …，后者超过了 X": one of them)
    members = [model]
    models = [n for n in names if n.kind in ("model", "name") and n.end <= model.start]
    while True:
        before = next((n for n in reversed(models) if n.end <= members[0].start and is_model_shaped(n.text)
                       and _COORDINATED_GAP.fullmatch(sentence, n.end, members[0].start)), None)
        if before is None:
            break
        members.insert(0, before)
    if len(members) == 1 or not _COORDINATION_OPENS.search(sentence, 0, members[0].start):
        return [model], False
    return members, _NEITHER_BEFORE.search(sentence, max(0, members[0].start - 10), members[0].start) is not None


_EXCEPTED_BEFORE = re.compile(r"(?:\bexcept(?:\s+for)?|\bbut|\bother\s+than|\bapart\s+from|\bsave\s+for|\bexcluding|除了?|除去)\s*$",
                              re.IGNORECASE)


def _comparisons(document: Document, section: Section, offset: int, sentence: str, lex: Lexicons,
                 names: list[Mention], subjects: list[Mention], numbers: list[Number],
                 ctx_benchmark: SentenceBenchmark | None = None) -> tuple[list[ComparisonClaim], set[int]]:
    out: list[ComparisonClaim] = []
    used: set[int] = set()
    cjk = is_cjk_sentence(sentence)
    taken_until = -1
    baseline_starts: set[int] = set()
    seen_pairs: SeenPairs = {}
    if not cjk:  # first: "a 4.2% improvement over X" states the margin the cue path would not find
        out.extend(_improvement_over(document, section, offset, sentence, lex, names, subjects, numbers, used,
                                     seen_pairs, ctx_benchmark))
        # their baselines are objects, never the subject of a later cue ("falls short of A and sits behind B")
        baseline_starts.update(n.start for n in names if n.text in {c.baseline for c in out})
    for cm in cue_matches(sentence, lex):
        if cm.start() < taken_until:
            continue
        cue = lex.cue_table[cm.group(0).lower()]
        if sentence.startswith("的", cm.end()) and cue.shape == "after":
            continue  # "领先的技术", "超越的" : an adjective, not a comparison
        if cm.group(0) in ("相对", "对比") and _WORD_GOES_ON.match(sentence, cm.end()):
            continue  # "相对 GPT-4o，…", "对比了一下 Phi-3.5-mini，…" compare; "相对较高", "对比实验" do not
        free = [n for n in numbers if n.start not in used] if used else numbers  # margins already taken stay theirs
        result = _one_comparison(sentence, lex, cm.start(), cm.end(), cue.relation, cue.shape, cjk, names,
                                 subjects, free, section, frozenset(baseline_starts))
        # "比这两位都略高", "两个模型均不及 X": a group named by its size on one side says who that side is
        results = group_comparisons(document.text, section, offset, sentence, cm.start(), cm.end(), cue.relation,
                                    cue.shape, cjk, names, subjects, free, frozenset(baseline_starts)) \
            or ([result] if result is not None else [])
        if not results:
            if cue.shape == "after":
                # "outperforming A and B, and matching C" with no nameable subject: A and B are still
                # objects, never the subject of the next cue
                baselines_listed = _listed_names(sentence, names, cm.end())
                baseline_starts.update(n.start for n in baselines_listed)
            continue
        negated = _NEGATED_BEFORE.search(sentence, max(0, cm.start() - 48), cm.start()) is not None
        for result in results:
            model, baselines, region, relation, delta = result
            taken_until = region[1]
            if negated:
                # "does not beat X", "没有超过 X", "isn't quite on par with X": the subject trails X; "doesn't trail
                # X", "不输给 X": it is at least level with it
                relation = "matches" if relation == "underperforms" else "underperforms"
            if delta is not None and (_NOT_RESULT_AFTER.match(sentence, delta.end)
                                      or delta.unit == "x" and _SPEED.search(sentence, _clause_bounds(sentence, region[0])[0],
                                                                             delta.start)):
                continue  # "比 AdamW 高 49.6% 的吞吐量", "推理速度比上一代提升了 2.3 倍": a speed-up, not a result
            baseline_starts.update(b[0] for b in baselines)
            cs, ce = _clause_bounds(sentence, cm.start())
            benches = _comparison_benchmarks(sentence, names, cm.start(), region)
            margins_listed = _margin_list(sentence, numbers, delta) if len(benches) < 2 and delta is not None else []
            if margins_listed \
                    and (RESPECTIVELY.search(sentence, max(0, region[0] - 8), max(region[0] + 1, margins_listed[0].start))
                         # ("StepForge-7B beats it by 7.6 and 6.9 points, respectively")
                         or _RESPECTIVELY_AFTER.match(sentence, margins_listed[-1].end)):
                # "它的 GSM8K 是 81.5，MATH-500 是 62.0，分别比 X 高 2.9 和 4.8 分" ("C-Eval 85.6，CMMLU 84.9，比 X 分别提升
                # 2.3 和 1.7 个点"): one margin for each benchmark stated before, in order
                stated = list({n.text: n for n in names if n.kind == "benchmark" and n.end <= region[0]}.values())
                if not stated and ctx_benchmark is not None:  # (stated in the sentences before: "…; X beats it by …")
                    stated = [Mention(-1, -1, b, "benchmark") for b in ctx_benchmark.before]
                if len(margins_listed) >= 2 and len(stated) >= len(margins_listed):
                    benches = stated[len(stated) - len(margins_listed):]
            which = _FORMER_LATTER.search(sentence, _clause_bounds(sentence, cm.start())[0], cm.start())
            if len(benches) >= 2:
                # "GSM8K 与 MATH 分别为 …，后者与 GPT-4o 持平", "… on MMLU and GSM8K; the latter matches X": one of them
                if which is not None:
                    benches = [benches[0] if which.group(0).lower() in ("前者", "the former") else benches[-1]]
            elif not benches and which is not None and ctx_benchmark is not None and len(ctx_benchmark.before) >= 2:
                # "… HumanEval pass@1 为 90.2%，LiveCodeBench 为 38.7%。前者与 Claude 3.5 Sonnet 持平": the last two
                # benchmarks the paragraph named
                former = which.group(0).lower() in ("前者", "the former")
                benches = [Mention(-1, -1, ctx_benchmark.before[-2 if former else -1], "benchmark")]
            on_all = False
            if _ALL_OF_THEM.search(sentence, max(0, region[0] - 4), region[0] + 1) \
                    or _ON_ALL_OF_THEM.match(sentence, region[1]) \
                    or not cjk and _BOTH_BEFORE.search(sentence, max(0, cm.start() - 12), cm.start()):
                # ("ahead of X on both"; "On C-Eval it scored 86.3 and on CMMLU 85.0, both better than Yi-Large")
                # "在 HumanEval 上…，在 MBPP 上…，均超过 X": every benchmark named before the cue
                earlier = {n.text: n for n in names if n.kind == "benchmark" and n.end <= region[0]}
                count = _how_many(sentence, region)
                if 0 < count < len(earlier):
                    # "MMLU 上 86.1%，在 C-Eval 和 CMMLU 上分别为 …，两项均超过 GPT-4o": the last benchmarks named, as many as
                    # the sentence says
                    earlier = dict(list(earlier.items())[len(earlier) - count:])
                wanted = count - len(earlier)
                if wanted > 0 and ctx_benchmark is not None:
                    # "GSM8K 84.1, BBH 61.7; ahead of Phi-3-mini on both": the benchmarks of the sentences before
                    named_before = [Mention(-1, -1, b, "benchmark") for b in ctx_benchmark.before if b not in earlier]
                    if len(named_before) >= wanted:
                        earlier = {**{m.text: m for m in named_before[len(named_before) - wanted:]}, **earlier}
                if len(earlier) > 1:
                    benches, on_all = list(earlier.values()), True
            if not cjk and not on_all:
                # English states the benchmark after the comparison: "outperforms X by 4 points on MATH"
                after = [n for n in names if n.kind == "benchmark" and n.start >= region[1]
                         and _EN_ON_TAIL.search(sentence[max(region[1], n.start - 12):n.start])
                         and n.start < _clause_bounds(sentence, region[1])[1] + 1]
                if after:
                    benches = _benchmark_group(sentence, [n for n in names if n.kind == "benchmark"], after[0])
            if not benches and ctx_benchmark is not None and (said := ctx_benchmark.get()) is not None \
                    and not _CAPABILITY.search(sentence, *_clause_bounds(sentence, cm.start())):
                # (not a comparison of an ability the clause names: "其数学推理能力已接近 o1-mini 水平", "its coding ability
                # trails X": on no one benchmark, not the one the paragraph named last)
                benches = [Mention(-1, -1, said, "benchmark")]
            if _DIRECTIONAL.search(cm.group(0)) and relation != "matches" and _lower_is_better(
                    benches[0].text if benches else None, _metric_before(sentence, lex, cm.start()), lex):
                # "字错误率仅为 2.1%，明显低于 X": a lower error rate, perplexity or FID is the better result
                relation = "outperforms" if relation == "underperforms" else "underperforms"
            if delta is not None:
                used.add(delta.start)
            # "outperforms Self-RAG by 6.1 points and IRCoT by 3.8 points": each baseline with its own margin
            more = _more_baselines_by(sentence, names, numbers, delta) if not cjk and len(baselines) == 1 else []
            margins = {b[0]: n for b, n in more}
            used.update(n.start for _, n in more)
            if len(baselines) >= 2 and delta is not None and len(benches) < 2 and RESPECTIVELY.search(sentence):
                # "beats GPT-4o and Claude 3.5 Sonnet on MMLU by 1.2 and 0.8 points respectively": a margin each
                each = _margin_list(sentence, numbers, delta)
                if len(each) == len(baselines):
                    margins.update({b[0]: n for b, n in zip(baselines, each, strict=True)})
                    used.update(n.start for n in each)
            first_claim = len(out)
            for base in [*baselines, *(b for b, _ in more)]:
                if base[0] >= 0 and _EXCEPTED_BEFORE.search(sentence, max(0, base[0] - 14), base[0]):
                    continue  # "beats every model except GPT-4o", "超过了除 GPT-4o 以外的所有模型": the one it does not beat
                margin = margins.get(base[0], delta)
                if _seen_before(seen_pairs, model.text, base[2], [b.text for b in benches]):
                    continue
                bench_choices: list[Mention | None] = list(benches) if benches else [None]
                # "+4.5% and +0.9% on HumanEval and MBPP", "分别高出 6.2% 和 6.6%": one margin per benchmark
                listed = _margin_list(sentence, numbers, margin) if margin is not None and len(bench_choices) > 1 else []
                per_bench = dict(zip(range(len(bench_choices)), listed, strict=False)) \
                    if len(listed) == len(bench_choices) else {}
                used.update(n.start for n in listed)
                for i, bench in enumerate(bench_choices):
                    margin = per_bench.get(i, margins.get(base[0], delta))
                    spans = [(region[0], cm.end()), (base[0], base[1])]
                    if model.start >= 0:
                        spans.append((model.start, model.end))
                    if bench is not None and bench.start >= 0:
                        spans.append((bench.start, bench.end))
                    if margin is not None:
                        spans.append((margin.start, margin.end))
                    qs, qe = _tight(sentence, min(s for s, _ in spans), max(e for _, e in spans))
                    out.append(ComparisonClaim(
                        model=model.text, baseline=base[2], relation=relation,  # type: ignore[arg-type]
                        benchmark=bench.text if bench else None,
                        metric=_metric_near(sentence, lex, cm.start(), cm.end()),
                        delta=margin.value if margin else None,
                        unit=margin.unit if margin and margin.unit in ("%", "points", "x") else None,
                        setting=None, quote=sentence[qs:qe], source=document.source, section=section.title,
                        start=offset + qs, end=offset + qe, extractor="rules",
                    ))
            # "Tianshu-9 and Corvid-2 Pro both beat GPT-4o", "Neither A nor B beats X": each of the subjects listed
            members, neither = _coordinated_subjects(sentence, names, model)
            if len(members) > 1:
                made = out[first_claim:]
                flip = {"outperforms": "underperforms", "underperforms": "matches", "matches": "underperforms"}
                out[first_claim:] = [c.model_copy(update={
                    "model": m.text, "relation": flip[c.relation] if neither and c.relation else c.relation,
                    "start": min(c.start, offset + members[0].start),
                    "quote": sentence[min(c.start - offset, members[0].start):c.end - offset]})
                    for m in members for c in made if not _same_name(m.text, c.baseline or "")]

    if cjk and "比" in sentence:
        out.extend(_set_against_zh(document, section, offset, sentence, lex, names, subjects, numbers, used,
                                   seen_pairs, ctx_benchmark, {c.baseline for c in out}))
    for m in _DELTA_CUE.finditer(sentence) if numbers else ():
        for n in numbers:
            if n.start >= m.end() and ((n.unit in ("%", "points", "x") or n.signed) and n.start - m.end() <= 12
                                       or n.start - m.end() <= 3) \
                    and not _SCORED.search(sentence, m.end(), n.start) \
                    and not _PAREN_AFTER_NAME.search(sentence, m.end(), n.start + 1):
                # ("有大幅提升，获得 74.3 分" is a score; "领先 GPT-4o（33.2%）" is GPT-4o's value)
                used.add(n.start)
                # "分别比 X 高出 6.2% 和 6.6%": the whole list of margins
                for k in numbers:
                    if k.start > n.start and _LIST_SEP.match(sentence[n.end:k.start] or " "):
                        used.add(k.start)
                break
    return out, used


# "跟 o1-mini 的 53.8 比领先了三个多点", "和 R1 比起来还是差点意思": a model set against another with 跟 … 比, then
# the verdict (the than-shape "比 X 高" has no 跟 / 和 / 与 / 同 before it)
_SET_AGAINST_ZH = re.compile(r"(?:跟|和|与|同)\s*(?P<x>[^，,。；;比]{1,30}?)\s*比(?:起来|的话|较)?\s*[，,]?\s*"
                             r"(?:还是|还|则|要|都|也|可以说|算是|是)?\s*(?:我们|咱们|它)?\s*(?:略|稍微?|更|明显)?\s*"
                             r"(?P<v>领先|高|强|好|胜出|胜|赢|差|低|弱|落后|输|逊|"
                             r"持平|相当|差不多|打平)")
# verdicts that are no cue phrase of their own (the others take their relation from ``comparison_cues.tsv``)
_VERDICT_NOT_A_CUE = {"胜出": "outperforms", "胜": "outperforms", "赢": "outperforms", "输": "underperforms",
                      "逊": "underperforms"}


def _verdict(word: str, lex: Lexicons) -> str:
    cue = lex.cue_table.get(word)
    return cue.relation if cue is not None else _VERDICT_NOT_A_CUE[word]


def _set_against_zh(document: Document, section: Section, offset: int, sentence: str, lex: Lexicons, names: list[Mention],
                    subjects: list[Mention], numbers: list[Number], used: set[int], seen_pairs: SeenPairs,
                    ctx_benchmark: SentenceBenchmark | None, have: set[str | None]) -> list[ComparisonClaim]:
    """"LiveCodeBench 官方数字是 57.2，跟 o1-mini 的 53.8 比领先了三个多点": the subject against the named model."""
    out: list[ComparisonClaim] = []
    for m in _SET_AGAINST_ZH.finditer(sentence):
        base = next((n for n in _model_mentions(names) if m.start("x") <= n.start and n.end <= m.end("x")), None)
        if base is None or base.text in have:
            continue
        model = _pick_subject(sentence, names, subjects, m.start(), section, not_subjects=frozenset({base.start}))
        if model is None or _same_name(model.text, base.text):
            continue
        benches = _comparison_benchmarks(sentence, names, m.start(), (m.start(), m.end()))
        bench = benches[0].text if benches else ctx_benchmark.get() if ctx_benchmark is not None else None
        if _seen_before(seen_pairs, model.text, base.text, [bench] if bench else []):
            continue
        delta = _delta_after(sentence, numbers, m.end(), len(sentence), loose=True)
        if delta is not None and delta.start - m.end() > 8:
            delta = None
        if delta is not None:
            used.add(delta.start)
        start = min(model.start, m.start()) if model.start >= 0 else m.start()
        qs, qe = _tight(sentence, start, delta.end if delta is not None else m.end())
        out.append(ComparisonClaim(
            model=model.text, baseline=base.text, relation=_verdict(m.group("v"), lex),  # type: ignore[arg-type]
            benchmark=bench, delta=delta.value if delta is not None else None,
            unit=delta.unit if delta is not None and delta.unit in ("%", "points") else None,
            quote=sentence[qs:qe], source=document.source, section=section.title,
            start=offset + qs, end=offset + qe, extractor="rules"))
    return out


# "相对较高", "对比实验": the word goes on in Chinese after 相对 / 对比（了一下）, so no name follows it
_WORD_GOES_ON = re.compile(r"(?:了一下|一下|了)?+\s*+[\u3400-\u9fff]")  # (possessive: no backtracking into 了)
_BOTH_BEFORE = re.compile(r"[,;]\s*(?:both|all\s+(?:two|three|four|five))\s+(?:clearly\s+|well\s+|comfortably\s+|slightly\s+)?$",
                          re.IGNORECASE)  # (the values just listed, set off by a comma: not "A and B both beat C")
_FORMER_LATTER = re.compile(r"前者|后者|\bthe\s+(?:former|latter)\b", re.IGNORECASE)
_HOW_MANY = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5}
# (a margin may come first: "beating X by ~20 points on both")
_MARGIN_FIRST = r"(?:\s+by\s+(?:about\s+|around\s+|roughly\s+|~\s*)?\d+(?:\.\d+)?\s*(?:points?|pts|pp|%)?)?"
_COUNT_BEFORE = re.compile(r"([两二三四五])(?:项|个|门)(?:测试|基准|评测|榜单)?(?:上|中)?(?:成绩|得分)?\s*(?:[均都皆]|全部|全都)")


def _how_many(sentence: str, region: tuple[int, int]) -> int:
    """How many benchmarks "on both", "on all three", "三项都" speak of (0 when the sentence says no number)."""
    after = _ON_ALL_OF_THEM.match(sentence, region[1])
    if after is not None:
        return _HOW_MANY.get((after.group(1) or "both").lower(), 0)  # ("on all of them": no number)
    before = _COUNT_BEFORE.search(sentence, max(0, region[0] - 16), region[0] + 1)
    return _HOW_MANY[before.group(1)] if before is not None else 0


_ON_ALL_OF_THEM = re.compile(_MARGIN_FIRST + r"\s*(?:on|in|across)\s+(?:both|all\s+(two|three|four|five|of\s+them))\b",
                             re.IGNORECASE)
_PAREN_AFTER_NAME = re.compile(r"[A-Za-z0-9\u4e00-\u9fff]\s*[(（]\s*[+]?\d[\d.]*$")
_SCORED = re.compile(r"获得|取得|达到|拿到|拿下|得分|\b(?:reach|achiev|scor|hit)", re.IGNORECASE)
_AND_GAP = re.compile(r"\s*,?\s*(?:and\s+)?")
_BY_GAP = re.compile(r"\s+by\s+(?:about\s+|around\s+|nearly\s+|roughly\s+|over\s+)?")


_RESPECTIVELY_AFTER = re.compile(r"\s*(?:%|points?|pts|pp)?\s*,?\s*respectively\b", re.IGNORECASE)


def _margin_list(sentence: str, numbers: list[Number], first: Number) -> list[Number]:
    """``first`` and the margins listed right after it ("6.2% 和 6.6%", "+4.5% and +0.9%")."""
    out = [first]
    for n in numbers:
        # (a unit written once, after the last: "by 7.6 and 6.9 points")
        same_unit = n.unit == first.unit or first.unit is None and out[-1].unit is None
        if n.start > out[-1].start and same_unit and _LIST_SEP.match(sentence[out[-1].end:n.start] or " "):
            out.append(n)
    return out


def _more_baselines_by(sentence: str, names: list[Mention], numbers: list[Number],
                       delta: Number | None) -> list[tuple[Baseline, Number]]:
    """After "X by N": the further "and Y by M" pairs of the same comparison."""
    out: list[tuple[Baseline, Number]] = []
    pos = delta.end if delta is not None else -1
    while pos >= 0:
        name = next((n for n in _model_mentions(names) if n.start >= pos), None)
        if name is None or not _AND_GAP.fullmatch(sentence, pos, name.start):
            break
        num = next((n for n in numbers if n.start >= name.end), None)
        if num is None or num.unit not in ("%", "points") or not _BY_GAP.fullmatch(sentence, name.end, num.start):
            break
        out.append(((name.start, name.end, name.text), num))
        pos = num.end
    return out


SeenPairs = dict[tuple[str, str], set[str]]


def _seen_before(seen: SeenPairs, model: str, baseline: str, benchmarks: list[str]) -> bool:
    """Record a (model, baseline) comparison; True if the sentence already stated it.

    "与 X 相当或超过 X" is one statement, one claim; "在 A 上领先 X，在 B 上略逊于 X" are two,
    told apart by their benchmarks (a comparison with no benchmark repeats any other).
    """
    key = (_norm(model), _norm(baseline))
    benches = {_norm(b) for b in benchmarks} or {""}
    before = seen.setdefault(key, set())
    repeated = bool(before) and (bool(before & benches) or "" in before or "" in benches)
    before |= benches
    return repeated


# what a margin over a baseline is called ("a 17-point jump over Halcyon 2.5", "an edge of 2 points over X")
_GAIN_NOUNS = r"(?:improvement|gain|increase|margin|lead|boost|jump|leap|edge|advantage|uplift)"
_IMPROVEMENT_OVER = re.compile(
    r"\b(?:an?\s+)?(?:absolute\s+|relative\s+|average\s+)?" + _GAIN_NOUNS + r"s?\s+of\s+"
    r"(?:about\s+|around\s+|over\s+|up\s+to\s+)?([+]?\d+(?:\.\d+)?)\s*(%|points?|pp|pts)?\s+(?:over|above|against)\s+",
    re.IGNORECASE)


# "improves GSM8K by 3.2 points over X", "boosts accuracy by 4% compared to X": verb, margin, then baseline.
_IMPROVES_BY_OVER = re.compile(
    r"\b(?:improv(?:es|ed|ing)|boost(?:s|ed|ing)?|rais(?:es|ed|ing)|lift(?:s|ed|ing)?)\b(?:\s+[^\s,;.]+){0,4}?\s+by\s+"
    r"(?:about\s+|around\s+|over\s+|nearly\s+|up\s+to\s+|more\s+than\s+|roughly\s+)?([+]?\d+(?:\.\d+)?)\s*"
    r"(%|points?|pts|pp|percentage[- ]points?)?\s+(?:over|compared\s+(?:to|with)|relative\s+to|against)\s+",
    re.IGNORECASE)

# "a 6.4-point gain over its predecessor X", "a 3% absolute improvement over X": the margin comes first.
_GAIN_OVER = re.compile(
    r"\b(?:an?\s+)?([+]?\d+(?:\.\d+)?)\s*(%|-?\s*(?:points?|pts?|pp|percentage[- ]points?))\s+"
    r"(?:absolute\s+|relative\s+|average\s+)?" + _GAIN_NOUNS + r"s?\s+"
    r"(?:over|above|against|compared\s+(?:to|with))\s+(?:its\s+predecessor,?\s+|the\s+)?",
    re.IGNORECASE)


# "+4.5% over X", "+2.1 points vs. X": a signed margin, then the baseline.
_SIGNED_OVER = re.compile(r"(?<![\w.])\+(\d+(?:\.\d+)?)\s*(%|points?|pts|pp)?\s+(?:over|above|against|vs\.?|versus)\s+",
                          re.IGNORECASE)


# "up from 14 for Helix-Large", "down from 84.0 for their own SFT checkpoint", "up from 69.4 on rc2": the baseline's
# value, not a margin (after "on", a model only: "up from 61.0 on MMLU" names no baseline)
_CHANGE_FROM_FOR = re.compile(r"\b(?:up|down)\s+from\s+(\d+(?:\.\d+)?)\s*(%|points?|pts)?\s+(?:for|on)\s+"
                              r"(?:the\s+|its\s+|their\s+(?:own\s+)?)?", re.IGNORECASE)


# "which is 6.4 points over X", "1.8 points above the DPO baseline and 2.6 above SimPO": a margin, then the
# direction, then the baseline. ("ahead of", "behind", "higher than" … are cues of their own: the cue path
# reads their margins.)
MARGIN_RELATIVE = re.compile(
    r"(?<![\w.])([+]?\d+(?:\.\d+)?)\s*(points?|pts|pp|percentage[- ]points?|Elo)?\s+(over|above|below|from|on|vs\.?|versus)\s+"
    r"(?:the\s+|its\s+)?", re.IGNORECASE)
# "up 12.9 points from Kestrel-34B-v1", "down 2 points on its predecessor": a change since the baseline ("from"
# and "on" state a margin only after such a verb: "72.6 on five runs" does not)
_CHANGE_BEFORE = re.compile(r"\b(?:up|down|rises?|rose|gains?|gained|drops?|dropped|falls?|fell|climbs?|climbed)"
                            r"\s+(?:by\s+)?(?:about\s+|roughly\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)
_DOWN_WORDS = re.compile(r"\b(?:down|drops?|dropped|falls?|fell)\b", re.IGNORECASE)
_BEHIND_WORDS = frozenset({"below"})
_AND_BEFORE = re.compile(r"\band\s+$")


def _relative_margins(sentence: str, taken: list[tuple[int, int]]) -> list[re.Match[str]]:
    """``MARGIN_RELATIVE`` matches that state a margin: in points, or a bare number continuing a list of them
    ("1.8 points above X and 2.6 above Y"); "72.6 over five runs" is not one."""
    out: list[re.Match[str]] = []
    for m in MARGIN_RELATIVE.finditer(sentence):
        if any(a <= m.start(1) < b for a, b in taken):
            continue
        if m.group(3).lower() in ("from", "on", "vs", "vs.", "versus") \
                and not _CHANGE_BEFORE.search(sentence, max(0, m.start() - 30), m.start()):
            continue
        if m.group(2) or out and _AND_BEFORE.search(sentence, max(0, m.start() - 6), m.start()):
            out.append(m)
    return out


# "falls 3 points short of X": a margin behind the baseline.
_SHORT_OF = re.compile(r"\b(?:falls?|fell|falling|comes?|came)\s+(?:about\s+|nearly\s+|just\s+)?(\d+(?:\.\d+)?)\s*"
                       r"(%|points?|pts|pp|percentage[- ]points?|Elo)\s+short\s+of\s+", re.IGNORECASE)


# "comes within 2 points of o1": a small margin behind the baseline.
_WITHIN_OF = re.compile(
    # (a bare decimal margin too: "lands within 0.2 of GPT-4o-mini (82.0)")
    r"\bwithin\s+([+]?\d+(?:\.\d+)?|a|one|half\s+a|two|three)(?:\s*(%|points?|pts|pp|percentage[- ]points?)|(?<=\.\d)|(?<=\.\d\d))"
    r"\s+of\s+"
    r"(?!each\s+other|one\s+another)",
    re.IGNORECASE)


def _improvement_over(document: Document, section: Section, offset: int, sentence: str, lex: Lexicons,
                      names: list[Mention], subjects: list[Mention], numbers: list[Number], used: set[int],
                      seen_pairs: SeenPairs, ctx_benchmark: SentenceBenchmark | None) -> list[ComparisonClaim]:
    """"an improvement of 6.1 points over the previous best open model": margin first, baseline after."""
    out: list[ComparisonClaim] = []
    found = [*_IMPROVEMENT_OVER.finditer(sentence), *_GAIN_OVER.finditer(sentence), *_SIGNED_OVER.finditer(sentence),
             *_IMPROVES_BY_OVER.finditer(sentence), *_WITHIN_OF.finditer(sentence), *_SHORT_OF.finditer(sentence),
             *_CHANGE_FROM_FOR.finditer(sentence)]
    taken = [(m.start(), m.end()) for m in found]
    found += _relative_margins(sentence, taken)
    objects = set(_cue_objects(sentence, lex, names))  # and the baselines of earlier margins ("and 2.6 above SimPO")
    for m in sorted(found, key=lambda x: x.start()):
        behind = m.re is MARGIN_RELATIVE and (m.group(3).lower() in _BEHIND_WORDS
                                              or m.group(3).lower() in ("from", "on", "vs", "vs.", "versus")
                                              and _DOWN_WORDS.search(sentence, max(0, m.start() - 30), m.start()) is not None)
        behind = behind or m.re is _CHANGE_FROM_FOR and m.group(0)[:4].lower() == "down"
        relation = "underperforms" if m.re in (_WITHIN_OF, _SHORT_OF) or behind else "outperforms"
        if m.re is _WITHIN_OF and margin_value(m.group(1)) < 1:
            relation = "matches"  # ("within half a point of X", "within 0.2 of X": level with it, as the gold has it)
        r0 = m.end()
        r1 = _EN_REGION_END.search(sentence, r0)
        end = min(r1.start() if r1 else len(sentence), _clause_bounds(sentence, r0)[1])
        listed = [n for n in _listed_names(sentence, names, r0) if n.end <= end]  # within the margin's own phrase
        baselines = ([(n.start, n.end, n.text) for n in listed] if listed
                     else _baselines(sentence, names, r0, end, False))
        # "ahead of A on both and within 1.5 points of B": A is the object of a cue, not the subject
        model = _pick_subject(sentence, names, subjects, m.start(), section, not_subjects=frozenset(objects))
        objects.update(n.start for n in names if r0 <= n.start < end)
        num = next((n for n in numbers if n.start == m.start(1)), None)
        if num is not None and m.re is not _CHANGE_FROM_FOR and (m.re is not MARGIN_RELATIVE or baselines):
            used.add(num.start)  # a margin over something, named or not: never another comparison's margin
        if not baselines or model is None:
            continue
        benches = _comparison_benchmarks(sentence, names, m.start(), (r0, end))
        bench = benches[0].text if benches else ctx_benchmark.get() if ctx_benchmark is not None else None
        unit = {"%": "%"}.get(m.group(2) or "", "points" if m.group(2) and m.group(2).lower() != "elo" else None)
        for b in baselines:
            if _same_name(b[2], model.text) or _seen_before(seen_pairs, model.text, b[2], [bench] if bench else []):
                continue
            qs, qe = _tight(sentence, min(m.start(), model.start if model.start >= 0 else m.start()), max(b[1], m.end()))
            out.append(ComparisonClaim(
                model=model.text, baseline=b[2], relation=relation, benchmark=bench,  # type: ignore[arg-type]
                delta=None if m.re is _CHANGE_FROM_FOR else margin_value(m.group(1)),
                unit=None if m.re is _CHANGE_FROM_FOR else unit,  # type: ignore[arg-type]
                quote=sentence[qs:qe], source=document.source, section=section.title,
                start=offset + qs, end=offset + qe, extractor="rules",
            ))
    return out


_MARGIN_WORDS = {"a": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0,
                 "eight": 8.0, "nine": 9.0, "ten": 10.0}


def margin_value(raw: str) -> float:
    """"4.5" -> 4.5; "a" / "one" / "half a" ("within half a point of X") -> 1 / 1 / 0.5."""
    word = " ".join(raw.lower().split())
    return 0.5 if word == "half a" else _MARGIN_WORDS.get(word) or float(raw)


def _comparison_benchmarks(sentence: str, names: list[Mention], pos: int,
                           region: tuple[int, int]) -> list[Mention]:
    # (a place inside the baseline's region is still where: "较 GPT-4o 在 MMLU 上提升了 2.1 分")
    benches = [n for n in names if n.kind == "benchmark"
               and (not (region[0] <= n.start < region[1]) or _in_location(sentence, n))]
    if not benches:
        return []
    near = _benchmarks_near(sentence, benches, pos)
    if not near:
        return []
    before = [b for b in near if b.end <= pos]
    anchor = before[-1] if before else near[0]
    return _benchmark_group(sentence, benches, anchor)
