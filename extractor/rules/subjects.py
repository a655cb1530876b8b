"""Who a statement is about: its subject, and the names a comparison cue lists as its objects.

Both score and comparison claims need the subject of a statement, and both must keep the objects of
a cue ("surpasses GPT-4o and Claude") from being taken as that subject.
"""

from __future__ import annotations

import re
from contextvars import ContextVar

from extractor import lexicon
from extractor.regex_lead import led
from extractor.rules.measures import _LIST_SEP
from extractor.rules.mentions import DOCUMENT_SHORT_FORMS, SETTING, Lexicons, Mention, cue_matches, lexicons
from extractor.rules.names import _in_location, _norm
from extractor.segment import is_model_shaped
from schemas import Section

_LIST_INTRO = re.compile(r"\s*(?:如|例如|比如|包括|包含|including|such as|e\.g\.,?|like)\s*")
_DE_GAP = re.compile(r"\s*(?:的|'s|’s)\s*")  # "OpenAI 的 o1", "OpenAI's GPT-4o"
_LIST_GAP = re.compile(r"\s*(?:、|,|，)?\s*(?:以及|and|or|及)?\s*")
_PAREN_VALUE = re.compile(r"^\s*[(（][^()（）]{0,24}[)）]")


def _model_mentions(names: list[Mention]) -> list[Mention]:
    return [n for n in names if n.kind in ("model", "name")]


def _pick_subject(sentence: str, names: list[Mention], subjects: list[Mention], before: int,
                  section: Section, exclude: tuple[int, int] = (0, 0),
                  not_subjects: frozenset[int] = frozenset(), barrier: int = 0) -> Mention | None:
    """The model a statement at ``before`` is about: the nearest name before it, or the section subject.

    ``not_subjects``: start offsets of names already used as baselines in this sentence
    ("X 超过了 Y，甚至接近 Z": the subject of 接近 is still X, not Y).
    """
    bench_starts = {n.start for n in names if n.kind == "benchmark"}
    cands = [n for n in _model_mentions(names) if barrier <= n.start and n.end <= before
             and not (exclude[0] <= n.start < exclude[1]) and n.start not in not_subjects
             and not _in_location(sentence, n) and not _owns_benchmark(sentence, n, bench_starts)
             and not _is_attribute(sentence, n) and not _in_setting_parens(sentence, n)
             and not _in_a_closed_note(sentence, n, before)
             and not _COMPONENT_AFTER.match(sentence, n.end) and not is_judge(sentence, n)
             and not _POSSESSED.search(sentence, max(0, n.start - 8), n.start)
             and not _OBJECT_OF.search(sentence, max(0, n.start - 12), n.start)
             and not _ABLATED.search(sentence, max(0, n.start - 10), n.start)
             and not _BUILT_ON.search(sentence, max(0, n.start - 20), n.start)
             and n.text.lower() not in lexicon.setting_words()
             and (_subject_ok(n.text, section) or _ACTS.match(sentence, n.end) or _cue_follows(sentence, n.end))]
    # a bare 我们/we far from the statement ("我们确保……专家的准确率达到 65%") is about something else
    subj = [s for s in subjects if barrier <= s.start and s.end <= before
            and (before - s.end <= 30 or s.text.lower() not in ("我们", "we", "本文"))
            # ("GPT-4o 的 MMLU-Pro 我们测的是 73.3", "R1 我们自己跑的是 71.5%": who measured the named model's value)
            and not (s.text in ("我们", "我") and cands and cands[0].end <= s.start and _MEASURED_BY.match(sentence, s.end))
            and (s.kind != "sizeref" or not cands)]  # "PreSelect 在 3B 模型上": a size after a name is a setting
    best = cands[-1] if cands else None
    if best is not None:
        # "模型的准确度" stands for the topic only when no model is named before it ("Qwen2.5-14B 模型的表现")
        subj = [s for s in subj if not s.text.startswith("模型")]
    if subj and best is None and subj[-1].kind == "sizeref":
        return subj[-1]  # "the 72B": the document's registry says which model (``extractor.rules.frames``)
    sized = [x for x in subj[:-1] if x.kind == "sizeref"]
    if sized and best is None:
        return sized[-1]  # "The smaller variant reaches 62.0 on IFEval, and it beat GPT-4o-mini": the same one
    if subj and best is not None and subj[-1].text.lower() in _PLAIN_PRONOUNS and cands[0] is not best \
            and _AND_IT.search(sentence, max(0, subj[-1].start - 8), subj[-1].start):
        # "Meridian-4 now solves 56.7% …, more than double the 23.3% Meridian-3 managed, and it edges out o1-mini": a
        # coordinate clause's "it" goes on about the sentence's subject, not a name inside the clause before
        # (also after an opening place: "On MMLU, Halcyon-7B scores 63.8%, against 68.1% for X …, so it trails both")
        if cands[0].start <= 3 or _PLACE_OPENER.fullmatch(sentence, 0, cands[0].start):
            return cands[0]
        if subj[0] is not subj[-1] and subj[0].end <= cands[0].start and subj[0].text.lower() in _PLAIN_PRONOUNS \
                and section.subject:
            # ("On MMLU it scores 63.8%, against 68.1% for X and 71.9% for Y, so it trails both": the same "it")
            return Mention(subj[-1].start, subj[-1].end, section.subject, "subject")
    if subj and best is not None and subj[-1].text.lower() in _PLAIN_PRONOUNS:
        return best  # "Tern-8B's 71.0 … puts it within a point of X": it is the model the sentence just named
    if subj and best is not None and subj[-1].text in ("它", "其") and best.end <= subj[-1].start \
            and _RAN_BEFORE.search(sentence, max(0, best.start - 10), best.start):
        return best  # "我还顺手评测了 GPT-4o-mini 作为对照，它的 CMMLU 为 71.9": 它 is the model just run
    if subj and best is not None and _RIGHT_AFTER_NAME.fullmatch(sentence, best.end, subj[-1].start):
        return best  # "其中影响最大的是 DeepSeek-R1[5]，该模型在 AIME 2024 上取得 79.8%": the name the clause just gave
    if subj and best is not None and subj[-1].text == "它" and best.start == 0 and cands[0] is best:
        # "Kimi-k1.5 这次更新之后 MATH-500 到了 89.6，…不过 AIME 上它就差一点点了，是 60.8": the sentence opens with its
        # one named model, and 它 goes on about it
        return best
    if subj and (best is None or subj[-1].start > best.end):
        own = OWN_MODEL.get()
        said = PRONOUN_OBJECT.get()
        if said is not None and subj[-1].text.lower() in _PLAIN_PRONOUNS | {"它", "其"}:
            return Mention(subj[-1].start, subj[-1].end, said, "subject")  # "反而比它的 95.2% 低": the one quoted before
        if own and subj[-1].text.lower() in _FIRST_PERSON:
            # "GSM8K 上我们是 91.6%" in a report on "我们的 CoRe-RL-7B": we are the document's own model
            return Mention(subj[-1].start, subj[-1].end, own, "subject")
        if section.subject:
            return Mention(subj[-1].start, subj[-1].end, section.subject, "subject")
    if best is not None:
        return best
    if section.subject:
        return Mention(-1, -1, section.subject, "subject")
    return None


_MEASURED_BY = re.compile(r"\s*(?:自己)?(?:测|跑|复现|实测|复测|评测)(?:的|出|到|了|得)")


# a name, its citation, a comma, then the subject word: "DeepSeek-R1[5]，该模型…", "DeepSeek-R1，它…"
# (or a colon: "我们还评测了 TinyLlama-1.1B-Chat：它在 MMLU 上为 25.9%")
# (or the closing parenthesis of the name's own gloss: '在用"星穹 Pro"（Xingqiong-Pro-1126），它在 GPQA Diamond 上 59.1%')
_RIGHT_AFTER_NAME = re.compile(r"\s*(?:\[\d+(?:\s*[,，\-–]\s*\d+)*\])?\s*[)）]?\s*[,，:：]\s*")


# The model the document calls its own ("我们的 CoRe-RL-7B", "our Kite-7B", "we release X"): what 我们 / we / our
# model stand for as a subject. Set by ``extractor.rules.frames`` for the duration of one document.
OWN_MODEL: ContextVar[str | None] = ContextVar("own_model", default=None)
# the model 它 / "it" stands for as an object in the sentence being read, when the writers are its subject: the one the
# previous sentence quoted a score of ("X 在 MATH-500 上是 79.8%，我们超过了它；在 GSM8K 上我们是 91.6%，反而比它的 95.2%
# 低了 3.6 个点"); set by ``extractor.rules.prose`` for one sentence at a time
PRONOUN_OBJECT: ContextVar[str | None] = ContextVar("pronoun_object", default=None)
# the last two models named before the sentence being read (the former, the latter), when it says 前者 / 后者 / "the
# former" / "the latter"; set by ``extractor.rules.prose`` for one sentence at a time
NAMED_PAIR: ContextVar[tuple[str, str] | None] = ContextVar("named_pair", default=None)
_FIRST_PERSON = frozenset({"我们", "本文", "we", "our method", "our model", "our approach", "our system", "our framework",
                           "our best model", "我们的方法", "我们的模型", "我们的系统", "我们的框架", "我们提出的方法"})


# "the 10.2% of its Qwen2.5-Coder-7B-Instruct starting point": a name something else owns is not the subject
# "w/o RL", "without the verifier", "去掉奖励模型": an ablated part names a variant, not a model
_ABLATED = re.compile(r"(?:w/o|without|去掉|去除|移除|不用|不使用)\s*(?:the\s+)?$", re.IGNORECASE)
# "Applied to Qwen2.5-7B, our method …", "built on Llama-3": the base a method runs on is not its subject
_BUILT_ON = led(re.compile(r"\b(?:applied\s+to|on\s+top\s+of|built\s+on|based\s+on|fine-tuned\s+from|initiali[sz]ed\s+from|"
                       # "Corvid-R1 applies GRPO to a 32B base and reports …": a method a model uses is no subject
                       r"appl(?:y|ies|ying)|uses|using|adopts|adopting|employs|employing|leverages|leveraging|via|"
                       r"starting\s+from|with\s+(?:plain|vanilla|standard|simple))\s+(?:the\s+)?$|基于\s*$", re.IGNORECASE))
# ("SimpleRL-Zoo trains Qwen2.5-Math-7B with plain GRPO and lifts …": the recipe it trains with)
# ("its Orion-72B model now tops …" at the head of a clause is the subject: only an object is possessed)
_PLACE_OPENER = re.compile(r"(?:On|In|For|Across|At)\s+[^,;.]{1,40},\s*")  # "On MMLU (5-shot), " before the subject
_AND_IT = re.compile(r"[,;]\s*(?:and|but|so|while)\s+$")  # a coordinate clause opening right before its "it"
# the verb of a run right before a name ("我还顺手评测了 GPT-4o-mini", "又跑了 X"): what 它 then goes on about
_RAN_BEFORE = re.compile(r"(?:评测了|测了|跑了|测试了|试了|复现了|评测|测试)\s*$")
_PLAIN_PRONOUNS = frozenset({"it", "its"})  # (它 / 其 more often go on about the topic of the text)
_POSSESSED = re.compile(r"\b(?:of|than|over|from|to|with|vs\.?|versus|against|above|below|behind|beyond|on|"
                        r"beats?|surpass\w*|outperform\w*|trails?|matches)\s+(?:its|their)\s+$", re.IGNORECASE)
# "Sage-2 improved from Sage-1's 41.3 to 52.9 but remains behind X": a name after "from" or "than" is what
# the subject is measured against, never the subject of a later clause
# (and after above / behind / ahead of / over: "+5.3 over Kestrel-34B-v2 and it finally edges out Qwen2.5-32B";
# "below" was tried too and lost a held-out corpus one result)
# (and what a method trains: "SimpleRL-Zoo trains Qwen2.5-Math-7B with plain GRPO and lifts …")
_OBJECT_OF = re.compile(r"\b(?:from|than|versus|vs\.?|above|behind|ahead\s+of|over|trains|trained|fine-tunes|finetunes)\s+"
                        r"(?:the\s+)?$", re.IGNORECASE)
_ACTS = re.compile(r"\s*(?:取得|达到|获得|实现|拿下|拿到|跑出|录得|斩获|的准确率|的得分|的成绩|的表现|的性能|在[^，,。]{1,30}?(?:上|中)(?:取得|达到|获得)|"
                   r"scores|scored|achieves|achieved|reaches|reached|obtains|outperforms|surpasses|beats|"
                   r"posts|posted|gets|got|hits|lands|landed|records|recorded|delivers|delivered|trails|matches|"
                   # "Meridian 4 resolves 63.8% of issues", "solves 29 of the 40 problems"
                   r"resolves|resolved|solves|solved|passes|passed|completes|completed)")


# between a name and the comparison cue it is the subject of: "Atlas 3 narrowly ties X", "天枢 略胜 X"
_CUE_GAP = re.compile(r"\s*(?:[A-Za-z]+ly\s+|略|稍微?|明显|大幅|也|还|都)?\s*")


def _cue_follows(sentence: str, end: int) -> bool:
    """A name a comparison cue follows at once acts ("Atlas 3 ties X", "Atlas 3 edges out X"), like ``_ACTS``'s
    verbs: the cue makes even a name that is not model-shaped the subject."""
    return any(end < cm.start() and _CUE_GAP.fullmatch(sentence, end, cm.start())
               for cm in cue_matches(sentence, lexicons()))


# "which adds a Whisper encoder": a name used as a part of the model is not what is measured
_COMPONENT_AFTER = re.compile(r"\s*(?:(?:encoders?|decoders?|backbones?|tokenizers?|modules?|adapters?|projectors?|"
                              r"embeddings?|vision tower)\b|编码器|解码器|骨干|主干网络|分词器)", re.IGNORECASE)
_ATTRIBUTE_OWNER = re.compile(r"(?:其|的|\bits|\btheir)\s*$", re.IGNORECASE)


# "with GPT-4 as the judge", "judged by GPT-4o", "以 GPT-4 作为裁判": the model that grades the answers (MT-Bench,
# AlpacaEval, Arena-Hard), not the one whose result it is; and the reference a win rate is counted against ("win rate
# against GPT-4-0314 is 22.4%")
_JUDGE_AFTER = re.compile(r"\s*(?:-\s*)?(?:as\s+(?:the\s+|a\s+)?(?:judge|grader|evaluator|annotator)\b|(?:作为|担任|用作|为|做)\s*(?:评委|裁判|评判者?|评估者|judge\b|grader\b)|"
                          r"当(?:评委|裁判)|(?:评委|裁判|judge)\b)", re.IGNORECASE)
_JUDGE_BEFORE = led(re.compile(r"(?:\bjudged\s+by|\bgraded\s+by|\bjudge\s*[:=]|\bwin\s*-?\s*rates?\s+(?:against|vs\.?|versus)|裁判(?:模型)?(?:为|是|[:：])|评委(?:为|是|[:：]))\s*$",
                           re.IGNORECASE))


def is_judge(sentence: str, name: Mention) -> bool:
    """Is ``name`` the judge of an LLM-judged benchmark here ("GPT-4 as the judge", "judged by GPT-4o")?"""
    return _JUDGE_AFTER.match(sentence, name.end) is not None \
        or _JUDGE_BEFORE.search(sentence, max(0, name.start - 24), name.start) is not None


def _is_attribute(sentence: str, name: Mention) -> bool:
    """"其 PDR 最小", "CodeLlama 的 PDR", "its ECE": an acronym owned by something is a measure, not a model."""
    t = name.text
    return len(t) <= 5 and t.isalpha() and t.isupper() and bool(
        _ATTRIBUTE_OWNER.search(sentence, max(0, name.start - 7), name.start)) and not _NAMED_THING.match(
        sentence, name.end)


def _in_a_closed_note(sentence: str, name: Mention, before: int) -> bool:
    """"… level with Qwen2.5-72B-Instruct on MMLU (86.1 in the Qwen report) and 0.7 points below GPT-4o": a name inside
    a note in parentheses closed before the statement at ``before`` says where a number came from; it is not the
    subject of what follows the note."""
    parens = _enclosing_parens(sentence, name)
    return parens is not None and parens[1] < before and _SOURCE_AFTER.match(sentence, name.end) is not None


# "the Qwen report", "OpenAI's own card", "DeepSeek 技术报告": a name owning a source of numbers
_SOURCE_AFTER = re.compile(r"(?:['’]s)?\s*(?:own\s+)?(?:tech(?:nical)?\s+)?(?:report|paper|card|model\s+card|blog|team|"
                           r"leaderboard|numbers|figures?)\b|\s*(?:的)?(?:技术报告|报告|论文|官方|团队)", re.IGNORECASE)


def _in_setting_parens(sentence: str, name: Mention) -> bool:
    """"GSM8K (8-shot, CoT): 79.1%": a name inside a parenthesised evaluation setting is no subject."""
    parens = _enclosing_parens(sentence, name)
    return parens is not None and SETTING.search(sentence, parens[0], parens[1]) is not None


def _enclosing_parens(sentence: str, name: Mention) -> tuple[int, int] | None:
    """(where the parentheses around ``name`` open, where they close), None when it stands in none."""
    open_at = max(sentence.rfind("(", 0, name.start), sentence.rfind("（", 0, name.start))
    if open_at < 0 or max(sentence.rfind(")", open_at, name.start), sentence.rfind("）", open_at, name.start)) >= 0:
        return None
    close = min((i for i in (sentence.find(")", name.end), sentence.find("）", name.end)) if i >= 0), default=-1)
    return (open_at, close) if close >= 0 else None


_NAMED_THING = re.compile(r"\s*(?:模型|方法|框架|系统|智能体|models?|methods?|framework|system|agent)", re.IGNORECASE)


def _owns_benchmark(sentence: str, name: Mention, bench_starts: set[int]) -> bool:
    """"EpochAI 的 FrontierMath": the name is the benchmark's owner, not a model ("Orca-7B 的 AIME 2024 准确率":
    a name with a version or size is a model, whose result it is; so is a dashed one, "通玄-Pro 的 C-Eval 为 89.4")."""
    if any(ch.isdigit() for ch in name.text) or "-" in name.text or _TIER_END.search(name.text) \
            or name.text in DOCUMENT_SHORT_FORMS.get():  # ("小书童的 GSM8K": the short form of 小书童-13B is that model)
        return False
    m = _DE_GAP.match(sentence[name.end:name.end + 4])
    if m is None or name.end + m.end() not in bench_starts:
        return False
    # "Helix-Ultra's GPQA Diamond score of 71.4": the name's result on the benchmark, not its owner
    return _RESULT_ON_IT.match(sentence, name.end + m.end()) is None


_TIER_END = re.compile(r"\s(?:Pro|Max|Ultra|Mini|Flash|Turbo|Lite|Plus|Air|Nano)$")  # ("灵犀 Pro Max 的 C-Eval")
_RESULT_ON_IT = re.compile(r"[^,，。;；:：]{1,30}?\s*(?:scores?\b|results?\b|accuracy\b|number\b|成绩|准确率|得分|分数)",
                           re.IGNORECASE)


def _subject_ok(name: str, section: Section) -> bool:
    """Can ``name`` be the subject of a claim? Model-shaped names, the section's own subject, or the
    short form of a model the document introduced ("Ferrous" for "Ferrous-Coder 14B")."""
    if section.subject and _norm(name) == _norm(section.subject):
        return True
    return is_model_shaped(name) or name in DOCUMENT_SHORT_FORMS.get()




def _cue_objects(sentence: str, lex: Lexicons, names: list[Mention]) -> frozenset[int]:
    """Start offsets of the names listed right after an English "outperforms/surpasses" cue."""
    out: set[int] = set()
    for cm in cue_matches(sentence, lex):
        cue = lex.cue_table.get(cm.group(0).lower())
        if cue is not None and cue.shape == "after":
            out.update(n.start for n in _listed_names(sentence, names, cm.end()))
    return frozenset(out)


_FIRST_GAP_BAD = re.compile(r"[。；;:：!?！？]|比|与|和|在.{0,12}(?:上|中)|\d")
_FIRST_GAP_COMMA = re.compile(r"[,，](?!\s*(?:如|例如|比如|包括|包含|including|such as|e\.g\.|like)\b)")


# "its SFT-only sibling Corvid-SFT", "the DPO baseline Tulu-3-8B": a qualifier, a describing noun, then the name
DESCRIBED_BY_NEXT = re.compile(r"\s+(?:[a-z][a-z-]*\s+){0,2}(?:sibling|variant|counterpart|baseline|version|model|"
                               r"predecessor|checkpoint|release|teacher|base)s?\s*,?\s*")


def _listed_names(sentence: str, names: list[Mention], start: int) -> list[Mention]:
    """Names listed right after a cue: "优于其他基线，如 A、B 和 C" / "outperforms A, B and C"."""
    out: list[Mention] = []
    pos = start
    for n in sorted(_model_mentions(names), key=lambda x: x.start):
        if n.start < start:
            continue
        gap = sentence[pos:n.start]
        if out and (_DE_GAP.fullmatch(gap) or DESCRIBED_BY_NEXT.fullmatch(gap)):
            out[-1] = n  # "OpenAI 的 o1": the owner only qualifies the model
            pos = n.end
            continue
        if not out:
            ok = len(gap) <= 25 and not _FIRST_GAP_BAD.search(gap) and not _FIRST_GAP_COMMA.search(gap)
        else:
            gap = _PAREN_VALUE.sub("", gap, count=1)  # "Qwen2.5-3B (38.5%) and Llama-3.2-3B (33.1%)"
            ok = bool(_LIST_SEP.match(gap)) or bool(_LIST_GAP.fullmatch(gap))
        if not ok or out and _OWN_CLAUSE_AFTER.match(sentence, n.end):
            break  # ("小幅超过DeepSeek-V3，qingyun-max-0115则落后…": a name opening a clause of its own is no list member)
        out.append(n)
        pos = n.end
    return out


# a name followed by a topic-shifting particle opens its own clause ("，qingyun-max-0115则落后 DeepSeek-V3")
# ("…ahead of Corvid-2 Pro, and Corvid-2 Pro is 4.5 clear of X": a name then its verb)
_OWN_CLAUSE_AFTER = re.compile(r"\s*(?:则|却|反而|倒是)|\s+(?:is|was|sits|sat|trails|trailed|leads|led|beats|scores|scored|gets|got|"
                               r"reaches|reached|posts|posted|lands|landed)\s")
