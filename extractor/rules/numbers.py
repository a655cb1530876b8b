"""The numbers of a sentence, and which of them are results.

A sentence holds many numbers that are no score (years, counts, costs, margins, old values); these
rules decide, before any name matcher runs, which numbers a claim may be built on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor import lexicon
from extractor.regex_lead import led
from extractor.rules.clauses import _clause_bounds
from extractor.rules.mentions import NUMBER, Lexicons, Mention, lexicons

_SPEED = re.compile(r"速度|加速|更快|延迟|吞吐|成本|显存|内存|参数|费用|价格|speed|faster|latency|throughput|cost|memory|cheaper|fewer|tokens?", re.IGNORECASE)
_SCORE_VERB = led(re.compile(
    r"达到|达|取得|获得|实现|拿下|拿到|拿了|来到|冲到|考了|跑出|录得|斩获|得分|分数|总分|平均分|均分|成绩|准确率|为|是|提高到|提升到|上升到|"
    # ("在 BBH 上得到 82.6", "在 BBH 上得 82.6", "C-Eval 得 89.4": 得 right after the place or the benchmark)
    r"得到了?|(?<=[上中A-Za-z0-9 ])得|"
    # spoken: "跑了下，只有 79.6", "Phi-4 都有 75.4 了", "math500 能到 94.6"
    r"只有|仅有|才|都有|能到|跑了|测了|测得|跑到|刷到|刷出了?|\b(?:achiev\w*|scor\w*|reach\w*|attain\w*|obtain\w*|got|gets|hits?|of|at|with|posts?|posted|records?|recorded|logs|logged|delivers?|delivered|notch\w*|lands?|landed|earns?|earned|secures?|secured|registers?|registered|manages?|managed|reports?|reported|measures?|measured|gives|gave|shows?|showed|claims?|claimed|"
    r"sits|sat|stands|reads|comes\s+in|came\s+in|puts\s+up|put\s+up|says|said|lists?|listed|quotes?|quoted|rated|"
    # "MATH-500 goes to 47.8", "brings GSM8K back to 81.9", "drops to 61.0"
    r"(?:goes|go|went|back|drops?|dropped|falls?|fell|rises?|rose|climbs?|climbed|jumps?|jumped|moves?|moved)\s+to)\b",
    re.IGNORECASE,
))
_YEAR = re.compile(r"(?:19|20)\d\d$")
_YEAR_MONTH = re.compile(r"(?:19|20)\d\d\.(?:0[1-9]|1[0-2])")
_SPREAD_UNIT = re.compile(r"\s*(?:±|\+/-)\s*\d+(?:\.\d+)?\s*[%％]")
_ZH_THAN_MARGIN = re.compile(r"比[^，,。；;比]{1,24}?(?:高|低|多|少|好|差|强|弱)(?:了|出)?\s*(?:约|近|超过)?\s*$")
# "与 GPT-4o 相比，天枢-Pro 的 MMLU 高 2.1 分": after a 相比 clause, a number right after 高 / 低 is the margin
_ZH_VERSUS_MARGIN = re.compile(r"(?:相比|相较|比较|对比)[^。；;]{1,40}?(?<![提最较更很升拔崇降减])(?:高|低)(?:了|出)?\s*(?:约|近)?\s*$")
_RESULT_NOUN_AFTER = re.compile(r"\s*(?:分)?\s*的\s*(?:[A-Za-z]{2,8}\s*)?(?:表现|成绩|得分|分数|总分|平均分|准确率|正确率)")
# After a number, a word that makes it a count ("scored 2 wins", "scored 3 goals"), not a score.
_POSSESSIVE_BEFORE = re.compile(r"[A-Za-z0-9]['’]s\s+$|[A-Za-z0-9)）]\s*的\s*$")  # "Tern-8B's 71.0", "GLM-4-9B 的 72.4"
# (a verb or a conjunction after the number is no counted noun: "R1's rating of 2029 is just below o1's 2061")
_COUNT_NOUN_AFTER = re.compile(r"\s+(?!(?i:on|in|at|across|for|and|or|with|points?|pts|elo|overall|out|is|was|are|were|but|"
                               r"which|while|just|still|versus|vs|against|beats?|trails?|puts?|places?|sits?|edges?|"
                               r"leads?|tops)\b)[A-Za-z]")
# Right before a bare number: it is a score or rating, not a year or a count ("scored 2005 on OCRBench",
# "an Elo of 1950", "Codeforces rating 为 1950", "得分 856").
_RATING_BEFORE = re.compile(
    r"(?:\bscor(?:es|ed|ing)|\bscore\s+(?:of|is|was)|\brating(?:\s+(?:of|is|was))?|\belo(?:\s+(?:of|is|was|rating))?"
    r"|得分(?:为|是|达到|高达)?|评分(?:为|是)?|等级分(?:为|是|达到了?|高达|来到)?|(?:rating|elo)\s*(?:分)?\s*(?:为|是|达到)"
    r"|拿了|拿到了?|拿下了?)\s*$", re.IGNORECASE)
# "略低于 o1 的 2061", "o1-mini's 1650" in a sentence on a rating: a name's own rating, a whole number
_RATING_CONTEXT = re.compile(r"Codeforces|CodeElo|Chatbot\s+Arena|WebDev\s+Arena|\bElo\b|\bratings?\b|评分|等级分", re.IGNORECASE)
# "2029 的 Elo 分数", "2029 Elo": a rating named right after the number
_RATING_AFTER = re.compile(r"\s*(?:的\s*)?(?:Elo|elo|ELO|评分|等级分|rating)")
_BARE_RANGE = re.compile(r"\s*(?:-|–|~|～|到|至)\s*(\d+(?:\.\d+)?)")
_RANGE = re.compile(r"\s*(?:到|至|~|～|–|—|-|to)\s*(\d+(?:\.\d+)?)")

# Patterns used in hot loops, compiled once (a module-level re.search costs a cache lookup per call).
_NOT_UNIT_FEN = re.compile(r"分(?:钟|之|别|析|类|布|成|为|支|割|数)")
# what stands before an item's "(1)" inside a sentence: its start, or a colon or semicolon closing the item before
_ITEM_OPENS = re.compile(r"(?:^|[:：;；。])\s*$")
_RANGES_FROM = re.compile(r"\b(?:rang(?:es|ed|ing)|var(?:ies|ied|ying)|anywhere|somewhere)\s+from\s+$", re.IGNORECASE)
_BETWEEN_OPEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_AND_HIGH = re.compile(r"\s*and\s*(\d+(?:\.\d+)?)")
_FROM_OPEN = re.compile(r"从[^，,。从]{0,20}$|\bfrom\s+$")
_OPEN_PAREN = re.compile(r"[(（]")


@dataclass(slots=True)
class Number:
    start: int
    end: int  # end including the unit
    value: float
    unit: str | None
    signed: bool
    value_high: float | None = None


def _numbers(sentence: str, lex: Lexicons) -> list[Number]:
    """The numbers of ``sentence`` (computed once per sentence text: the mention layer and the claim
    rules both read them; the ``Number`` records are not changed by their readers)."""
    if lex is not lexicons():
        return _read_numbers(sentence, lex)
    return list(_cached_numbers(sentence))


@lru_cache(maxsize=4096)
def _cached_numbers(sentence: str) -> tuple[Number, ...]:
    return tuple(_read_numbers(sentence, lexicons()))


_DOCUMENT_PART = re.compile(r"\b(?:Section|Sec\.|Sections|Table|Tab\.|Figure|Fig\.|Appendix|Eq\.|Equation|Chapter|"
                            r"Algorithm|Alg\.)\s*$|§\s*$")


def _read_numbers(sentence: str, lex: Lexicons) -> list[Number]:
    out: list[Number] = []
    counted = count_results(sentence)[0]  # "解决了 500 个问题中的 231 个": 231 个 is a result, not a count of things
    for m in NUMBER.finditer(sentence):
        if out and m.start() < out[-1].end:
            continue  # the upper end of a range already read
        if sentence[m.start() - 1:m.start()] == "[" and sentence[m.end():m.end() + 1] == "]":
            continue  # a citation "[1]"
        if sentence.startswith(("）", ")", "、"), m.end()) and not sentence[:m.start()].strip(" \t(（*#-") \
                and "." not in m.group(2):
            continue  # an item's number: "1）论文摘要中 AIME 2024 成绩…", "(2) …", "3、…"
        if m.end() - m.start() == 1 and sentence[m.start() - 1:m.start()] in ("（", "(") \
                and sentence[m.end():m.end() + 1] in ("）", ")") and _ITEM_OPENS.search(sentence, 0, m.start() - 1):
            continue  # "…要求修改：（1）论文摘要中 …；（2）…": an item's number inside the sentence
        raw = m.group(2).replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            continue
        end = m.end()
        unit: str | None = None
        um = lex.unit_regex.match(sentence, end)
        if um:
            word = um.group(0).strip().lower()
            unit = _unit_of(word)
            end = um.end()
        if lex.not_after.match(sentence, m.end()) and unit is None and m.start(2) not in counted:
            continue
        before = sentence[max(0, m.start() - 5):m.start()]
        if before.endswith(("第", "$", "¥", "￥", "Top-", "top-")) or before.rstrip().endswith(("前", "top", "Top")):
            continue  # a rank, a price, a percentile ("前 20%", "the top 20%")
        if _DOCUMENT_PART.search(sentence, max(0, m.start() - 12), m.start()):
            continue  # "described in Section 3.2", "see Table 4": a part of the document
        if unit is None and _YEAR_MONTH.fullmatch(m.group(2)):
            continue  # "LiveCodeBench（2024.08–2025.01）": a date
        if unit is None and _YEAR.fullmatch(m.group(2)) \
                and not _RATING_BEFORE.search(sentence, max(0, m.start() - 24), m.start()) \
                and not _RATING_AFTER.match(sentence, m.end()) and not _owned_rating(sentence, m.start()):
            continue  # "2024" is a year; "2,029" (Elo) and "an Elo of 1950" are not
        fen = (um.start() + len(um.group(0)) - len(um.group(0).lstrip())) if um else end  # (after any space)
        if unit == "points" and sentence.startswith("分", fen) and _NOT_UNIT_FEN.match(sentence, fen):
            # "分钟", "分别", "分析"... are not the unit 分 ("耗时约 3 分钟" too, with a space).
            unit, end = None, m.end()
        if unit is None:
            spread = _SPREAD_UNIT.match(sentence, end)  # "53.0 ± 1.1%": the unit comes after the spread
            if spread is not None:
                unit = "%"
        number = Number(m.start(), end, value, unit, bool(m.group(1)))
        if unit is None:
            # "30-90%", "80~90%": a range whose unit comes after the upper end
            hm = _BARE_RANGE.match(sentence, end)
            um2 = lex.unit_regex.match(sentence, hm.end()) if hm else None
            if hm and um2 and float(hm.group(1)) > value:
                number.value_high, number.unit = float(hm.group(1)), _unit_of(um2.group(0).strip().lower())
                number.end = um2.end()
                out.append(number)
                continue
        rm = _RANGE.match(sentence, end)
        before20 = sentence[max(0, m.start() - 20):m.start()]
        # ("pass@1 ranges from 38% to 41%" is a range; "from 38% to 41%" alone is a change)
        from_to = _FROM_OPEN.search(before20) is not None and _RANGES_FROM.search(before20) is None
        if rm is None and _BETWEEN_OPEN.search(before20):
            rm = _AND_HIGH.match(sentence, end)  # "between 38% and 41%"
        if rm and unit is not None and not from_to and not sentence[end:rm.start(1)].strip().startswith(("提高", "提升")):
            high = float(rm.group(1))
            if high > value:
                number.value_high = high
                um2 = lex.unit_regex.match(sentence, rm.end())
                number.end = um2.end() if um2 else rm.end()
        out.append(number)
    return out


def _owned_rating(sentence: str, start: int) -> bool:
    """Is the whole number at ``start`` a name's own rating ("略低于 o1 的 2061" in a sentence on Codeforces)?"""
    return (_POSSESSIVE_BEFORE.search(sentence, max(0, start - 4), start) is not None
            # ("R1 的评分是 2029，o1 是 2061": a name and its copula, in a sentence on ratings)
            or _NAME_COPULA_BEFORE.search(sentence, max(0, start - 24), start) is not None) \
        and _RATING_CONTEXT.search(sentence) is not None


_NAME_COPULA_BEFORE = re.compile(r"[A-Za-z0-9)）]\s*(?:是|为|则是|则为)\s*$"
                                 # ("below o1-mini at 1,650", "o1-mini is at 1650", "is rated 1,416": English too)
                                 r"|[A-Za-z0-9)]\s+(?:(?:is|was|sits|sat|stands)\s+)?at\s+$|\b(?:is|was)\s+rated\s+$")


def _unit_of(word: str) -> str | None:
    """The unit a unit word after a number reports (``units.tsv``; a word the table does not list counts points)."""
    return lexicon.unit_words().get(word, "points")


# What a percentage may measure that is not a benchmark result: data, compute, money, speed.
_NOT_RESULT_AFTER = re.compile(
    r"\s*(?:的|以上的?|左右的?)?\s*(?:token|tokens|数据|参数|计算|算力|成本|费用|时间|时长|样本|用户|人|训练|吞吐|速度|延迟|显存|内存|"
    r"throughput|speed|latency|memory|cost|compute|parameters|training|fewer|less|faster|cheaper|"
    r"(?:of\s+(?:the\s+)?)?(?:human|participants|users|people|annotators|respondents|developers|contestants))"
    # "还有 4 分左右的差距", "3 个点的优势": a margin between two systems
    r"|\s*(?:分|个点|个百分点|点)?\s*(?:左右|上下)?\s*的\s*(?:差距|优势|领先)"
    # "compared to 58.9% for the strongest baseline": the value of an unnamed other system
    r"|\s*for\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:baselines?|runner-up|previous|prior|competitors?)\b"
    # "don't over-read 2–3 point gaps", "a 4-point lead": a margin, not a result
    r"|\s*(?:-?\s*points?\s+)?(?:gaps?|leads?|margins?|differences?|swings?|deficits?)\b"
    # "对应人类选手的 96 分位", "the 96th percentile": a rank among people, not a result
    # (not "以 76.4 分位列第五", where 位列 is the rank's verb)
    r"|\s*(?:分位(?![列居])|百分位|th\s+percentile|percentile)|(?<=分)位(?![列居])"
    # "(95% CI −2.1 / +1.9)", "95% 置信区间": a confidence level
    r"|\s*(?:CI\b|confidence\s+interval|置信)"
    # "不同模型之间 1 分以内的差异", "within 1 point": a margin's bound
    r"|\s*(?:分|个点|个百分点|%|points?)?\s*以内"
    # "平均耗时约 3 分钟", "420 ms", "4–9 seconds": a duration
    r"|\s*(?:分钟|秒钟?|小时|毫秒|个?月|ms\b|seconds?\b|secs?\b|minutes?\b|mins?\b|hours?\b|hrs?\b|days?\b|weeks?\b)"
    r"|\s*for\s+(?:the\s+same|an?|the\s+(?:original|base|dense|vanilla|standard|default))\s+(?:[a-z0-9-]+\s+){0,2}"
    r"(?:model|variant|version|method|approach|system|router|setup|configuration)s?\b", re.IGNORECASE)
_SETTING_WORDS = (r"(?:\btemperature|\btemp\.?|\btop[-_ ]?[pk]|\blearning\s+rate|\blr|\bweight\s+decay|\bdropout|学习率|温度)"
                  r"\s*(?:=|:|：|为|of|is|at|set\s+to|设为|设置为)?")
_SETTING_VALUE_BEFORE = re.compile(_SETTING_WORDS + r"\s*$", re.IGNORECASE)
_DENIED_OR_CHANGE = (r"(?:\b(?:is|are|was|were|be|been|now|went|goes|it's|that's)|[,，(])\s*(?:up|down)(?:\s+by)?"
                     r"(?:\s+(?:about|around|nearly|roughly|almost|over))?"  # ("is up 9 points", not "puts up 71.2")
                     r"|\b(?:not|rather\s+than|instead\s+of)|而不是|并不是|不是"
                     r"|\b(?:spent|spend|spending|devoted|allocated)\s+(?:about\s+|roughly\s+|nearly\s+|over\s+|only\s+|maybe\s+|around\s+|almost\s+|just\s+|~)?")
# (a bare decimal is read against these only: the other reasons above were written for percentages and points)
_DENIED_OR_CHANGE_BEFORE = re.compile(r"(?:" + _DENIED_OR_CHANGE + r")\s*$", re.IGNORECASE)
# a bare 高 / 低 after a place, a party, a name or 是 states a margin, not a score ("我们在 C-Eval 上高 4.5 分", "MMLU 低一点六分",
# "原来是低 0.3"); ``extractor.rules.scores`` drops such values with the same words
BARE_HIGHER_LOWER = r"(?<=[上们它其是A-Za-z0-9])\s?(?:高|低)"
_NOT_RESULT_BEFORE = led(re.compile(
    r"(?:(?:成本|费用|开销|预算|延迟|显存|内存|时间|步数|训练步|数据量|样本量|输出长度|长度|占比|比例|样本)[^，,。\d]{0,6}|"
    # a share of something ("其中中文占 62%", "占了约 30%")
    r"占(?:了|据了?)?\s*(?:约|大约|近|超过)?\s*|"
    r"(?:\bcost|latency|memory|budget)[^，,。\d]{0,16}|"
    # a share of overlap with training data ("the 13-gram overlap scan said 0.3%", "污染率约 1.2%"): no result
    r"(?:\boverlap|\bcontaminat\w*|\bduplicat\w*|污染|重合|重叠)[^，,。\d]{0,16}|"
    # a threshold a goal sets ("KR1：MMLU-Pro ≥ 72", "target: GSM8K >= 85", "不低于 80 分")
    # ("样本只有约 500 条，误差小于 1 分": a bound, not a result)
    r"[≥≤]|>=|<=|不低于|不少于|不高于|小于|大于|"
    # a target set beforehand ("GSM8K 目标值 85%，实际 87.4%", "a target of 80% on GSM8K"): no result
    r"(?:目标值?|考核值|预期值?)(?:为|是|定为|定在)?\s*|"
    # a reference range ("参考范围75%–85%", "reference range 70-80", "正常范围 60 以上"): bounds, no result
    r"(?:参考范围|参考区间|参考下限|参考上限|正常范围|正常值|\breference\s+range|\bnormal\s+range)[:：为是\s（(]*|"
    r"\b(?:target|goal)(?:\s+(?:of|was|is|at|score))?\s*[:=]?\s*|"
    # a condition on scores ("当分数高于 88 分后", "once scores exceed 90"): a threshold, no result
    r"当[^，,。；;\d]{0,8}?(?:高于|低于|超过|大于|小于|达到|突破)|\bonce\s+(?:scores?|accuracy)\s+(?:exceeds?|passes|reaches)\s*|"
    # what guessing scores ("四选一随机猜测为 25%", "random chance is 25%"): the floor of a benchmark, not a result
    r"随机(?:猜测|猜|水平|基线)?[^，,。\d]{0,3}|\b(?:random(?:\s+(?:chance|guess(?:ing)?|baseline))?|chance(?:\s+level)?)"
    r"(?:\s+(?:is|of|at|would\s+be))?\s*[(（]?\s*|"
    r"(?:降低|减少|下降|下滑|压缩|缩减|节省|节约|reduc\w*|compress\w*|sav\w*|drop\w*|declin\w*|fell|falls?|within)"
    r"\s*(?:了|为|到|至|by|to)?\s*(?:原有的|原来的|约|近|大约|超过)?"
    # an ablated variant's value ("去掉 RL 后会掉到 41.7%", "removing X lowers AIME 2024 to 47.5"), a threshold
    # ("突破 50%", "the first to pass 50%"), a margin after "by" ("improves MATH by 3.1, 2.7 and 2.2 points")
    r"|(?:掉到|掉至|降至|降到|跌到|跌至|跌破|首次突破|突破)了?"
    # a margin between two results ("输了 3.6 分", "落后约 2 个点", "甩开好几分")
    # ("差 0.9 分", "差不到 1 分"; not "最差 40.1", the worst result)
    # ("险胜 0.6 分", "小胜 2.1 个点", "被爆了 6.5 分": a match's margin)
    # (a bare 高 / 低: "我们在 C-Eval 上高 4.5 分", not 最高's best)
    r"|" + BARE_HIGHER_LOWER +
    r"|(?:(?:只|仅|还|又|再|也|就)(?:高|低|多|少|强|弱)了?|输了|赢了|差了|只差|仅差|还差|相差|险胜|小胜|惜败|完胜|大胜|胜出|被爆了?|(?<![最较])差(?:不到)?|落后了?|领先了?|拉开了?|甩开了?|少了|多了|高了|低了|高出了?|低出了?|长了|短了|掉了|涨了|降了|跌了)"
    # ("落后它大概 4 分": the one it trails may stand between)
    r"\s*(?:它|其|对方|他们)?\s*(?:约|近|大约|大概|超过|将近|快|足足|整整|差不多)?"
    # what a group scores in general ("各受测模型得分普遍在 90% 以上", "大多在 60 分左右")
    r"|(?:普遍|大多|大都|基本都|全都|大家都|大家均|各家都|都在)(?:在|为|达到|超过|处于)?"
    # a change with no value of its own ("it is up 9 points"), a value denied ("56.1 for Orion-72B, not 61.3",
    # "而不是 61.3"), a share of effort ("we spent roughly 30% of the budget")
    r"|" + _DENIED_OR_CHANGE + r""
    # a decoding or training setting ("temperature 0.6、top-p 0.95", "learning rate of 2e-5", "采样温度为 0.7")
    r"|" + _SETTING_WORDS + r""
    r"|\b(?:pass|passes|passing|break|breaks|breaking|cross|crosses|crossing)"
    # what one item is worth ("one problem is worth 3.3 pts", "1 AIME problem = 3.3 points": a benchmark's granularity)
    r"|\bworth(?:\s+(?:about|around|roughly|only|just|nearly))?|\bproblems?\s*=\s*~?"
    # what one stage or change adds or costs ("the RL stage adds 14.5 points", "dropping it costs 2.1")
    r"|\b(?:adds|added|adding|costs|subtracts|takes\s+off|knocks\s+off)(?:\s+(?:about|around|roughly|another|nearly|over|only|just))?"
    r"|\bby(?:\s+(?:about|around|nearly|roughly|over|up\s+to))?(?:\s+[+]?\d+(?:\.\d+)?\s*(?:%|points?|pts|pp)?\s*(?:,|and|、)+)*"
    # and the later members of a list after such a word ("分别下降 0.4 和 0.2 分", "领先 2.1、3.4 分")
    r")(?:\s*[+]?\d+(?:\.\d+)?\s*(?:%|％|分|个?百分点|points?|pts|pp)?\s*(?:,|，|、|and|和|与|及)\s*)*\s*$",
    re.IGNORECASE))
# The rarer reasons, over a longer window, looked for only in sentences that hold one of their words
# (``_NOT_RESULT_HINT``): an ablation's "removing X lowers AIME 2024 accuracy to 47.5%", business figures
# ("revenue grew 40%", "营收同比增长 35%"), a difference between two systems ("the gap on GSM8K is 6.2 points",
# "差距为 2.4 分").
_NOT_RESULT_FAR_BEFORE = re.compile(
    r"(?:\b(?:lowers?|lowered|drops?|dropped|falls?|fell|slips?|slipped|decreases?|decreased)\s+(?:[\w'’-]+\s+){0,4}to"
    r"|(?:营收|收入|利润|毛利|用户数?|下载量|市值|股价|估值|市场份额|融资)[^，,。\d]{0,8}|(?:同比|环比)(?:增长|上涨|提升|下降|减少)?了?"
    # a share of users ("我们的 App 月活用户里，有 34%")
    r"|用户(?:里|中|当中)[，,]?\s*(?:有|约|近|超过)?"
    r"|\b(?:revenue|sales|income|profits?|margins?|users|subscribers|downloads|valuation|stock|shares|market\s+share|"
    r"funding|headcount|customers)\b[^,.;\d]{0,24}"
    r"|\b(?:gap|margin|lead|difference|delta|edge|advantage)\b(?:\s+(?:on|in|over|of|to|against|with)\s+[\w.' -]{1,30}?)?"
    r"(?:\s+(?:is|was|stands\s+at|of|at|(?:widens|widened|narrows|narrowed|shrinks|shrank|grows|grew)\s+to)|\s*[~≈]|,?\s+(?:about|around|roughly))"
    r"|(?:差距|差值|相差|差了|领先幅度|优势)(?:缩小|扩大|拉大)?(?:为|是|达|达到|到|至|有|在)?(?:近|约|超过|将近|大约)?"
    # ("差距不大，1.1 分": the gap's size after a word on it)
    r"|(?:差距|差值)(?:不大|很小|不小|较大|很大|明显)[，,]\s*(?:约|近|只有|仅)?"
    r")\s*$", re.IGNORECASE)
# (asked only whether it occurs: the words grouped by their first character, which comes from one class matched
# case-sensitively - "s" also matches "ſ", "i" "İ" and "ı" case-blind - so that ``re`` skips ahead to it)
_NOT_RESULT_HINT = re.compile(
    r"(?-i:[LlDdFfSsRrIiPpMmUuVvHhCcGgEeAa营收利毛用下市股估份融差相领优同环\u017f\u0130\u0131])(?:"
    r"(?<=l)(?:ower|owered|ead)|(?<=d)(?:rop|ecrease|ownloads|ifference|elta)|(?<=f)(?:all|ell|unding)"
    r"|(?<=s)(?:lip|ales|ubscribers|tock|hares)|(?<=r)evenue|(?<=i)ncome|(?<=p)rofit|(?<=m)(?:argin|arket)|(?<=u)sers"
    r"|(?<=v)aluation|(?<=h)eadcount|(?<=c)ustomers|(?<=g)ap|(?<=e)dge|(?<=a)dvantage"
    r"|(?<=营)收|(?<=收)入|(?<=利)润|(?<=毛)利|(?<=用)户|(?<=下)载量|(?<=市)值|(?<=股)价|(?<=估)值|(?<=份)额|(?<=融)资"
    r"|(?<=差)(?:距|值|了)|(?<=相)差|(?<=领)先幅度|(?<=优)势|(?<=同)比|(?<=环)比)", re.IGNORECASE)


# "拿到了 72.5 分——不好意思，我说错了，是 75.2 分", "it's 65.1, sorry, I misspoke, 59.1": a value the speaker takes back
_TAKEN_BACK_AFTER = re.compile(
    r"\s*(?:%|分|points?)?\s*[—–\-,，。!！…\s]*(?:(?:不好意思|抱歉|对不起|sorry|oops)[，,!！\s]*)?(?:我)?"
    r"(?:说错了|讲错了|念错了|口误|更正一下|纠正一下|\bI\s+misspoke|\bmy\s+mistake|\bscratch\s+that|\bcorrection\b)",
    re.IGNORECASE)


def taken_back(sentence: str, num: Number) -> bool:
    """Does the speaker take ``num`` back right after saying it ("72.5 分——不好意思，我说错了，是 75.2 分")?"""
    return _TAKEN_BACK_AFTER.match(sentence, num.end) is not None


def in_a_list_of_margins(sentence: str, num: Number) -> bool:
    """Is ``num`` a later member of a list of margins whose unit was written once ("gains 6.1 points on AIME 2024
    and 4.7 on OlympiadBench")? Then it is no result, whatever benchmark follows it."""
    return num.unit is None and _MARGIN_LIST_BEFORE.search(sentence, max(0, num.start - 90), num.start) is not None


@lru_cache(maxsize=4096)
def _has_far_reasons(sentence: str) -> bool:
    return _NOT_RESULT_HINT.search(sentence) is not None


_SHARE_SOLVED = re.compile(r"\b(?:pass(?:es|ed)?|solv(?:es|ed)|resolv(?:es|ed)|answer(?:s|ed)|complet(?:es|ed))\s+"
                           r"(?:only\s+|just\s+|about\s+|roughly\s+|nearly\s+)?$", re.IGNORECASE)
_OF_THE_ITEMS = re.compile(r"\s+of\s+(?:the\s+|its\s+|all\s+)?(?:[\w-]+\s+){0,2}?(?:problems|questions|tasks|tests|test\s+cases|"
                           r"issues|instances|puzzles|items|prompts)\b", re.IGNORECASE)
_MARGIN_OVER_NAMED = re.compile(r"(?:领先|落后于?|高出|超出|输给|赢了)了?\s*[A-Za-z\u4e00-\u9fff][^\s，,。；;的（(]{1,30}\s*"
                                r"(?:约|近|大约|大概|足足|整整)?\s*"
                                r"(?:\d+(?:\.\d+)?\s*(?:分|个?百分点|个点|点)\s*(?:和|与|、|及|,|，)\s*)*$")


# a change's size right after its verb: "就掉了 0.7", "涨了 1.3" (a bare decimal there is no result)
_CHANGED_BY = re.compile(r"(?:掉了|降了|跌了|涨了|丢了|少了|多了)\s*$")


def not_result_before(sentence: str, start: int) -> bool:
    """Do the words before ``start`` say the number there is no result (a cost, a reduction, a threshold, a
    margin, an ablation, a business figure)?"""
    return _NOT_RESULT_BEFORE.search(sentence, max(0, start - 24), start) is not None \
        or _has_far_reasons(sentence) and _NOT_RESULT_FAR_BEFORE.search(sentence, max(0, start - 48), start) is not None


# After a number: the number is a margin between two systems ("4.5% better", "10 points above X").
# (also "a 29.3-point gap", "a 4-point lead": the number of a margin written as one adjective)
_MARGIN_WORD = re.compile(r"\s*(?:higher|better|greater|stronger|above|ahead|clear|lower|worse|below|behind|weaker|short)\b"
                          # ("1.7 under Corvid", not "33.2% under our harness")
                          r"|\s*under(?=\s+(?-i:[A-Z0-9]))"
                          r"|-\s*(?:points?|pts|pp|percentage-points?)\s+(?:gaps?|leads?|margins?|edges?|advantages?|deficits?|"
                          r"differences?|swings?|improvements?|gains?|jumps?|drops?|increases?|boosts?|deltas?)\b",
                          re.IGNORECASE)
_PREVIOUS_VALUE = re.compile(r"(?:之前|此前|以前|原来|原先|previously|before|from|vs\.?)\s*(?:为|是|的|was|of)?\s*$", re.IGNORECASE)
# "较上次体检（36.7%）", "与上次（88.1%）持平", "than last time (82.0)": the value of the time before, in parentheses
_LAST_TIME_VALUE = re.compile(r"(?:上次|上一次|上回|上期|\blast\s+(?:time|run|round|checkup))[\u4e00-\u9fff]{0,4}?\s*[（(]\s*$",
                              re.IGNORECASE)


# A value the sentence contrasts with (the previous best, the old version), not the subject's result.
# "之前最佳", "the previous best": an unnamed earlier system (its value is its own, see ``earlier``)
EARLIER_BEST = r"(?:之前|此前|以前|先前|原先|原来|previous|prior)(?:最佳|最好|最优|最高|的?最先进|的?SOTA|\s+(?:best|state[- ]of[- ]the[- ]art|SOTA))"
_EARLIER_VALUE = re.compile(
    "(?:" + EARLIER_BEST
    # ("相比年初开源最好成绩（约 30%）": the best of a time before, by nobody named)
    + r"|(?:年初|去年|上半年|当时|早先)[\u4e00-\u9fff]{0,4}?(?:最佳|最好|最优|最高)(?=成绩|分数|得分|水平|结果))"
    r"(?:方法|模型|结果|水平|成绩|分数|得分|results?|methods?|models?)?\s*(?:的|为|是|of|at|with)?\s*(?:[（(]\s*(?:约|大约)?\s*)?$",
    re.IGNORECASE)


_LABEL_END = re.compile(r"[:：]\s*(?:\*\*)?\s*$")


def _labelled_value(sentence: str, benches: list[Mention], num: Number) -> bool:
    """"- MMLU: 68.4", "* C-Eval：78.5" (model-card lists): a short line whose label names a benchmark."""
    return (len(sentence) <= 100 and num.unit in (None, "%", "points")
            and _LABEL_END.search(sentence, max(0, num.start - 6), num.start) is not None
            and any(b.end <= num.start and num.start - b.end <= 40 for b in benches))


# Results stated as counts: "solves 13 of the 30 problems", "答对 22 道", "500 个问题中的 231 个".
# The count is a score (unit "score"); the total is not.
_COUNT_SOLVED = led(re.compile(
    r"\b(?:solves?|solved|solving|answers?|answered|gets?|got|passes|passed|resolves?|resolved|completes?|completed)"
    r"\s+(?:only\s+|just\s+)?(\d+)\s+(?:out\s+)?of\s+(?:the\s+)?(\d+)\b"
    r"|(?:答对|做对|解决|解出|通过|完成)了?\s*(\d+)\s*(?:道|个|题)(?![^，。,]{0,6}?中的)"  # not "解决了 500 个问题中的 231 个"
    r"|(\d+)\s*(?:道|个)?(?:问题|题目|题|任务)中的\s*(\d+)\s*(?:道|个|题)"  # ("答对了 30 题中的 12 题")
    # "got 16/30 on AIME 2024", "reaches 21/30", "拿到 12/30": a count out of a total, after a verb of scoring
    r"|(?:\b(?:solves?|solved|gets?|got|scores?|scored|reach(?:es|ed)?|hits?|answers?|answered|passes|passed|"
    r"resolves?|resolved|achieves?|achieved)|拿到|得到|做对|答对|解出)了?\s+(?:only\s+|just\s+)?(\d{1,4})\s*/\s*(\d{1,4})\b(?![/.]\d)"
    # "23 of 30 problems solved", "41 out of 50 questions answered correctly": the count, then the verb
    r"|\b(\d+)\s+(?:out\s+)?of\s+(?:the\s+)?(\d+)\s+(?:[A-Za-z0-9.'-]+\s+){0,3}?(?:problems|questions|tasks|issues|puzzles)"
    r"\s+(?:were\s+|are\s+)?(?:solved|answered|correct|passed|resolved)"
    # "it went 27 for 30 on AIME 2024": a batting line's hits for tries
    r"|\b(?:went|goes|going|was)\s+(\d+)\s+for\s+(\d+)\b",
    re.IGNORECASE))


def _may_count(sentence: str) -> bool:
    """Whether ``_COUNT_SOLVED`` can match at all: every branch needs "N of", "N out of", "N/M", a Chinese verb of
    solving or "…中的" (substring tests and digit-led scans cost far less than the case-blind alternation, which
    ``re`` must try at every position)."""
    return any(word in sentence for word in _COUNT_WORDS_ZH) \
        or "/" in sentence and _DIGIT_SLASH_DIGIT.search(sentence) is not None \
        or ("of" in sentence or "OF" in sentence or "Of" in sentence) and _DIGIT_OF.search(sentence) is not None \
        or " for " in sentence and _DIGIT_FOR.search(sentence) is not None


# the Chinese branches need a verb of solving or "…中的" ("个" alone is in most Chinese sentences)
_COUNT_WORDS_ZH = ("答对", "做对", "解决", "解出", "通过", "完成", "中的")
# (each opens with a digit class, so ``re`` skips ahead to the next digit)
_DIGIT_SLASH_DIGIT = re.compile(r"[0-9]\s*/\s*[0-9]")
_DIGIT_FOR = re.compile(r"[0-9]\s+for\s+[0-9]")
_DIGIT_OF = re.compile(r"[0-9]\s+(?:[Oo][Uu][Tt]\s+)?[Oo][Ff]\s")


def count_results(sentence: str) -> tuple[frozenset[int], frozenset[int]]:
    """(starts of the counts that are results, starts of the totals they are counted out of)."""
    counts, totals = set(), set()
    if not _may_count(sentence):
        return frozenset(), frozenset()
    for m in _COUNT_SOLVED.finditer(sentence):
        if m.group(1):
            counts.add(m.start(1))
            totals.add(m.start(2))
        elif m.group(3):
            counts.add(m.start(3))
        elif m.group(4):
            counts.add(m.start(5))
            totals.add(m.start(4))
        elif m.group(6):
            counts.add(m.start(6))
            totals.add(m.start(7))
        elif m.group(8):
            counts.add(m.start(8))
            totals.add(m.start(9))
        else:
            counts.add(m.start(10))
            totals.add(m.start(11))
    # "versus 8 for GRPO", "compared to 9 for X": a bare count set against a counted result
    if counts:
        for m in _COUNT_AGAINST.finditer(sentence):
            counts.add(m.start(1))
    return frozenset(counts), frozenset(totals)


# "从 58.3 涨到了 70.2", "从上一代青鸾-14B 的 52.3% 提升到了 76.8%", "从 81.4 提到 89.7", "从 88.0 掉到 84.3"
# (``extractor.rules.trajectories`` reads whose each is)
FROM_TO = re.compile(
    r"(?:从|由)\s*(?P<pre>[^，。；;从]{0,24}?)\s*(?P<a>\d+(?:\.\d+)?)\s*(?:%|％|分)?\s*(?:稳步|大幅|显著|一举)?"
    r"(?:提升|提高|增长|上升|增加|升|涨|跃升|飙升|提|拉|拉升|下降|降|掉|跌|回落)(?:到|至)了?\s*(?P<b>\d+(?:\.\d+)?)")
# "The appendix has 79.2 for Orion-72B": a decimal whose own phrase names a model is that model's value, whatever the verb
# ("52.0 for the 72B"; "for rc3": a release; "for sft-v3": a run's checkpoint id)
# ("76.9 on rc3": a release candidate is where a value was measured, not a benchmark; not "85.4 for rc3 / rc2", a
# list's last value, whose owners are listed too)
ON_RELEASE = re.compile(r"\s+on\s+(?=rc\d+\b(?!\s*/))")
OWNER_AFTER = re.compile(r"\s+for\s+(?:the\s+)?(?=[A-Z]|\d+(?:\.\d+)?[BM]\b|[a-z][a-z0-9]*-(?:v|rc)?\d|(?:v|rc)\d+(?:\.\d+)*(?!\s*/))"
                         r"|" + ON_RELEASE.pattern)
# (a unit after the second says what changed: "from 1.5B to 7.5B", "from 2.1 to 3.4 points", "from 0.8 to 1.2 s"; a word
# of the sentence does not: "drops from 84.5 to 71.2 once length is controlled")
_FROM_TO_DECIMALS = re.compile(r"\bfrom\s+(?P<a>\d+\.\d+)\s+to\s+(?P<b>\d+\.\d+)(?![\d.]*\s*(?:%|[A-Za-z]{1,3}\b|points?\b|"
                               r"tokens?\b|seconds?\b|hours?\b|times\b|percent))"
                               r"|(?<![\d.])(?P<a2>\d+\.\d+)\s*(?:→|->|⟶)\s*(?P<b2>\d+\.\d+)(?![\d.]*\s*[%A-Za-z]{0,1}[0-9])")
_PERCENT_NEAR = re.compile(r"[0-9]+\.[0-9]+\s*[%％]")
# "13 of 30 AIME 2025 problems (": from a count to the percentage in brackets after it, the benchmark's name included
_COUNT_THEN_PAREN = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+)?\d+\s+(?:[A-Za-z0-9.'-]+\s+){0,3}?"
                               r"(?:problems|questions|tasks|issues|puzzles)\s*[(（]\s*", re.IGNORECASE)
_ANOTHER_STATEMENT = re.compile(r"\band\b|\bbut\b|[和及、；;]|而|但")


def _restates_percentage(sentence: str, num: Number, lex: Lexicons) -> bool:
    """Does a percentage next to the count say the same result ("solves 13 of 30 problems (43.3%)", "63.3%，说人话就是
    30 道题做对了 19 道")? Not when another statement or benchmark sits between ("mean pass@1 of 56.7%, and 23 of 30
    problems solved at least once", "21/30 on AIME 2024 and 83.0% on MATH-500")."""
    for m in _PERCENT_NEAR.finditer(sentence, max(0, num.start - 36), min(len(sentence), num.end + 36)):
        gap = (m.end(), num.start) if m.end() <= num.start else (num.end, m.start())
        between = sentence[gap[0]:gap[1]]
        if _COUNT_THEN_PAREN.fullmatch(between) or not _ANOTHER_STATEMENT.search(between) \
                and lex.benchmark_regex.search(between) is None:
            return True
    return False
# an ablation: what a part's removal does ("without the X mix, ifeval drops to 76.0", "去掉检索模块后，准确率降至 61.0")
_ABLATION_DROP = led(re.compile(r"(?:\b(?:without|w/o)\s+(?:the\s+|its\s+|our\s+)?[^,.;]{1,40}?,?\s*[^,.;]{0,30}?"
                            r"\b(?:drops?|dropped|falls?|fell|decreases?|decreased|degrades?|degraded)\s+(?:to|from)\s*$"
                            r"|(?:去掉|去除|移除|删除|不使用)[^。；;]{1,30}?(?:降至|下降到|降到|跌到|跌至)\s*$)", re.IGNORECASE))
# a measure of the team's own, named as such, in a sentence that names no benchmark
_INTERNAL_MEASURE = re.compile(r"\b(?:internal|in-house|proprietary)\s+(?:[a-z-]+\s+){0,3}?(?:pass\s+rate|rate|score|accuracy|"
                               r"success\s+rate|metric)s?\b[^,;]{0,28}$|内部[^，。；,;]{0,12}?(?:通过率|准确率|成功率|得分|指标)",
                               re.IGNORECASE)
POINT_MARGIN = re.compile(r"百分点|个点")
# "gains 6.1 points on AIME 2024 and 4.7 on OlympiadBench", "costs 5.9 points on AIME 2024; dropping X costs 2.1":
# a later member of a list of margins, its unit written once, is a margin too
_MARGIN_LIST_BEFORE = re.compile(
    r"\b(?:gains?|gained|adds?|added|costs?|cost|loses?|lost|leads?|led|trails?|trailed|improves?(?:\s+by)?|"
    r"improved(?:\s+by)?|drops?(?:\s+by)?|dropped(?:\s+by)?)\s+(?:about\s+|roughly\s+|another\s+)?[+]?\d+(?:\.\d+)?\s*"
    r"(?:points?|pts|pp|percentage\s+points)\s+(?:on|in)\s+[^,;.()]{1,40}?(?:,\s*and|,|and)\s+(?:another\s+)?$",
    re.IGNORECASE)
_ABOUT_AFTER = re.compile(r"\s*(?:分\s*)?左右")
_WITHIN_BEFORE = re.compile(r"\bwithin\s+(?:about\s+|roughly\s+|just\s+|only\s+)?$", re.IGNORECASE)
_COUNT_AGAINST = re.compile(r"\b(?:versus|vs\.?|compared\s+(?:to|with)|against)\s+(\d+)\s+for\b", re.IGNORECASE)


def _is_result_number(sentence: str, lex: Lexicons, num: Number) -> bool:
    """Could ``num`` be a benchmark result (not a count, cost, year, rank, margin...)? Asked by the mention
    layer and by the claim rules for the same numbers, so the answer is remembered per sentence and number."""
    if lex is not lexicons():
        return _result_number(sentence, lex, num)
    return _cached_result_number(sentence, num.start, num.end, num.unit, num.value, num.signed)


@lru_cache(maxsize=8192)
def _cached_result_number(sentence: str, start: int, end: int, unit: str | None, value: float, signed: bool) -> bool:
    return _result_number(sentence, lexicons(), Number(start, end, value, unit, signed))


def _result_number(sentence: str, lex: Lexicons, num: Number) -> bool:
    if _MARGIN_WORD.match(sentence, num.end):
        return False  # "so it's 2.6 behind", "2.6 above SimPO": a margin between two values, whatever its unit
    if num.unit == "points" and POINT_MARGIN.search(sentence, num.start, num.end):
        return False  # "领先 8.4 个百分点", "涨了 1.2 个点": percentage points are a margin between two values
    if num.unit == "%" and _SHARE_SOLVED.search(sentence, max(0, num.start - 12), num.start) \
            and _OF_THE_ITEMS.match(sentence, num.end):
        return True  # "passes 80.2% of the problems", "resolves 41.2% of the issues": a share of a benchmark's items
    if num.unit == "points" and _MARGIN_OVER_NAMED.search(sentence, max(0, num.start - 60), num.start):
        return False  # "分别领先 Qwen2.5-72B 1.2 分与 0.9 分": points right after a verdict and whom it is over
    if num.unit is None and ("道" in sentence or "个" in sentence or "题" in sentence or " of " in sentence or " for " in sentence
                             or "/" in sentence):
        counts, totals = count_results(sentence)
        if num.start in counts:
            # "solves 13 of 30 problems (43.3%)", "63.3%，说人话就是 30 道题做对了 19 道": the count restates the percentage
            return not _restates_percentage(sentence, num, lex)
        if num.start in totals:
            return False
    cs, ce = _clause_bounds(sentence, num.start)
    clause = sentence[cs:ce]
    if _ABLATION_DROP.search(sentence, 0, num.start):
        return False  # "without the IF-synthetic mix, ifeval drops to 76.0", "去掉检索模块后降至 61.0": an ablation
    if _INTERNAL_MEASURE.search(sentence, max(0, num.start - 48), num.start) and lex.benchmark_regex.search(sentence) is None:
        return False  # "our internal pass rate drops from 0.61 to 0.44", "内部工程任务通过率": no benchmark's result
    if _LAST_TIME_VALUE.search(sentence, max(0, num.start - 12), num.start):
        return False  # "较上次体检（36.7%）明显改善": the value of the time before, not the subject's now
    if _PREVIOUS_VALUE.search(sentence, max(0, num.start - 12), num.start) and _OPEN_PAREN.search(sentence[max(0, num.start - 12):num.start]) \
            and not OWNER_AFTER.match(sentence, num.end):
        return False  # "(之前为 52%)": the old value, not the subject's score (but "(vs 55.0 for GPT-4o)" is GPT-4o's)
    if num.unit == "x" or num.signed:
        return False
    if _ZH_THAN_MARGIN.search(sentence, max(0, num.start - 30), num.start) \
            or _ZH_VERSUS_MARGIN.search(sentence, max(0, num.start - 60), num.start):
        return False  # "比全参数微调低 0.4%", "与 GPT-4o 相比，…高 2.1 分": a margin over something, not a score
    if _EARLIER_VALUE.search(sentence, max(0, num.start - 28), num.start):
        return False  # "相比之前最佳的 2.0%", "the previous best of 40.1": another system's value, not the subject's
    if num.unit == "%" and ("从" in sentence or "由" in sentence) and any(
            num.start in (m.start("a"), m.start("b")) for m in FROM_TO.finditer(sentence)):
        return True  # "GSM8K 成绩由 95.1% 降至 71.6%": both ends of a change are results (an ablation's are not, above)
    if num.unit in ("%", "points"):
        # Percentages of data, compute or people are not results: "使用 7.6% 的 Token", "减少了 40% 的成本",
        # nor are reductions: "其成本降低了 80%", "压缩为原有的 3.2%", nor margins: "6.1 points higher than X".
        return not _NOT_RESULT_AFTER.match(sentence, num.end) and not _MARGIN_WORD.match(sentence, num.end) \
            and not not_result_before(sentence, num.start)
    if _RESULT_NOUN_AFTER.match(sentence, num.end) and num.value <= 10000:
        return True  # "也有 83.2 的表现", "取得 0.71 的成绩"
    if _ABOUT_AFTER.match(sentence, num.end) and num.value <= 100 and not not_result_before(sentence, num.start) \
            and not _NOT_RESULT_AFTER.match(sentence, num.end):
        return True  # "Claude 3.5 Sonnet 大约在 40 左右", "大概 78 分左右": a hedged value is still a value
    if _POSSESSIVE_BEFORE.search(sentence, max(0, num.start - 4), num.start) and "." in sentence[num.start:num.end] \
            and num.value <= 10000:
        return True  # "Tern-8B's 71.0 on HumanEval": a name's own value
    if ("从" in sentence or "由" in sentence) and num.unit in (None, "points") and any(
            num.start in (m.start("a"), m.start("b")) for m in FROM_TO.finditer(sentence)):
        return True  # "MMLU 从 58.3 涨到了 70.2": both ends of a rise are results (the first one "before")
    if (" from " in sentence or "→" in sentence or "->" in sentence) and "." in sentence[num.start:num.end] and any(
            num.start in (m.start("a"), m.start("b"), m.start("a2"), m.start("b2"))
            for m in _FROM_TO_DECIMALS.finditer(sentence)):
        return True  # "improves GSM8K from 84.5 to 89.7", "74.1 → 77.9": both decimals of a change are results
    # A bare number: needs a metric word or a score verb right before it, and a plausible size.
    before = sentence[max(cs, num.start - 14):num.start]
    if num.value > 10000:
        return False
    has_metric = lex.metric_regex.search(clause) is not None
    if "." in sentence[num.start:num.end] or num.value <= 1:
        return (has_metric or bool(_SCORE_VERB.search(sentence, 0, num.start)) or OWNER_AFTER.match(sentence, num.end) is not None) \
            and not _SPEED.search(clause) \
            and not _SETTING_VALUE_BEFORE.search(sentence, max(0, num.start - 24), num.start) \
            and not _DENIED_OR_CHANGE_BEFORE.search(sentence, max(0, num.start - 24), num.start) \
            and not _WITHIN_BEFORE.search(sentence, max(0, num.start - 20), num.start) \
            and not _CHANGED_BY.search(sentence, max(0, num.start - 6), num.start)  # "lands within 0.2 of X", "掉了 0.7"
    if num.value >= 100 and _owned_rating(sentence, num.start):
        return True  # "略低于 o1 的 2061", "o1-mini's 1650"
    if _RATING_BEFORE.search(before) and not _SPEED.search(clause) and not _COUNT_NOUN_AFTER.match(sentence, num.end):
        return True  # "scored 1,287 on Chatbot Arena", "得分 856": the verb says it is a score
    return has_metric and bool(_SCORE_VERB.search(before) or lex.metric_regex.search(before)) and not _SPEED.search(clause)
