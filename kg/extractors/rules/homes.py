"""Static relations of people's homes: where a person lives, grew up or was born, by a verb or a noun.

"grew up in Tulsa", "lives in Ocala, Fla.", "was born in Brooklyn", "her hometown of Belen",
"his native Ohio", "Sohn's New Jersey home". livesIn for a town or a region, citizenOf for a
country. A birthplace is read as residence at a lower confidence: kg has no birth predicate.
Which lemma starts which rule is in ``kg/data/rules/static_triggers.jsonl``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ...model import Mention, RelationMention
from .actors import actors_of
from .context import STATES, same
from .dates import place_after_date
from .deps import PASS_SUBJ, SUBJ, is_head_of, mention_end
from .geography import around_town, comma_place, place, town_like
from .mentions import as_person, person_not_place, retype
from .records import static
from .words import W


def native(ctx, tok, m) -> Iterator[RelationMention]:
    """"his native Ohio", "Cybill Shepherd, a Memphis native"."""
    if m is None or m.type not in (*STATES, "Group") or not is_head_of(tok, m, ctx.ms) \
            or not any(c.dep_ == "amod" and c.lower_ in W.native_words for c in tok.children):
        return
    if m.type == "Group":
        # "a Memphis native": a town the NER took for a people's name (not "a Texan native")
        if ctx.linker.demonym(m.text) is not None or ctx.linker.known(m.key or m.text) is not None \
                or not town_like(m.text):
            return
        m = dataclasses.replace(m, type="City")
        retype(tok, ctx.ms, m)
    owners = [(a, f) for c in tok.children if c.dep_ == "poss" for a, f in actors_of(ctx, c)]
    if not owners and tok.dep_ == "appos" and tok.head.i in ctx.ms:
        owners = [(ctx.ms[tok.head.i], 1.0)]
    for person, f in owners:
        yield from home(ctx, person, tok, round(0.65 * f, 3), tok)


def residence(ctx, tok, m) -> Iterator[RelationMention]:
    """"X grew up in Y", "X moved to Y in 1970", "settled in Y", "is from Tulsa"."""
    lemma = tok.lemma_.lower()
    if not _homes(ctx, tok, W.residence_verbs.get(lemma, ())):
        return  # (no place after the verb's preposition, as after most "is": the subjects are not read)
    subj = [a for c in tok.children if c.dep_ in SUBJ or lemma in W.passive_residence_verbs and c.dep_ in PASS_SUBJ
            for a, _ in actors_of(ctx, c)]
    yield from _lives_in(ctx, tok, subj, W.residence_verbs.get(lemma, ()), 0.6)


def lives(ctx, tok, m) -> Iterator[RelationMention]:
    """"X lives in Y"."""
    # a place does not live anywhere: the NER's place that lives is a person's name
    subj = [person_not_place(a, ctx.linker) for c in tok.children if c.dep_ in SUBJ for a, _ in actors_of(ctx, c)]
    yield from _lives_in(ctx, tok, subj, ("in",), 0.8)


def _lives_in(ctx, tok, subj, preps, conf: float) -> Iterator[RelationMention]:
    """The people a verb's subject (or the noun its relative clause hangs on) names live in the
    places behind these prepositions."""
    ms = ctx.ms
    if not subj and tok.dep_ == "relcl" and tok.head.i in ms:
        subj = [ms[tok.head.i]]
    if not subj and tok.dep_ in ("acl", "relcl"):
        subj = described_by(ctx, tok.head)  # "X is a Turkish national now living in London"
    places = _homes(ctx, tok, preps)
    for s in subj:
        s = as_person(s, ctx.linker)  # a body does not live anywhere: "Warner, who lives in Ocala"
        for p in places:
            if s.type == "Person" and ms[p.i].type in STATES:
                yield static(ctx, s, "livesIn", ms[p.i], conf, tok)
                yield from _places_around(ctx, s, p, round(conf - 0.05, 3), tok)


def _homes(ctx, tok, preps) -> list:
    """The named objects of a verb's prepositions among ``preps`` ("moved *to* Ohio"), and the
    place a common noun there is in ("lived in exile in Virginia", "lives in a flat in Busan")."""
    ms = ctx.ms
    objects = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
               for p in c.children if p.dep_ == "pobj"]
    return [p for p in objects if p.i in ms] + [
        q for p in objects if p.i not in ms and p.pos_ == "NOUN"
        for c in p.children if c.dep_ == "prep" and c.lower_ == "in"
        for q in c.children if q.dep_ == "pobj" and q.i in ms]


def _places_around(ctx, person, p, conf: float, trigger) -> Iterator[RelationMention]:
    """"lives in Ocala, Fla.", "is from Yatsushiro in Kumamoto Prefecture in southern Japan":
    the larger places the home is named in."""
    ms = ctx.ms
    for _ in range(3):
        end = p.doc[mention_end(p.i, ms[p.i], ms) - 1]
        outer = comma_place(p, ms[p.i], ms)
        # the "in" on the place, or right after it on the verb ("is from Yatsushiro in Kumamoto")
        nxt = next((q for h in {p.i: p, end.i: end, trigger.i: trigger}.values() for c in h.children
                    if c.dep_ == "prep" and c.lower_ == "in" and (h is not trigger or c.i == end.i + 1)
                    for q in c.children
                    if q.dep_ == "pobj" and q.i in ms and ms[q.i].type in STATES and ms[q.i] is not ms[p.i]), None)
        for far in (outer, ms[nxt.i] if nxt is not None else None):
            if far is not None and far is not person:
                yield static(ctx, person, "citizenOf" if far.type == "Country" else "livesIn", far, conf, trigger)
        if nxt is None:
            return
        p = nxt


def described_by(ctx, noun) -> list[Mention]:
    """Whom a noun describes: "X, a lawyer ...", "X is a lawyer ..." (the name in apposition
    or the copula's subject)."""
    ms = ctx.ms
    if noun.dep_ == "appos" and noun.head.i in ms:
        return [ms[noun.head.i]]
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        return [ms[c.i] for c in noun.head.children if c.dep_ in SUBJ and c.i in ms]
    return []


def home_of(ctx, tok, m) -> Iterator[RelationMention]:
    """"Sohn's New Jersey home", "died at his home in suburban Larchmont"."""
    ms = ctx.ms
    owner = [(a, f) for c in tok.children if c.dep_ == "poss" for a, f in actors_of(ctx, c)]
    places = [c for c in tok.children if c.dep_ in ("compound", "nmod") and c.i in ms]
    if owner:
        places = [_home_town(ctx, c) for c in places]
    # "her home in Tulsa", "her home in the Tulsa suburb of Jenks" (the place a place noun names)
    places += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
               for p in c.children if p.dep_ == "pobj" and place(p, ms) is not None]
    for person, f in owner:
        for p in places:
            yield from home(ctx, person, p, round(0.65 * f, 3), tok)


def _home_town(ctx, tok):
    """The name before an owned home is its town, whatever the NER took it for: "his Ciudad
    Madero home" (a person's name? no one has a home named after a person and an owner too),
    unless kg knows the name or it is no town's ("his Acme Corp. home")."""
    m = ctx.ms[tok.i]
    if m.type in ("Person", "Organization") and ctx.linker.known(m.key or m.text) is None and town_like(m.text) \
            and m.text.split()[-1].lower() not in W.facility_heads:
        retype(tok, ctx.ms, dataclasses.replace(m, type="City", country=None))
    return tok


def hometown(ctx, tok, m) -> Iterator[RelationMention]:
    """"her hometown of Belen", "Beaumont, Richardson's hometown", "Roe's hometown, Belen",
    "Ohio is Roe's home state"."""
    ms = ctx.ms
    owners = [(a, f) for c in tok.children if c.dep_ == "poss" for a, f in actors_of(ctx, c, role="actor")]
    places = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"]
    if not owners:  # "Ohio, the home state of his wife, Ann": whose it is, after "of"
        owners = _of_owners(ctx, places)
    places += [c for c in tok.children if c.dep_ in ("appos", "compound") and c.i in ms]
    if tok.dep_ == "appos" and tok.head.i in ms:
        places.append(tok.head)
    elif tok.dep_ == "attr" and tok.head.lemma_ == "be":  # "Ohio is Roe's home state"
        places += [c for c in tok.head.children if c.dep_ in SUBJ and c.i in ms]
    elif tok.dep_ == "conj" and tok.head.i in ms:  # "in Tulsa, Oklahoma, Roe's hometown" read as a list
        first = tok.head
        while first.dep_ == "conj" and first.head.i in ms:
            first = first.head
        places.append(first)
    for person, f in owners:
        for p in places:
            yield from home(ctx, person, p, round(0.7 * f, 3), tok)


def _of_owners(ctx, objects) -> list:
    """The people behind "of" that are no place: "the birthplace of Ann Roe", "the home state
    of his wife, Ann" (the name in apposition to a noun)."""
    ms = ctx.ms
    out = []
    for p in objects:
        if place(p, ms) is not None:
            continue
        names = [p] if p.i in ms else [c for c in p.children if c.dep_ == "appos" and c.i in ms]
        out += [(a, f) for n in names for a, f in actors_of(ctx, n, role="actor")
                if as_person(a, ctx.linker).type == "Person"]
    return out


def born(ctx, tok, m) -> Iterator[RelationMention]:
    """A birthplace. kg has no birth predicate; where someone was born is the place the text
    ties them to, so it is read as residence (citizenship for a country), with a
    confidence that says this is an inference (0.5, below a stated home)."""
    ms = ctx.ms
    doc = tok.doc
    people = [a for c in tok.children if c.dep_ in PASS_SUBJ for a, _ in actors_of(ctx, c)]
    # "the 34th President, Dwight D. Eisenhower, was born in ...": the name in apposition
    people += [ms[a.i] for c in tok.children if c.dep_ in PASS_SUBJ and c.i not in ms
               for a in c.subtree if a.dep_ == "appos" and a.i in ms and ms[a.i].type == "Person"][:1]
    if not people and tok.dep_ in ("acl", "amod", "relcl", "appos") and tok.head.i in ms:
        people = [ms[tok.head.i]]  # "Gordon Parks, born in Fort Scott"
    if not people and tok.dep_ == "advcl":
        # "Born in Philadelphia, Man Ray was ...": the clause's subject
        subjects = [c for c in tok.head.children if c.dep_ in SUBJ or c.dep_ in PASS_SUBJ]
        people = [a for c in subjects for a, _ in actors_of(ctx, c)]
        # "Born in Cleveland, the singer Ella Marsh ...": the name in apposition to the subject
        people += [ms[a.i] for c in subjects if c.i not in ms for a in c.children
                   if a.dep_ == "appos" and a.i in ms and ms[a.i].type == "Person"]
    if not people:
        people = _heading_name(ctx, tok)
    # a place is not born: the NER's place that is born is a person's name ("Copland, who
    # was born in Brooklyn")
    people = [person_not_place(p, ctx.linker) for p in people]
    places = _birthplaces(ctx, tok)
    # "Illinois-born Charlton Heston", "Illinois born Charlton Heston"
    before = doc[tok.i - 2] if tok.i > 1 and doc[tok.i - 1].text == "-" else doc[tok.i - 1] if tok.i else None
    if before is not None and before.i in ms and ms[before.i].type in STATES:
        after = next((ms[t.i] for t in doc[tok.i + 1:tok.i + 6] if t.i in ms), None)
        if after is not None and after.type == "Person":
            people, places = [after], [before]
        elif people and (not places or same(people[0], ms[before.i])):
            # "James Dickey, Georgia born, ...", parsed with the clause on the name or the place
            if same(people[0], ms[before.i]):
                people = [ms[before.head.i]] if before.dep_ == "appos" and before.head.i in ms else []
            places = [before]
    for person in people:
        for p in places:
            yield from home(ctx, person, p, 0.5, tok)


def _birthplaces(ctx, tok) -> list:
    ms = ctx.ms
    places = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
              for p in c.children if p.dep_ == "pobj"]
    # "was born Charles Holley in Lubbock": the parse hangs "in" on the birth name
    places += [p for n in tok.children if n.dep_ in ("oprd", "attr") for c in n.children
               if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"]
    if not places and tok.dep_ == "relcl" and tok.head.i in ms \
            and any(c.lower_ == "where" for c in tok.children):
        # "Rolling Fork, where Muddy Waters was born": the place the clause hangs on, whatever
        # the NER took it for
        where = ms[tok.head.i]
        if where.type not in STATES and ctx.linker.known(where.key or where.text) is None:
            where = dataclasses.replace(where, type="Location")
            retype(tok.head, ms, where)
        if where.type in STATES:
            places = [tok.head]
    if not places:
        places = place_after_date(tok)  # "was born on Feb. 5, 1907, in Portland"
    if not any(place(p, ms) is not None for p in places):
        # "Born Feb. 12, 1809, in a log cabin in Hodgenville", "Born May 2, 1801, in a one-room,
        # 12-by-14-foot cabin in Ames, Ohio": the first place behind "in"
        # after the word, however the parse hangs the dates and nouns between
        doc = tok.doc
        places = next(([doc[k]] for k in range(tok.i + 2, min(tok.sent.end, tok.i + 20))
                       if k in ms and doc[k - 1].lower_ == "in" and ms[k].type in STATES), [])
    return places


def _heading_name(ctx, tok) -> list[Mention]:
    """"George Washington (first President): Born Feb. 22, 1732, in ...": a list entry's name
    heads its sentence, the facts follow the colon."""
    ms, doc = ctx.ms, tok.doc
    start = tok.sent.start
    if start not in ms or ms[start].type != "Person" or tok.i < 2 \
            or not any(t.text.startswith(":") or t.text.endswith(":") for t in doc[tok.i - 2:tok.i]):
        return []
    return [ms[start]]


def home(ctx, person: Mention, place_tok, conf: float, trigger) -> Iterator[RelationMention]:
    """Residence (a town, a region) or citizenship (a country) of a person's home place,
    and of the larger place in "Grants, N.M." or "the Tulsa suburb of Jenks"."""
    where = place(place_tok, ctx.ms)
    person = as_person(person, ctx.linker)
    if where is None or person.type != "Person" or where is person:
        return
    yield static(ctx, person, "citizenOf" if where.type == "Country" else "livesIn", where, conf, trigger)
    ms = ctx.ms
    # (the state of "a home in Carmel Valley, California", the town a suburb is of: as sure as the home)
    outer = comma_place(place_tok, where, ms) if place_tok.i in ms else around_town(place_tok, where, ms)
    if outer is not None:
        yield static(ctx, person, "citizenOf" if outer.type == "Country" else "livesIn", outer, conf, trigger)
