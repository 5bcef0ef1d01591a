"""Static relations of people: offices, employers, homes and nationality.

leaderOf, worksFor and citizenOf from titles (found once per document by :mod:`.titles`)
and from verbs ("was named president of Acme", "works at the Pentagon", "served in
Congress"); livesIn and citizenOf from where a person is of, from, born, raised or at home
("Jane Roe of Springfield", "Ohio-born Harold Fenn", "her hometown of Belen", "grew up in
Tulsa"). A birthplace is read as residence at a lower confidence: kg has no birth
predicate. Which lemma starts which rule is in ``kg/data/rules/static_triggers.jsonl``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ...model import Mention, RelationMention
from .actors import actors_of
from .context import BODIES, COLLECTIVE, STATES, same
from .dates import place_after_date
from .deps import MODIFIER, PASS_SUBJ, SUBJ, attached, conjuncts, is_head_of, mention_end
from .geography import comma_place, place, town_like
from .mentions import as_person, mention, person_not_place, retype
from .records import static
from .titles import relation_to, title_of, title_phrase
from .words import W


# ---------------------------------------------------------------- rules on a person's name
def titled(ctx, tok, m) -> Iterator[RelationMention]:
    """The titles found beside a person: "Chinese leader Xi Jinping" leads China."""
    if m is None or m.type != "Person" or tok.i not in ctx.titles:
        return
    for title in ctx.titles[tok.i]:
        if title.org is not None:
            yield from _title_relations(ctx, tok, m, title)
        else:
            t = title.token
            actor = ctx.linker.known(m.key or m.text)
            country = ctx.linker.country_mention(actor.country if actor is not None else None, t.idx,
                                                 t.idx + len(t.text))
            if country is not None:
                yield static(ctx, m, title.relation, country, 0.6, t)


def _title_relations(ctx, head, person, title) -> Iterator[RelationMention]:
    relation, org, t = title.relation, title.org, title.token
    conf = 0.8 if ctx.linker.is_title(t.text) or t.dep_ == "appos" else 0.55
    if title.home:
        conf = 0.65  # "Prime Minister X" in a story about one country: that country's, inferred
    if "legislature" in title.scope and relation == "livesIn":
        conf = 0.6  # "Ohio Senator X": elected for Ohio, so a resident of it
    yield static(ctx, person, relation, org, conf, t)
    if relation == "livesIn" and org.type in ("City", "Location"):
        # "a native of Ely, Minn.", "a Boise, Idaho, lawyer": the state after the town too
        last = next((k for k in range(head.sent.end - 1, head.sent.start - 1, -1) if ctx.ms.get(k) is org), None)
        outer = comma_place(head.doc[last], org, ctx.ms) if last is not None else None
        if outer is not None and outer is not person:
            yield static(ctx, person, "citizenOf" if outer.type == "Country" else "livesIn", outer,
                         round(conf - 0.05, 3), t)
    # A governor or mayor lives where they govern. A title naming a country gives
    # no citizenship: "US Ambassador X" may be a citizen, but the text does not say.
    if org.type in ("City", "Location") and relation in ("leaderOf", "worksFor"):
        yield static(ctx, person, "livesIn", org, 0.6, t)


def of_place(ctx, tok, m) -> Iterator[RelationMention]:
    """"Jane Roe of Springfield" (lives there), "Wang at the Institute of Mechanics" (works there),
    "Ada Stern, an American" (a citizen)."""
    if m is None or m.type != "Person" or not is_head_of(tok, m, ctx.ms):
        return
    ms, found = ctx.ms, ctx.titles.get(tok.i, ())
    for n in tok.children:
        # "Ada Stern, an American, ...": a demonym in apposition
        if n.dep_ == "appos" and n.i in ms and ms[n.i].type == "Country" and ms[n.i] is not m \
                and ctx.linker.demonym(n.text) is not None:
            yield static(ctx, m, "citizenOf", ms[n.i], 0.6, n)  # a demonym may be ethnic ("a Serb")
    yield from _employer_in_apposition(ctx, tok, m)
    for c in _person_preps(tok, ms):
        if c.lower_ in ("of", "at", "from"):
            for p in c.children:
                yield from _person_prep(ctx, m, c, p, found)
    yield from _shared_employer(ctx, tok, m)
    yield from _voice_of_body(ctx, tok, m)


def _voice_of_body(ctx, tok, m) -> Iterator[RelationMention]:
    """"Acme Co. is preparing a new service, said Ann Roe, a company official": a speaker whose
    job names no body (a spokesman, an official, a manager), speaking of what a body does,
    speaks for that body."""
    ms = ctx.ms
    verb = tok.head
    if tok.dep_ not in SUBJ or verb.lemma_.lower() not in W.speech_verbs:
        return
    job = next((n for n in tok.children if n.dep_ == "appos" and n.pos_ == "NOUN" and n.i not in ms), None)
    if job is None or job.lemma_.lower() not in W.body_voices \
            or any(c.dep_ in ("prep", "poss") or c.i in ms for c in job.children) \
            or any(c.dep_ == "compound" and c.lemma_.lower() not in W.org_nouns for c in job.children):
        return
    bodies = {id(ms[s.i]): ms[s.i] for c in verb.children if c.dep_ == "ccomp"
              for s in c.children if s.dep_ in SUBJ and s.i in ms and ms[s.i].type in BODIES}
    if len(bodies) == 1:
        org = next(iter(bodies.values()))
        if org is not m:
            yield static(ctx, m, "worksFor", org, 0.5, job)


def _shared_employer(ctx, tok, m) -> Iterator[RelationMention]:
    """"Ann Lee and Bo Chan of Acme": the body (or town) after the last of two names is both
    people's."""
    ms = ctx.ms
    doc = tok.doc
    end = mention_end(tok.i, m, ms)
    if any(c.dep_ == "prep" for c in tok.children) or end + 1 >= len(doc) or doc[end].lower_ != "and":
        return  # "A of Florida, B of Utah and C of Georgia": each has their own
    for n in tok.children:
        if n.dep_ != "conj" or n.i not in ms or ms.get(end + 1) is not ms[n.i] or ms[n.i].type != "Person" \
                or ms[n.i] is m:
            continue
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "at") and c.i == mention_end(n.i, ms[n.i], ms):
                for p in c.children:
                    if p.dep_ == "pobj" and p.i in ms and ms[p.i].type == "Organization":
                        yield static(ctx, m, "worksFor", ms[p.i], 0.55, c)
                        yield from _owner(ctx, m, p, 0.5, c)
                    elif p.dep_ == "pobj" and p.i in ms and ms[p.i].type in ("City", "Location") \
                            and c.lower_ == "of":
                        yield static(ctx, m, "livesIn", ms[p.i], 0.6, c)  # "Ann Lee and Bo Chan of Tulsa"


def _owner(ctx, person, org_tok, conf: float, trigger) -> Iterator[RelationMention]:
    """"of Harvard University's Kennedy School": who works for a unit works for its owner."""
    ms = ctx.ms
    for g in org_tok.children:
        if g.dep_ == "poss" and g.i in ms and ms[g.i].type in BODIES and ms[g.i] is not ms[org_tok.i]:
            yield static(ctx, person, "worksFor", ms[g.i], conf, trigger)


def _employer_in_apposition(ctx, tok, m) -> Iterator[RelationMention]:
    """"Roe, an economist with Acme": works there."""
    ms = ctx.ms
    for n in tok.children:
        if n.dep_ == "appos" and n.pos_ == "NOUN" and n.i not in ms and n.lemma_.lower() not in W.not_jobs:
            for c in n.children:
                if c.dep_ == "prep" and c.lower_ == "with":
                    for p in c.children:
                        if p.dep_ == "pobj" and p.i in ms and ms[p.i].type == "Organization" and ms[p.i] is not m:
                            yield static(ctx, m, "worksFor", ms[p.i], 0.6, c)


def _person_preps(tok, ms) -> list:
    preps = [c for c in tok.children if c.dep_ == "prep"]
    preps += [c for n in tok.children if n.dep_ in ("appos", "amod", "npadvmod") and n.pos_ == "NUM"
              for c in n.children if c.dep_ == "prep"]  # "Jane Roe, 50, of Springfield"
    # "Roe, a Democrat from Springfield": where the apposition says a person comes from
    preps += [c for n in tok.children if n.dep_ == "appos" and n.pos_ in ("NOUN", "PROPN")
              and (n.i not in ms or ms[n.i].type == "Group")  # "Derwinski, a Republican from Chicago"
              and n.lemma_.lower() not in W.not_jobs for c in n.children if c.dep_ == "prep" and c.lower_ == "from"]
    return preps


def _person_prep(ctx, person, c, p, found) -> Iterator[RelationMention]:
    ms = ctx.ms
    if p.dep_ == "pobj" and p.i not in ms and p.pos_ == "NOUN" and c.lower_ in ("of", "at") \
            and p.lemma_.lower() in W.org_nouns:
        # "Jane Roe of the Acme company", "Roe of the DEM's division of water"
        org = next((ms[g.i] for g in p.children if g.dep_ in ("compound", "poss", "nmod") and g.i in ms
                    and ms[g.i].type in BODIES), None)
        if org is not None and org is not person:
            yield static(ctx, person, "worksFor", org, 0.55, c)
    if p.dep_ != "pobj" or p.i not in ms:
        return
    where = ms[p.i]
    after_age = c.head.pos_ == "NUM" or c.i >= 2 and c.doc[c.i - 1].text == "," and c.doc[c.i - 2].like_num
    if c.lower_ == "of" and after_age and where.type == "Organization" \
            and ctx.linker.known(where.key or where.text) is None and town_like(where.text):
        # "Jane Roe, 50, of Springfield": the wire's hometown shape, whatever the NER took
        # the town for (it often takes a small town for an organisation)
        where = dataclasses.replace(where, type="City")
        retype(p, ms, where)
    if any(title.org is where for title in found):
        return  # "President Rouhani of Iran": the title already says what he is to Iran
    if c.lower_ in ("of", "from") and where.type in ("City", "Location"):
        yield static(ctx, person, "livesIn", where, 0.65, c)
        outer = comma_place(p, where, ms)
        if outer is not None:  # "of Bethany, Conn.": lives in Connecticut too
            yield static(ctx, person, "livesIn", outer, 0.6, c)
    elif c.lower_ in ("of", "from") and where.type == "Country":
        yield static(ctx, person, "citizenOf", where, 0.6, c)
    elif c.lower_ in ("at", "of") and where.type == "Organization":
        yield static(ctx, person, "worksFor", where, 0.6, c)
        yield from _owner(ctx, person, p, 0.55, c)
        yield from _town_of_work(ctx, person, p, c)


def _town_of_work(ctx, person, org_tok, trigger) -> Iterator[RelationMention]:
    """"Jo Roe of the Red Cross in Khartoum", "Roe at the Acme plant in Tulsa, Okla.": one
    lives in the town one works in (an inference: 0.5)."""
    ms = ctx.ms
    org = ms[org_tok.i]
    last = org_tok
    while last.i + 1 < len(last.doc) and ms.get(last.i + 1) is org:
        last = last.doc[last.i + 1]
    # the "in" on the name's head, or right after its last word ("the Committee of the Red
    # Cross in Khartoum", which the parse hangs on "Cross")
    preps = [c for c in org_tok.children if c.dep_ == "prep" and c.lower_ == "in"]
    if last is not org_tok:
        preps += [c for c in last.children if c.dep_ == "prep" and c.lower_ == "in" and c.i == last.i + 1]
    for c in preps:
        for p in c.children:
            if p.dep_ == "pobj" and p.i in ms and ms[p.i].type in ("City", "Location"):
                yield static(ctx, person, "livesIn", ms[p.i], 0.5, trigger)
                outer = comma_place(p, ms[p.i], ms)
                if outer is not None:
                    yield static(ctx, person, "citizenOf" if outer.type == "Country" else "livesIn", outer,
                                 0.45, trigger)


def of_country(ctx, tok, m) -> Iterator[RelationMention]:
    """"Texas' Ann Richards", "Britain's Ada Stern": the person of a place."""
    if m is None or m.type != "Person" or not is_head_of(tok, m, ctx.ms) or tok.i in ctx.titles:
        return
    ms = ctx.ms
    for c in tok.children:
        if c.dep_ != "poss" or c.i not in ms or ms[c.i].type not in STATES or ms[c.i] is m:
            continue
        actor = ctx.linker.known(m.key or m.text)
        if actor is not None and actor.country:
            continue  # "China's Xi Jinping": his office says more than his country
        yield static(ctx, m, "citizenOf" if ms[c.i].type == "Country" else "livesIn", ms[c.i], 0.55, c)


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


# ---------------------------------------------------------------- rules started by a trigger word
def appointed(ctx, tok, m) -> Iterator[RelationMention]:
    """"X was named president of Acme", "X, who was elected mayor of Tulsa": the office given."""
    ms = ctx.ms
    people = [a for c in tok.children if c.dep_ in PASS_SUBJ for a, _ in actors_of(ctx, c)]
    if any(c.dep_ in PASS_SUBJ and c.lower_ in W.relative for c in tok.children) \
            and tok.dep_ == "relcl" and tok.head.i in ms:
        people = [ms[tok.head.i]]
    nouns = list(tok.children)
    for x in tok.children:
        if x.dep_ == "xcomp" and x.lemma_ == "be":
            # "elected Ann Roe to be chairman of Acme": the title after "to be", the named the object
            nouns += [a for a in x.children if a.dep_ == "attr"]
            people = people or [ms[d.i] for d in tok.children if d.dep_ == "dobj" and d.i in ms]
    for t in nouns:
        if t.dep_ not in ("oprd", "attr", "xcomp", "dobj") or t.pos_ != "NOUN" or t.i in ms:
            continue
        phrase = title_phrase(t, ms)
        relations = title_of(phrase, ctx.linker)
        org = attached(t, ms, MODIFIER, ("of", "for", "at"), types=COLLECTIVE)
        if org is None or relations == (None, None):
            continue
        # "was elected mayor of Tulsa", "X, who was named president of Acme"
        pred = relation_to(org, relations, ctx.linker.title_scope(phrase), ctx.linker)
        if pred in ("citizenOf", "livesIn"):
            continue
        for person in people or _appointee(ctx, tok, t, phrase):
            if person.type == "Person" and pred and person is not org:
                yield static(ctx, person, pred, org, 0.75, tok)


def _appointee(ctx, verb, t, phrase: str) -> list[Mention]:
    """"elected Jan Nowak president of Poland", "made Emile Jonassaint provisional president of
    Haiti": the name just before the title, whatever the parse made of it."""
    ms = ctx.ms
    k = t.i - len(phrase.split())
    if k <= verb.i or k not in ms:
        return []
    name = ms[k]
    return [as_person(name, ctx.linker)] if name.type in ("Person", "Organization") else []


def former(ctx, tok, m) -> Iterator[RelationMention]:
    """"former Acme executive Ann Roe", "Roe, a former member of the Acme board", "ex-chairman of
    Acme X": a past office or job. The title table voids a title after "former" (it says
    nothing of the holder now); the place a person worked stays a fact of them, read here as
    the job's relation to the body at a lower confidence and marked undated (the text puts it
    in the past without saying when). Only bodies: a former office of a place ("former Texas
    Gov. X") says nothing of where the holder lives now."""
    noun = _former_title(ctx, tok)
    if noun is None or noun.lemma_.lower() in W.not_jobs | W.not_employed | W.org_nouns | W.place_nouns:
        return
    org = _former_body(ctx, tok, noun)
    person = _former_holder(ctx, noun, org) if org is not None else None
    if person is None or person.type != "Person" or org is person:
        return
    phrase = " ".join(t.lower_ for t in tok.doc[tok.i + 1:noun.i + 1] if t.i not in ctx.ms)
    relation = title_of(phrase, ctx.linker)[0] if phrase else None
    if relation is None and (title_of(noun.lower_, ctx.linker) != (None, None) or noun.lemma_.lower() in W.not_jobs):
        return  # a title the table knows but not with these words before it
    rec = static(ctx, person, relation or "worksFor", org, 0.5, noun)
    yield dataclasses.replace(rec, undated=True)


def _former_title(ctx, tok):
    """The title noun after "former": the last noun of the words that follow it up to the
    holder's name or the end of the phrase ("former Acme executive", "ex-chairman", "former
    first deputy director"), read off the text (the parse splits such phrases every way)."""
    ms, doc = ctx.ms, tok.doc
    noun = None
    for k in range(tok.i + 1, min(len(doc), tok.i + 8)):
        t = doc[k]
        if k in ms:
            if ms[k].type == "Person":
                break
        elif t.pos_ == "NOUN" and t.text != "-":
            noun = t
        elif not (t.pos_ in ("ADJ", "PROPN") or t.text == "-"):
            break
    return noun


def _former_body(ctx, tok, noun) -> Mention | None:
    """The body a former title is of: named between "former" and the title ("former Acme
    executive") or after it ("former member of the Acme board")."""
    ms = ctx.ms
    inside = [ms[k] for k in range(tok.i + 1, noun.i) if k in ms]
    if inside:
        return inside[-1] if inside[-1].type in BODIES else None
    org = attached(noun, ms, ("poss",), ("of", "for", "at", "with"), types=BODIES)
    if org is None:  # "a former member of the Acme board": the body that owns the unit
        org = next((ms[g.i] for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "at", "with")
                    for p in c.children if p.dep_ == "pobj" and p.i not in ms
                    for g in p.children if g.dep_ in ("poss", "compound") and g.i in ms
                    and ms[g.i].type in BODIES), None)
    return org


def _former_holder(ctx, noun, org: Mention) -> Mention | None:
    """Who holds a former title: the name right after it ("former Acme executive Ann Roe",
    "former commander of the Navy Ann Roe") or the name it is said of ("Roe, a former
    member of ...", "Roe, a lawyer and a former member of ...", "Roe is a former ...")."""
    ms = ctx.ms
    doc = noun.doc
    k = noun.i + 1
    if k + 1 < len(doc) and doc[k].lower_ in ("of", "for", "at", "with"):
        k += 1 + (doc[k + 1].lower_ == "the")
        k = mention_end(k, org, ms) if ms.get(k) is org else len(doc)
    if k < len(doc) and k in ms and ms[k].type == "Person":
        return ms[k]
    t = noun
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "appos" and t.head.i in ms:
        return ms[t.head.i]
    described = _described(ctx, t)
    return described[0] if described else None


def works(ctx, tok, m) -> Iterator[RelationMention]:
    """"X works for/at Acme" (worksFor), "X served in Congress / on the council" (memberOf)."""
    ms = ctx.ms
    lemma = tok.lemma_.lower()
    serving = lemma in W.serving_verbs
    people = _workers(ctx, tok, serving)
    preps = ("in", "on", "with") if serving else ("for", "at", "with")
    orgs = [ms[q.i] for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children if p.dep_ == "pobj" for q in conjuncts(p) if q.i in ms and ms[q.i].type in BODIES]
    for person in people:
        if person.type != "Person":
            continue
        for org in orgs:
            yield static(ctx, person, "memberOf" if serving else "worksFor", org, 0.7, tok)


def _workers(ctx, tok, serving: bool) -> list[Mention]:
    ms = ctx.ms
    people = [a for c in tok.children if c.dep_ in SUBJ for a, _ in actors_of(ctx, c)]
    if not people and not serving:
        # "Harrington taught at Harvard": a lone surname the NER left untagged; only a
        # person teaches or works somewhere
        people = [a for c in tok.children if c.dep_ == "nsubj" and c.i not in ms and c.pos_ == "PROPN"
                  and c.is_title and not any(g.dep_ == "compound" for g in c.children)
                  and ctx.linker.known(c.text) is None
                  for a in [mention(c.doc[c.i:c.i + 1], "Person", "PERSON", ctx.linker)] if a is not None]
    if not people and tok.dep_ in ("relcl", "conj") and tok.head.i in ms:
        people = [ms[tok.head.i]]  # "Higgins, who works at the Pentagon"
    if not any(a.type == "Person" for a in people) and tok.dep_ == "relcl" and tok.head.dep_ == "appos" \
            and tok.head.head.i in ms:
        people = [ms[tok.head.head.i]]  # "Derwinski, a Republican who served in Congress"
    if not people and tok.dep_ == "conj":  # "who is a major ... and works at the Pentagon"
        first = tok.head
        people = [a for c in first.children if c.dep_ in SUBJ for a, _ in actors_of(ctx, c)]
        if not people and first.dep_ == "relcl" and first.head.i in ms:
            people = [ms[first.head.i]]
    return people


def residence(ctx, tok, m) -> Iterator[RelationMention]:
    """"X grew up in Y", "X moved to Y in 1970", "settled in Y", "is from Tulsa"."""
    lemma = tok.lemma_.lower()
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
        subj = _described(ctx, tok.head)  # "X is a Turkish national now living in London"
    places = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
              for p in c.children if p.dep_ == "pobj" and p.i in ms]
    for s in subj:
        s = as_person(s, ctx.linker)  # a body does not live anywhere: "Warner, who lives in Ocala"
        for p in places:
            if s.type == "Person" and ms[p.i].type in STATES:
                yield static(ctx, s, "livesIn", ms[p.i], conf, tok)
                yield from _places_around(ctx, s, p, round(conf - 0.05, 3), tok)


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


def _described(ctx, noun) -> list[Mention]:
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
    # "her home in Tulsa", "her home in the Tulsa suburb of Jenks" (the place a place noun names)
    places += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
               for p in c.children if p.dep_ == "pobj" and place(p, ms) is not None]
    for person, f in owner:
        for p in places:
            yield from home(ctx, person, p, round(0.65 * f, 3), tok)


def hometown(ctx, tok, m) -> Iterator[RelationMention]:
    """"her hometown of Belen", "Beaumont, Richardson's hometown", "Roe's hometown, Belen",
    "Ohio is Roe's home state"."""
    ms = ctx.ms
    owners = [(a, f) for c in tok.children if c.dep_ == "poss" for a, f in actors_of(ctx, c, role="actor")]
    places = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"]
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
        # "Born Feb. 12, 1809, in a log cabin in Hodgenville": the first place behind "in"
        # after the word, however the parse hangs the dates and nouns between
        doc = tok.doc
        places = next(([doc[k]] for k in range(tok.i + 2, min(tok.sent.end, tok.i + 16))
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
    and of the larger place in "Grants, N.M."."""
    where = place(place_tok, ctx.ms)
    person = as_person(person, ctx.linker)
    if where is None or person.type != "Person" or where is person:
        return
    yield static(ctx, person, "citizenOf" if where.type == "Country" else "livesIn", where, conf, trigger)
    if place_tok.i in ctx.ms:
        outer = comma_place(place_tok, where, ctx.ms)
        if outer is not None:
            yield static(ctx, person, "citizenOf" if outer.type == "Country" else "livesIn", outer,
                         round(conf - 0.05, 3), trigger)

