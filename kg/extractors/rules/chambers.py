"""Seats and offices of a chamber or a region named by the title alone.

"Senator Lindsey Graham", "Congresswoman Jo Marsh (D-CA)", "X, an MP", "House Speaker Y",
"Senate Majority Leader Z" name no chamber, or only its bare word ("House", "Senate"); the
chamber is the one of the country the holder's other titles, a "(D-CA)" after the name, the
person's known country or the document's own country give (``chamber_titles`` and
``chamber_names`` of ``kg/data/rules/offices.tsv``). A region's office ("Governor X") is read
in :mod:`.region_offices`. Read once per document by :mod:`.titles`, beside the titles
:mod:`.title_words` finds.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Mention
from .deps import apposed_to, list_lead, name_start, sentences_back
from .posts import Title
from .region_offices import governed
from .title_words import party_initial, serving_as, title_phrase
from .words import W

LEGISLATURE = frozenset({"legislature"})
# The parties a letter before a US state names ("Jo Marsh (D-CA)").
US_PARTY_LETTERS = {"D": "US Democratic Party", "R": "US Republican Party"}


def seats(head, person: Mention, found: list[Title], ms, linker, home: str | None) -> list[Title]:
    """The titles of one person with the chamber and party seats their words name: ``found``
    (the titles :mod:`.title_words` found) with a chamber's bare word replaced by the country's
    chamber, and the seats no title gave yet."""
    doc = head.doc
    first = name_start(head, person, ms)  # "Labour MP (Member of Parliament) X": before the gloss
    letter = _party_letter(head, person, ms)
    country = _country(found, person, letter, home, linker)
    out = list(found)
    for phrase, tok, named in _phrases(doc, head, first, person, ms):
        if any(w in W.voiding for w in phrase.split()) or _former(doc, tok, ms):
            continue  # "former Senator X", "a former United States Representative"
        if any(t.token.i == tok.i and t.org is not None and t.org.type not in ("Country", "Location", "City")
               and not _chamber_word(t.org) and not linker.is_party(t.org) for t in found):
            continue  # "UN Representative X": the title is the body's the words name
        seat = _seat(phrase, named, country or _chamber_country(named, ms) or _owner_named(phrase, named, ms),
                     tok, ms)
        if seat is None and named is None and f"{country} {phrase.split()[-1]}" not in W.chamber_titles:
            # a country with no row; not a title _seat refused ("Trade Representative X")
            seat = _named_chamber(phrase, tok, person, ms)
        if seat is None and named is None:
            seat = _caucus_seat(phrase, tok, country, ms)
        if seat is None:
            continue
        relation, body = seat
        # "House of Commons Speaker X": the title the words gave the named chamber (a speaker
        # works for a body) gives way to the chamber's seat (the Speaker leads it)
        out = [t for t in out if not (t.token.i == tok.i and t.relation == "worksFor" and relation != "worksFor"
                                      and t.org is not None and (t.org.key or t.org.text) == (body.key or body.text))]
        if any(t.org is not None and (t.org.key or t.org.text) == (body.key or body.text) for t in out):
            continue
        # "House Speaker X": the bare "House" the job read is the chamber's
        out = [t for t in out if named is None or t.org is not named or not _chamber_word(named)]
        out.append(Title(relation, body, tok, LEGISLATURE))
    out = [_bare_chamber(t, country, ms) for t in out]
    out += governed(doc, first, out, ms, linker, home)
    if letter is not None and letter.text in US_PARTY_LETTERS \
            and not any(linker.is_party(t.org) for t in out if t.org is not None):
        label = US_PARTY_LETTERS[letter.text]
        party = Mention(letter.text, letter.idx, letter.idx + 1, "Organization", country="USA", key=label)
        out.append(Title("memberOf", party, letter))
    return out


def _caucus_seat(phrase: str, tok, country: str | None, ms) -> tuple[str, Mention] | None:
    """"Minority Whip X", "Majority Leader Y" with no chamber named: a party's office in a
    chamber (``chamber_party_roles``) is in the one chamber named in its sentence or the two
    before (a member of it), not counting a chamber named in another's title ("House Speaker Y and Minority
    Leader X": X may lead the minority of the Senate); none where it names two."""
    words = phrase.split()
    if " ".join(words[-2:]) not in W.chamber_party_roles or not tok.is_title:
        return None
    labels = {row[0] for row in W.chamber_names.values()}
    doc = tok.doc
    start = sentences_back(tok, 2)
    found: dict[str, str | None] = {}
    ends = {}
    for i, m in ms.items():
        if start <= i < tok.sent.end:
            ends[id(m)] = i
    for m in {id(m): m for i, m in ms.items() if id(m) in ends}.values():
        if m.type != "Organization" or _before_a_name(doc, ends[id(m)] + 1, ms):
            continue
        key = (m.key or m.text)
        if key in labels:
            found[key] = next(k.split(" ", 1)[0] for k, row in W.chamber_names.items() if row[0] == key)
            continue
        where = country or m.country
        row = W.chamber_names.get(f"{where} {key.lower()}") if where else None
        if row is None and not where:  # a bare word: of a country the document names, else the first row's
            rows = [(k.split(" ", 1)[0], r) for k, r in W.chamber_names.items() if k.split(" ", 1)[1] == key.lower()]
            named = {x.country for x in ms.values() if x.country}
            rows = [(c, r) for c, r in rows if c in named] or rows[:1]
            where, row = rows[0] if len(rows) == 1 else (None, None)
        if row is not None:
            found[row[0]] = where
    if len(found) != 1 or country is not None and next(iter(found.values())) not in (None, country):
        return None
    label, where = next(iter(found.items()))
    return "memberOf", Mention(label, tok.idx, tok.idx + len(tok.text), "Organization", country=where, key=label)


def _before_a_name(doc, k: int, ms) -> bool:
    """Do one to three capitalised words and a person's name follow token k ("House Speaker
    Nancy Pelosi")?"""
    for j in range(k, min(k + 3, len(doc))):
        if j in ms:
            return j > k and ms[j].type == "Person"
        if not doc[j].is_title:
            return False
    return False


def _owner_named(phrase: str, named: Mention | None, ms) -> str | None:
    """"Senator X" with no country told: the one country with such a seat (``chamber_titles``)
    whose chamber the document names ("Puerto Rico's Senate"), else the one such country the
    document names, when it names it at least twice (US Senator Lindsey Graham in a story of
    Syria and Turkey)."""
    if named is not None or not phrase:
        return None
    word = phrase.split()[-1]
    owners = {key.split(" ", 1)[0] for key in W.chamber_titles
              if key.split(" ", 1)[1] in (word, word.removesuffix("s"))} - {"*"}
    chambers = set(W.chamber_of_title.get(word, ()))
    tied = {m.country for m in ms.values() if m.type == "Organization" and m.country in owners
            and (m.key or m.text).lower() in chambers}
    if len(tied) == 1:
        return tied.pop()
    counts: dict[str, int] = {}
    for m in {id(m): m for m in ms.values()}.values():
        if m.country and m.type != "Person":
            counts[m.country] = counts.get(m.country, 0) + 1
    named = {c for c in owners if counts.get(c, 0) >= 2}  # (named twice at least)
    return named.pop() if len(named) == 1 and not owners & set(counts) - named else None


def _chamber_country(named: Mention | None, ms) -> str | None:
    """"Puerto Rico's Senate ... Senate President X": with no country told, the country of a
    chamber of the same bare name the document ties to one country that has such a chamber."""
    if named is None or not _chamber_word(named):
        return None
    word = (named.key or named.text).lower()
    found = {m.country for m in ms.values() if m.type == "Organization" and m.country
             and (m.key or m.text).lower() == word and f"{m.country} {word}" in W.chamber_names}
    return found.pop() if len(found) == 1 else None


def _bare_chamber(title: Title, country: str | None, ms) -> Title:
    """"X, the House Republican leader", "X, a Senate aide": a title of a chamber's bare name
    (``chamber_names``) is of the country's chamber; it leads the chamber only by a title that
    does (``chamber_titles``: "Speaker"), and is a member of it by any other (a party's leader
    or whip in the chamber, a committee's chairman)."""
    org = title.org
    if org is None or title.relation not in ("leaderOf", "memberOf") or not _chamber_word(org):
        return title
    country = country or _chamber_country(org, ms)
    body = W.chamber_names.get(f"{country} {(org.key or org.text).lower()}")
    if body is None:
        return title
    row = W.chamber_titles.get(f"{country} {title.token.lower_}")
    heads = title.token.lower_ in W.chamber_heads and not any(
        c.dep_ in ("amod", "compound") and c.i in ms and ms[c.i].type == "Group" for c in title.token.children)
    relation = "leaderOf" if heads or row is not None and row[0] == "leaderOf" and row[1] == body[0] else "memberOf"
    chamber = Mention(body[0], org.start, org.end, "Organization", country=country, key=body[0])
    return title._replace(relation=relation, org=chamber, scope=LEGISLATURE)


def _party_letter(head, person, ms):
    """"Jo Marsh (D-CA)", "Jo Marsh, R-Texas,", "Jo Marsh, D-Calif.,": the party's letter after a
    name, or None."""
    found = party_initial(head, person, ms)
    return found[0] if found is not None and found[1].text.removesuffix(".").isalpha() else None


def _country(found: list[Title], person: Mention, letter, home: str | None, linker) -> str | None:
    """The country whose chamber a title is: of a place a found title is of ("US Senator X",
    "Ohio Senator X"), of a US party letter, of the person (as the mention or kg's gazetteer
    knows them: "House Speaker Nancy Pelosi" in San Juan), else the document's."""
    for t in found:
        # a place of a title ("Ohio Senator") or a national party ("Democratic Senator")
        if t.org is not None and t.org.country and (t.org.type in ("Country", "Location", "City")
                                                    or t.relation == "memberOf" and t.org.type == "Group"):
            return t.org.country
    if letter is not None:
        return "USA"
    known = linker.known(person.key or person.text) if person.country is None else None
    return person.country or (known.country if known is not None else None) or home


def _phrases(doc, head, first: int, person, ms) -> Iterator[tuple[str, object, Mention | None]]:
    """The title words before the name ("house speaker") and in apposition after it ("an MP",
    "the Speaker of the House"): (words, title token, the chamber word's mention if it is one)."""
    words: list = []  # the title's words that are no mention, and a chamber's bare name
    named = None
    i = first - 1
    while i >= 0 and len(words) < 6 and not doc[i].is_sent_end:
        m = ms.get(i)
        if m is not None and not words and named is None and m.type == "Organization" and _chamber_word(m) \
                and i >= 3 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ == "of":
            named = m  # "Speaker of the House Nancy Pelosi": the title is before "of the House"
            i = next(k for k in range(i, -1, -1) if ms.get(k) is not m) - 2
            continue
        if m is not None:
            if m is person or words == [] or m.type not in ("Organization", "Country", "Location", "City"):
                break
            if m.type == "Organization":
                named = m
            break
        if doc[i].pos_ not in ("NOUN", "PROPN", "ADJ") and doc[i].text != ".":
            break
        if words and doc[i].is_lower and doc[i].lower_ in W.candidacy_titles:
            break  # "presidential candidate Senator X": the seat's title starts after the other title
        words.insert(0, doc[i])
        i -= 1
    if words and words[-1].text[:1].isupper():
        yield " ".join(w.lower_ for w in words), words[-1], named
    for c in _beside(head, ms):
        # "X, an MP", "X, the Speaker of the House"; a lower-case title only of W.chamber_seats
        # ("X, a senator", "X, a member of parliament", not "X, a sales representative" or "a
        # keynote speaker")
        phrase = title_phrase(c, ms) + _of_words(c, ms)
        if c.text[:1].isupper() or c.lower_ in W.chamber_seats or phrase in W.chamber_seats:
            yield phrase, c, _of_chamber(c, ms) or _chamber_before(c, ms)


def _beside(head, ms) -> list:
    """The nouns beside a name that may be its seat: in apposition ("X, an MP"), after "is"
    ("X is a Labour MP"), and the title the name is in apposition to ("the Republican senator
    from Texas, Ted Cruz,")."""
    found = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ == "be" and head.head.tag_ in ("VBZ", "VBP"):
        found += [c for c in head.head.children if c.dep_ == "attr"]
    noun = apposed_to(list_lead(head, ms), ms)
    if noun is not None and (noun.lower_ in W.chamber_seats or noun.is_title):
        # "the Republican senator from Texas, Ted Cruz,", "The Senate Minority Leader, Chuck
        # Schumer,", "Two Democratic Representatives, A and B,": the title the names are apposed to
        found.append(noun)
    found += serving_as(head)  # "X is serving as the junior Senator from New York"
    return [c for c in found if c.i not in ms and c.pos_ in ("NOUN", "PROPN")]


def _named_chamber(phrase: str, tok, person, ms) -> tuple[str, Mention] | None:
    """"Senator X ... the Senate", a country with no row: the one chamber of the title's kind
    (``chamber_of_title``) that the sentence names is the holder's."""
    words = W.chamber_of_title.get(phrase.split()[-1])
    if not words:
        return None
    # in the title's sentence, else (for "MP X said ..." in a story that named the Parliament
    # of New South Wales before) the document up to it
    # (a chamber named "<word> of <place>" is looked for only back there: in the title's own
    # sentence, "of" names read so took right seats from CoNLL04 train holdout's Work_For)
    found = _chambers_named(words, tok.sent.start, tok.sent.end, person, ms) \
        or _chambers_named(words, 0, tok.sent.end, person, ms, of_names=True)
    # a chamber told twice, or by its bare word ("the Parliament") beside its name, is one
    named = {(m.key or m.text).lower() for m in found.values()}
    found = {(m.key or m.text).lower(): m for m in found.values() if (m.key or m.text).lower() not in words
             or not any(n != w and w in n.split() for n in named for w in words)}
    return ("memberOf", next(iter(found.values()))) if len(found) == 1 else None


def _chambers_named(words, start: int, end: int, person, ms, of_names: bool = False) -> dict:
    """The organisations between two tokens named as a chamber of these words ("senate",
    "parliament"): its bare word, or a name that ends with it (or, with ``of_names``, is
    "<word> of ...")."""
    return {id(m): m for i in range(start, end) if (m := ms.get(i)) is not None
            and m is not person and m.type == "Organization"
            and any((m.key or m.text).lower() == w or (m.key or m.text).lower().endswith(" " + w)
                    or (of_names and (m.key or m.text).lower().startswith(w + " of ")) for w in words)}


def _former(doc, tok, ms) -> bool:
    """Does a voiding word ("former", "retired") stand before the title, back to the start of
    its phrase ("former Rhode Island governor and US Senator X", "the former Democratic Dean")?"""
    for i in range(tok.i - 1, max(tok.sent.start, tok.i - 9) - 1, -1):
        t = doc[i]
        if t.text in (",", ";", "(") or t.pos_ in ("VERB", "AUX") \
                or i in ms and ms[i].type == "Person":
            return False
        if t.lower_ in W.voiding:
            return True
        if t.pos_ == "NOUN" and t.is_lower and doc[i + 1].lower_ not in W.title_conjunctions \
                and t.lower_ in W.candidacy_titles:
            return False  # "former presidential candidate Senator X": "former" is of the other title
    return False


def _chamber_word(m: Mention) -> bool:
    """Is the mention a chamber's bare name ("House", "Senate") in some country?"""
    word = (m.key or m.text).lower()
    return any(key.split(" ", 1)[1] == word for key in W.chamber_names)


def _of_words(tok, ms) -> str:
    """"speaker of the house": the words of an "of" phrase after a title that is no mention."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    return " of " + " ".join(w.lower_ for w in p.subtree if w.lower_ != "the")
    return ""


def _chamber_before(tok, ms) -> Mention | None:
    """"X, the Senate Majority Leader,": a chamber's bare name just before a title's words."""
    k = tok.i
    while k > 0 and k - 1 not in ms and tok.doc[k - 1].pos_ in ("NOUN", "PROPN", "ADJ") and tok.i - k < 3:
        k -= 1
    m = ms.get(k - 1)
    return m if m is not None and m.type == "Organization" and _chamber_word(m) else None


def _of_chamber(tok, ms) -> Mention | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and p.i in ms and ms[p.i].type == "Organization":
                    return ms[p.i]
    return None


def _seat(phrase: str, named: Mention | None, country: str | None, tok, ms) -> tuple[str, Mention] | None:
    """(relation, chamber) of a title phrase, or None."""
    words = phrase.split()
    titles, names = W.chamber_titles, W.chamber_names
    if named is not None and not _chamber_word(named):
        return None  # "State Senator X" with "State" tagged a body: another body's title
    word = (named.key or named.text).lower() if named is not None else None
    if word is not None and country is None:
        # "House Speaker X" with no country told: the country whose chamber alone has the name
        owners = [key.split(" ", 1)[0] for key in names if key.split(" ", 1)[1] == word]
        if len(owners) > 1:
            # "Senate": of the one such country the document names at all; naming no country, of
            # the country of the first row (news in English says "the Senate" of the US Senate);
            # naming only countries with no such chamber (a Senate President in Abuja), of none
            named_anywhere = {m.country for m in ms.values() if m.country}
            owners = [c for c in owners if c in named_anywhere] or ([] if named_anywhere else owners[:1])
        country = owners[0] if len(owners) == 1 else None
    seat = None
    for n in range(min(5, len(words)), 0, -1):
        tail = " ".join(words[-n:])
        row = titles.get(f"{country} {tail}") or titles.get(f"* {tail}")
        if row is None and tail.endswith("s") and words[-1] == tok.lower_:
            # "Republican Senators A and B", "Conservative MPs A and B": the plural of a seat
            # (the title's own word: not "Speaker of the House of Representatives")
            row = titles.get(f"{country} {tail[:-1]}") or titles.get(f"* {tail[:-1]}")
        if row is not None:
            if any(w not in W.seat_qualifiers for w in words[:-n]):
                return None  # "State Senator X", "Trade Representative Y": another office
            seat = (row[0], row[1])
            break
    if seat is None and word is not None:
        # "the Speaker of the House": the title's own word, the chamber named after it
        row = titles.get(f"{country} {tok.lower_}")
        seat = (row[0], row[1]) if row is not None else None
    # "House Speaker X", "Senate Majority Leader X": the chamber's bare name before the title
    chamber = names.get(f"{country} {word}", (None,))[0] if word is not None else None
    if chamber is not None and (seat is None or seat[1] != chamber):
        # "Senate President X" leads the Senate; "Senate Majority Leader Y" is a member
        heads = seat is not None and seat[0] == "leaderOf" or words == [tok.lower_] and tok.lower_ in W.chamber_heads
        seat = ("leaderOf" if heads else "memberOf", chamber)
    if seat is None:
        return None
    relation, label = seat
    typ = "InternationalOrganization" if country is None or label == "European Parliament" else "Organization"
    body_country = None if typ == "InternationalOrganization" else country
    return relation, Mention(label, tok.idx, tok.idx + len(tok.text), typ, country=body_country, key=label)
