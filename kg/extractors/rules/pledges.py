"""Statements of intent: saying that one will act is itself an event (CAMEO 03, 12, 13).

PLOVER codes what an actor says it will do: committing, being ready, planning or
announcing a cooperative act or a retreat is AGREE ("Syria is willing to withdraw its
troops from Lebanon", "China will send aid to Nepal", "plans to visit Seoul", "said it
would release the sailors"); promising a concession is CONCEDE; announcing or vowing a
hostile act is THREATEN ("Japan said it would attack North Korea", "will strike unless
..."); a refused cooperation is REJECT ("Syria says it will not accept more refugees"). The
intended act itself stays a record of its own, marked intended, never asserted; the
statement is asserted (or reported) and goes to the recipient of the intended act.

One mechanism reads every case: :func:`stance` finds what makes the act a statement (a
commitment, a condition, an announcement, a plain future, a plan, a schedule, a refusal)
and the word that says it; the table ``intent_events`` in ``kg/data/rules/modality.tsv``
says which event each stance makes of each kind of act. :mod:`.modality` decides the mood;
this module decides the event it makes.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import RelationMention
from . import records
from .context import same
from .dates import event_time
from .deps import SUBJ
from .modality import announcement, commitment, conditional, modality_of
from .triggers import verb_event, verb_lemma
from .words import W

STATEMENTS = {"AGREE": "agreesWith", "THREATEN": "threatens", "REJECT": "rejects", "CONCEDE": "concedesTo"}
CONFIDENCE = {"AGREE": 0.65, "THREATEN": 0.6, "REJECT": 0.6, "CONCEDE": 0.6}


def pledges_and_threats(ctx, verb, et, pairs, negated: bool, modality: str,
                        factor: float) -> Iterator[RelationMention]:
    """The event that stating an act makes (AGREE, CONCEDE, THREATEN or REJECT), once per pair of
    the act. ``verb`` is the act's verb, or the light verb of a nominal one ("would tighten
    the blockade"); ``pairs`` its (actor, factor, recipient, factor) readings."""
    found = stated(ctx, verb, et, negated, modality)
    if found is None:
        return
    plover, saying, word = found
    made = statement_row(ctx, STATEMENTS[plover], et.plover)
    when = _statement_time(ctx, verb, word, saying)
    for a, fa, o, fo in pairs:
        if not same(a, o):
            yield records.event(ctx, a, made, o, False, saying, CONFIDENCE[plover] * factor * fa * fo, verb,
                                when=when)


def _statement_time(ctx, verb, word, saying: str) -> tuple[str | None, bool]:
    """The time of a statement of intent: the time of the word that states it ("*last week*
    Japan announced it will send troops *in February*" is a statement of last week), never
    the intended act's ("will visit China *in May*" is said on the article's day). A plain
    future states itself: its time is the article's, or that of the verb of saying it hangs
    on ("said *on Monday* it would not accept")."""
    if word is verb:
        word = verb.head if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in W.speech_verbs else None
    return event_time(ctx, word, saying) if word is not None else (None, False)


def statement_row(ctx, predicate: str, act: str):
    """The lexicon row of the statement an intended act of PLOVER type ``act`` makes: the
    predicate's own, or its row with the finer CAMEO code ``intent_cameo`` gives ("will meet
    Xi": an intent to meet, CAMEO 036)."""
    made = ctx.lex.by_predicate[predicate]
    codes = W.intent_cameo.get(act, ())
    if not codes:
        return made
    return next((e for e in ctx.lex.verbs.values() if e.predicate == predicate and e.cameo in codes), made)


def stated(ctx, verb, et, negated: bool, modality: str) -> tuple[str, str, object] | None:
    """(the PLOVER type of the statement, its modality, the word that states it) for an act of
    type ``et`` whose clause has this negation and modality, or None when saying so is no event."""
    kind = _kind(et.plover)
    if kind is None:
        return None
    found = stance(ctx, verb, negated, modality, kind)
    if found is None:
        return None
    name, word = found
    plover = dict(cell.split(":") for cell in W.intent_events.get(name, ())).get(kind)
    if plover is None:
        return None
    if word is verb:  # a plain future or a refusal: the sentence states it
        saying = "reported" if verb.sent.start in ctx.reported else "asserted"
    else:
        said_negated, saying = modality_of(ctx, word)
        if said_negated:
            return None  # "did not announce", "is not willing to"
    if saying not in ("asserted", "reported"):
        return None  # "may be ready to": no statement yet
    return plover, saying, word


def stance(ctx, verb, negated: bool, modality: str, kind: str | None = None):
    """(stance, the word that states it) for an act's verb (see ``kg/data/rules/modality.tsv``),
    or None."""
    if negated:
        return _refusal(verb, modality, kind)
    if modality == "hypothetical":
        return ("condition", verb) if conditional(verb) and not _possible(verb) else None
    if modality != "intended":
        return None
    committed = commitment(verb) or _promised(verb)
    if committed is not None:
        return "commit", committed
    if conditional(verb):
        return "condition", verb
    announced = announcement(verb)
    if announced is not None:
        return "announce", announced
    governor = _governor(verb)
    if governor is not None:
        lemma = verb_lemma(governor)  # "hopes" is spaCy's "hop": the mended lemma
        if lemma in W.plan_words:
            return "plan", governor
        if lemma in W.expect_words:
            return "expect", governor
        return None  # "tried to", "began to", "threatened to": no statement of intent here
    if _own_future(verb) and not _questioned(verb) and verb.dep_ not in ("ccomp", "advcl", "relcl", "acl"):
        return "future", verb
    return None


def _promised(verb):
    """The verb of commitment whose "that" clause the act is, in the future ("pledged that it
    would withdraw", "promised that it will send aid"), if any."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i == verb.i or verb_lemma(head) not in W.commitments:
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return head if aux & (W.intended_aux | {"would"}) else None


def _refusal(verb, modality: str, kind: str | None):
    """"will not accept": a refusal; "did not accede to the demands", "has not accepted the
    offer": not giving in, or not agreeing, when asked is a rejection too (not "did not
    meet", which refuses nothing)."""
    if _questioned(verb):
        return None
    if _own_future(verb) or _would_not(verb):
        return "refuse", verb
    return ("decline", verb) if kind in W.declinable_kinds and modality in ("asserted", "reported") else None


def _kind(plover: str) -> str | None:
    for kind in ("cooperative", "retreat", "concession", "hostile", "agreement"):
        if plover in getattr(W, f"intended_{kind}"):
            return kind
    return None


def _own_future(verb) -> bool:
    """Does the verb carry its own "will" ("will send", "won't accept", "said it would not")?"""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(aux & W.intended_aux) or "would" in aux and verb.dep_ == "ccomp" \
        and verb.head.lemma_.lower() in W.speech_verbs


def _would_not(verb) -> bool:
    """A main clause's "would not" with no condition ("Spain would not recognise Kosovo"): the
    past of "will not", a refusal told, not a hypothesis ("would not meet him if ...")."""
    if verb.dep_ != "ROOT" or conditional(verb):
        return False
    kids = list(verb.children)
    # not "would not have recognised" (what did not happen), nor with a clause or a "case" that
    # may hold a condition ("had the court ruled otherwise", "in that case")
    return any(c.dep_ == "aux" and c.lower_ == "would" for c in kids) \
        and not any(c.dep_ == "aux" and c.lemma_ == "have" or c.dep_ == "advcl" for c in kids) \
        and not any(c.dep_ in ("prep", "advmod") and c.lower_ in W.condition_preps for c in kids) \
        and not any(c.dep_ == "prep" and p.dep_ == "pobj" and p.lemma_.lower() in W.condition_nouns
                    for c in kids for p in c.children)


def _possible(verb) -> bool:
    """Does the verb say only what could happen ("could bar him", "might retaliate")?"""
    return any(c.dep_ == "aux" and c.lower_ in W.possibility_aux for c in verb.children)


def _questioned(verb) -> bool:
    """Is the clause a question ("whom they would support", "whether it will meet")?"""
    return any(t.tag_ in ("WP", "WRB", "WDT") or t.lower_ in ("whether", "if")
               for t in verb.subtree if t.i < verb.i)


def _governor(verb):
    """The verb or adjective whose complement the act is ("plans to visit", "is due to
    meet", "is expected to sign"), if any."""
    node = verb
    for _ in range(3):
        if node.dep_ not in ("xcomp", "acomp") or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "ADJ", "AUX") and not any(c.dep_ in SUBJ and c.i == verb.i for c in node.children):
            return node
    return None


def hostile_complement(ctx, verb) -> bool:
    """Does the verb's infinitive complement do harm ("vowed to retaliate", "pledged to
    impose sanctions")? Promising that is no cooperation; promising not to is restraint."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and any(a.lower_ == "to" for a in c.children) \
                and not any(a.dep_ == "neg" for a in c.children):  # "pledged not to attack": restraint
            # "agreed to postpone the demonstration": calling a hostile act off is no harm
            stops = c.lemma_.lower() in W.calling_off_verbs | W.putting_off_verbs
            inner = verb_event(ctx, c) or (None if stops else next(
                (ctx.lex.nouns[o.lemma_.lower()] for o in c.children
                 if o.dep_ == "dobj" and o.lemma_.lower() in ctx.lex.nouns), None))
            if inner is not None and inner.plover in W.hostile_types:
                return True
    return False
