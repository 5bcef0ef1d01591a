"""Titles beside a person's name, and the organisation or country each title is of.

"Canadian Prime Minister Justin Trudeau", "Adil Abdul-Mahdi, the acting Prime Minister of
Iraq", "CNN reporter Jane Roe", "Ada Stern, who is president of Acme": each gives a
(relation, organisation, title token) triple for the person. Which titles exist and what
relation each implies (leaderOf, worksFor, citizenOf) is kg's title table
(``kg/data/titles.tsv``, asked through the linker); the words that void or qualify a title
are in ``kg/data/rules/statics.tsv`` and ``mentions.tsv``. Runs once per document, before
the sentences are read: a title of a country gives the person that country, which every
later rule sees.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ...model import Mention
from .context import BODIES, COLLECTIVE, STATES, same
from .deps import MODIFIER, SUBJ, attached, is_head_of, mention_start
from .words import W

Title = tuple[str, Mention | None, object]  # (relation, organisation or None, title token)


def affiliations(parsed, ms: dict[int, Mention], linker) -> dict[int, list[Title]]:
    """Titles beside each person: token index of the person's head → [(relation, org, title token)].

    A person with a title of a country gets that country ("Russian President Boris
    Yeltsin" acts for Russia); the mention in ``ms`` is updated in place.
    """
    out: dict[int, list[Title]] = {}
    seen: set[int] = set()
    for tok in parsed:
        m = ms.get(tok.i)
        if m is None or m.type != "Person" or id(m) in seen or not is_head_of(tok, m, ms):
            continue
        seen.add(id(m))
        found = list(titles_of(tok, m, ms, linker))
        if not found:
            continue
        out[tok.i] = found
        if m.country is None:
            # An office or citizenship gives a person a country; living somewhere does not.
            country = next((org.country for relation, org, _ in found if org is not None and org.country
                            and (relation == "citizenOf" or relation in ("leaderOf", "worksFor")
                                 and org.type in ("Country", "Organization", "City", "Location"))), None)
            if country is not None:
                new = dataclasses.replace(m, country=country)
                for t in tok.doc[max(0, tok.i - 6):tok.i + 1]:
                    if ms.get(t.i) is m:
                        ms[t.i] = new
    return out


def title_of(phrase: str, linker) -> tuple[str | None, str | None]:
    """(relation to an organisation, to a country) of the title a phrase ends with."""
    found = linker.title_relations(phrase)
    if found is None and phrase.endswith("s") and len(phrase) > 3:
        found = linker.title_relations(phrase[:-1])  # "Presidents Buhari of Nigeria and Talon of Benin"
    return found or (None, None)


def title_phrase(tok, ms=None) -> str:
    """"the acting Prime Minister of Iraq" → "acting prime minister": the words just before the
    title token back to the determiner or comma (read off the text, not the parse, which often
    splits "former vice-president" into separate appositions)."""
    doc = tok.doc
    words = [tok]
    i = tok.i - 1
    while i >= 0 and len(words) < 6 and (ms is None or i not in ms) and not doc[i].is_sent_end \
            and (doc[i].pos_ in ("ADJ", "NOUN", "PROPN") or doc[i].text == "-"):
        words.insert(0, doc[i])
        i -= 1
    return " ".join(w.lower_ for w in words).replace(" - ", "-")


def titles_of(head, person: Mention, ms, linker) -> Iterator[Title]:
    """The titles of one person, whose name's head token is ``head``."""
    doc = head.doc
    first = head.i
    while first > 0 and ms.get(first - 1) is person:
        first -= 1
    # (title phrase, title token, its organisation)
    found: list[tuple[str, object, Mention | None]] = _titles_before(head, first, ms, linker)
    under_unit: set[int] = set()
    for t in _appositions(head, person, first, ms, linker):
        org = _apposition_org(t, person, ms)
        if org is not None and any(c.dep_ == "prep" and c.lower_ == "of" and p.dep_ == "pobj" and p.i not in ms
                                   and p.pos_ == "NOUN" and p.lemma_.lower() not in W.unit_not_department
                                   and org.start > p.idx for c in t.children for p in c.children):
            under_unit.add(t.i)  # "head of research at X": a department's head does not lead X
        found.append((title_phrase(t, ms), t, org))
    for phrase, t, org in found:
        relation, state_relation = title_of(phrase, linker)
        if relation is None and state_relation is not None and org is not None \
                and org.type in BODIES and phrase.split()[-1] not in W.not_employed:
            state_relation = None  # "a chemist at Brisk Labs": a profession at a body is a job there
        if relation is None and state_relation is None:
            yield from _job(head, person, t, org, ms)
            continue
        yield from _office(doc, person, phrase, t, org, (relation, state_relation), t.i in under_unit, ms, linker)


# ---------------------------------------------------------------- titles before the name
def _title_words(head, first, ms, linker) -> tuple[list, int]:
    """The words just before a name that may be its title, and the index before them."""
    doc = head.doc
    words: list = []
    i = first - 1
    if i >= 2 and i in ms:
        # "US Ambassador to Germany Richard Grenell": the host country is no employer
        k = mention_start(i, ms[i], ms) - 1
        if k >= 1 and doc[k].lower_ == "to" and linker.is_title(doc[k - 1].text):
            i = k - 1
    while i >= 0 and len(words) < 7 and i not in ms and not doc[i].is_sent_end and (
            doc[i].pos_ in ("NOUN", "PROPN", "ADJ", "PUNCT") and doc[i].text not in (",", "(", ")", '"', "``", "''")
            # "Secretary of State", "trade and industry commissioner"
            or words and i > 0 and doc[i].lower_ == "of" and linker.is_title(doc[i - 1].text)
            or words and i > 0 and doc[i].lower_ == "and" and doc[i - 1].pos_ == "NOUN"
            and words[0].pos_ == "NOUN"):
        words.insert(0, doc[i])
        i -= 1
    of = next((k for k, w in enumerate(words) if w.lower_ == "of"), None)
    if of is not None and not title_of(" ".join(w.lower_ for w in words), linker)[0]:
        words = words[:of]  # "Secretary of Transportation": the title is "Secretary"
    return words, i


def _titles_before(head, first, ms, linker) -> list:
    """"Canadian Prime Minister Justin Trudeau", "CNTP Secretary Luis Cobos"."""
    doc = head.doc
    words, i = _title_words(head, first, ms, linker)
    if not words:
        return _plural_title(head, ms, linker)
    found = []
    phrase = " ".join(w.lower_ for w in words).replace(" - ", "-")
    org = None
    if i >= 0 and i in ms and doc[i].sent == head.sent and ms[i].type != "Person":
        org = ms[i]
        start = mention_start(i, org, ms)
        if start > 0 and doc[start - 1].lower_ in W.voiding:
            org, words = None, []  # "retired FBI agent": no longer works there
        elif start > 0 and doc[start - 1].lower_ == "and":
            org = None  # "Police and Crime Commissioner": part of the title
    if org is None and len(words) > 1 and words[0].is_upper and words[0].is_alpha and len(words[0]) > 1 \
            and not linker.is_title(words[0].text) and linker.demonym(words[0].text) is None:
        # "CNTP Secretary Luis Cobos": an acronym the NER left untagged names the body
        org = Mention(words[0].text, words[0].idx, words[0].idx + len(words[0]), "Organization", key=words[0].text)
        words = words[1:]
        phrase = " ".join(w.lower_ for w in words).replace(" - ", "-")
    of_org = attached(head, ms, (), ("of",), types=COLLECTIVE)
    if org is None:  # "King Hassan of Morocco"
        org = of_org
    of = next((k for k, w in enumerate(words) if w.lower_ == "of"), None)
    if of_org is not None and org is not of_org and len(words) > 1 and of is None \
            and linker.is_title(words[-1].lower_) \
            and title_of(" ".join(w.lower_ for w in words[:-1]), linker)[0]:
        # "AU chairperson President el-Sisi of Egypt": two titles, two organisations
        found.append((words[-1].lower_, words[-1], of_org))
        phrase, words = " ".join(w.lower_ for w in words[:-1]), words[:-1]
    if words:
        found.append((phrase, words[of - 1] if of else words[-1], org))
    return found


def _plural_title(head, ms, linker) -> list:
    """"Presidents Buhari of Nigeria and Talon of Benin": the plural title covers both."""
    doc = head.doc
    if not (head.dep_ == "conj" and head.head.i in ms and ms[head.head.i].type == "Person"):
        return []
    lead = head.head
    j = lead.i
    while j > 0 and ms.get(j - 1) is ms[lead.i]:
        j -= 1
    if j > 0 and j - 1 not in ms and doc[j - 1].lower_.endswith("s") and title_of(doc[j - 1].lower_, linker)[0]:
        org = attached(head, ms, (), ("of",), types=COLLECTIVE)
        if org is not None:
            return [(doc[j - 1].lower_, doc[j - 1], org)]
    return []


# ---------------------------------------------------------------- titles after the name
def _appositions(head, person, first, ms, linker) -> list:
    """Title nouns beside the name: "Adil Abdul-Mahdi, the acting Prime Minister of Iraq"; "the
    minister, Wang Yi"; "Xi is the president of China"; "Ada Stern, who is president of Acme"."""
    doc = head.doc
    own = [t for t in doc[first:min(len(doc), head.i + 8)] if ms.get(t.i) is person]
    # every word of the name: the parser sometimes splits "Ada Stern" into two subjects
    appos = [c for t in own for c in t.children if c.dep_ == "appos" and c.i not in ms]
    # "Karadzic, leader of the Bosnian Serbs and vice-president of the Writers' Union"
    appos += [cc for c in appos for cc in c.children if cc.dep_ == "conj" and cc.i not in ms
              and cc.pos_ in ("NOUN", "PROPN")]
    if head.dep_ == "appos" and head.head.i not in ms:
        appos.append(head.head)
    elif first >= 4 and doc[first - 1].text == "," and first - 2 in ms and ms[first - 2].type in BODIES:
        # "the deputy secretary of the Foreign Ministry, John Miller" parsed without the apposition
        k = mention_start(first - 2, ms[first - 2], ms) - 1
        k -= doc[k].lower_ == "the"
        if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].pos_ == "NOUN" and k - 1 not in ms \
                and title_of(doc[k - 1].lower_, linker)[0] is not None and doc[k - 1] not in appos:
            appos.append(doc[k - 1])
    if head.dep_ in ("nmod", "compound") and head.head.i not in ms and head.head.pos_ == "NOUN" \
            and head.head.i > head.i and any(doc[k].text == "," for k in range(head.i + 1, head.head.i)):
        appos.append(head.head)  # "Ada Stern, spokeswoman for X" parsed with the name modifying the job
    # "Xi is the president of China"
    if head.dep_ in SUBJ:
        appos += [c for c in head.head.children if c.dep_ == "attr" and c.i not in ms
                  and head.head.lemma_ == "be"]
    # "Ada Stern, who is president of Acme"
    appos += [a for t in own for r in t.children if r.dep_ == "relcl" and r.lemma_ == "be"
              and r.tag_ in ("VBZ", "VBP")  # "who was Trump's envoy until December": no longer
              and any(s.dep_ in SUBJ and s.lower_ in W.relative for s in r.children)
              for a in r.children if a.dep_ == "attr" and a.i not in ms]
    return appos


def _apposition_org(t, person, ms) -> Mention | None:
    """The body a title noun after the name is of: "spokeswoman for the Sierra Club"."""
    org = attached(t, ms, MODIFIER, ("of", "for", "at", "from", "in"))
    if org is person:  # the name itself modifies the job noun: look behind a preposition
        org = attached(t, ms, ("poss",), ("of", "for", "at", "from", "in"))
    if org is None and t.lemma_.lower() in W.personal_staff:
        org = attached(t, ms, (), ("to",))  # "an aide to Senator Bob Kerrey"
    if org is None:
        # "an engineer with the USDA's research service": the body that owns the unit named
        org = next((ms[g.i] for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "with")
                    for p in c.children if p.dep_ == "pobj" and p.i not in ms and p.pos_ == "NOUN"
                    for g in p.children if g.dep_ in ("poss", "compound") and g.i in ms
                    and ms[g.i].type in BODIES), None)
    if org is None:
        # "vice president of marketing for Acme", "head of research at the institute": the
        # body behind the department
        org = next((ms[q.i] for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj" and p.i not in ms and p.pos_ == "NOUN"
                    and (_bare(p) or p.lemma_.lower() in W.board_nouns)  # not "of the Barton camp at X"
                    for d in p.children if d.dep_ == "prep" and (d.lower_ in ("for", "at", "with") or
                                                                 d.lower_ == "of" and p.lemma_.lower() in
                                                                 W.board_of_nouns)
                    for q in d.children if q.dep_ == "pobj" and q.i in ms
                    and ms[q.i].type in BODIES), None)
    return org


def _bare(noun) -> bool:
    """A department named by a bare noun ("of marketing", "of daytime programs"), not a place
    or a thing ("of the Clara Barton camp")."""
    return not any(c.dep_ in ("det", "poss") or c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children)


# ---------------------------------------------------------------- what a title makes the person
def _job(head, person, t, org, ms) -> Iterator[Title]:
    """A noun that is no known title: "NFL placekicker Mark Moseley", "CNN reporter Jane Roe",
    "X, Acme's chief economist" hold a job at the organisation."""
    if org is not None and org.type in BODIES and t.pos_ in ("NOUN", "PROPN") and t.i not in ms \
            and t.lemma_.lower() not in W.not_jobs and t.i < head.i:
        yield "worksFor", org, t
    elif t.i > head.i and t.pos_ == "NOUN" and t.lemma_.lower() not in W.not_jobs | W.place_nouns:
        # "X, 58, was acting comptroller at the American University", "X, Acme's chief
        # economist": a job at a body
        at = attached(t, ms, ("poss",), ("at", "with", "for"), types=BODIES)
        if at is not None and not same(at, person):
            yield "worksFor", at, t


def _office(doc, person, phrase, t, org, relations, under_unit: bool, ms, linker) -> Iterator[Title]:
    """A known title: the relation it implies to the organisation or country it is of."""
    relation, state_relation = relations
    if org is None:
        org = attached(t, ms, MODIFIER, ("of", "for", "at", "from"))
    if org is not None and org.type != "Person":
        after = next((x for x in doc[max(0, t.i - 8):t.i] if x.idx >= org.end), None)
        if after is not None and after.lower_ == "and":
            org = None  # "Police and Crime Commissioner X": a word of the title, not the employer
    if org is not None and org.type == "Person" and org is not person and relation == "worksFor" \
            and t.lemma_.lower() in W.personal_staff and not same(org, person):
        yield "worksFor", org, t  # "Merkel's spokesperson, Steffen Seibert" works for Merkel
        return
    if org is not None and (org is person or org.type == "Person"):
        org = None
    if org is not None:
        rel = _relation_to(org, phrase, relation, state_relation, under_unit)
        if rel:
            yield rel, org, t
    elif relation in ("leaderOf", "worksFor"):
        # "Foreign Secretary Dominic Raab": no country named, but the curated table
        # knows whose office he holds (only for the relation his title implies)
        actor = linker.known(person.key or person.text)
        if actor is not None and actor.relation == relation and actor.country and not actor.derived:
            country = linker.country(actor.country)
            if country is not None:
                yield relation, None, t


def _relation_to(org, phrase, relation, state_relation, under_unit: bool) -> str | None:
    """The relation a title gives its holder to the organisation or place it is of."""
    rel = state_relation if org.type in STATES else relation
    if rel is None and org.type in ("City", "Location") and relation == "leaderOf" \
            and phrase.split()[-1] in W.town_leaders:
        rel = "leaderOf"  # "Tulsa Mayor Ada Stern": a mayor leads the town
    if rel == "leaderOf" and under_unit:
        rel = "worksFor"
    if rel == "citizenOf" and org.type != "Country":
        rel = "livesIn"  # "Atlanta businessman Neil Estes"
    return rel
