"""Which tokens are a verb's objects, wherever the parser put them, and its prepositions' objects.

The parser does not always hang an object on its verb: it puts one after an "as"
complement ("condemned as illegal Peru's seizure"), on the next coordinated verb
("arrested and deported X"), as a second subject ("shot and mortally wounded Oswald"), or
leaves a preposition without one ("relations with, and an ambassador to, Qatar").
:mod:`.recipients` and :mod:`.indirect` read whom these tokens stand for.
"""

from __future__ import annotations

from ...lexicon import EventType
from .actors import actors_of
from .context import Reading
from .deps import PASS_SUBJ, SUBJ, conjuncts
from .triggers import counted_up_to, infinitive_subjects
from .words import W


def prep_objects(ctx, holders, preps, et, factor, home=None) -> list[Reading]:
    """Whom the objects of these prepositions on these tokens stand for, as recipients."""
    out: list[Reading] = []
    for h in holders:
        for prep in h.children:
            # "granted asylum to X": the parser calls a "to" after the object a dative
            if prep.dep_ in ("prep", "dative") and prep.pos_ == "ADP":
                for pobj in _complex_objects(prep, preps) if prep.lower_ not in preps else objects_of(prep):
                    out += [(m, f * factor) for m, f in actors_of(ctx, pobj, role="recipient", et=et, home=home)]
    return out


def _complex_objects(prep, preps) -> list:
    """The objects of a preposition of two words that stands for one of these ("pulled its
    troops out of Moldova": from; complex_preps in roles.tsv), which the parser splits in two."""
    return [p for c in prep.children if c.dep_ == "prep"
            and set(W.complex_preps.get(f"{prep.lower_} {c.lower_}", ())) & set(preps) for p in objects_of(c)]


def prep_pobjs(tok, preps) -> list:
    """The objects of these prepositions on the token."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in objects_of(c)]


def objects_of(prep) -> list:
    """The objects of a preposition; for one the parser left with none, the noun phrase it
    governs all the same (see :func:`stranded_object`)."""
    found = [p for p in prep.children if p.dep_ == "pobj"]
    if found or any(c.dep_ == "pcomp" and c.pos_ != "VERB" for c in prep.children):
        return found
    shared = stranded_object(prep)
    return [shared] if shared is not None else []


def stranded_object(prep):
    """The object of a preposition the parser left without one: the object two coordinated
    phrases share ("relations with, and an ambassador to, Qatar", "trade with and investment in
    Iran": the last object of the second phrase), or the subject of a clause the parser
    began right after it ("granted asylum to four officers hiding in ...")."""
    doc = prep.doc
    nxt = prep.i + 1
    if nxt < len(doc) and doc[nxt].text == ",":
        nxt += 1
    if nxt >= len(doc):
        return None
    if doc[nxt].dep_ == "cc":
        conj = next((c for c in doc[nxt].head.children if c.dep_ == "conj" and c.i > nxt), None)
        last = None if conj is None else max(
            (t for t in conj.subtree if t.dep_ == "pobj" and t.head.dep_ in ("prep", "dative")),
            key=lambda t: t.i, default=None)
        # (the shared object ends the second phrase: "..., and an ambassador to, Qatar")
        if last is not None and all(t.is_punct for t in doc[last.right_edge.i + 1:conj.right_edge.i + 1]):
            return last
        return None
    clauses = [c for c in prep.children if c.dep_ == "pcomp"]
    clauses += [c for c in prep.head.children if c.dep_ in ("advcl", "ccomp", "acl", "relcl") and c.i > prep.i]
    return next((s for c in clauses for s in c.children if s.dep_ in SUBJ and s.left_edge.i == prep.i + 1), None)


def direct_objects(ctx, verb, et) -> list:
    """The objects that may be recipients: not the thing the row requires ("cut *ties*"), nor
    a firearm ("fired his Colt at X")."""
    # (a delegation or mission the row requires stands for whoever sent it: "received a
    # mission from the OSCE"; a legislature is itself what is done to: "dissolved the Knesset")
    dobjs = [c for c in verb.children if c.dep_ in ("dobj", "dative")
             and (c.lemma_.lower() not in et.requires or c.lemma_.lower() in W.delegation_nouns
                  or c.lemma_.lower() in W.legislature_nouns)
             and not _requires_compound(c, et) and et.mode != "firearms"]
    if not dobjs:
        dobjs = counted_up_to(verb) or called_objects(verb)  # "kidnapped up to 16 Russian advisers"
    if not dobjs:
        dobjs = infinitive_subjects(verb) or prep_verb_objects(ctx, verb)  # "allowed UN inspectors to enter"
    if not dobjs:
        dobjs = misparsed_objects(verb)
    if not dobjs and not any(c.dep_ == "dobj" for c in verb.children):
        dobjs = shifted_objects(verb) or shared_objects(verb, et)
    return dobjs


def called_objects(verb) -> list:
    """The thing a free relative names, which is the verb's object: "condemned *what it called*
    Israeli aggression", "rejected what it described as baseless claims by X" (the naming verb,
    in roles.tsv, governs the name as a complement or after "as")."""
    out = []
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > verb.i and c.lemma_.lower() in W.naming_verbs \
                and any(w.tag_ == "WP" and w.i < c.i for w in c.children):
            out += [x for x in c.children if x.dep_ in ("oprd", "attr", "dobj") and x.tag_ != "WP"] or [
                p for x in c.children if x.dep_ == "prep" and x.lower_ == "as" for p in x.children if p.dep_ == "pobj"]
    return out


def shared_objects(verb, et) -> list:
    """The object of the next coordinated verb, which the parser hangs on it alone: "arrested
    and deported three activists", "criticized, and later praised, the government". Not for
    a verb that takes no object ("withdrew and endorsed X", "arrived and met X"), nor one
    whose own preposition names someone, nor across a new subject ("X attacked and Y
    retaliated against ...")."""
    if verb.lemma_.lower() in W.intransitive_verbs or any(
            c.dep_ in ("dative", "ccomp", "xcomp", "attr", "acomp", "oprd", "nsubjpass", "csubjpass")
            for c in verb.children) or prep_pobjs(verb, et.preps | et.theme_preps):
        return []
    conj = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if conj is None or any(s.dep_ in SUBJ or s.dep_ in PASS_SUBJ for s in conj.children):
        return []
    return [o for o in conj.children if o.dep_ == "dobj"]


def misparsed_objects(verb) -> list:
    """"Ruby shot and mortally wounded Oswald", parsed with a second subject after the
    verb (a subject after an active verb that has one before it is its object), or with
    "wounded" an adjective of "Oswald" coordinated with "shot" (a verb is coordinated with
    no noun: the noun is what both verbs were done to)."""
    objs = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i > verb.i
            and any(a.dep_ == "amod" and a.tag_ in ("VBN", "VBD") for a in c.children)]
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(c.i < verb.i for c in subj):
        objs += [c for c in subj if c.i > verb.i]
    return objs


def shifted_objects(verb) -> list:
    """The object put after an "as" complement ("denounced as a provocation X's
    seizure", "condemned as illegal X's annexation", "rejected as baseless the claims
    of X"), which the parser hangs on the complement: in apposition to its noun, as that
    noun itself when the complement is only an adjective, or as the adjective's object."""
    objs = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                objs += [a for a in p.children if a.dep_ == "appos" and a.i > p.i]
                # "as illegal Israel's annexation": an adjective, then a new noun phrase
                if p.left_edge.i == c.i + 1 and p.left_edge.pos_ == "ADJ" \
                        and any(d.dep_ in ("det", "poss") and d.i > c.i + 1 for d in p.lefts):
                    objs.append(p)
        elif c.dep_ in ("advcl", "acomp", "oprd") and c.pos_ == "ADJ" and c.i > verb.i \
                and any(a.lower_ == "as" and a.i == c.i - 1 for a in c.children):
            objs += [o for o in c.children if o.dep_ == "dobj"]
    return objs


def _requires_compound(obj, et: EventType) -> bool:
    """"suspended aid deliveries": the object's compound is what the row requires."""
    return bool(et.requires) and any(c.dep_ == "compound" and c.lemma_.lower() in et.requires for c in obj.children)


def prep_holders(verb, et) -> list:
    """Where a recipient's preposition may hang: on the verb ("met with Xi") or on its object
    noun ("cut ties with Taipei", "lifted its ban on K-pop"), or on the next of coordinated
    objects ("fired rockets and mortars at X"), or on what a "part of" is part of."""
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    # "entered into an agreement with X": the object the row requires may follow a preposition
    holders += [p for c in verb.children if c.dep_ == "prep" and c.i > verb.i for p in c.children
                if p.dep_ == "pobj" and p.lemma_.lower() in et.requires]
    holders += [h for c in holders[1:] for h in conjuncts(c)[1:]]
    holders += [p for c in holders[1:] if c.lemma_.lower() in W.part_nouns for o in c.children
                if o.dep_ == "prep" and o.lower_ == "of" for p in o.children if p.dep_ == "pobj"]
    # "shortened the curfew imposed in Sudan", "eased the restrictions placed on Gaza":
    # the participle that qualifies the object carries its preposition
    holders += [a for c in holders[1:] if c.lemma_.lower() in et.requires for a in c.children
                if a.dep_ == "acl" and a.tag_ == "VBN"]
    return holders


def prep_verb_objects(ctx, verb) -> list:
    """The objects of the preposition of a prepositional verb ("pushed *for* sanctions against
    X", "insisted *on* talks with Y", "bowed *to* pressure from Z"), which are its objects."""
    lemma = verb.lemma_.lower()
    return [p for c in verb.children if c.dep_ == "prep" and c.i > verb.i
            and ctx.lex.verbs.get(f"{lemma} {c.lower_}") is not None for p in c.children if p.dep_ == "pobj"]
