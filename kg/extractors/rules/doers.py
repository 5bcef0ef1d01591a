"""Doers: whose act or thing a noun names, for an event that names its recipient so.

"condemned an attack by Osgiliath soldiers", "the attack carried out by Hamas", "the tariffs
Trump announced": who did the act; "refused a demand from the US": its author; "the
withdrawal of Serbian forces", "demanded Bouteflika's resignation", "facilities belonging to
Aramco": whose it is, unless the act was done to them ("welcomed the arrest of spies"). The
readings :func:`proposal_author`, :func:`doer` and :func:`owner` are among those
:mod:`.noun_readings` tries in order on a :class:`.actors.Noun`; :func:`done_by` and
:func:`made_by` also serve the nouns of events (:mod:`.nominal`, :mod:`.indirect`). The words
are in ``kg/data/rules/roles.tsv`` and ``actors.tsv``.
"""

from __future__ import annotations

from .words import W


def proposal_author(ctx, n):
    """"refused to respond to a demand from the US", "accepted an offer by Egypt": its author."""
    if not (n.role == "recipient" and n.lemma in W.proposal_nouns):
        return None
    for c in n.tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            found = [(m, f * 0.8) for p in c.children if p.dep_ == "pobj"
                     for m, f in n.actors_of(ctx, p, role="actor") if m.type != "Topic"]
            if found:
                return found
    return None


def doer(ctx, n):
    """"condemned an attack by Osgiliath soldiers", "protested the abuses by the police":
    whoever did the thing criticised is the one criticised."""
    tok = n.tok
    if not (n.owner_ok or n.role == "recipient" and n.et is not None and n.et.plover in W.doer_recipient):
        return None
    by = list(tok.children)
    if tok.dep_ == "dobj" and not any(c.dep_ == "auxpass" for c in tok.head.children):
        by += [c for c in tok.head.children if c.i > tok.i]  # "denounced the killings by X"
    # one phrase down: "the proclamation of the Heights as Israeli territory by X"
    by += [g for c in list(by) if c.dep_ == "prep" and c.lower_ != "by" for p in c.children if p.dep_ == "pobj"
           for g in p.children]
    for c in by:
        if c.dep_ == "prep" and c.lower_ == "by":
            found = [(m, f * 0.8) for p in c.children if p.dep_ == "pobj"
                     for m, f in n.actors_of(ctx, p, role="actor") if m.type != "Topic"]
            if found:
                return found
    # (only for the events aimed at the doer: "welcomed memos sent by X" need not praise X)
    if not (n.et is not None and n.et.plover in W.doer_recipient):
        return None
    found = [(m, f * 0.8) for p in done_by(tok) for m, f in n.actors(ctx, p) if m.type != "Topic"]
    found = found or [(m, f * 0.75) for s in made_by(tok) for m, f in n.actors_of(ctx, s, role="actor")
                      if m.type != "Topic"]
    return found or None


def made_by(noun) -> list:
    """The subject of a relative clause that says who made the act the noun names: "the tariffs
    (that) Trump announced", "the emergency Trump declared" (a verb of ``making_verbs``, whose
    object the noun is: the clause has no object of its own but a relative pronoun)."""
    out = []
    for c in noun.children:
        # ("the raid India carried out", never "the report the BBC carried": a particle is part of the verb)
        particle = next((g.lower_ for g in c.children if g.dep_ == "prt"), None)
        verb = f"{c.lemma_.lower()} {particle}" if particle else c.lemma_.lower()
        if c.dep_ != "relcl" or c.i < noun.i or verb not in W.making_verbs \
                or any(g.dep_ in ("auxpass", "nsubjpass", "neg") for g in c.children) \
                or any(g.dep_ == "dobj" and g.lower_ not in W.relative for g in c.children):
            continue
        out += [g for g in c.children if g.dep_ == "nsubj" and g.lower_ not in W.relative]
    return out


def acted_by(noun) -> list:
    """Who did the act a noun names: "an attack by Hamas", "the suspension of parliament by the
    president", and "the attack carried out by Hamas" (:func:`done_by`)."""
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
            for p in c.children if p.dep_ == "pobj"] or done_by(noun)


def done_by(noun) -> list:
    """The agents of a participle that qualifies the noun: "the attack carried out by Hamas",
    "the demonstration staged by students", "the rally organised by the opposition"."""
    return [p for a in noun.children if a.dep_ == "acl" and a.tag_ == "VBN" for c in a.children
            if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]


def _done_to(ctx, n) -> bool:
    """Is the noun an act whose "of" names whom it was done to, reacted to ("welcomed the arrest
    of spies", "condemned the killing of protesters")? The reaction is aimed at its doer only."""
    row = ctx.lex.nouns.get(n.lemma)
    if row is None or n.et is None:
        return False
    if n.et.plover in W.doer_reaction_types:
        return row.plover in W.done_to_types
    return n.role == "recipient" and n.et.plover in W.doer_recipient and row.plover in W.victim_types


def owner(ctx, n):
    """"positions of the Palestinian forces", "the withdrawal of Serbian forces"; "a camp for
    Sudanese refugees was attacked": those it is for; "X's resignation": X."""
    if not (n.owner_ok and n.lemma not in W.verbal_targets):
        return None
    if _done_to(ctx, n):
        return []  # "welcomed the arrest of Russian spies": no praise of the spies
    for c in n.tok.children:
        if c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ == "for" and n.et.plover == "ASSAULT"):
            found = [(m, f * 0.8) for p in c.children if p.dep_ == "pobj"
                     for m, f in n.actors(ctx, p) if m.type != "Topic"]
            if found:
                return found
    owners = [(m, f * 0.8) for p in _owned_by(n.tok) for m, f in n.actors(ctx, p) if m.type != "Topic"]
    if owners:
        return owners
    if n.lemma in W.ouster_nouns:
        # "demanded Bouteflika's resignation", "called for Bashir's ouster": the one who is to go
        found = [(m, f * 0.8) for c in n.tok.children if c.dep_ == "poss"
                 for m, f in n.actors(ctx, c) if m.type != "Topic"]
        if found:
            return found
    return None


def _owned_by(noun) -> list:
    """The owners a participle names ("facilities belonging to Aramco", "a ship owned by a
    Greek firm"): the object of its "to" or its agent."""
    return [p for a in noun.children if a.dep_ == "acl" and a.lemma_.lower() in W.owning_verbs
            for c in a.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ in ("to", "by")
            for p in c.children if p.dep_ == "pobj"]
