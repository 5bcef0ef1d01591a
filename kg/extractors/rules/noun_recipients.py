"""The recipients of a nominal event: whom "China's ban *on K-pop*" is aimed at.

The recipient hangs on the event noun, its date or its light verb by a preposition the
lexicon row lists ("sanctions *on* Iran", "staged rallies in Gaza *against* Abbas"); else a
deployment's weapon, the one a demand or request is made of ("its call for Uganda to
withdraw"), a killing's victim the NER left untagged ("the murder of King"), the place or
state where it is done, or what the clause around the noun says ("Abqaiq was the target of
an attack", "returned at the request of the Iraqi government"). :mod:`.nominal` finds the
noun's actors and assembles its events.
"""

from __future__ import annotations

from .actors import actors_of
from .context import COLLECTIVE, Reading
from .deps import SUBJ
from .indirect import complement
from .linking import mention
from .recipients import demanded_of, where_done
from .sectors import is_role_noun
from .subjects import subjects
from .words import W


def noun_recipients(ctx, noun, et, holders, victims, actors) -> list[Reading]:
    """The noun's recipients, strongest evidence first."""
    objects: list[Reading] = list(victims)
    for h in holders:
        for prep in h.children:
            # ("issued a subpoena to X", whose "to" the parser may call a dative)
            if prep.dep_ in ("prep", "dative") and prep.lower_ in et.preps:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        objects += [(m, f * (1.0 if h is noun else 0.9))
                                    for m, f in actors_of(ctx, pobj, role="recipient", et=et)]
    if not objects and et.predicate == "deploysTo":
        # "South Korea's deployment of the THAAD system": with no destination, the named
        # weapon deployed (never a force or body, which is deployed, not deployed at)
        objects += [(m, f * 0.9) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj"
                    for m, f in actors_of(ctx, p, role="recipient", et=et) if m.type == "Topic"]
    if not objects:
        objects += _clause_recipients(ctx, noun, et)
    if not objects and et.plover == "REQUEST":
        objects += _asked_body(ctx, noun)
    victim_named = et.predicate == "kills" and [
        p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children if p.dep_ == "pobj"]
    if not objects and victim_named:
        # "the murder of King in Memphis": a name the NER left untagged is the victim, and
        # the place is not
        objects += _untagged_victim(ctx, victim_named[0])
    if not objects and et.predicate == "kills":
        # "convicted of murder in the death of Dorn": the one whose death it was
        objects += [(m, f * 0.9) for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
                    for d in c.children if d.dep_ == "pobj" and d.lemma_.lower() in W.death_nouns
                    for of in d.children if of.dep_ == "prep" and of.lower_ == "of"
                    for p in of.children if p.dep_ == "pobj"
                    for m, f in actors_of(ctx, p, role="recipient", et=et) if m.type == "Person"]
    if not objects and not victim_named:
        objects += where_done(ctx, holders, et, actors)
    return objects or _outside_the_phrase(ctx, noun, et)


def _clause_recipients(ctx, noun, et) -> list[Reading]:
    """Whom the noun's clause acts on: "its demand that Israel ease restrictions", "its call for
    Uganda to withdraw" (the demanded clause's subject); "Serbia's refusal to recognise Kosovo"
    (the complement's recipient, as for the verb)."""
    found = [] if et.plover not in W.demand_types else [
        (m, f * 0.75) for c in _demanded_clauses(noun) for s in c.children if s.dep_ in SUBJ
        for m, f in actors_of(ctx, s, role="recipient") if m.type != "Topic"]
    return found or (complement(ctx, noun, et, [], None) if et.plover in W.complement_recipient else [])


def _demanded_clauses(noun) -> list:
    """The clauses a demand noun states with a subject of their own: "its demand *that Israel
    ease* ...", and an infinitive whose subject "for" brings in, "the call *for Uganda to
    withdraw*" (the parser hangs the "for" on the noun or on the clause, and the clause on
    the noun or on its light verb: "repeated its call for Uganda to withdraw")."""
    def infinitive(c, fors) -> bool:
        return any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children) and any(
            x.lower_ == "for" and x.dep_ in ("mark", "prep") and not any(y.dep_ == "pobj" for y in x.children)
            for x in fors)
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl", "advcl") and c.pos_ in ("VERB", "AUX")
               and (any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children)
                    or infinitive(c, [*c.children, *noun.children]))]
    if not clauses and noun.dep_ == "dobj":
        clauses = [c for c in noun.head.children if c.dep_ == "advcl" and c.i > noun.i and c.pos_ == "VERB"
                   and infinitive(c, list(c.children))]
    return clauses


def _asked_body(ctx, noun) -> list[Reading]:
    """"Kenya's call for UN intervention", "Iraq's appeal for US help", "a request for
    Washington's support", "a request for a loan from the IMF": the one whose act or help is
    asked for, named before it or after its "from" (not "a call for an end to the war",
    which names no one)."""
    # (not those it is for: "the UN's appeal for Syrian refugees")
    asked = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"
             for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN" and p.i not in ctx.ms
             and not is_role_noun(ctx, p) and p.lemma_.lower() not in W.people_recipients]
    found = [(ctx.ms[g.i], 0.75) for p in asked for g in p.children if g.dep_ in ("compound", "poss", "amod")
             and g.i in ctx.ms and ctx.ms[g.i].type in COLLECTIVE and g.i < p.i]
    # (the "from" of a thing given, not of an event's own: "the withdrawal of troops from Somalia")
    given = [p for p in asked if getattr(ctx.lex.nouns.get(p.lemma_.lower()), "plover", "AID") == "AID"]
    return found or [(m, f * 0.75) for p in given for c in p.children if c.dep_ == "prep" and c.lower_ == "from"
                     for q in c.children if q.dep_ == "pobj"
                     for m, f in actors_of(ctx, q, role="recipient") if m.type != "Topic"]


def _outside_the_phrase(ctx, noun, et) -> list[Reading]:
    """Recipients the clause around the noun names: "Abqaiq was the target of an attack",
    "returned at the request of the Iraqi government" (those asked), "staged rallies to
    demand the resignation of President X"."""
    objects = [(m, f * 0.85) for s in _target_of(noun)
               for m, f in actors_of(ctx, s, role="recipient", et=et) if m.type != "Topic"]
    at_behest = noun.dep_ == "pobj" and noun.head.lower_ in W.behest_preps \
        and noun.lemma_.lower() in W.proposal_nouns | W.order_nouns
    if not objects and (behest(noun) or at_behest) and noun.head.head.pos_ == "VERB":
        # "returned at the request of the Iraqi government", "at the Iraqi government's request"
        objects = [(m, f * 0.8) for m, f in subjects(ctx, noun.head.head)[0]]
    if not objects and et.plover == "PROTEST":
        governor = noun.head
        objects = demanded_of(ctx, governor if noun.dep_ == "dobj" and governor.pos_ == "VERB" else noun)
    return objects


def _target_of(noun) -> list:
    """The subject of "was the target of <the noun>" (the one the event was aimed at)."""
    of, target = noun.head, noun.head.head
    if not (noun.dep_ == "pobj" and of.lower_ == "of" and target.lemma_.lower() in W.target_nouns
            and target.dep_ in ("attr", "oprd") and target.head.pos_ in ("AUX", "VERB")):
        return []
    return [s for s in target.head.children if s.dep_ in SUBJ]


def behest(noun) -> list:
    """"returned at the request of the Iraqi government": who asked (the "of" object)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in W.behest_preps:
        return []
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def _untagged_victim(ctx, p) -> list[Reading]:
    victim = untagged_person(ctx, p)
    return [(victim, 0.8)] if victim is not None else []


def untagged_person(ctx, p):
    """A capitalised proper noun the NER left untagged and kg does not know, which a killing
    makes a person's ("the murder of King", "after Booth shot Lincoln"); its name is the run
    of capitalised proper nouns ending with it ("actor John Wilkes Booth": John Wilkes Booth)."""
    if not (p.pos_ == "PROPN" and p.text[:1].isupper() and not p.text.isupper() and p.i not in ctx.ms):
        return None
    first = p
    while first.i > p.sent.start and (left := p.doc[first.i - 1]).pos_ == "PROPN" and left.head.i == p.i \
            and left.dep_ == "compound" and left.text[:1].isupper():
        first = left
    span = p.doc[first.i:p.i + 1]
    if ctx.linker.known(span.text) is not None:
        return None
    return mention(span, "Person", "PERSON", ctx.linker)
