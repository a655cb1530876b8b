"""Prose claims (zh + en): score and comparison statements in running text.

Works sentence by sentence on the candidate sentences only (``extractor.candidates``).
Inside a sentence the mentions (names, numbers, metrics, settings, cue phrases) come from
``extractor.rules.mentions``; the rules modules decide which of them form a claim:

* a result-like number + a benchmark + a model (named, or the section's subject when the
  sentence says 它 / 该模型 / our method or names nobody) -> a score claim;
* a comparison cue (优于, 与 Y 相当, 比 Y 高, outperforms, on par with...) + a subject +
  one or more baselines -> one comparison claim per baseline, with the margin if stated.

Quotes are always slices of the document text, so ``text[start:end] == quote`` holds.

This module is the entry point: it walks the sections and sentences and keeps the context.
The rules sit below it, each module importing only those listed before it: ``clauses`` and
``names`` (sentence spans, name keys), ``numbers`` (which numbers are results), ``measures``
(a value's benchmark, metric and setting), ``context`` (what earlier sentences said),
``subjects`` and ``owners`` (whose statement, whose value), ``scores``, ``baselines``,
``comparison_cue`` and ``comparisons``; ``verdicts`` and ``gaps`` read a comparison from two values and a verdict or
a gap that names nobody.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from extractor import lexicon
from extractor.candidates import has_name, trigger_positions
from extractor.regex_lead import led
from extractor.rules.comparisons import (
    _BOTH_AT,
    _IMPROVEMENT_OVER,
    _IMPROVES_BY_OVER,
    _SHORT_OF,
    _SIGNED_OVER,
    _WITHIN_OF,
    MARGIN_RELATIVE,
    PAIR_CHANGE,
    POSITIONAL_TIE,
    RESPECTIVE_MARGINS,
    _comparisons,
    _comparisons_from_scores,
    _lower_is_better,
    both_at_ties,
    former_or_latter_verdict,
    pair_change_verdicts,
    positional_tie,
    relation_of_values,
    respective_margin_verdicts,
    tie_of_two,
)
from extractor.rules.context import (
    _NOT_TOPIC_BEFORE,
    SentenceBenchmark,
    _benchmark_subject,
    _Context,
    _leading_models,
    _title_benchmark,
    _update_context,
    heading_benchmark,
    released_models,
)
from extractor.rules.continued import CARRIED_PAIR, CONTINUE_HINT, carried_pair_claims, continued_comparisons
from extractor.rules.earlier import earlier_claims, reown_earlier_subjects
from extractor.rules.gains import GAIN, UNNAMED_BASELINE, gain_claims, margins_of_named
from extractor.rules.gaps import GAP_HINT, gap_comparisons
from extractor.rules.mentions import (
    DOCUMENT_SHORT_FORMS,
    DOCUMENT_UNMATCHED_FORMS,
    SETTING,
    Lexicons,
    benchmark_matches,
    canonical_benchmark,
    cue_matches,
    find_subject_words,
    lexicons,
    sentence_names,
)
from extractor.rules.names import _DIGIT, _is_known_model, _norm
from extractor.rules.numbers import _LABEL_END, Number, _is_result_number, _numbers
from extractor.rules.owners import (
    COMMA_AT,
    COPULA,
    FORMER_LATTER_VALUE,
    GroupReference,
    group_referents,
    group_subject,
)
from extractor.rules.ranked import RANK_SYMBOL, ranked_comparisons
from extractor.rules.replies import reply_comparisons
from extractor.rules.retractions import STATEMENT_WORD, retracted_statement
from extractor.rules.scores import (
    _VS_PAIR,
    SAID_BEFORE_VALUE,
    SCORE_LINE,
    SHARED_VALUE,
    _scores,
    _versus_scores,
    answer_score,
    paired_values_of_two,
    score_line_scores,
    shared_value_scores,
)
from extractor.rules.subjects import NAMED_PAIR, OWN_MODEL, PRONOUN_OBJECT, _cue_objects
from extractor.rules.trajectories import (
    base_model_in,
    mark_starting_values,
    switched_models,
    trajectories,
    trajectory_claims,
)
from extractor.rules.verdicts import BARE_VERDICT, REFERENCE_LEAD, bare_verdicts, opening_reference, reference_verdicts
from extractor.segment import CJK_HYBRID_NAME, is_model_shaped, is_versioned_product, line_bounds, sentence_bounds
from schemas import ComparisonClaim, Document, ScoreClaim, Section

AnyClaim = ScoreClaim | ComparisonClaim


_SETTING_CONDITION = re.compile(r"\s*(?:使用|用|采用|开启|打开|换成|改用|加上|we\s+use|using|with)\s*", re.IGNORECASE)
_MAYBE = re.compile(r"可能|会|将|或许|也许|估计|\bwould\b|\bcould\b|\bmight\b", re.IGNORECASE)
# (and a hope or a goal: "希望 SWE-bench Verified 能过 60%", "we hope to reach 60%")
# (after a quotation mark or a short label: "> 思考题：如果一个模型在 MMLU 上得到 30%，能说明什么？")
# (in two parts: the opening one is matched at the sentence's start only, and the other starts from one class of its first
# characters, matched case-sensitively - "i" also matches "İ" and "ı" case-blind - so that ``re`` skips ahead to them;
# the branch checks that character again with a look-behind, and "\b" before it is a look-behind after it)
_HYPOTHETICAL_OPENING = re.compile(r"[>\s*-]*(?:[\u4e00-\u9fff]{1,6}[:：]\s*)?(?:如果|假如|若|倘若|假设|要是)")
_HYPOTHETICAL = re.compile(r"(?-i:[希期IiWwCcMmHh\u0130\u0131])(?:(?<=希)望|(?<=期)望|(?<!\w[\s\S])(?:(?<=i)f|(?<=w)ould"
                           r"|(?<=c)ould potentially|(?<=m)ight|(?<=h)opes?\s+to)\b)", re.IGNORECASE)


# an indefinite model as a sentence's subject: a statement about any model, not about the one the text is about
_GENERIC_SUBJECT = led(re.compile(r"(?:^|[，,：:]\s*)(?:一个|某个|某一?|任何|任意|随便一个)(?:\d+(?:\.\d+)?B\s*)?(?:的)?(?:大)?模型"
                              # ("一个在 MMLU 上高 2 分的模型，未必…": a model described by a result, nobody in particular)
                              r"|(?:^|[，,：:“\"]\s*)(?:一个|某个|任何)在[^，。；;]{1,30}?的(?:大)?模型"
                              r"|(?:^|[,:;]\s+)(?:A|An|Any|Some)\s+(?:\d+(?:\.\d+)?B\s+)?(?:model|LLM|system)s?\b",
                              re.IGNORECASE))
_FORMER_OR_LATTER = re.compile(r"前者|后者|\bthe\s+(?:former|latter)\b", re.IGNORECASE)
_LOOK_AT = re.compile(r"\s*(?:只|单|再|换)?(?:看|比较|对比|说到|谈到|论)|\s+(?:we|you)\s+(?:look|turn)\s+(?:at|to)\b", re.IGNORECASE)


def _is_hypothetical(sentence: str, numbers: Sequence[Number]) -> bool:
    """Does the sentence only suppose its values ("If we used maj@8 it would reach 93.4", "如果……")? A
    supposition after the first value is about what the value means ("scores 58.6%, which would place it
    ahead of GPT-4.1"), not about the value."""
    first = numbers[0].start if numbers else len(sentence)
    m = _HYPOTHETICAL_OPENING.match(sentence, 0, first) or _HYPOTHETICAL.search(sentence, 0, first)
    if m is None or _LOOK_AT.match(sentence, m.end()):
        return False  # ("如果看 GPQA Diamond，情况反过来：…", "If we look at MMLU, …": where to look, no supposition)
    # "如果使用 maj@64，它能达到 63.3%": a condition that names how the model was run states a result in that setting
    return not (_SETTING_CONDITION.match(sentence, m.end()) and SETTING.search(sentence, m.end(), first)
                and not _MAYBE.search(sentence, m.end(), first))


# A section that opens a work of its own ("In this paper we propose …", "本文提出 …": a digest's next abstract) is not
# about the model the document opened with, nor is an ablation's (its variants are no results).
# ("官方报告分别是 55.5%、92.8% 和 49.1%": a sentence naming nobody that lists the topic's values for the benchmarks
# the sentence before listed)
_RESPECTIVELY_HINT = re.compile(r"分别|respectively")
_OWN_WORK = re.compile(r"(?i)\b(?:in this (?:paper|work|report)|this (?:paper|work)|we (?:propose|introduce|present))\b"
                       r"|本文|在本文中|我们提出|本研究|本工作")
_ABLATION_TITLE = re.compile(r"(?i)ablation|消融")
# the least share of the claims stated so far that the document's main model must hold for a later section that names
# no model of its own to go on about it (a digest's first story holds a small share by its third)
MAIN_MODEL_SHARE = 0.4


def carries_main_model(section: Section, text: str, main_model: str | None, claim_models: Sequence[str]) -> bool:
    """Does ``section``, naming no model of its own, go on about ``main_model``, the first model the document stated a
    claim for? It does when that model holds at least ``MAIN_MODEL_SHARE`` of the claims stated so far (a document about
    one model, not a digest), and the section neither opens a work of its own nor is an ablation."""
    return main_model is not None and claim_models.count(main_model) >= MAIN_MODEL_SHARE * len(claim_models) \
        and not (section.title and _ABLATION_TITLE.search(section.title)) \
        and _OWN_WORK.search(text, section.start, section.end) is None


def extract_prose_claims(document: Document, skip: Sequence[tuple[int, int]] = (),
                         errors: list[str] | None = None) -> Iterator[AnyClaim]:
    """Claims stated in the running text of ``document`` (sections must be filled).

    ``skip`` holds sorted ``(start, end)`` regions the prose rules must not read: results
    tables, whose rows the table reader turns into claims with the right row/column
    meaning (prose patterns over a flattened row yield junk such as "model | 71.2 | 65.0").

    Only the lines (paragraphs) that hold a trigger are split into sentences; the topic
    model of the other sentences comes from one regex pass over the whole text
    (``_leading_models``), so the cost grows with the candidate text, not the document.

    ``errors``: when given, a sentence whose rules fail is skipped and a one-line reason appended there, so one
    sentence the rules get wrong does not lose the document's other claims (as a table's failure does not).
    """
    lex = lexicons()
    text = document.text
    seen: set[tuple[object, ...]] = set()
    hits: Sequence[int] = trigger_positions(text, score_verbs=False)
    if skip:
        hits = _outside(hits, skip)
    leading: list[tuple[int, str]] = []
    for section in document.sections:  # the topic is only needed up to a section's last trigger
        k = bisect_left(hits, section.end) - 1
        if k >= 0 and hits[k] >= section.start:
            leading += _leading_models(text, section.start, hits[k] + 1)
    lead_pos = [p for p, _ in leading]
    title_benchmark = _title_benchmark(document, lex)
    # the model the document's opening announces ("Last month his team put out Kestrel-34B"): the topic of a later
    # section that names none of its own ("## Part 1 … It gets 71.8"). Only the opening's: a digest's later story
    # releasing something says nothing about the stories after it.
    opening = document.sections[0].end if document.sections else 0
    released = released_models(text, 0, opening)
    opening_topic: str | None = None  # the first model the text went on about
    # the first model, not a widely known yardstick (GPT-4o, o3), that a claim was stated for; and every claim's model
    main_model: str | None = None
    claim_models: list[str] = []
    measured_against: set[str] = set()  # the baselines the topic was compared with so far
    ruled = _ANY_RULE_MARK.search(text) is not None  # (the break scan costs ~0.6 % else)
    for section in document.sections:
        ctx = _Context(text=text, para_start=section.start, scanned_to=section.start, model_pos=section.start - 1,
                       section_scanned_to=section.start, measured_against=measured_against,
                       # (a thread's or a chapter's heading naming one benchmark, else the document's title)
                       title_benchmark=heading_benchmark(section.title, lex) or title_benchmark)
        if section.subject is None:
            ctx.model = released[-1][1] if released and released[-1][0] < section.start else None
            if ctx.model is None and section is document.sections[0]:
                # "1/ Ran Sable-3-Mini through my usual eval suite …": the one model the text's opening paragraph
                # names is what it goes on about, until a sentence opens with another
                ctx.model = _sole_opening_model(text, section.start, section.end)
            # else the model the document calls its own ("powered by our own model, QM-Coder-2"): what a launch
            # post's or a report's sections are about when they name no subject of their own
            ctx.model = ctx.model or OWN_MODEL.get()
            if ctx.model is None and section.title and _POST_HEADING.search(section.title):
                # "## @jlu (maintainer) commented", "## 3 楼回复": a thread's later post goes on about what the thread
                # opened with (the model), when it names nothing of its own
                ctx.model = opening_topic
            if ctx.model is None and carries_main_model(section, text, main_model, claim_models):
                # "## Part 2 … On LiveCodeBench it reaches 31.7": a later section of a text about one model, naming
                # none of its own, goes on about that model
                ctx.model = main_model
        i = bisect_left(hits, section.start)
        read_to = section.start
        bullets_topic: tuple[str | None] | None = None  # the topic at the first item of a list of results by benchmark
        bullets_end = section.start
        while i < len(hits) and hits[i] < section.end:
            line_start, line_end = line_bounds(text, hits[i], section.start, section.end)
            ctx.new_paragraph(line_start)  # a new paragraph: the previous benchmark no longer applies
            rule = _THEMATIC_BREAK.search(text, read_to, line_start) if ruled else None
            if rule is not None and ctx.model is not None:
                # a thread's next post, a digest's next item ("---"): a model the last one went on about is not
                # this one's topic; what the text opened with is (the model), else the section's subject
                ctx.model, ctx.model_pos = opening_topic, rule.start()
            if text.startswith(("- ", "* ", "• "), line_start) and _benchmark_bullet(text, line_start, line_end, lex):
                # "- MMLU: 89.6 …", "- HumanEval: 92.1. Claude 3.5 Sonnet measured 92.0 …", "- SWE-bench Verified: 46.2":
                # a list of one model's results by benchmark is about the model the list began with, not a model an
                # item quoted beside it
                if bullets_topic is not None and text[bullets_end:line_start].strip() == "":
                    ctx.model, ctx.model_pos = bullets_topic[0], line_start
                else:
                    bullets_topic = (ctx.model,)
                bullets_end = line_end
            read_to = line_end
            previous: tuple[int, int] | None = None
            line_claims: list[AnyClaim] = []  # what the paragraph's sentences stated (a gap after them compares two)
            line_sentences: list[int] = []  # where they start
            speaker: str | None = None  # the named model the previous sentence's first claim was about
            stated = False  # whether the previous sentence stated any claim
            for a, b in _bounded(text, sentence_bounds(text, line_start, line_end)):
                before, previous = previous, (a, b)
                line_sentences.append(a)
                said_by, speaker = speaker, None
                stated_before, stated = stated, False
                if text.startswith("#", a):  # a headline states claims too ("…：数学推理超越 o1-mini")
                    a = _HEADING_MARK.match(text, a).end()  # type: ignore[union-attr]
                k = bisect_left(hits, a)
                # ("答：79.8%。"; or another speaker's line right after a question: "SAL: Codeforces?" / "TOMMY: Elo of 1820.")
                answer = before is None and (_ANSWER_OPENING.match(text, a, b) is not None
                                             or _SPEAKER_LABEL.match(text, a, b) is not None
                                             and _question_before(text, line_start) is not None)
                if not (k < len(hits) and hits[k] < b) or a >= b or text.startswith("http", a) or _LINK_OPENS.match(text, a) \
                        or not (has_name(text, a, b) or any(text.find(form, a, b) >= 0 for form in DOCUMENT_UNMATCHED_FORMS.get())
                                or answer or ctx.model is not None and _RESPECTIVELY_HINT.search(text, a, b)):
                    continue  # no trigger, a link, or no name nor pronoun: nothing a rule can attribute
                asked_bench = _asked_benchmark(text, line_start, lex) if answer else None  # what the question asks about
                if asked_bench is not None and not ctx.benchmark_before(a):
                    ctx.saw_benchmark(asked_bench, a)
                j = bisect_left(lead_pos, a) - 1
                if j >= 0 and lead_pos[j] > ctx.model_pos:
                    # (a baseline of a comparison already stated, named again at a sentence's start, does not take
                    # over from the topic: "但要知道 R1-Distill 系列是蒸馏自 DeepSeek-R1，能在同尺寸上压它一头")
                    if not ctx.keeps_topic_from(leading[j][1]):
                        ctx.model = leading[j][1]
                    ctx.model_pos = lead_pos[j]
                local = section
                # the model this section's sentences talk about wins over one its heading does not name
                # (a subject inherited from the document title, or none)
                if ctx.model is not None and ctx.model != section.subject \
                        and (section.subject is None or section.subject not in (section.title or "")) \
                        and not _we_of_the_subject(text, a, b, section.subject):
                    local = section.model_copy(update={"subject": ctx.model})
                label = _LABEL_NAME.match(text, a, b)
                labelled = (label.group(1) or label.group(2)) if label is not None else None
                if labelled is not None and _is_known_model(labelled):
                    # "Orca-Mini 8B: the model card claims 79.0 …": the name the sentence opens with as a label
                    # is what its subject words mean
                    local = section.model_copy(update={"subject": labelled})
                # ("…，我们超过了它；在 GSM8K 上我们是 91.6%，反而比它的 95.2% 低": after the writers, 它 is an object standing
                # for the model the previous sentence quoted, and the sentence is the topic's)
                writers_first = said_by is not None and said_by != (OWN_MODEL.get() or ctx.model) \
                    and _writers_before_pronoun(text, a, b)
                # ("和 DeepSeek-R1-Distill-Qwen-1.5B 比，我们还有明显差距：它的 AIME 2024 官方值是 28.9%": 它 is the reference the
                # sentence opens with)
                # (only after the writers: in "与 GPT-4o 相比，它在 MMLU 上基本持平" 它 is the topic)
                opened_by = opening_reference(text[a:b], sentence_names(text[a:b])) \
                    if REFERENCE_LEAD.match(text, a) and _writers_before_pronoun(text, a, b) else None
                # ("MATH-500 上我们 96.1%，它 97.3%": after the writers, a Chinese 它 is the one the topic was last set
                # against, when the sentence before quoted nobody)
                contrasted = ctx.other_party if not writers_first and opened_by is None and ctx.other_party is not None \
                    and "它" in text[a:b] and _writers_before_pronoun(text, a, b) else None
                # ("Against Corvid-2 Pro the picture is mixed. Heron beats it on GPQA Diamond": an object pronoun after a
                # named subject is the one model the sentence before named)
                object_of_previous = _object_of_previous(text, a, b, before) \
                    if opened_by is None and not writers_first and contrasted is None else None
                pronoun_token = PRONOUN_OBJECT.set(opened_by.text if opened_by is not None
                                                   else said_by if writers_first else contrasted or object_of_previous)
                # ("…略低于 Claude 3.5 Sonnet 的 92.0%。其在 LiveCodeBench 上的表现也不及后者": the last two models named)
                said_pair = _PAIR_WORD_HINT.search(text, a, b)
                pair = group_referents(text, section.start, said_pair.start(), 2, by_last_mention=True) \
                    if said_pair is not None else []
                pair_token = NAMED_PAIR.set((pair[0].text, pair[1].text) if len(pair) == 2 else None)
                referent = _demonstrative_referent(text, a, b, before) \
                    or (None if writers_first else _pronoun_referent(text, a, b, said_by, None if stated_before else before))
                by_pronoun = referent  # (what this sentence's own "it" / 它 / "this model" stood for, if anything)
                referent = referent or (_asked_about(text, line_start, a, b) if before is None else None)
                if referent is not None:
                    local = section.model_copy(update={"subject": referent})
                if main_model is not None and referent is None and _WORK_AS_SUBJECT.match(text, a, b) \
                        and not _has_model_before_value(text, a, b):
                    # ("The article further reported 61.3 on BBH": the work's own model, the first the text gave a
                    # result for, not the baseline the sentence before was about)
                    local = section.model_copy(update={"subject": main_model})
                other = _other_than_named(text, a, b, local.subject, ctx.earlier_model or section.subject, lex)
                if other is not None:
                    local = section.model_copy(update={"subject": other})
                try:
                    found = sentence_claims(document, local, a, text[a:b], lex, ctx)
                except Exception as exc:  # noqa: BLE001 - reported, the other sentences still count
                    if errors is None:
                        raise
                    errors.append(f"prose: the sentence at character {a} was skipped: {type(exc).__name__}: "
                                  + str(exc).splitlines()[0][:200])
                    found = []
                finally:
                    PRONOUN_OBJECT.reset(pronoun_token)
                    NAMED_PAIR.reset(pair_token)
                if ctx.last_pair is not None and CARRIED_PAIR.search(text, a, b):
                    # ("… 74.8 against 72.6 for GPT-4o. On GPQA Diamond the gap is wider: 59.1 versus 53.6")
                    carried = carried_pair_claims(document, local, a, text[a:b], sentence_names(text[a:b]),
                                                  ctx.last_pair, lambda x, y, bench: relation_of_values(x, y, bench, lex))
                    owners = {c.model for c in found if isinstance(c, ScoreClaim)
                              and c.value in {x.value for x in carried if isinstance(x, ScoreClaim)}}
                    if carried and len(owners) <= 1:  # (values the sentence gave two owners are theirs)
                        values = {c.value for c in carried if isinstance(c, ScoreClaim)}
                        stated_pair = any(isinstance(c, ComparisonClaim) for c in found)  # ("the two are tied, 87.2 versus 86.6")
                        found = [c for c in found if not (isinstance(c, ScoreClaim) and c.value in values)] \
                            + [c for c in carried if not (stated_pair and isinstance(c, ComparisonClaim))]
                pairs = {(c.model, c.baseline) for c in found if isinstance(c, ComparisonClaim)}
                ctx.last_pair = next(iter(pairs)) if len(pairs) == 1 else None
                if asked_bench is not None and referent is not None:
                    reply_opening = _ANSWER_OPENING.match(text, a, b) or _SPEAKER_LABEL.match(text, a, b)
                    replied = answer_score(document, local, a, text[a:b], lex, reply_opening.start("label") - a,
                                           reply_opening.end() - a, referent, asked_bench) \
                        if reply_opening is not None else None
                    if replied is not None and not any(isinstance(c, ScoreClaim) and c.value == replied.value for c in found):
                        found.append(replied)
                stated = bool(found)
                line_claims += found
                ctx.other_party = _other_party(found, OWN_MODEL.get() or ctx.model or local.subject) or ctx.other_party
                measured_against.update(c.baseline for c in found if isinstance(c, ComparisonClaim)
                                        and c.model == ctx.model)
                opening_topic = opening_topic or ctx.model
                claim_models += [c.model for c in found]
                # (with no topic yet, the model the sentence's first claim is about: "The Model Card states that
                # Meridian-LX 2.1 scores 87.3% on MMLU")
                said_about = ctx.model or local.subject or (found[0].model if found else None)
                if main_model is None and said_about is not None and any(c.model == said_about for c in found) \
                        and lex.vendor_regex.match(said_about) is None:
                    main_model = said_about
                for claim in found:
                    key = (claim.kind, claim.model, claim.benchmark, claim.value, claim.baseline, claim.start, claim.end)
                    if key not in seen:
                        seen.add(key)
                        yield claim
                # (the subject of a comparison the sentence states, not the baseline whose score it quotes: "That's
                # +8.9 points over X on AIME (63.6). It also clears o1-mini's 70.0" is still the topic's)
                first = next((c for c in found if isinstance(c, ComparisonClaim)), found[0] if found else None)
                if _FOR_REFERENCE.match(text, a, b):
                    pass  # ("For comparison they list QwQ-32B at 79.5 … So it's behind both": references, not its subject)
                elif first is not None and first.model in text[a:b] \
                        and (is_model_shaped(first.model) or first.model in DOCUMENT_SHORT_FORMS.get()  # ("the Ultra")
                             or is_versioned_product(first.model)):  # ("Atlas 3": a word and a version)
                    # (not a model the sentence measures against, whose value it quotes: "…, behind GPT-4o's 58.2%.
                    # It also trails X" goes on about the sentence's own subject)
                    at = text.find(first.model, a, b)
                    if isinstance(first, ComparisonClaim) or not _NOT_TOPIC_BEFORE.search(text, max(a, at - 40), at):
                        speaker = first.model
                elif first is not None and by_pronoun is not None and first.model == by_pronoun:
                    speaker = first.model  # ("It beats GPT-4o mini on MATH-500. It reaches 78.2 …": the same "it" again)
                elif first is not None and (we_at := _FIRST_PERSON.search(text, first.start, first.end)) is not None:
                    # "X 在 MATH-500 上是 78.2%，我们高了 4.2 个点；在 AIME 2024 上它是 26.7%": the writers' comparison
                    # with a model whose score the sentence quotes; 它 next is that model, not the writers'
                    # (only a model named before the writers: in "GSM8K 上我们的模型是 86.2，比 X 的 84.5 高 1.7 分。BBH 上它得到
                    # 70.4" X is the object of 比, and 它 goes on about the writers' model)
                    quoted = next((c.model for c in found if isinstance(c, ScoreClaim) and c.model != first.model
                                   and c.model in text[a:b] and is_model_shaped(c.model)), None)
                    speaker = quoted if quoted is None or text.find(quoted, a, b) < we_at.start() else first.model
            if len(line_claims) >= 2 and GAP_HINT.search(text, line_start, line_end):
                # ("Atlas-2 completes 38%; Claude 3.7 Sonnet completes 58%. That's a 20-point gap": the two just stated)
                for claim in gap_comparisons(document, section, line_start, line_end,
                                             [c for c in line_claims if isinstance(c, ScoreClaim)],
                                             [c for c in line_claims if isinstance(c, ComparisonClaim)],
                                             ctx.model or section.subject or OWN_MODEL.get(), lex, line_sentences):
                    yield claim
            i = bisect_left(hits, line_end + 1)


def _other_party(claims: list[AnyClaim], topic: str | None) -> str | None:
    """The model ``claims`` (one sentence's) last set the ``topic`` against: a comparison's other side, or another
    model whose value they state (who 对方, "the other party", is in the sentences after)."""
    if topic is None:
        return None
    other = None
    for c in claims:
        if isinstance(c, ComparisonClaim) and c.baseline != UNNAMED_BASELINE:
            if _norm(c.model) == _norm(topic):
                other = c.baseline
            elif _norm(c.baseline) == _norm(topic):
                other = c.model
        elif isinstance(c, ScoreClaim) and _norm(c.model) != _norm(topic):
            other = c.model
    return other


# "we get", "we're", "we trail": the writers as a result's subject, whose model is the document's (a pull request's,
# a launch page's). (Any "we", "our" or 我们 was tried: it lowered two held-out corpora.)
# a sentence that quotes other models' results as references for the one the text is about
_FOR_REFERENCE = re.compile(r"[\s*>-]*(?:For|By|In)\s+(?:comparison|reference|context)\b|[\s*>-]*As\s+a\s+reference\b",
                            re.IGNORECASE)
# the writers as a comparison's subject ("我们高了 4.2 个点", "we lead by 2 points")
_FIRST_PERSON = re.compile(r"我们|w(?<!\w[\s\S])e\b", re.IGNORECASE)
_WE = re.compile(r"\bwe(?:['’]re|\s+(?:get|got|score|scored|trail|beat|are|were|lead|lag|land|reach|hit))\b", re.IGNORECASE)


def _we_of_the_subject(text: str, a: int, b: int, subject: str | None) -> bool:
    """"- Llama-3.1-8B-Instruct: 51.9 on MATH-500", then "- HumanEval: we get 70.1 vs 84.8 for Qwen2.5-7B-Instruct"
    in a pull request on orca-lite-v2-7b: a sentence whose subject is "we" is about the document's model (the
    section's ``subject``), not about the model the line before it opened with."""
    return subject is not None and _WE.search(text, a, b) is not None


def _other_than_named(text: str, a: int, b: int, subject: str | None, earlier: str | None,
                      lex: Lexicons) -> str | None:
    """"GPT-4o, on their own run, gets 74.6. So yes, it edges out GPT-4o by 1.6 points": a subject word ("it", 它)
    before the name the passage was last about, in a sentence that names that model as well, is not that model but
    the one before it (``earlier``)."""
    if subject is None or earlier is None or _norm(earlier) == _norm(subject):
        return None
    at = text.find(subject, a, b)
    if at <= a:
        return None
    sentence = text[a:b]
    words = [w for w in find_subject_words(sentence[:at - a], lex) if w.kind == "subject"]
    # (the name is what a comparison cue right before it measures against: "it edges out GPT-4o", "它超过了 GPT-4o")
    measured = any(m.end() <= at - a <= m.end() + 12 for m in cue_matches(sentence, lex))
    return earlier if words and measured else None


def _sole_opening_model(text: str, start: int, end: int) -> str | None:
    """The one known model the first paragraph of ``text[start:end]`` that names any names, if it names exactly one
    and states no result (a paragraph with a result has its own subject); only near the start."""
    stop = min(end, start + 1200)
    for m in _PARAGRAPH.finditer(text, start, stop):
        paragraph = m.group(0)
        if paragraph.startswith("#"):
            continue
        found = {n.text for n in sentence_names(paragraph) if n.kind in ("model", "name") and _is_known_model(n.text)}
        if found:
            return found.pop() if len(found) == 1 and not _DIGIT_RESULT.search(paragraph) else None
    return None


_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
_DIGIT_RESULT = re.compile(r"\d+(?:\.\d+)?\s*%|\d+\.\d")


def _on_every_shared_benchmark(comparisons: list[ComparisonClaim], scores: list[ScoreClaim]) -> list[ComparisonClaim]:
    """"83.1 on GSM8K and 38.9 on MATH, outperforming X (75.4 / 33.0)": the comparison the cue states on one
    benchmark holds on every benchmark the sentence gives both sides a value on."""
    out: list[ComparisonClaim] = []
    have = {(c.model, c.baseline, c.benchmark) for c in comparisons}
    value = {(s.model, s.benchmark): s.value for s in scores}
    for c in comparisons:
        if c.benchmark is None:
            continue
        for bench in sorted({s.benchmark for s in scores if s.model == c.baseline and s.benchmark}):
            mine, theirs = value.get((c.model, bench)), value[(c.baseline, bench)]
            if mine is None or (c.model, c.baseline, bench) in have:
                continue
            better = (mine > theirs) != _lower_is_better(bench, None, lexicons())
            # (a tie holds only where the values are close: "…和 GPT-4o 的 88.7 几乎打平，但 MATH 只有 73.8，GPT-4o 是
            # 76.6" ties on MMLU, not on MATH)
            close = abs(mine - theirs) <= max(1.0, 0.01 * max(abs(mine), abs(theirs)))
            said = {"outperforms": better and mine != theirs, "underperforms": not better and mine != theirs,
                    "matches": close}[c.relation]
            if said:  # the values agree with what the cue says
                have.add((c.model, c.baseline, bench))
                out.append(c.model_copy(update={"benchmark": bench}))
    return out


_HEADING_MARK = re.compile(r"#+\s*")
# a sentence that is a Markdown link ("[the report](https://…)"), not a chat line's "[09:03] Priya: …"
_LINK_OPENS = re.compile(r"\[[^\]\n]*\]\(")
# a Markdown thematic break on a line of its own ("---", "***", "___"), between a thread's posts or a digest's items
_ANY_RULE_MARK = re.compile(r"---|\*\*\*|___|- - -|\* \* \*")  # (what a break needs, found in one scan)
_THEMATIC_BREAK = re.compile(r"^[ \t]*(?:-[ \t]*){3,}$|^[ \t]*(?:\*[ \t]*){3,}$|^[ \t]*(?:_[ \t]*){3,}$", re.MULTILINE)
_LABEL_NAME = re.compile(r"[-*>\s]*(?:([A-Za-z][A-Za-z0-9]*(?:[-_.+][A-Za-z0-9]+)*(?: \d+(?:\.\d+)?[BM])?)\**\s*[:：]\**\s"
                         # (a Chinese brand's label needs no space after the colon: "**青鸾-32B**：官方说它…")
                         r"|(" + CJK_HYBRID_NAME.pattern + r")\**\s*[:：]\**)")
# "该模型还超越了…", "This model also…": a demonstrative points at the model named last, not at the topic
# (the word-start checks sit after the first letter, "\b" there as a look-behind, so ``re`` skips ahead to the next
# possible first character instead of trying every position)
_DEMONSTRATIVE = re.compile(r"该模型|此模型|这个模型|这一模型|t(?<!\w[\s\S])his model\b", re.IGNORECASE)


# "在今年的 AIME 2025 上，它的成绩是 40.0%": 它 / it goes on about the model the previous sentence's result was about
# (它, "it", "its"; the word start as above, and the first character from a class matched case-sensitively - "i" also
# matches "İ" and "ı" case-blind - so that ``re`` skips ahead to it)
_PRONOUN = re.compile(r"(?-i:[它Ii\u0130\u0131])(?:(?<=它)|(?<=i)(?<!\w[\s\S])ts?\b)", re.IGNORECASE)
# a sentence opening with "That's" / "That is" / "This puts …": it goes on about the result the previous one stated
_RESULT_THAT = re.compile(r"[\s*>-]*(?:That|This)(?:['’]s|\s+(?:is|was|puts|places|leaves|beats|trails))\b")


def _writers_before_pronoun(text: str, a: int, b: int) -> bool:
    """Does the sentence ``text[a:b]`` say 我们 / "we" before its first 它 / "it"?"""
    it = _PRONOUN.search(text, a, b)
    return it is not None and _FIRST_PERSON.search(text, a, it.start()) is not None


# what follows "it" / 它 as a subject ("it's", "it is", "it scores", "它在", "它也")
_PRONOUN_AS_SUBJECT = re.compile(r"(?:['’]s\b|\s+(?:is|was|has|had|does|did|will|would|can|could|still|also|only|[a-z]+s)\b"
                                 r"|\s*(?:在|是|也|还|则|就|又|却|能|会|已|拿|取得|达到|跑|只))")


# a sentence whose subject is the work itself: "The article further reported …", "The paper also claims …"
_WORK_AS_SUBJECT = re.compile(r"[\s*>-]*(?:The|This)\s+(?:original\s+)?(?:article|paper|preprint|study|abstract|authors?)\s+"
                              r"(?:(?:also|further|then|originally|first|finally)\s+)?(?:reported|reports|stated|states|"
                              r"claimed|claims|listed|lists|gave|gives)\b")


def _has_model_before_value(text: str, a: int, b: int) -> bool:
    """Does the sentence ``text[a:b]`` name a model before its first digit?"""
    digit = _DIGIT.search(text, a, b)
    stop = digit.start() if digit is not None else b
    return any(n.kind in ("model", "name") and is_model_shaped(n.text) for n in sentence_names(text[a:stop]))


def _object_of_previous(text: str, a: int, b: int, before: tuple[int, int] | None) -> str | None:
    """The one model the sentence ``before`` named, when the sentence ``text[a:b]`` names another model and then uses
    "it" (an object: "Heron beats it on GPQA Diamond") and does not name that one itself."""
    if before is None:
        return None
    it = _PRONOUN.search(text, a, b)
    if it is None or _OPENING_PRONOUN.match(text, a, b) is not None:
        return None
    if _PRONOUN_AS_SUBJECT.match(text, it.end(), b):
        return None  # ("Against Claude 3.5 Sonnet it's roughly on par with it": the first one is the subject)
    forms = DOCUMENT_SHORT_FORMS.get()  # ("Heron beats it": a short form the document set up names the subject too)
    here = [n for n in sentence_names(text[a:it.start()]) if n.kind in ("model", "name")
            and (is_model_shaped(n.text) or n.text in forms)]
    previous = {n.text for n in sentence_names(text[before[0]:before[1]]) if n.kind in ("model", "name")
                and is_model_shaped(n.text)}
    if not here or len(previous) != 1:
        return None
    only = previous.pop()
    return None if only in text[a:b] or any(_norm(n.text) == _norm(only) for n in here) else only


def _pronoun_referent(text: str, a: int, b: int, said_by: str | None, before: tuple[int, int] | None) -> str | None:
    """The model the previous sentence (same paragraph) stated a result for, or else opens with, when this
    sentence says 它 / "it" before naming any model itself."""
    if _RESULT_THAT.match(text, a, b):
        return said_by  # "That is about 6.6 points above GPT-4o": the result just stated, so its model
    if not _stands_alone(_PRONOUN, text, a, b):
        return None
    return said_by or _previous_subject(text, before, anywhere=True)


# "It …", "Its numbers: …", "它…" opening a sentence: the subject, not an object ("Heron beats it")
_PAIR_WORD_HINT = re.compile(r"前者|后者|\b(?:former|latter)\b")
_OPENING_PRONOUN = re.compile(r"[\s*>\-]*(?:It|Its|它)\b")


def _previous_subject(text: str, before: tuple[int, int] | None, anywhere: bool = False) -> str | None:
    """The model the previous sentence of the paragraph opens with ("Helix-Ultra is the new flagship. It
    trails …"), when it stated no result itself (a baseline it opens with, "Against X, …", is not it)."""
    if before is None:
        return None
    previous = text[before[0]:before[1]]
    names = sentence_names(previous)
    for n in names:
        if n.start > 20:
            break
        if n.kind in ("model", "name") and (is_model_shaped(n.text) or is_versioned_product(n.text)) \
                and not _NOT_TOPIC_BEFORE.search(previous, 0, n.start):
            return n.text
    if not anywhere:
        return None
    # ("The poster I spent the most time at was for LoopCoder-7B, a small code model. Its numbers: …": for a pronoun
    # opening the sentence, the one model the sentence before names, wherever it stands)
    # (not one it measures against: "Against Qwen2.5-72B-Instruct, the picture is mixed. It scores 71.2")
    models = {n.text for n in names if n.kind in ("model", "name") and is_model_shaped(n.text)}
    measured = {n.text for n in names if _NOT_TOPIC_BEFORE.search(previous, 0, n.start)}
    if len(models) == 2:
        # ("Against X (72.6 pass@1) Sable-R1-32B loses outright. It reports 93.8": of two models, the one the sentence
        # does not measure against)
        free = models - measured
        return free.pop() if len(free) == 1 else None
    only = models.pop() if len(models) == 1 else None
    return None if only is None or only in measured else only


def _stands_alone(word: re.Pattern[str], text: str, a: int, b: int) -> bool:
    """Does the sentence ``text[a:b]`` use ``word`` (它, 该模型, "this model") before naming any model itself?
    ("its Orion-72B model", "其 X 模型": a possessive before a name is the name's owner, not a stand-in)"""
    m = word.search(text, a, b)
    if m is None:
        return False
    names = sentence_names(text[a:b])
    if any(n.kind in ("model", "name") and n.end <= m.start() - a and is_model_shaped(n.text) for n in names):
        return False
    return not any(n.kind in ("model", "name") and 0 <= n.start - (m.end() - a) <= 2 and is_model_shaped(n.text)
                   for n in names)


def _asked_about(text: str, line_start: int, a: int, b: int) -> str | None:
    """The one known model the line before asks about ("where does R1-Distill-Qwen-32B land on aime?"): the reply
    ``text[a:b]`` opening this line ("72.6 on aime24") is that model's result, when it names no model of its own. A
    name the question measures against ("比 Qwen2.5-14B-Instruct 还高？") is not what it asks about."""
    asked = _question_before(text, line_start)
    if asked is None:
        return None
    reply = text[a:b]
    digit = _DIGIT.search(reply)  # (a model named after the reply's value is what it is compared with: "97.3，略高于 o1")
    if any(_is_known_model(n.text) for n in sentence_names(reply) if n.kind in ("model", "name")
           and (digit is None or n.start < digit.start())):
        return None
    # (nor one it is compared with: "DeepSeek-R1 在 AIME 2024 上是多少？和 OpenAI o1 比怎么样？")
    # (a short form the document set up is asked about too: "知更鸟 Arena-Hard 多少？" of 知更鸟 2.0)
    names = _models_asked(asked)
    if not names and _FOLLOW_UP.match(asked):
        # ("**Q:** And on GSM8K?" after "**Q:** What does Tianshu-9 score on MMLU?" and its answer: the same model)
        at = line_start
        for _ in range(8):
            at = _line_start_before(text, at)  # the question's line, then the answer before it, then its question
            answer_start = _line_start_before(text, at)
            earlier = _question_before(text, answer_start) if answer_start >= 0 else None
            if earlier is None:
                break
            names = _models_asked(earlier)
            if names or not _FOLLOW_UP.match(earlier):
                break
            at = answer_start
    return names.pop() if len(names) == 1 else None


# a question that goes on about the model asked about before: "And on GSM8K?", "What about HumanEval?", "那 CMMLU 呢？"
_FOLLOW_UP = re.compile(r"[*>\s]*(?:[^\w\s]{1,3}\s*)?(?:(?:问|Q|Question)\s*(?:[:：]|(?<=Q)\.(?=\s))\s*[*]*\s*)?"
                        r"(?:and\b|what\s+about\b|how\s+about\b|那|还有|再问|另外)", re.IGNORECASE)


def _models_asked(asked: str) -> set[str]:
    """The known models (and the document's short forms) a question names, not one it measures against."""
    forms = DOCUMENT_SHORT_FORMS.get()
    return {forms.get(n.text, n.text) for n in sentence_names(asked) if n.kind in ("model", "name")
            and (_is_known_model(n.text) or n.text in forms)
            and not _MEASURED_AGAINST.search(asked, max(0, n.start - 10), n.start)
            and not _COMPARED_AFTER.match(asked, n.end)}


def _line_start_before(text: str, line_start: int) -> int:
    """Where the non-blank line before ``line_start`` starts (-1 if none)."""
    end = line_start - 1
    while end > 0 and text[end - 1] in "\n \t":
        end -= 1
    if end < 1:
        return -1
    return text.rfind("\n", 0, end) + 1


_COMPARED_AFTER = re.compile(r"\s*(?:比|相比|比较|对比)")
# a reply opening its line: "答：79.8%。", "A: 72.6 on aime24", "**Answer:** …"
# (and a comment thread's reply: "👉博主回复：", "作者回复：", "Reply:")
# ("A. 95.1 on GSM8K.": a transcript's answer, a period after the letter)
# a transcript's speaker label opening a line: "TOMMY: ", "**Maya:** ", "**浩浩爸爸**："
_SPEAKER_LABEL = re.compile(r"[*>\s]*(?:\*\*)?(?P<label>[A-Z][A-Za-z.'\-]{0,20}(?: [A-Z][A-Za-z.'\-]{0,20})?|[\u4e00-\u9fff]{1,6})"
                            r"(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*")
_ANSWER_OPENING = re.compile(r"[*>\s]*(?:[^\w\s]{1,3}\s*)?(?P<label>答|回答|[\u4e00-\u9fff]{0,4}回复|A|Ans|Answer|Reply)"
                             r"(?:\s*[:：]|(?<=[Aa])\.(?=\s))", re.IGNORECASE)


def _question_before(text: str, line_start: int) -> str | None:
    """The line before ``line_start`` (blank lines skipped, Markdown emphasis stripped) when it asks a question."""
    prev_end = line_start - 1
    while prev_end > 0 and text[prev_end - 1] in "\n \t":
        prev_end -= 1
    if prev_end < 1:
        return None
    asked = text[max(text.rfind("\n", 0, prev_end) + 1, prev_end - 300):prev_end].rstrip().rstrip("*_").rstrip()
    return asked if asked.endswith(("?", "？")) else None


def _asked_benchmark(text: str, line_start: int, lex: Lexicons) -> str | None:
    """The one benchmark the question before an answer names ("DeepSeek-R1 在 AIME 2024 上 pass@1 是多少？")."""
    asked = _question_before(text, line_start)
    if asked is None:
        return None
    named = {m.group(0) for m in benchmark_matches(asked, lex)}
    return named.pop() if len(named) == 1 else None


def _demonstrative_referent(text: str, a: int, b: int, before: tuple[int, int] | None) -> str | None:
    """The model the previous sentence named last, when this one says 该模型 / "this model" before
    naming any model itself ("…都始于一个强大的基础模型:DeepSeek-v3。…该模型还超越了…": DeepSeek-v3)."""
    if before is None or not _stands_alone(_DEMONSTRATIVE, text, a, b):
        return None
    previous = text[before[0]:before[1]]
    names = sentence_names(previous)
    objects = _cue_objects(previous, lexicons(), names)  # "X 超越 GPT-4o 与 Llama-3.1-405B": not those
    forms = DOCUMENT_SHORT_FORMS.get()  # ("青岚只有 55.2%": a short form the document set up is a name too)
    named = [n for n in names if n.kind in ("model", "name") and (is_model_shaped(n.text) or n.text in forms)
             and n.start not in objects
             and not _MEASURED_AGAINST.search(previous, max(0, n.start - 24), n.start)
             # "…，两项成绩均明显领先GPT-4o。该模型…": the name right after a comparison word is what it beat
             and not _NOT_TOPIC_BEFORE.search(previous, max(0, n.start - 8), n.start)]
    return forms.get(named[-1].text, named[-1].text) if named else None


# "X 取得 85.7%，与 GPT-4o 基本持平", "… than GPT-4o": the name a statement measures against is not what "该模型" means
# ("分别比基线模型 Qwen2.5-7B-Instruct 提高了…", "than the strong baseline X": a few words describing it may stand between)
_MEASURED_AGAINST = re.compile(r"(?:(?:与|跟|同|比|较|相比)[^，,。；;、\s\dA-Za-z]{0,8}"
                               r"|(?:\bthan|\bvs\.?|\bversus|\bagainst|\bcompared\s+(?:to|with))(?:\s+(?:the|its|our)(?:\s+[a-z-]+){0,2})?)"
                               r"\s*$", re.IGNORECASE)


def _outside(hits: Sequence[int], regions: Sequence[tuple[int, int]]) -> list[int]:
    """The sorted ``hits`` that fall in none of the sorted ``regions``."""
    out: list[int] = []
    i = 0
    for a, b in regions:
        j = bisect_left(hits, a, i)
        out.extend(hits[i:j])
        i = bisect_left(hits, b, j)
    out.extend(hits[i:])
    return out


_MAX_SENTENCE = 1200
_SOFT_BREAK = re.compile(r"[，,、:：]\s*")


def _bounded(text: str, bounds: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Sentences, with run-ons (tables flattened into one line, minified text) cut at commas.

    The rules look at a sentence as a whole many times over; a 100 000-character "sentence"
    would make that quadratic, and no claim spans more than a few clauses anyway.
    """
    for a, b in bounds:
        while b - a > _MAX_SENTENCE:
            cut = None
            for m in _SOFT_BREAK.finditer(text, a + _MAX_SENTENCE // 2, a + _MAX_SENTENCE):
                cut = m.end()
            cut = cut or a + _MAX_SENTENCE
            yield a, cut
            a = cut
        if b > a:
            yield a, b


def sentence_claims(document: Document, section: Section, offset: int, sentence: str,
                    lex: Lexicons, ctx: _Context | None = None) -> list[AnyClaim]:
    """The claims of one sentence (``offset`` = its start in the document text)."""
    ctx = ctx if ctx is not None else _Context()
    all_numbers = _numbers(sentence, lex)
    if not any(_is_result_number(sentence, lex, n) or _LABEL_END.search(sentence, max(0, n.start - 6), n.start)
               for n in all_numbers) and not cue_matches(sentence, lex) \
            and not _IMPROVEMENT_OVER.search(sentence) and not _IMPROVES_BY_OVER.search(sentence) \
            and not _WITHIN_OF.search(sentence) and not _SIGNED_OVER.search(sentence) and not _SHORT_OF.search(sentence) \
            and not MARGIN_RELATIVE.search(sentence) \
            and not _NAME_PAREN_VALUE.search(sentence) and not _NAME_THEN_VALUE.search(sentence) \
            and not _PLACE_THEN_VALUE.search(sentence) and not FORMER_LATTER_VALUE.search(sentence) \
            and not _COPULA_THEN_VALUE.search(sentence) and not _COMMA_AT_VALUE.search(sentence) \
            and not GAIN.search(sentence) and not RANK_SYMBOL.search(sentence):
        # no result value and no comparison cue: the cheap triggers (a decimal, a "%") were not results.
        # Skipping before the name matchers is most of the speed; the topic still comes from
        # ``_leading_models`` and the paragraph benchmark from the lazy ``benchmark_before`` scan.
        return []
    names = sentence_names(sentence)
    # what the paragraph was about before this sentence (looked up only if this one names no benchmark)
    if not any(n.kind == "benchmark" for n in names) and lex.backref_regex.search(sentence):
        # "在该基准上，GPT-4o 准确率为 71.6%": the benchmark named before, or the one the section is about
        referent = ctx.benchmark_before(offset) or ctx.section_benchmark_before(offset) or _benchmark_subject(section)
        if referent is not None:
            ctx.saw_benchmark(referent, offset)
    named_bench = any(n.kind == "benchmark" for n in names)
    # "on 7 of 10 benchmarks", "在多个基准上": none in particular (asked only when the sentence names none)
    general = not named_bench and _GENERAL_SCOPE.search(sentence) is not None
    paragraph = None if general or named_bench else ctx.benchmark_before(offset)
    if paragraph is not None and ("%" in sentence or "pass@" in sentence) and _is_rating_benchmark(paragraph, lex) \
            and not _RATING_WORD.search(sentence):
        # "We study … on LiveCodeBench and Codeforces. Our sampler lifts X from 41.3% to 48.9% pass@1": a percentage is
        # no rating, so it is the paragraph's other benchmark's
        named = [m.group(0) for m in benchmark_matches(ctx.text, lex, ctx.para_start, offset)]
        paragraph = ctx.benchmark = next((b for b in reversed(named) if not _is_rating_benchmark(b, lex)), paragraph)
    if paragraph is None and not named_bench and not general:
        # a comparison right after the section's results ("…71.0%。\n\n最终达到与 o1-preview 相当的水平")
        # is about the benchmark just named (or the one the report is about), unless it says it is about
        # many ("在多个基准上"): looked up when a rule asks
        ctx_benchmark = SentenceBenchmark(ctx=ctx, offset=offset, before=tuple(ctx.paragraph_benchmarks))
    else:
        ctx_benchmark = SentenceBenchmark(paragraph, before=tuple(ctx.paragraph_benchmarks))
    _update_context(sentence, names, section, ctx, offset)
    if _is_hypothetical(sentence, all_numbers):
        return []
    generic = _GENERIC_SUBJECT.search(sentence) if "模型" in sentence or "odel" in sentence or "LLM" in sentence \
        or "ystem" in sentence else None  # (the words first: the case-blind scan has no first characters to skip by)
    if generic is not None and not any(n.kind in ("model", "name") and n.start < generic.start() for n in names) \
            and all(n.start > generic.start() for n in all_numbers):
        return []  # "一个模型在 MMLU 上得到 30%", "Any model scoring 30% is guessing": nobody in particular
    subjects = find_subject_words(sentence, lex)
    inside_names = bytearray(len(sentence) + 1)
    for m in names:
        inside_names[m.start:m.end] = b"\x01" * (m.end - m.start)
    numbers = [n for n in all_numbers if not inside_names[n.start]]
    paths = trajectories(sentence, lex, names, subjects, numbers, section,
                         lambda: base_model_in(ctx.text, section.start, offset),
                         lambda: switched_models(ctx.text, ctx.para_start, offset + len(sentence))) \
        if "从" in sentence or _FROM.search(sentence) else []
    traced: list[AnyClaim] = [c for p in paths for c in trajectory_claims(document, section, offset, sentence, p,
                                                                          ctx_benchmark)]
    comparisons, used_numbers = _comparisons(document, section, offset, sentence, lex, names, subjects, numbers,
                                             ctx_benchmark)
    if traced:  # a from-to pair with a named earlier model states its own scores and comparison
        used_numbers |= {n.start for p in paths for n in (p.earlier, p.later)}
        pairs = {(_norm(c.model), _norm(c.baseline)) for c in traced if isinstance(c, ComparisonClaim)}
        comparisons = [c for c in comparisons if (_norm(c.model), _norm(c.baseline)) not in pairs]
        comparisons += [c for c in traced if isinstance(c, ComparisonClaim)]
    if RANK_SYMBOL.search(sentence):
        ranked = ranked_comparisons(document, section, offset, sentence, names)
        stated = {frozenset((_norm(c.model), _norm(c.baseline))) for c in comparisons}
        comparisons += [c for c in ranked if frozenset((_norm(c.model), _norm(c.baseline))) not in stated]
    if GAIN.search(sentence):
        comparisons += gain_claims(document, section, offset, sentence, lex, names, subjects, numbers, comparisons,
                                   ctx_benchmark)
    baseline_spans = [(c.start - offset, c.end - offset, c.baseline) for c in comparisons]
    scores = _scores(document, section, offset, sentence, lex, names, subjects,
                     [n for n in numbers if n.start not in used_numbers], ctx, baseline_spans)
    if len(scores) >= 2 and _FROM.search(sentence):
        mark_starting_values(sentence, offset, scores)
    if scores and _EARLIER_SUBJECT_CUE.search(sentence):
        reown_earlier_subjects(sentence, offset, scores, names)
    if len(scores) >= 2 and _CONTRAST.search(sentence):
        # a pair the sentence already compares, in either direction ("略低于 o1-mini 的 60.0 分"), is stated
        stated = {frozenset((_norm(c.model), _norm(c.baseline))) for c in comparisons}
        # (two baselines of the comparisons the sentence states are not compared with each other: "本文方法…优于
        # Llama-3.1-8B-Instruct（51.9%）和 Mistral-7B-Instruct（12.7%）")
        objects = {_norm(c.baseline) for c in comparisons}
        comparisons += [c for c in _comparisons_from_scores(scores, lex, sentence, offset)
                        if frozenset((_norm(c.model), _norm(c.baseline))) not in stated
                        and not {_norm(c.model), _norm(c.baseline)} <= objects]
        comparisons = margins_of_named(comparisons, sentence, offset)
    if len(scores) == 2 and not comparisons:
        comparisons += tie_of_two(scores, sentence, offset, ctx.model)
    elif len(scores) > 2 and _BOTH_AT.search(sentence):
        comparisons += both_at_ties(scores, sentence, offset, comparisons)
    if comparisons and SCORE_LINE.search(sentence):
        line = score_line_scores(document, section, offset, sentence, lex, comparisons, names)
        values = {c.value for c in line if isinstance(c, ScoreClaim)}
        scores = [c for c in scores if c.value not in values] + [c for c in line if isinstance(c, ScoreClaim)]
        comparisons += [c for c in line if isinstance(c, ComparisonClaim)]
    if comparisons and _VS_PAIR.search(sentence):
        versus = _versus_scores(document, section, offset, sentence, lex, comparisons, scores, names)
        scores += [c for c in versus if isinstance(c, ScoreClaim)]
        comparisons += [c for c in versus if isinstance(c, ComparisonClaim)]
    elif sum(n.kind in ("model", "name") for n in names) == 2 and _VS_PAIR.search(sentence):
        paired = paired_values_of_two(document, section, offset, sentence, lex, names, ctx_benchmark.get())
        if paired:  # the pair's values are the two models', not the nearest name's
            values = {c.value for c in paired if isinstance(c, ScoreClaim)}
            scores = [c for c in scores if c.value not in values] + [c for c in paired if isinstance(c, ScoreClaim)]
            comparisons += [c for c in paired if isinstance(c, ComparisonClaim)]
    if scores and _REPLY_HINT.search(sentence):
        comparisons += reply_comparisons(document, section, offset, sentence, names, scores, comparisons, ctx.model)
    if comparisons and len(scores) >= 4:
        comparisons += _on_every_shared_benchmark(comparisons, scores)
    if comparisons and SHARED_VALUE.search(sentence):
        shared = shared_value_scores(document, section, offset, sentence, lex, comparisons)
        values = {c.value for c in shared}
        scores = [c for c in scores if c.value not in values] + shared  # the tie's value is both sides', not one's
    if scores and _EARLIER_CUE.search(sentence):
        earlier = earlier_claims(document, section, offset, sentence, numbers, scores,
                                 _lower_is_better(scores[0].benchmark, scores[0].metric, lex))
        scores += [c for c in earlier if isinstance(c, ScoreClaim)]
        comparisons += [c for c in earlier if isinstance(c, ComparisonClaim)]
    if len(scores) == 2 and (_FORMER_OR_LATTER.search(sentence) or _REPLY_HINT.search(sentence, scores[1].end - offset)):
        decided = former_or_latter_verdict(scores, sentence, offset, names)
        if decided:  # (what another rule made of the verdict's words, with a subject it guessed, gives way)
            cut, pair = decided[0].end - offset, {_norm(decided[0].model), _norm(decided[0].baseline)}
            comparisons = [c for c in comparisons if not (c.start - offset < cut and c.end - offset >= cut - 2)
                           and {_norm(c.model), _norm(c.baseline)} != pair] + decided
    if len(scores) >= 3 and POSITIONAL_TIE.search(sentence):
        comparisons += positional_tie(scores, sentence, offset, comparisons)
    if len(scores) >= 4 and "分别" in sentence and RESPECTIVE_MARGINS.search(sentence):
        comparisons += respective_margin_verdicts(scores, sentence, offset, names, comparisons)
    if len(scores) >= 2 and PAIR_CHANGE.search(sentence):
        # ("BBH: v2.3 66.7, v2.4 63.0, down 3.7 points": how the second of two values moved from the first)
        comparisons += pair_change_verdicts(scores, sentence, offset, comparisons)
    if len(scores) >= 2 and BARE_VERDICT.search(sentence):
        # ("…44.7 and Elan-12B gets 51.0, so Elan-12B is clearly ahead either way": the other model just stated)
        comparisons += bare_verdicts(document, section, offset, sentence, names, subjects, scores, comparisons)
    if REFERENCE_LEAD.match(sentence):
        # ("拿 DeepSeek-V3 来比，MMLU-Pro 我们高 2.5 个点，GPQA Diamond 高 5.8 个点": each verdict against the reference)
        comparisons += reference_verdicts(document, section, offset, sentence, names, subjects, comparisons)
    if comparisons and (group := group_subject(sentence)) is not None:
        comparisons = _for_each_of_the_group(comparisons, group, sentence, offset, ctx, section)
    if any(c.baseline == UNNAMED_BASELINE for c in comparisons):
        # ("GPT-4o 的 MMLU-Pro 我们测的是 73.3，天枢-9 高出 8 个点": the gain is the margin of the named comparison)
        comparisons = margins_of_named(comparisons, sentence, offset)
    if comparisons and _EXCEPT.search(sentence):
        # ("beats GPT-4o on every benchmark except GSM8K": the one benchmark named is where it does not; the claim is
        # the comparison overall, on no one benchmark)
        comparisons = [c.model_copy(update={"benchmark": None}) if _only_excepted(sentence, c.benchmark) else c
                       for c in comparisons]
    if comparisons and CONTINUE_HINT.search(sentence):
        # ("beats X on GPQA Diamond by 2.4 points and on MATH-500 by 1.1": the comparison, on the next benchmark too)
        continued = continued_comparisons(document, section, offset, sentence, names, comparisons)
        comparisons += continued.claims
        # (a value the size of a margin read as a score: "and 1.1 on MATH-500")
        scores = [c for c in scores if c.value > 20 or not any(c.start - offset <= a and b <= c.end - offset
                                                               and sentence[a:b] == _value_text(c.value)
                                                               for a, b in continued.margins)]
    found: list[AnyClaim] = [*_without_echoes(scores), *(c for c in traced if isinstance(c, ScoreClaim)), *comparisons]
    if found and STATEMENT_WORD.search(sentence):
        found = _without_retracted_statement(sentence, offset, found)
    return found


def _without_retracted_statement(sentence: str, offset: int, found: list[AnyClaim]) -> list[AnyClaim]:
    """``found`` less the claims stated inside a statement the sentence takes back (``retracted_statement``)."""
    span = retracted_statement(sentence)
    if span is None:
        return found
    a, b = span
    return [c for c in found if not (a <= c.start - offset < b)]


def _without_echoes(scores: list[ScoreClaim]) -> list[ScoreClaim]:
    """A value said twice in one sentence is one result ("跑出来只有 9.8%，九点八", "71.0 — yes, 71.0"): the first
    statement stays (a later sentence restating it is a claim of its own)."""
    seen: set[tuple[str, str | None, float]] = set()
    out: list[ScoreClaim] = []
    for c in scores:
        key = (_norm(c.model), c.benchmark, c.value)
        if key in seen and c.setting is None:
            continue
        seen.add(key)
        out.append(c)
    return out


_EXCEPT = re.compile(r"\b(?:except|excluding|other\s+than|apart\s+from|but\s+not)\b(?:\s+(?:for|on|in))?\s*|除了?\s*(?:在\s*)?",
                     re.IGNORECASE)


def _only_excepted(sentence: str, benchmark: str | None) -> bool:
    """Is ``benchmark`` named in ``sentence`` only right after "except" / 除了 (so no comparison holds on it)?"""
    if not benchmark:
        return False
    at = [m.start() for m in re.finditer(re.escape(benchmark), sentence)]
    return bool(at) and all(any(m.end() == a for m in _EXCEPT.finditer(sentence, 0, a)) for a in at)


def _value_text(value: float) -> str:
    """How a margin read as a value is written ("1.1", "7")."""
    return f"{value:g}" if value != int(value) else str(int(value))


_RATING_WORD = re.compile(r"\b(?:elo|rating|rated)\b|评分|等级分", re.IGNORECASE)


def _is_rating_benchmark(name: str, lex: Lexicons) -> bool:
    """Is ``name`` a benchmark scored as an Elo-style rating (Codeforces)?"""
    return canonical_benchmark(name, lex) in lexicon.rating_benchmarks()


# a heading that is a thread's post by somebody ("@jlu commented", "ana-ridge replied", "3 楼", "回复 @小王")
_POST_HEADING = re.compile(r"^\s*@\S+|\b(?:commented|replied|wrote|responded|answered|posted|opened\s+this\s+issue)\b"
                           r"|\d+\s*楼|回复|评论区|跟帖|追评", re.IGNORECASE)
_BULLET_LABEL_COLON = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?[:：]")


def _benchmark_bullet(text: str, line_start: int, line_end: int, lex: Lexicons) -> bool:
    """Does the list item at ``line_start`` open with a benchmark's name and a colon ("- MMLU: 89.6", "- GPQA Diamond
    (3 seeds): 58.4")?"""
    m = lex.benchmark_regex.match(text, line_start + 2, line_end)
    return m is not None and _BULLET_LABEL_COLON.match(text, m.end(), line_end) is not None


def _for_each_of_the_group(comparisons: list[ComparisonClaim], group: GroupReference, sentence: str, offset: int,
                           ctx: _Context, section: Section) -> list[ComparisonClaim]:
    """"Both Quill models still lag well behind GPT-4o on GSM1k", "两者都落后于 GPT-4o": a comparison whose subject is
    the group the sentence opens with (``group``) is one comparison per model of the group (the models named last
    before it)."""
    out: list[ComparisonClaim] = []
    for c in comparisons:
        members = group_referents(ctx.text, section.start, offset, group.size, leave_out=c.baseline) \
            if c.start - offset >= group.start else []
        said = sentence[group.start:group.end]  # ("Both Quill models": the family word there is the group's)
        if not members or not any(_norm(m.text) == _norm(c.model) for m in members) and c.model not in said:
            out.append(c)
            continue
        out += [c.model_copy(update={"model": m.text}) for m in members if _norm(m.text) != _norm(c.baseline)]
    return out


# "MMLU（85.1）": a value in parentheses right after a name (a benchmark's, or a baseline's)
_NAME_PAREN_VALUE = re.compile(r"[A-Za-z0-9+]\s*[(（]\s*\d+(?:\.\d+)?\s*%?\s*[)）]")
# "GPT-4o 88.7, Claude 3.5 Sonnet 88.3", "Orion-72B: 61.0": values written right after names (see
# ``enumerations.juxtaposed_values``, which decides)
_NAME_THEN_VALUE = re.compile(r"[A-Za-z0-9+](?:[ \t]*[:：=][ \t]*|[ \t]+)\d+\.\d")
# "DeepSeek-V3 在 MATH-500 上 90.2": a value right after the place it was measured (``scores._after_a_benchmark_place``)
# "Arena-Hard is 62.3 with style control off": a benchmark, a copula, a decimal (``scores._BENCH_IS_BEFORE``)
_COPULA_THEN_VALUE = re.compile(r"[A-Za-z0-9)] " + COPULA + r" \d+\.\d")
_PLACE_THEN_VALUE = re.compile(r"[A-Za-z0-9)）][ \t]?(?:[上中]|" + SAID_BEFORE_VALUE + r"{1,8}|[，,])[ \t]?[，,]?[ \t]?\d+(?:\.\d|%)")
# "she puts DeepSeek-R1-Distill-Qwen-7B, also at 55.5": a name, then its value after ", at" (``scores._VERB_RIGHT_BEFORE``)
_COMMA_AT_VALUE = re.compile(r"[A-Za-z0-9]" + COMMA_AT + r"\s+\d+\.\d")
_FROM = re.compile(r"(?-i:[从Ff])(?:(?<=从)|(?<=f)(?<!\w[\s\S])rom\b)", re.IGNORECASE)  # (从, "from": as _GENERAL_SCOPE)
# the words a reply to a stated score needs (``extractor.rules.replies``), looked for before it runs
_REPLY_HINT = led(re.compile(r"ahead|behind|\bclear\b|wins?\b|loses?\b|leads?\b|trails?\b|on top|"
                         r"高了|高出|领先|赢了|多了|超出|低了|差了|还差|落后|输了|少了", re.IGNORECASE))
_EARLIER_SUBJECT_CUE = re.compile(r"现有|已有|之前|此前|以前|先前|existing|previous|prior", re.IGNORECASE)
_EARLIER_CUE = re.compile(r"之前|此前|以前|先前|原先|原来|previous|prior|before", re.IGNORECASE)
# "在多个基准上", "across most benchmarks", "beats GPT-4o on 7 of 10 benchmarks", "在 12 项基准中的 9 项上": many benchmarks or a
# count of them, none named. (Each branch's first character is matched first, case-sensitively, from one class that holds
# every character the case-blind first letters match - "i" also matches "İ" and "ı" - so that ``re`` skips ahead to the
# next such character instead of trying every branch at every position; the branch then checks that character again
# with a look-behind, and "\b" before a word's first letter is ``_WORD_START_BEFORE`` after it.)
_WORD_START_BEFORE = r"(?<!\w[\s\S])"
_MANY = r"(?:most|many|all|several|multiple|various|a\s+(?:wide\s+)?range\s+of|a\s+variety\s+of)\b"
_COUNT_OF = r"\d+\s+(?:of|out\s+of)\s+(?:the\s+)?\d+\s+(?:\w+\s+)?(?:benchmarks|tasks|evaluations|tests)"
_GENERAL_SCOPE = re.compile(
    r"(?-i:[在大AaOoIi\u0130\u0131\d])(?:"
    r"(?<=在)(?:大多数|多数|多个|各种|各项|众多|所有|一系列|广泛的)[^，。,]{0,14}?(?:上|中|下)|(?<=大)(?:多数情况|部分情况)"
    rf"|(?<=a){_WORD_START_BEFORE}cross\s+(?:{_MANY}|(?:the\s+)?(?:board|benchmarks|tasks)\b|{_COUNT_OF})"
    rf"|(?<=o){_WORD_START_BEFORE}n\s+(?:{_MANY}|{_COUNT_OF})|(?<=i){_WORD_START_BEFORE}n\s+(?:{_MANY}|{_COUNT_OF})"
    r"|(?<=\d)\d*\s*(?:项|个)(?:基准|评测|测试|任务)(?:中的|里的)?\s*\d+\s*(?:项|个))", re.IGNORECASE)


_CONTRAST = re.compile(r"而|但|相比|相较|对比|whereas|while|compared|versus|\bvs\b|\b(?:up|down) from\b|\bagainst\b"
                       # "X 和 Y 分别是 82.6 和 90.2，Y 领先": the two values, and who leads, with no object named
                       r"|(?:领先|胜出|占优|更胜一筹)\s*(?:[。！!，,；;]|$)"
                       r"|\b(?:leads|is\s+ahead|wins|trails|is\s+behind)\s+by\b", re.IGNORECASE)
