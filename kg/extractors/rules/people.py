"""Static relations read off a person's name: its titles, and what the person is of, at or from.

leaderOf, worksFor and citizenOf from titles (found once per document by :mod:`.titles`:
"Chinese leader Xi Jinping"); worksFor, livesIn and citizenOf from what a person is of, at
or from ("Jane Roe of Springfield", "Wang at the Institute of Mechanics", "Roe, an
economist with Acme", "Ada Stern, an American", "Britain's Ada Stern"). Offices and jobs a
verb gives are read in :mod:`.jobs`, homes a verb or a noun names in :mod:`.homes`.
Which lemma starts which rule is in ``kg/data/rules/static_triggers.jsonl``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ...model import RelationMention
from .bodies import sited
from .context import BODIES, STATES
from .deps import SUBJ, is_head_of, mention_end
from .geography import comma_place, town_like
from .mentions import retype
from .party_members import is_party_name
from .records import static
from .words import W


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
        return  # "Ohio Senator X": elected for Ohio, but news does not say where a legislator lives
    yield static(ctx, person, relation, org, conf, t)
    if relation == "livesIn" and org.type in ("City", "Location"):
        # "a native of Ely, Minn.", "a Boise, Idaho, lawyer": the state after the town too
        last = next((k for k in range(head.sent.end - 1, head.sent.start - 1, -1) if ctx.ms.get(k) is org), None)
        outer = comma_place(head.doc[last], org, ctx.ms) if last is not None else None
        if outer is not None and outer is not person:
            yield static(ctx, person, "citizenOf" if outer.type == "Country" else "livesIn", outer,
                         round(conf - 0.05, 3), t)
    # A town's official works there, and lives there (CoNLL04's Live_In: "King County police
    # spokesman X"). A governor's or mayor's leaderOf already says where they govern, and news
    # does not say they live there. A title naming a country gives no citizenship: "US
    # Ambassador X" may be a citizen, but the text does not say.
    if org.type in ("City", "Location") and relation == "worksFor":
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
                    if p.dep_ == "pobj" and p.i in ms and ms[p.i].type in BODIES:
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
                        if p.dep_ == "pobj" and p.i in ms and ms[p.i].type in BODIES and ms[p.i] is not m:
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
        # "President Rouhani of Iran": the title already says what he is to Iran; the town of
        # a body it names is still where he works ("Surgeon Roe of Boston's Tufts Hospital")
        if c.lower_ in ("at", "of") and where.type in BODIES:
            yield from _town_of_work(ctx, person, p, c)
        return
    if c.lower_ in ("of", "from") and where.type in ("City", "Location"):
        yield static(ctx, person, "livesIn", where, 0.65, c)
        outer = comma_place(p, where, ms)
        if outer is not None:  # "of Bethany, Conn.": lives in Connecticut too
            yield static(ctx, person, "livesIn", outer, 0.6, c)
    elif c.lower_ in ("of", "from") and where.type == "Country":
        yield static(ctx, person, "citizenOf", where, 0.6, c)
    elif c.lower_ in ("at", "of") and where.type == "Organization" and is_party_name(where, ctx.linker):
        yield static(ctx, person, "memberOf", where, 0.6, c)  # "Ann Roe of the Labour Party"
    elif c.lower_ in ("at", "of") and where.type in BODIES:  # "Jo Roe of UNICEF" too
        yield static(ctx, person, "worksFor", where, 0.6, c)
        yield from _owner(ctx, person, p, 0.55, c)
        yield from _town_of_work(ctx, person, p, c)


def _town_of_work(ctx, person, org_tok, trigger) -> Iterator[RelationMention]:
    """"Jo Roe of the Red Cross in Khartoum", "Roe at the Acme plant in Tulsa, Okla.", "Roe of
    Boston's Tufts University", "Roe of the State University of New York at Albany": one lives
    in the town one works in (an inference: 0.5)."""
    ms = ctx.ms
    org = ms[org_tok.i]
    last = org_tok
    while last.i + 1 < len(last.doc) and ms.get(last.i + 1) is org:
        last = last.doc[last.i + 1]
    # the "in" on the name's head, or right after its last word ("the Committee of the Red
    # Cross in Khartoum", which the parse hangs on "Cross"); an "at" a town right after the
    # name, wherever the parse hangs it (on the name or on the person), when it is the body's
    # site as bodies.sited reads it ("the University of Michigan at Ann Arbor"), not where the
    # person is ("Stoltenberg of NATO at Munich", "Price of the State Department at Geneva")
    preps = [c for c in org_tok.children if c.dep_ == "prep" and c.lower_ == "in"]
    if last is not org_tok:
        preps += [c for c in last.children if c.dep_ == "prep" and c.lower_ == "in" and c.i == last.i + 1]
    nxt = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    towns = [p for p in (nxt.children if nxt is not None and nxt.dep_ == "prep" and nxt.lower_ == "at"
                         and nxt.head.i in (org_tok.i, last.i, trigger.head.i)
                         and sited(ctx, org_tok, org, nxt) else ())
             if p.dep_ == "pobj" and p.i in ms and ms[p.i].type in ("City", "Location")]
    # the town whose body it is: "Boston's Tufts University"
    towns += [c for c in org_tok.children if c.dep_ == "poss" and c.i in ms and ms[c.i] is not org
              and ms[c.i].type in ("City", "Location")]
    for p in [p for c in preps for p in c.children] + towns:
        if p.dep_ in ("pobj", "poss") and p.i in ms and ms[p.i].type in ("City", "Location"):
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
