"""Whose value a number is when the sentence's subject is not its owner.

"68.5% for Qwen2.5-7B", "LLaMA-2-7B(39.49%)", "CodeLlama 的 7B、13B 和 34B 模型分别为…": a number's
own phrase can name its owner; score claims ask these rules before falling back to the subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from extractor.regex_lead import led
from extractor.rules.baselines import PREDECESSOR
from extractor.rules.measures import _LIST_SEP
from extractor.rules.mentions import DOCUMENT_SHORT_FORMS, Mention, sentence_names
from extractor.rules.numbers import ON_RELEASE, Number
from extractor.rules.subjects import _is_attribute, _model_mentions, is_judge
from extractor.segment import is_model_shaped, is_versioned_product

# (nor who gave or measured the score: "官方给出的成绩是 …", "我测的成绩", "论文报告的得分")
_NOT_AN_OWNER = re.compile(r"模型|方法|系统|框架|它|其|[中上里]$|测试|基准|数据集|任务|榜单|官方|我|作者|论文|报告|给出|公布|测|跑")


_OWNED_GAP = re.compile(
    r"(?:'s|’s)?\s*(?:(?:baseline|model|system|method|基线|模型)\s*)?(?:[(（]|的\s*|为\s*|[:：]\s*|\s+at\s+)?\s*$")


_CONTRAST_WORDS = re.compile(r"但|而|然而|不过|相比之下|——|\b(?:but|while|whereas|however)\b", re.IGNORECASE)
_OWNER_NOUN = re.compile(r"([\u4e00-\u9fff]{2,6})的(?:[\u4e00-\u9fff]{0,6})(?:准确率|准确度|正确率|成功率|得分|分数|成绩)[^，,。]{0,8}$")


_DESCRIBED_SUBJECT = re.compile(r"[\s,，]*[\u4e00-\u9fff]{0,8}(?:模型|方法|系统|智能体|玩家|人类|专家|基线)")


def _contrast_before(sentence: str, pos: int) -> int:
    """Offset after the last contrast marker before ``pos`` that opens a new, described subject.

    "GPT-4o 的准确率仅为 5%，但推理模型……准确率可达 30-90%": the second number belongs to
    "推理模型", so names before 但 cannot be its subject (0 when there is no such marker).
    """
    last = 0
    for m in _CONTRAST_WORDS.finditer(sentence, 0, pos):
        if _DESCRIBED_SUBJECT.match(sentence, m.end()):
            last = m.end()
    return last


def _owned_by_other(sentence: str, pos: int) -> bool:
    """"专家的准确率达到 65%": a Chinese noun owns the score, so the topic model does not."""
    m = _OWNER_NOUN.search(sentence, max(0, pos - 30), pos)
    # "基准测试中的准确率", "数据集上的得分": a place, not an owner
    return m is not None and not _NOT_AN_OWNER.search(m.group(1))


_FOR_NAME = re.compile(r"\s*(?:[a-zA-Z@\d-]+\s+)?for\s+(?:the\s+|its\s+|their\s+)?"
                       r"(?:(?:previous|prior|predecessor|original|base|baseline|older|larger|smaller|vanilla|plain|standard|naive|naïve)\s+){0,2}")


def _named_after(sentence: str, num: Number, names: list[Mention]) -> Mention | None:
    """The owner a number's own phrase names: "compared with 68.5% for Qwen2.5-7B", "35.8% (AgentOccam)",
    "edging out GPT-4o, which managed 38.8%"."""
    if _FOR_IT.match(sentence, num.end):
        # "…, which is on par with Llama-3.1-70B-Instruct, we measured 69.1 for it": the model named last before
        before = [n for n in _model_mentions(names) if n.end <= num.start]
        # (not the sentence's own subject: "Orion-72B gets 71.2 for it" has no other model to mean)
        return before[-1] if before and (len(before) >= 2 or before[-1].start > 12) else None
    named = earlier_value_owner(sentence, num, names)
    if named is not None:
        return named
    that = _THAT_NAME.match(sentence, num.end)
    if that is not None:
        named = next((n for n in _model_mentions(names) if n.start == that.end()), None)
        if named is not None and _THAT_NAME_VERB.match(sentence, named.end):
            return named
    if _THE_BEFORE.search(sentence, max(0, num.start - 5), num.start):
        # "a large jump over the 70.0% of GPT-3.5", "well above the 58.2 of our own earlier release, Sable-7B-v0":
        # "the" value "of" a name is that name's
        named = _of_name(sentence, num.end, names)
        if named is not None:
            return named
    for after in (_FOR_NAME, ON_RELEASE, _PAREN_NAME):  # ("71.2 vs 76.9 on rc3": the release's)
        m = after.match(sentence, num.end)
        if m is not None:
            named = next((n for n in _model_mentions(names) if n.start == m.end()), None)
            if named is not None and after is _PAREN_NAME and _OWN_VALUE.match(sentence, named.end):
                break  # "rises to 65.1 (2.0-Pro: 59.8)": a name with its own value in the note is set against it
            if named is not None or after is _FOR_NAME:
                return named
    # "she puts DeepSeek-R1-Distill-Qwen-7B, also at 55.5": the name right before ", at"
    at = _COMMA_AT_BEFORE.search(sentence, max(0, num.start - 24), num.start)
    if at is not None:
        named = next((n for n in _model_mentions(names) if n.end == at.start()), None)
        if named is not None:
            return named
    # (parentheses that open a note, "49.9 (an earlier draft …)", leave the owner to the words before)
    w = _WHICH_BEFORE.search(sentence, max(0, num.start - 110), num.start)
    if w is not None:
        return next((n for n in _model_mentions(names) if n.end == w.start()), None)
    return None


_PAREN_NAME = re.compile(r"\s*[(（]\s*")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# (after "of", "recorded by", "posted by": a description of the owner may stand before its name, set off by a comma)
_OF_NAME = re.compile(r"\s*%?\s+(?:of|(?:recorded|posted|reported|scored|managed|set)\s+by)\s+")
_THE_VALUE = re.compile(r"\s*the\s+\d+(?:\.\d+)?", re.IGNORECASE)


def _of_name(sentence: str, pos: int, names: list[Mention]) -> Mention | None:
    """The name after "of" / "recorded by" at ``pos`` (a value's end), a description allowed before it ("of our own
    earlier release, Sable-7B-v0", "of a fine-tuned GPT-3")."""
    m = _OF_NAME.match(sentence, pos)
    if m is None:
        return None
    named = next((n for n in _model_mentions(names) if m.end() <= n.start <= m.end() + 40), None)
    return named if named is not None and _OWNER_DESCRIBED.fullmatch(sentence, m.end(), named.start) else None


def the_value_of(sentence: str, pos: int, names: list[Mention]) -> Mention | None:
    """The owner of "the <value> of <name>" right at ``pos`` (after a comparison cue: "a large jump over the 70.0% of
    GPT-3.5" measures against GPT-3.5)."""
    m = _THE_VALUE.match(sentence, pos)
    return None if m is None else _of_name(sentence, m.end(), names)


_OWNER_DESCRIBED = re.compile(r"(?:(?:the|a|an|our|its|their|own|[a-z]+(?:-[a-z]+)*)\s+){0,4}(?:[a-z]+\s*,\s*)?")
_CHANGED_FROM = re.compile(r"\b(?:up|down)\s+from\s+$|[(（]\s*was\s+$", re.IGNORECASE)  # ("(was 40.0 on rc2)")
_ON_OR_FOR_NAME = re.compile(r"\s*%?\s+(?:on|for)\s+(?:the\s+)?")


def earlier_value_owner(sentence: str, num: Number, names: list[Mention]) -> Mention | None:
    """The model an earlier value was measured on: "up from 69.4 on rc2", "down from 84.0 for Orion-7B" (after
    "on", a model only: "up from 61.0 on MMLU" names the benchmark)."""
    if not _CHANGED_FROM.search(sentence, max(0, num.start - 14), num.start):
        return None
    after = _ON_OR_FOR_NAME.match(sentence, num.end)
    return next((n for n in _model_mentions(names) if after is not None and n.start == after.end()), None)
# "DeepSeek-R1-Distill-Qwen-7B, also at 55.5": a name, then ", (also) at", then its value (the owner rule here, the
# score verb of ``scores`` and the sentence trigger of ``prose`` all read this one shape)
COMMA_AT = r",\s+(?:(?:also|still|now|only|just|both)\s+)?at"
_COMMA_AT_BEFORE = re.compile(COMMA_AT + r"\s+$")
_OWN_VALUE = re.compile(r"\s*(?:[:：=]|at|is|was|为|是)?\s*\d")
_FOR_IT = re.compile(r"\s*(?:%|points?)?\s+for\s+(?:it|them)\b")


# the verbs that join a name to its value ("is 84.1", "sits at 71.0"): the value-owner rule here, the benchmark copula of
# ``scores`` and the sentence trigger of ``prose`` all read this one shape
COPULA = r"(?:is|was|sits\s+at|stands\s+at|(?:comes|came)\s+in\s+at)"
# "On IFEval, Qwen2.5-72B is 84.1", "rc2 was 52.0", "GPT-4o at 53.6": a model, a copula (or "at"), its value
_COPULA_GAP = re.compile(r"\s+(?:" + COPULA + r"|at"
                         # ("R1 does a bit better at 49.2", "GPT-4o is far behind at 39.8": where it stands, with a verdict)
                         r"|(?:is|was|does|did|comes?\s+in|lands?)\s+(?:(?:far|well|much|just|slightly|a\s+bit|a\s+little|"
                         r"somewhat)\s+)?(?:behind|ahead|better|worse|higher|lower)\s+at"
                         # ("GPT-4o came third at 0.829", "Tern-8B finished last at 41.2": its place, then its value)
                         r"|(?:came|comes|finished|finishes|placed|places|ranked|ranks)\s+(?:first|second|third|fourth|fifth|"
                         r"last|\d(?:st|nd|rd|th))\s+(?:overall\s+)?(?:at|with)"
                         r")(?:\s+|\s*(?:\.\.\.|…)\s*)")  # ("GPT-4.1 was... 80.1", spoken)


# "SVG-1.5B improves its backbone, Qwen2.5-Math-1.5B-Instruct, from 75.8 to 80.4": a verb of improving a named model
_IMPROVES_BEFORE = re.compile(r"\b(?:improves|improved|lifts|lifted|raises|raised|boosts|boosted)\s+"
                              r"(?:(?:its|the|their)\s+(?:backbone|base(?:\s+model)?|baseline|teacher|starting\s+point)\s*,?\s*)?$",
                              re.IGNORECASE)
COMPARED_OPENING = re.compile(r"[\s*>-]*(?:Compared\s+(?:with|to)|Relative\s+to|Against|Versus|Over)\s+(?:(?:its|their|the)\s+"
                               r"(?:predecessor|previous\s+(?:generation|version|release|model)|backbone|base(?:\s+model)?|"
                               r"baseline)\s*,?\s*)?", re.IGNORECASE)
_FROM_A_TO_B = re.compile(r"\bfrom\s+(?P<a>\d+(?:\.\d+)?)\s*%?\s+to\s+(?P<b>\d+(?:\.\d+)?)", re.IGNORECASE)


def improved_from_to(sentence: str, names: list[Mention], numbers: list[Number]) -> list[tuple[Mention, Number]]:
    """(owner, value) of the "from a to b" changes a model makes to another one it improves: a is the improved model's,
    b the subject's ("SVG-1.5B improves its backbone, Qwen2.5-Math-1.5B-Instruct, from 75.8 to 80.4 on MATH-500 and
    from 10.0 to 16.7 on AIME 2024")."""
    models = _model_mentions(names)
    improved = next((n for n in models if _IMPROVES_BEFORE.search(sentence, max(0, n.start - 40), n.start)), None)
    if improved is None:
        # "Compared with its predecessor, Halcyon-2 Pro, the new Ultra model improves MMLU-Pro from 68.7% to 79.9%":
        # the model the sentence opens by measuring against had the first values
        opening = COMPARED_OPENING.match(sentence)
        against = next((n for n in models if opening is not None and n.start == opening.end()), None)
        if against is None or not is_model_shaped(against.text):
            return []
        by_start = {n.start: n for n in numbers}
        return [(against, a) for m in _FROM_A_TO_B.finditer(sentence, against.end)
                if (a := by_start.get(m.start("a"))) is not None and by_start.get(m.start("b")) is not None]
    subject = next((n for n in models if n.end <= improved.start and n.text != improved.text), None)
    if subject is None or not is_model_shaped(subject.text):
        return []  # ("Raising the budget … lifts StepForge-32B from 61.5 to 74.6": the same model before and after)
    by_start = {n.start: n for n in numbers}
    out: list[tuple[Mention, Number]] = []
    for m in _FROM_A_TO_B.finditer(sentence, improved.end):
        a, b = by_start.get(m.start("a")), by_start.get(m.start("b"))
        if a is not None and b is not None:
            out += [(improved, a), (subject, b)]
    return out


def relative_clause_values(sentence: str, names: list[Mention], numbers: list[Number]) -> list[tuple[Mention, Number]]:
    """Each value a relative clause right after it gives to a model: "more than double the 23.3% Meridian-3 managed",
    "the 71.2 GPT-4o got"."""
    out: list[tuple[Mention, Number]] = []
    models = [n for n in _model_mentions(names) if is_model_shaped(n.text) or n.text in DOCUMENT_SHORT_FORMS.get()]
    for num in numbers:
        owner = next((m for m in models if 0 < m.start - num.end <= 2 and not sentence[num.end:m.start].strip()
                      and _CLAUSE_VERB.match(sentence, m.end)), None)
        if owner is not None and not num.signed:
            out.append((owner, num))
    return out


def _owner_names(names: list[Mention]) -> list[Mention]:
    """The sentence's model mentions a value can belong to: model-shaped, a short form the document set up, or a word
    and a version ("Atlas 3")."""
    forms = DOCUMENT_SHORT_FORMS.get()
    return [n for n in _model_mentions(names) if is_model_shaped(n.text) or n.text in forms or is_versioned_product(n.text)]


def values_for_named(sentence: str, names: list[Mention], numbers: list[Number]) -> list[tuple[Mention, Number]]:
    """Each value "for" a model named right after it gives to that model: "the figures are 94.3 for Tern-34B and 96.4
    for o1", "2061, against 1820 for o1-mini", "the 94.6% on GSM8K reported for Atlas 3" (a benchmark or a participle
    may stand between: "94.6% on GSM8K for Atlas 3")."""
    out: list[tuple[Mention, Number]] = []
    models = _owner_names(names)
    benches = [n for n in names if n.kind == "benchmark"]
    for num in numbers:
        if num.signed:
            continue
        at = num.end
        between = _BENCHMARK_BETWEEN.match(sentence, at)
        if between is not None and any(b.start == between.end() for b in benches):
            bench = next(b for b in benches if b.start == between.end())
            at = bench.end
        said = _FOR_NAMED.match(sentence, at)
        if said is None:
            continue
        owner = next((m for m in models if m.start == said.end()), None)
        if owner is None or _FOR_NAMED_NOT.match(sentence, owner.end):
            continue
        # ("35.4%, 61.0% and 40.2% for halo, Borealis and Mistral": values listed for names listed, in order)
        listed_after = _LIST_JOIN.match(sentence, owner.end)
        if listed_after is not None and any(m.start == listed_after.end() for m in _model_mentions(names)):
            continue
        if any(_LIST_JOIN.fullmatch(sentence, other.end, num.start) for other in numbers if other.end <= num.start):
            continue
        out.append((owner, num))
    return out


def values_before_named_parens(sentence: str, names: list[Mention], numbers: list[Number]) -> list[tuple[Mention, Number]]:
    """Each value with a model's name alone in parentheses right after it: "the numbers are 71.5 (DeepSeek-R1) and 65.0
    (Claude 3.5 Sonnet)", "improves IFEval from 81.4 (Meridian 3.5) to 88.1", "85.1（Tern-34B）"."""
    out: list[tuple[Mention, Number]] = []
    models = _owner_names(names)
    for num in numbers:
        opened = _PAREN_OPENS.match(sentence, num.end)
        if opened is None or num.signed:
            continue
        owner = next((m for m in models if m.start == opened.end()), None)
        if owner is not None and _PAREN_CLOSES.match(sentence, owner.end):
            out.append((owner, num))
    return out


_PAREN_OPENS = re.compile(r"\s*(?:%|％)?\s*[(（]\s*")
_PAREN_CLOSES = re.compile(r"\s*[)）]")


def values_after_yi(sentence: str, names: list[Mention], numbers: list[Number]) -> list[tuple[Mention, Number]]:
    """Each value after 以 and before a verb of ranking or comparing, the value the clause's model wins, trails or ranks
    with: "Tern-34B 在 MMLU 上以 85.1 超过 Llama 3.1 70B 的 83.0", "o1 以 96.4 领先，Tern-34B 以 94.3 紧随其后"."""
    out: list[tuple[Mention, Number]] = []
    models = _owner_names(names)
    for num in numbers:
        verb = _YI_VERB_AFTER.match(sentence, num.end) if _YI_BEFORE.search(sentence, max(0, num.start - 6), num.start) else None
        if num.signed or verb is None:
            continue
        if num.value < 15 and verb.group("verb") in _MARGIN_VERBS:
            continue  # ("青鸾以 0.6 分领先 GPT-4o": by how much it leads, not its score)
        clause_start = max((sentence.rfind(sep, 0, num.start) for sep in "，,；;。"), default=-1) + 1
        owner = max((m for m in models if clause_start <= m.start and m.end <= num.start), key=lambda m: m.start, default=None)
        if owner is not None:
            out.append((owner, num))
    return out


_YI_BEFORE = re.compile(r"以(?:高达|仅|仅仅|区区|微弱的?)?\s*$")
_YI_VERB_AFTER = re.compile(r"\s*(?:%|％|分|的成绩|的得分|的分数|分的成绩)?\s*(?:的成绩|的得分)?\s*"
                            r"(?P<verb>超过|超越|领先|击败|打败|战胜|力压|胜出|险胜|位列|位居|排名|排在|名列|夺得|拿下|登顶|居|"
                            r"紧随|落后|不敌|输给|略逊|逊于|低于|高于|优于|追平|持平|并列)")
_MARGIN_VERBS = frozenset(("超过", "超越", "领先", "落后", "低于", "高于", "优于", "胜出", "险胜", "力压"))


# (the unit already read: a number's end is after its "%"; "reported for", "measured for", "for the")
_FOR_NAMED = re.compile(r"\s*(?:%|％)?\s+(?:(?:reported|measured|posted|listed|recorded|given|quoted|claimed)\s+)?for\s+(?:the\s+)?")
_LIST_JOIN = re.compile(r"\s*(?:%|％)?\s*(?:/\s*|,\s*(?:and\s+)?|\s+and\s+|\s*[和、]\s*)")
_BENCHMARK_BETWEEN = re.compile(r"\s*(?:%|％)?\s+on\s+(?:the\s+)?")
# ("88.2 for Llama's price", "for GPT-4o-class models": a name that is not the owner)
_FOR_NAMED_NOT = re.compile(r"['’]s\b|-class\b|\s+(?:class|level|style|era|users|customers|pricing|price)\b")


_CLAUSE_VERB = re.compile(r"\s+(?:managed|got|scored|posted|reached|achieved|hit|had|put\s+up|reported|reports|claims|claimed)\b")


def predecessor_values(sentence: str, numbers: list[Number]) -> list[tuple[Mention, Number]]:
    """Each value a copula gives the earlier release, unnamed where it is said: "新模型是 86.3，上一代是 74.0" (the
    document's registry says which model ``PREDECESSOR`` is)."""
    out: list[tuple[Mention, Number]] = []
    for num in numbers:
        said = _PREDECESSOR_IS.search(sentence, max(0, num.start - 12), num.start)
        if said is not None and not num.signed:
            out.append((Mention(said.start(), said.start() + len(said.group(1)), PREDECESSOR, "name"), num))
    return out


_PREDECESSOR_IS = re.compile(r"(上一代|前一代|前代|上代)(?:模型|版本)?\s*(?:是|为|只有|仅为|只拿到|拿到|得分)\s*$")


# "我们是 41.0，对方是 49.0", "the other side is at 49.0": the other party of the sentence, the model it names last
# (or with the benchmark between: "不如 DeepSeek-Coder-V2-Lite，人家 HumanEval 81 左右")
_OTHER_PARTY_IS = re.compile(r"(?:对方|对手|人家)\s*(?:(?:在\s*)?[A-Za-z][A-Za-z0-9.\-]*(?:\s+[A-Za-z@0-9]+)?\s*[上里]?\s*)?"
                             r"(?:(?<=[A-Za-z0-9上里\s])|(?:是|为|只有|仅为|有|拿到|能到))\s*$")


_OTHER_PARTY_LIST = re.compile(r"(?:对方|对手)的?[^，。：:；;]{0,8}[：:]")


def other_party_values(sentence: str, names: list[Mention], numbers: list[Number],
                       earlier: str | None = None) -> list[tuple[Mention, Number]]:
    """Each value a copula gives 对方 / 对手 ("the other party"): the model the sentence named last before it ("SWE-bench
    Verified 上我们还落后 Claude 3.5 Sonnet，我们是 41.0，对方是 49.0"), else ``earlier``, the one the text last set the
    topic against ("…DeepSeek-V3 是 90.2%。SWE-bench Verified 上，对方 42.0%，我们 38.5%")."""
    out: list[tuple[Mention, Number]] = []
    # ("页脚列了对方的原始数字：MATH-500 83.1，GSM8K 95.9": a list after a label that says they are the other party's)
    listed = _OTHER_PARTY_LIST.search(sentence) if earlier is not None else None
    for num in numbers:
        if listed is not None and num.start >= listed.end() and not num.signed \
                and not any(listed.end() <= n.start < num.start for n in _model_mentions(names)):
            out.append((Mention(listed.start(), listed.start() + 2, earlier or "", "model"), num))
            continue
        said = _OTHER_PARTY_IS.search(sentence, max(0, num.start - 32), num.start)
        if said is None or num.signed:
            continue
        named = [n for n in _model_mentions(names) if n.end <= said.start()]
        if named:
            out.append((named[-1], num))
        elif earlier is not None and sentence.startswith("对方", said.start()):
            out.append((Mention(said.start(), said.start() + 2, earlier, "model"), num))
    return out


# "…no longer outperforms DeepSeek-R1, which reports 97.3% on MATH-500 and 79.8% on AIME 2024", "QwQ-32B, a model of
# the same size, which scores 90.6%": a relative clause's values are the model it follows
_WHICH_VERB = re.compile(r",\s*which\s+(?:also\s+)?(?:reports|reported|scores|scored|gets|got|reaches|reached|achieves|"
                         r"achieved|posts|posted|hits|manages|managed|sits\s+at|is\s+at)\s+")
_WHICH_RUN = re.compile(r"(?:[\d.]+\s*%?\s*(?:\([^()]{0,30}\)\s*)?(?:on|in)\s+[^,;]{1,40}?\s*(?:,\s*|\s+and\s+))*")
_APPOSITIVE = re.compile(r",\s*(?:a|an|the)\s+[^,;]{1,40}$")


def which_clause_values(sentence: str, names: list[Mention], numbers: list[Number]) -> list[tuple[Mention, Number]]:
    """Each value of a relative clause ("…, which reports A% on X and B% on Y") with the model named right before it
    (an appositive between allowed: "QwQ-32B, a model of the same size, which scores 90.6%")."""
    out: list[tuple[Mention, Number]] = []
    models = _model_mentions(names)
    for which in _WHICH_VERB.finditer(sentence):
        head = sentence[:which.start()]
        appositive = _APPOSITIVE.search(head)
        end = appositive.start() if appositive is not None else which.start()
        owner = next((m for m in reversed(models) if m.end <= end), None)
        if owner is None or sentence[owner.end:end].strip():
            continue
        for num in numbers:
            if num.start >= which.end() and _WHICH_RUN.fullmatch(sentence, which.end(), num.start):
                out.append((owner, num))
    return out


def copula_values(sentence: str, names: list[Mention], numbers: list[Number]) -> list[tuple[Mention, Number]]:
    """Each model with the decimal a copula joins it to: "On IFEval, Qwen2.5-72B is 84.1" (a model's name, not
    any word: "the gap is 3.1" is no result, and a value that is a margin or a count stays out)."""
    out: list[tuple[Mention, Number]] = []
    # (not the judge or the reference of a win rate: "win rate against GPT-4-0314 is 22.4%")
    models = [n for n in _model_mentions(names) if (is_model_shaped(n.text) or n.text in DOCUMENT_SHORT_FORMS.get())
              and not is_judge(sentence, n)]
    for num in numbers:
        if num.signed or num.unit not in (None, "%") or num.value > 100 or "." not in sentence[num.start:num.end]:
            continue
        owner = next((m for m in models if m.end < num.start and _COPULA_GAP.fullmatch(sentence, m.end, num.start)),
                     None)
        if owner is not None:
            out.append((owner, num))
    return out


@dataclass(frozen=True, slots=True)
class OwnedList:
    """A run of values one name owns ("compared with 69.8 and 55.1 for Gemma-2-9B"): value ``index`` of ``size``."""

    owner: Mention
    index: int
    size: int
    start: int  # where the run begins in the sentence


def owned_value_lists(sentence: str, numbers: list[Number], names: list[Mention]) -> dict[int, OwnedList]:
    """Values listed together and then given an owner: "69.8 and 55.1 for Gemma-2-9B", "(84.1 and 80.2 for X)".

    Keyed by each value's start. A single value is ``_named_after``'s; this is for runs of two or more, whose
    i-th value goes with the i-th benchmark the sentence paired with values before the run.
    """
    out: dict[int, OwnedList] = {}
    i = 0
    while i < len(numbers):
        run = [numbers[i]]
        while i + len(run) < len(numbers) and _LIST_SEP.match(sentence[run[-1].end:numbers[i + len(run)].start] or " "):
            run.append(numbers[i + len(run)])
        owner = _named_after(sentence, run[-1], names) if len(run) >= 2 else None
        if owner is not None and _FOR_NAME.match(sentence, run[-1].end):
            for k, num in enumerate(run):
                out[num.start] = OwnedList(owner, k, len(run), run[0].start)
        i += len(run)
    return out
# (an aside may follow "which": "DeepSeek-R1, which, as we understand the public numbers, sits around 49.2")
# ("o3-mini (high), which OpenAI reports at 87.3%", "o1-mini, whose published score is 63.6": a name's qualifier in
# parentheses may stand before the comma)
_WHICH_BEFORE = led(re.compile(r"(?:\s*[(（][^()（）]{1,16}[)）])?\s*[,，]\s*(?:which|who|whose|that)(?:\s*,[^,;:()]{1,60},)?\s+"
                           r"(?:[A-Za-z][A-Za-z'’-]*\s+){0,5}$"))  # ("which we re-ran locally at")
# "the 49.1 that DeepSeek-R1-Distill-Qwen-7B reports in its model card": the value a name reports, gets or claims
_THAT_NAME = re.compile(r"\s*%?\s+that\s+")
_THAT_NAME_VERB = re.compile(r"\s+(?:reports?|reported|gets?|got|claims?|claimed|posts?|posted|lists?|listed|scores?|scored|"
                             r"achieves?|achieved|reaches|reached|published|cites?|cited)\b")


_SIZE = r"\d+(?:\.\d+)?[BMK](?![A-Za-z0-9])"
_SIZE_LIST = re.compile(_SIZE + r"(?:\s*(?:、|,|，|和|与|及|以及|and|or|/)\s*" + _SIZE + r")+")
_SIZE_ONE = re.compile(_SIZE)
_HAS_SIZE = re.compile(r"[-_ ]?\d+(?:\.\d+)?[BMK]$", re.IGNORECASE)


def _sized_family(sentence: str, names: list[Mention], pos: int) -> list[Mention]:
    """"CodeLlama 的 7B、13B 和 34B 模型分别为…", "Qwen2's 7B and 72B variants … respectively":
    one model per listed size of the family named before the list (``CodeLlama-7B``...)."""
    lists = [m for m in _SIZE_LIST.finditer(sentence, 0, pos)]
    if not lists:
        return []
    sizes = lists[-1]
    family = [n for n in _model_mentions(names) if n.end <= sizes.start() and not _is_attribute(sentence, n)]
    if not family or _HAS_SIZE.search(family[-1].text):
        return []
    fam = family[-1]
    return [Mention(fam.start, m.end(), f"{fam.text}-{m.group(0)}", "model")
            for m in _SIZE_ONE.finditer(sentence, sizes.start(), sizes.end())]


def _model_list_before(sentence: str, names: list[Mention], pos: int) -> list[Mention]:
    """The last list of two or more model names before ``pos`` ("A、B 和 C" / "A, B and C")."""
    models = [n for n in _model_mentions(names) if n.end <= pos]
    if len(models) < 2:
        return []
    group = [models[-1]]
    for n in reversed(models[:-1]):
        if _LIST_SEP.match(sentence[n.end:group[0].start]):
            group.insert(0, n)
        else:
            break
    return group if len(group) >= 2 else []


def model_list_after(sentence: str, names: list[Mention], pos: int) -> list[Mention]:
    """The list of two or more model names right after ``pos`` and "for" / "by" / "of" ("35.4%, 61.0% and 40.2% for
    halo, Borealis and Mistral respectively")."""
    models = [n for n in _model_mentions(names) if n.start >= pos]
    if len(models) < 2 or not _FOR_LIST.fullmatch(sentence, pos, models[0].start):
        return []
    group = [models[0]]
    for n in models[1:]:
        if _LIST_SEP.match(sentence[group[-1].end:n.start]):
            group.append(n)
        else:
            break
    return group if len(group) >= 2 else []


_FOR_LIST = re.compile(r"\s*(?:%|points?)?\s*(?:,\s*)?(?:for|by|from|of)\s+(?:the\s+)?", re.IGNORECASE)
_PAREN_LEAD = re.compile(r"[\w\s'’-]{0,30}$")


def _in_parens_after(sentence: str, pos: int, owners: list[Mention]) -> Mention | None:
    """The owner ``pos`` is in parentheses a few words after, if any (the nearest)."""
    opened = max(sentence.rfind("(", 0, pos), sentence.rfind("（", 0, pos))
    if opened < 0 or max(sentence.rfind(")", opened, pos), sentence.rfind("）", opened, pos)) >= 0:
        return None
    near = [o for o in owners if o.end <= opened and _PAREN_LEAD.fullmatch(sentence, o.end, opened)]
    return max(near, key=lambda o: o.end) if near else None


def _baseline_owning(sentence: str, num: Number, spans: list[tuple[int, int, str]],
                     names: list[Mention]) -> Mention | None:
    """"超过人类水平 85%", "LLaMA-2-7B(39.49%)": a number right after a baseline is that baseline's score."""
    for a, _b, text in spans:
        if text == "baseline":
            continue
        # the baseline span may be the whole claim quote; find the baseline text inside the sentence
        i = sentence.rfind(text, 0, num.start)
        if i >= 0 and a <= i and _OWNED_GAP.fullmatch(sentence[i + len(text):num.start]):
            return Mention(i, i + len(text), text, "model")
    return None


# A group named by its size: "两款模型在 C-Eval 上的得分分别为 89.2 和 88.7", "both models score 71.2 and 68.4,
# respectively", "MMLU 上三者分别是 78.9、79.7 和 84.6", "the three score 68.1, 70.2 and 71.0 respectively"
_GROUP_OF_THEM = led(re.compile(
    r"(?P<two>两者|二者|两款模型|两个模型|两款|这两个模型|这两款模型|双方|两位"
    r"|\b(?:both\s+(?:[A-Z][\w.-]*\s+)?models|the\s+two\s+models|the\s+pair|both\s+of\s+them)\b)"
    r"|(?P<three>三者|三款模型|三个模型|三款|这三个模型|这三款模型|三位"
    r"|\b(?:the\s+three(?:\s+models)?|all\s+three(?:\s+models)?)\b(?!\s+(?:benchmarks|tasks|settings|datasets)))",
    re.IGNORECASE))


# a group that opens its sentence as its subject: "Both Quill models still lag behind GPT-4o", "两者都落后于 GPT-4o"
_GROUP_SUBJECT = re.compile(r"\s*(?:[A-Za-z]+,\s*)?(?:but\s+|and\s+|yet\s+|不过|但|而)?\s*$", re.IGNORECASE)


def group_subject(sentence: str) -> GroupReference | None:
    """The group a sentence opens with as its subject ("Both models …", "两者都 …"), if it opens with one."""
    m = _GROUP_OF_THEM.search(sentence, 0, 40)
    if m is None or not _GROUP_SUBJECT.fullmatch(sentence, 0, m.start()):
        return None
    return GroupReference(m.start(), m.end(), 2 if m.group("two") is not None else 3)


class GroupReference(NamedTuple):
    """Where a sentence names a group of models by its size ("三者"), and that size."""

    start: int
    end: int
    size: int


def group_reference(sentence: str, end: int) -> GroupReference | None:
    """The last "两者 / 三者 / the three …" before ``end``."""
    found = None
    for m in _GROUP_OF_THEM.finditer(sentence, 0, end):
        found = m
    if found is None:
        return None
    return GroupReference(found.start(), found.end(), 2 if found.group("two") is not None else 3)


def group_referents(text: str, start: int, end: int, count: int, leave_out: str | None = None,
                    by_last_mention: bool = False) -> list[Mention]:
    """The last ``count`` distinct models named in ``text[start:end]`` (what "两者" / "三者" / "both models"
    refers to), in the order they were first named there; empty when fewer than ``count`` were named.
    Short forms count as the models they stand for; ``leave_out`` (the other side of a comparison) is skipped.
    ``by_last_mention`` orders them as they were named last (what 前者 / 后者 count by)."""
    forms = DOCUMENT_SHORT_FORMS.get()
    left_out = forms.get(leave_out, leave_out) if leave_out else None
    recent: dict[str, int] = {}  # name -> where first named, ordered by when last named
    window = max(start, end - 800)
    if window > start:  # start the window at a sentence or line boundary, so no name is cut in two
        boundary = max(text.rfind(mark, start, window) for mark in ("\n", "。", ". "))
        window = boundary + 1 if boundary >= start else window
    for n in _model_mentions(sentence_names(text[window:end])):
        name = forms.get(n.text, n.text)
        if is_model_shaped(name) and name != left_out:
            first = recent.pop(name, window + n.start)
            recent[name] = window + n.start if by_last_mention else first
    for name in list(recent):  # "如何评价星火-Max" is 星火-Max with the words before it (a Chinese name has no left edge)
        shorter = next((o for o in recent if o != name and name.endswith(o)), None)
        if shorter is not None:
            recent[shorter] = min(recent[shorter], recent.pop(name))
    last = sorted(list(recent.items())[-count:], key=lambda kv: kv[1])
    return [Mention(-1, -1, name, "model") for name, _ in last] if len(last) == count else []


# "前者 55.6，后者 47.0", "前者为 55.6", "the former scores 55.6, the latter 47.0": a value right after one of a pair
FORMER_LATTER_VALUE = re.compile(
    # ("前者在我们的测试里是 31.4": where it was measured may come before the copula)
    r"(?P<which>前者|后者|\bthe\s+former|\bthe\s+latter)(?:\s*(?:在[^，,。；;\d]{1,12}?[里中上])?\s*(?:为|是|的|：|:|得分为?)\s*|\s+"
    r"(?:scores?|gets?|reaches|is\s+at|sits\s+at|at|with)\s+|\s+)(?=[+]?\d)", re.IGNORECASE)


def former_latter_values(sentence: str, numbers: list[Number], text: str, section_start: int,
                         offset: int) -> list[tuple[Mention, Number]]:
    """(owner, value) of each value stated right after 前者 / 后者 / the former / the latter: the first or the
    second of the last two models named before it (``group_referents``), none when fewer were named."""
    out: list[tuple[Mention, Number]] = []
    if "前者" not in sentence and "后者" not in sentence and "former" not in sentence and "latter" not in sentence:
        return out
    for m in FORMER_LATTER_VALUE.finditer(sentence):
        num = next((n for n in numbers if n.start == m.end()), None)
        if num is None:
            continue
        pair = group_referents(text, section_start, offset + m.start(), 2, by_last_mention=True)
        if len(pair) == 2:
            which = 0 if m.group("which").lower().endswith(("前者", "former")) else 1
            out.append((Mention(m.start(), m.start() + len(m.group("which")), pair[which].text, "model"), num))
    return out
