"""Event roles, recipient side: the doer of an earlier act that a bare noun stands for.

"Trump announced tariffs on Mexico. Mexico's foreign minister criticised the decision": the
decision is Trump's, and the criticism is aimed at him. "The embassy declined the request"
declines whoever made the request the sentence before; "the move was condemned by the EU"
condemns whoever moved. This is the last step :func:`.recipients.recipients` tries, for the
event types of ``anaphor_types`` in ``kg/data/rules/roles.tsv``, when the verb's object (or
passive subject) is an act noun of ``act_anaphors`` with a determiner and nothing of its own
that says whose it is ("Iran's decision", "the decision of the court", "the decision to
retire", "the referee's decision" are not read here).

The act it stands for is the most recent one that fits the noun (its row lists the verbs,
nouns and PLOVER types that may be told by it), earlier in the same sentence or in the
sentences the context holds as ``earlier`` (:data:`.context.EARLIER`; for the operations and
withdrawals of ``far_anaphors``, a few more). The first sentence with an act that fits decides
(one that only tells the act again, "the invasion", does not): when the act is the actor's
own ("Brazil announced tariffs. Brazil defended the decision") or its doer is no one kg
knows, the event has no recipient. Nothing is scanned
unless such a noun is found, and then only those few sentences.
"""

from __future__ import annotations

from .context import ACTOR_TYPES, Reading, same
from .deps import SUBJ
from .subjects import subjects
from .triggers import noun_event, verb_event
from .words import W

# Dependents that give an act noun an owner or content of its own: "Iran's decision", "the
# court decision", "the decision of the court", "the decision to retire", "the plan that ...".
OWNED = ("poss", "compound", "nmod", "acl", "relcl", "appos", "prep", "nummod", "npadvmod")
# The readings of a recipient found this way are weaker than one the sentence names.
FACTOR = 0.7
# How many sentences back the act a noun of ``far_anaphors`` stands for is looked for ("the
# operation", "the withdrawal"; any other looks only in the context's ``earlier``).
FAR = 6


def antecedent(ctx, verb, et, _dobjs, _home) -> list[Reading]:
    """The doer of the earlier act that the verb's bare act noun stands for (module docstring)."""
    if et.plover not in W.anaphor_types:
        return []
    # (the verb's own object: the object rules leave out a request or an offer, whose author
    # they read by its "by" or "from")
    objs = [o for o in verb.children if o.dep_ in ("dobj", "nsubjpass")]
    nouns = [o for o in objs if _bare_act(ctx, o)]
    nouns += [verb.head] if _appended_act(ctx, verb) else []
    # ("expressed concern over the operation": the act the row's preposition names)
    nouns += [p for h in (verb, *objs) for c in h.children if c.dep_ == "prep" and c.lower_ in et.preps
              for p in c.children if p.dep_ == "pobj" and _bare_act(ctx, p)]
    if nouns:
        return _stood_for(ctx, nouns[0], verb, asked=[m for m, _ in subjects(ctx, verb)[0]])
    told = _told_by_clause(ctx, verb, objs)
    if told:
        return told
    if et.plover == "REJECT" and verb.lemma_.lower() in W.bare_refusals and not any(
            c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "dative", "advcl", "nsubjpass") for c in verb.children):
        # "Britain asked Washington to waive the immunity. Washington refused.": the request
        # made of the one who refuses ("Russia asked Ukraine to leave. Germany refused." is none)
        refusers = [ctx.ms[c.i] for c in verb.children if c.dep_ in SUBJ and c.i in ctx.ms]
        return _act_before(ctx, frozenset(("request", *W.act_anaphors["request"])), {verb.i}, verb.i,
                           asked=refusers) if refusers else []
    return []


def _told_by_clause(ctx, verb, objs) -> list[Reading]:
    """"X had sent the police a plan for the march, which they rejected": the act a relative
    clause's pronoun stands for is the noun the clause hangs on, and whoever made it (sent,
    submitted, put forward) is the one rejected."""
    noun = verb.head
    if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in W.act_anaphors:
        noun = noun.head.head  # ("a plan for the march, which they rejected": the plan)
    if verb.dep_ != "relcl" or noun.pos_ != "NOUN" or noun.i in ctx.ms \
            or noun.lemma_.lower() not in W.act_anaphors or not any(o.lower_ in W.relative for o in objs):
        return []
    return [(m, f * FACTOR) for m, f in _doers(ctx, noun) if m.type != "Topic"]


def act_doers(ctx, noun, trigger) -> list[Reading]:
    """The doer of the earlier act a bare act noun stands for, told before the trigger (the
    noun is a cause or a target the trigger's own rules read: "France was alarmed by the
    operation", "the operation drew condemnation from France")."""
    return _stood_for(ctx, noun, trigger) if _bare_act(ctx, noun) else []


def _stood_for(ctx, noun, trigger, asked=()) -> list[Reading]:
    """The doers of the act the noun stands for. An act made of someone (``addressed_anaphors``)
    that the one who answers it (``asked``: "the embassy declined the request") was named in is
    the one answered, before any later act of its kind ("X wrote to the embassy asking ... Y
    urged the immunity be waived. The embassy declined the request": X's)."""
    lemma = noun.lemma_.lower()
    fits = frozenset((lemma, *W.act_anaphors[lemma]))
    skip, end = {t.i for t in noun.subtree} | {trigger.i}, min(trigger.i, noun.i)
    if asked and lemma in W.addressed_anaphors:
        found = _act_before(ctx, fits, skip, end, asked=asked, far=lemma in W.far_anaphors)
        if found:
            return found
    return _act_before(ctx, fits, skip, end, far=lemma in W.far_anaphors)


def _act_before(ctx, fits, skip, end, asked=None, far=False) -> list[Reading]:
    """The doers of the latest act that fits, before token ``end`` or in the earlier sentences
    (with ``asked``, only an act that names one of these mentions outside its subject).

    The latest sentence that tells such an act decides; in it, the latest act whose doer is
    named ("Turkey began an offensive with airstrikes followed by a ground invasion": Turkey's).
    A sentence that only tells the act again by a bare noun, no doer named ("Erdogan said the
    invasion was ..."), does not decide: the act it stands for is looked for further back."""
    here = [t for t in ctx.sent if t.i < end and t.i not in skip]
    for sent, toks in ((ctx.sent, here), *((s, list(s)) for s in _before(ctx, far))):
        there = ctx.at(sent)
        acts = [t for t in reversed(toks) if _fits(there, t, fits) and (asked is None or _names(there, t, asked))]
        for act in acts:  # the latest act with a doer named decides
            doers = _doers(there, act)
            if doers:
                return [(m, f * FACTOR) for m, f in doers if m.type != "Topic"]
        if any(not _retold(there, act) for act in acts):
            return []  # an act told afresh with no doer named: its doer is unknown, look no further
    return []


def _retold(ctx, tok) -> bool:
    """Is the token an act told again, by a bare noun ("the invasion") or by the name a naming
    verb gives it ("called it a security operation")?"""
    return _bare(ctx, tok) or tok.pos_ == "NOUN" and tok.dep_ in ("oprd", "attr", "dobj") \
        and tok.head.lemma_.lower() in W.naming_verbs


def _before(ctx, far) -> list:
    """The sentences before the current one to look in, nearest first: those the context
    holds, and, for a noun of ``far_anaphors`` ("the withdrawal", "the operation"), a few more
    of the document's (a story names such an act in its lead and tells of the reactions
    paragraphs later)."""
    near = list(reversed(ctx.earlier))
    if not far or not near:
        return near
    first = near[-1].start
    more = [s for s in ctx.sent.doc.sents if s.end <= first and not all(t.is_space for t in s)]
    return near + list(reversed(more))[:FAR - len(near)]


def _names(ctx, act, mentions) -> bool:
    """Does the act name one of the mentions outside its subject (the one asked)?"""
    # ("wrote to the embassy asking it to ...": the verb an asking hangs on names whom it asks)
    head = act.head if act.dep_ == "advcl" and act.tag_ == "VBG" else act
    doers = {t.i for c in head.children if c.dep_ in SUBJ for t in c.subtree}
    return any(t.i in ctx.ms and t.i not in doers and any(same(ctx.ms[t.i], m) for m in mentions)
               for t in head.subtree)


def _bare_act(ctx, tok) -> bool:
    """Is the token an act noun of ``act_anaphors`` with a determiner and no owner or
    content of its own ("the decision", "this move", "the controversial plan")?"""
    return tok.lemma_.lower() in W.act_anaphors and _bare(ctx, tok)


def _bare(ctx, tok) -> bool:
    """Is the token a noun with a determiner and no owner or content of its own?"""
    if tok.pos_ != "NOUN" or tok.i in ctx.ms:
        return False
    if not any(c.dep_ == "det" and c.lower_ in W.anaphor_determiners for c in tok.children):
        return False
    # ("condemned the move as a provocation", "the decision on Tuesday": no owner)
    return not any(c.dep_ in OWNED and not _loose(c) or c.i in ctx.ms for c in tok.children)


def _appended_act(ctx, verb) -> bool:
    """Is the verb a clause on an act noun set after a comma, which stands for the act the
    sentence has just told ("India revoked Kashmir's status, a decision that Pakistan
    condemned", "..., a move criticised by Mexico")?"""
    noun = verb.head
    if verb.dep_ not in ("relcl", "acl") or noun.pos_ != "NOUN" or noun.i in ctx.ms \
            or noun.lemma_.lower() not in W.act_anaphors or noun.left_edge.i == 0 \
            or noun.doc[noun.left_edge.i - 1].text not in (",", "\u2014", "-", "--"):
        return False
    dets = W.anaphor_determiners | W.appended_determiners
    return any(c.dep_ == "det" and c.lower_ in dets for c in noun.children) and not any(
        c.dep_ in OWNED and c.i != verb.i and not _loose(c) or c.i in ctx.ms for c in noun.children)


def _loose(prep) -> bool:
    """Is a preposition on the noun one that says nothing of whose it is ("as a provocation",
    "on Tuesday")?"""
    return prep.dep_ == "prep" and (prep.lower_ == "as" or any(
        p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children))


def _fits(ctx, tok, fits) -> bool:
    """Is the token an act the noun may stand for: a verb or noun of its row, a verb with the
    row's preposition ("call for"), an event of a PLOVER type of the row, or, when the row
    says ``*``, any verb that is an event but a reaction (``reply_types``: "Germany
    criticised X. France criticised the decision" is not Germany's decision)?"""
    lemma = tok.lemma_.lower()
    if tok.dep_ in ("amod", "compound"):
        return False  # ("the main fighting force of the SDF" tells no fighting)
    if tok.pos_ == "NOUN":
        if _reacted_to(ctx, tok) and not _owners(ctx, tok):
            return False  # "HRW criticised the strike": the strike is older than the critic's act
        if lemma in fits:
            return True
        row = noun_event(ctx, tok) if tok.i not in ctx.ms else None
        return row is not None and row.plover in fits
    if tok.pos_ != "VERB" or _not_done(tok):
        return False
    if lemma in fits or any(f"{lemma} {c.lower_}" in fits for c in tok.children if c.dep_ == "prep"):
        return True
    et = verb_event(ctx, tok)
    return et is not None and (et.plover in fits or "*" in fits and et.plover not in W.reply_types)


def _not_done(verb) -> bool:
    """Is the verb an act refused or not done ("refused to repatriate them", "did not withdraw")?"""
    head = verb.head if verb.dep_ == "xcomp" else verb
    return any(c.dep_ == "neg" for c in head.children) or (
        verb.dep_ == "xcomp" and head.lemma_.lower() in W.bare_refusals)


def _reacted_to(ctx, noun) -> bool:
    """Is the noun an act someone reacts to ("criticised the strike", "welcomed the plan"):
    the object of a verb of an ``anaphor_types`` event, whose subject did not do it?"""
    head = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or head.pos_ != "VERB":
        return False
    et = verb_event(ctx, head)
    return et is not None and et.plover in W.anaphor_types


def _owners(ctx, noun) -> list[Reading]:
    """The owner a noun names ("Germany's request", "the Iranian decision")."""
    return [(ctx.ms[c.i], 0.9) for c in noun.children
            if c.dep_ in ("poss", "amod", "compound") and c.i in ctx.ms and ctx.ms[c.i].type in ACTOR_TYPES]


def _doers(ctx, tok) -> list[Reading]:
    """Who did the act: a verb's subjects; a noun's owner ("Germany's request", "Germany
    criticised Iran's decision"), else the subjects of the verb it is the object of
    ("imposed sanctions", "made a request")."""
    if tok.pos_ == "VERB":
        return subjects(ctx, tok)[0]
    owners = _owners(ctx, tok)
    if owners or _reacted_to(ctx, tok):
        return owners
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
        return subjects(ctx, tok.head)[0]
    return []
