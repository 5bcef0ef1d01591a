"""Where an event is lost between its trigger and its record: a trace one can switch on.

Off by default (the context's ``trace`` is None and every call here returns at once). Pass
a :class:`Trace` to :func:`kg.extractors.rules.read` and each token the event lexicon knows
gets one :class:`Step`: the event it triggered, or the first gate that stopped it on the
way to a record:

=================  ====================================================================
cause              what stopped it
=================  ====================================================================
``record``         a record was made (at least one above ``MIN_CONFIDENCE``)
``not-trigger``    the lexicon knows the lemma but no event was triggered; the detail
                   says why: ``pos`` (the parser's part of speech), ``requires`` (the
                   row needs an object it does not have: cut *ties*), ``sense`` (a row
                   of ``verb_senses.jsonl`` dropped it)
``agree-harm``     "agreed to impose sanctions": no agreement (:mod:`.verbal`)
``ended``          "lifted its ban": the governing verb ends the noun's event
``no-actor``       no actor was read; the detail names the subject token found, if any
``no-recipient``   actors but no recipient; the detail names the object token, if any
``same-entity``    every actor is its own recipient
``confidence``     records were made, all below ``MIN_CONFIDENCE``, not all refused
``refused``        records were made, every one refused by :mod:`.political` (its sides
                   are no political actors for this event: the detail says whose kind)
=================  ====================================================================

The detail of a missing role reads ``none`` (no such token in the parse), ``pron:it``
(a pronoun left unresolved), ``noun:protester`` (a common noun no reading answered),
``name:GPE`` (a name, by its NER label, that was not read as an actor), ``passive`` (a
passive with no agent) or ``other:ADJ``.
``scripts/loss_causes.py`` counts them over a gold set or a corpus.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .deps import PASS_SUBJ, SUBJ


@dataclass
class Step:
    """What became of one trigger token."""

    sent_start: int  # character offset of its sentence
    i: int  # token index
    word: str
    kind: str  # "verb" or "noun"
    plover: str | None
    cause: str = "record"
    detail: str = ""
    confidences: list[float] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)  # "actor kind>recipient kind" of each refused record


@dataclass
class Trace:
    """The steps of one or more documents, by (document id, token index)."""

    steps: dict[tuple[str, int], Step] = field(default_factory=dict)
    min_confidence: float = 0.0

    def final(self) -> list[Step]:
        """Every step, with ``confidence`` for triggers whose records all fell below the floor."""
        for s in self.steps.values():
            if s.cause == "record" and s.confidences and max(s.confidences) < self.min_confidence:
                s.cause = "refused" if len(s.refusals) == len(s.confidences) else "confidence"
                s.detail = s.refusals[0] if s.cause == "refused" else ""
            elif s.cause == "record" and not s.confidences:
                s.cause = "no-recipient"  # pairs were all dropped later (no recipient kept)
        return list(self.steps.values())


def _key(ctx, tok):
    return (ctx.document.id, tok.i)


def trigger(ctx, tok, plover: str | None, kind: str) -> None:
    """A token started an event rule."""
    if ctx.trace is None:
        return
    ctx.trace.steps.setdefault(_key(ctx, tok), Step(tok.sent.start_char, tok.i, tok.text, kind, plover))


def lost(ctx, tok, cause: str, detail: str = "") -> None:
    """The event of this trigger stopped at a gate (the first gate said wins)."""
    if ctx.trace is None:
        return
    step = ctx.trace.steps.get(_key(ctx, tok))
    if step is None:
        step = ctx.trace.steps.setdefault(_key(ctx, tok), Step(tok.sent.start_char, tok.i, tok.text, "verb", None))
    if step.cause == "record" and not step.confidences:
        step.cause, step.detail = cause, detail


def made(ctx, tok, confidence: float, refused: str = "") -> None:
    """A record was built for this trigger (``refused``: the kinds of its sides, when
    :mod:`.political` refused it)."""
    if ctx.trace is None:
        return
    step = ctx.trace.steps.get(_key(ctx, tok))
    if step is not None:
        step.cause, step.detail = "record", ""
        step.confidences.append(confidence)
        if refused:
            step.refusals.append(refused)


def role_token(tok) -> str:
    """A short description of a token that should have named a role."""
    if tok is None:
        return "none"
    if isinstance(tok, str):
        return tok
    if tok.pos_ == "PRON":
        return f"pron:{tok.lower_}"
    if tok.ent_type_:
        return f"name:{tok.ent_type_}"
    if tok.pos_ in ("NOUN", "PROPN"):
        return f"noun:{tok.lemma_.lower()}"
    return f"other:{tok.pos_}"


def subject_token(verb):
    """The verb's subject token, or its passive agent, or the subject of the verb it hangs on."""
    node = verb
    if any(c.dep_ in PASS_SUBJ for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children):
        return "passive"
    for _ in range(4):
        for c in node.children:
            if c.dep_ in SUBJ:
                return c
            if c.dep_ == "agent":
                return next((p for p in c.children if p.dep_ == "pobj"), None)
        if node.head.i == node.i or node.dep_ not in ("conj", "xcomp", "advcl", "relcl", "acl", "ccomp"):
            break
        node = node.head
    return None


def object_token(verb):
    """The verb's object, passive subject, or first prepositional object."""
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") or c.dep_ in PASS_SUBJ:
            return c
    for c in verb.children:
        if c.dep_ == "prep":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None
