"""The project's own geopolitical knowledge, read from the data files in ``kg/data``.

Countries (ISO alpha-3 and Wikidata QIDs), their demonyms and capitals, international
organisations and armed groups, and prominent office-holders. Users add their own actors
with a gazetteer file (see :func:`Gazetteer.load_user_file`). Everything is offline.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from .errors import InputError


@dataclass(frozen=True, slots=True)
class Actor:
    """A known actor: what linking attaches to a resolved entity."""

    label: str
    type: str  # ontology class name
    wikidata: str | None = None
    country: str | None = None  # ISO alpha-3 of the actor or of the country it belongs to
    aliases: tuple[str, ...] = ()
    office: str | None = None  # for people: "President of China"
    relation: str | None = None  # leaderOf or worksFor, for people with an office
    of: str | None = None  # the label of what the office is of
    user: bool = False  # from a user's gazetteer file: trusted over the NER's guess of its type
    # from the derived officials table: a name, not a person; its country counts only where
    # the document names that country too (a "James Smith" is not the Bahamian minister)
    derived: bool = False


class Party(NamedTuple):
    """A national party a word may name (parties.tsv): "Labour" in a British text."""

    label: str
    country: str  # ISO alpha-3
    leader: str  # "party": "<word> leader" leads the party; "caucus": leads its members in a chamber


_GENERIC_LAST = {"party", "movement", "group", "organisation", "organization", "militia", "faction"}


# The kinds of place an office may be of (the scope column of titles.tsv).
TITLE_SCOPES = frozenset({"state", "region", "town", "legislature"})


@functools.lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """The lookup key of a name: case, curly quotes, dots, hyphens and 'the' folded away.

    Cached: the same few thousand words and names are looked up tens of thousands of times
    per corpus (a tenth of the extractor's time went to folding them again)."""
    text = text.replace("’", "'").replace("‘", "'").replace("‐", "-").replace("–", "-")
    text = re.sub(r"'s?$", "", text.strip())
    text = text.lower().replace(".", "").replace("-", " ")
    text = re.sub(r"^the\s+", "", text)
    return " ".join(text.split())


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The identity key of a name: two names with one key are one entity's names.

    Case, diacritics, punctuation, possessives and a leading "the" are folded away, and a
    country's abbreviation written in capitals becomes the country's name, so "U.S. Senate",
    "US Senate" and "United States Senate" share a key (the abbreviations are the country
    aliases of ``countries.tsv`` and ``country_extras.tsv`` written in capitals).

    >>> name_key("the U.S. Senate") == name_key("US Senate") == name_key("United States Senate")
    True
    >>> name_key("Recep Tayyip Erdoğan"), name_key("Kurdistan Workers' Party")
    ('recep tayyip erdogan', 'kurdistan workers party')
    >>> name_key("al-Qaeda") == name_key("Al Qaeda"), name_key("Us and Them")
    (True, 'us and them')

    Cached as :func:`norm` is: resolution asks for the key of the same names again and again.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"'s?\b", "", text)
    words = re.sub(r"[^\w&.]+", " ", text).split()
    out = []
    for word in words:
        bare = word.replace(".", "")
        if not bare:
            continue
        expanded = _abbreviations().get(bare) if bare.isupper() else None
        out.extend(expanded.split() if expanded else [bare.casefold()])
    if out[:1] == ["the"] and len(out) > 1:
        out = out[1:]
    return " ".join(out)


_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def surname_key(label: str, type_: str) -> str | None:
    """The name key of a person's last name ("Kamala Harris" → "harris"), for full names only.

    >>> surname_key("John James Conyers Jr.", "Person"), surname_key("Harris", "Person")
    ('conyers', None)
    """
    if type_ != "Person":
        return None
    words = [w for w in name_key(label).split() if w not in _GENERATIONS]
    return words[-1] if len(words) >= 2 else None


def suffix_keys(label: str, type_: str) -> tuple[str, ...]:
    """The name keys an organisation's name ends with, of two words or more: the shorter names
    it may also go by ("US Libertarian Party": "libertarian party").

    >>> suffix_keys("US Libertarian Party", "Organization"), suffix_keys("Jo Bloggs", "Person")
    (('states libertarian party', 'libertarian party'), ())
    """
    if type_ not in ("Organization", "Group", "InternationalOrganization"):
        return ()
    words = name_key(label).split()
    return tuple(" ".join(words[i:]) for i in range(1, len(words) - 1))


@functools.cache
def _abbreviations() -> dict[str, str]:
    """Capitalised abbreviations of country names ("US", "U.K.", "PRC") → the country's name key."""
    out = {}
    for actor in default().countries.values():
        for alias in actor.aliases:
            bare = alias.replace(".", "")
            if bare.isalpha() and bare.isupper() and len(bare) <= 5:
                out.setdefault(bare, name_key(actor.label))
    return out


def _rows(name: str):
    text = resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield [c.strip() for c in line.split("\t")]


def _split(cell: str) -> list[str]:
    return [c.strip() for c in cell.split(",") if c.strip()] if cell else []


@dataclass
class Gazetteer:
    """Name → :class:`Actor` lookups, plus demonyms, capitals and titles."""

    names: dict[str, Actor] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # norm(demonym) → iso3
    countries: dict[str, Actor] = field(default_factory=dict)  # iso3 → country actor
    capitals: dict[str, str] = field(default_factory=dict)  # iso3 → capital label
    titles: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    bodies: set[str] = field(default_factory=set)  # norm(name) of bodies every state has (bodies.tsv)
    # norm(name) of a capital or a seat of government → what it stands for in an event:
    # an ISO alpha-3 code or an organisation's label (country_extras.tsv, seats.tsv)
    seats: dict[str, str] = field(default_factory=dict)
    publishers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # URL host → names (publishers.tsv)
    # norm(title) → (relation to an organisation, relation to a country); "-" voids a title,
    # "~" subordinates it (a deputy leader works for the body)
    title_scopes: dict[str, frozenset[str]] = field(default_factory=dict)
    # norm(title) → the kinds of place the office is of: "state", "region", "town",
    # "legislature" (titles.tsv explains them)
    # norm(party word) → the national parties it may name ("conservative" → the British and
    # the Canadian Conservatives; parties.tsv)
    parties: dict[str, tuple[Party, ...]] = field(default_factory=dict)
    _long_starts: tuple[int, frozenset[str]] | None = field(default=None, init=False, repr=False, compare=False)
    _party_starts: tuple[int, frozenset[str]] | None = field(default=None, init=False, repr=False, compare=False)
    _spelling: tuple[int, object] | None = field(default=None, init=False, repr=False, compare=False)
    # (sizes of the names and titles, {(name, words never titles): the name without its titles})
    _untitled: tuple[tuple[int, int], dict] | None = field(default=None, init=False, repr=False, compare=False)

    def add(self, actor: Actor, *names: str) -> None:
        for n in (actor.label, *actor.aliases, *names):
            key = norm(n)
            # First writer wins: the built-in tables come first and are the most careful.
            if key and key not in self.names:
                self.names[key] = actor

    def long_name_starts(self) -> frozenset[str]:
        """The first word and first two words of every name of three words or more (made
        once for a gazetteer, and again only if names were added since)."""
        cached = self._long_starts
        if cached is None or cached[0] != len(self.names):
            starts = {" ".join(k.split()[:n]) for k in self.names if k.count(" ") >= 2 for n in (1, 2)}
            cached = self._long_starts = (len(self.names), frozenset(starts))
        return cached[1]

    def party_starts(self) -> frozenset[str]:
        """The first word of every party word (``parties``), so the rules look a word up only
        where one can start (made once, and again only if party words were added since)."""
        cached = self._party_starts
        if cached is None or cached[0] != len(self.parties):
            cached = self._party_starts = (len(self.parties), frozenset(k.split()[0] for k in self.parties if k))
        return cached[1]

    def lookup(self, name: str) -> Actor | None:
        key = norm(name)
        actor = self.names.get(key)
        if actor is None and " " in key:
            # "the Fatah Party", "Hamas movement": the name without its generic last word
            head, _, last = key.rpartition(" ")
            if last in _GENERIC_LAST:
                found = self.names.get(head)
                if found is not None and found.type in ("Organization", "Group", "InternationalOrganization"):
                    return found
        return actor

    def demonym(self, word: str) -> Actor | None:
        iso = self.demonyms.get(norm(word))
        return self.countries.get(iso) if iso else None

    def country(self, iso3: str) -> Actor | None:
        return self.countries.get(iso3)

    def misspelt_country(self, word: str) -> Actor | None:
        """The one country whose one-word name or demonym this word misspells by a letter
        ("Afganistan", "Quatar"; see :mod:`kg.spelling`); the index is made once."""
        from . import spelling

        cached = self._spelling
        size = (len(self.countries), len(self.demonyms))  # (made again if either table grew)
        if cached is None or cached[0] != size:
            names = {norm(n): iso for iso, a in self.countries.items() for n in (a.label, *a.aliases)}
            names.update(self.demonyms)
            cached = self._spelling = (size, spelling.Index(names))
        iso = cached[1].nearest(norm(word))
        return self.countries.get(iso) if iso else None

    def country_in_name(self, name: str) -> str | None:
        """The country an unknown organisation's name ties it to, or None.

        "National Union for the Total Independence of Angola" and "the Bus Company of Tehran"
        end in "of" and a country or a place of one; "Nigerian Union of Teachers" and "Kenya
        Airways" begin with a demonym or a country's name. A name that is only a demonym or
        a country ("Albanians") says nothing of an organisation, and a place named after
        "of" must be known whole ("of Iraq and the Levant" is not Iraq).

        >>> default().country_in_name("Nigerian Union of Teachers")
        'NGA'
        >>> default().country_in_name("Islamic Salvation Front") is None
        True
        """
        words = name.split()
        if len(words) < 2:
            return None
        for i in range(len(words) - 2, 0, -1):
            if words[i] == "of":
                place = self.lookup(" ".join(words[i + 1:]))
                if place is not None and place.type in ("Country", "City", "Location") and place.country:
                    return place.country
                break  # only the last "of" counts
        for size in (3, 2, 1):
            if size >= len(words):
                continue
            head = " ".join(words[:size])
            if size == 1 and head[:1].isupper() and norm(head) in self.demonyms:
                return self.demonyms[norm(head)]
            place = self.lookup(head)
            if place is not None and place.type == "Country" and place.country:
                return place.country
        return None

    def seat_of(self, actor: Actor) -> Actor | None:
        """The state or organisation a capital or seat of government stands for, or None.

        >>> default().seat_of(default().lookup("Kremlin")).label
        'Russia'
        >>> default().seat_of(default().lookup("Washington")).label, default().seat_of(default().lookup("Lyon"))
        ('United States', None)
        """
        target = self.seats.get(norm(actor.label))
        if target is None:
            return None
        return self.countries.get(target) or self.lookup(target)

    def publisher_names(self, url: str | None) -> set[str]:
        """The name keys of the publisher of a document at ``url`` (its own name is no actor).

        >>> sorted(default().publisher_names("https://en.wikinews.org/wiki/Some_story"))
        ['wikinews']
        >>> sorted(default().publisher_names("https://www.example-news.com/a")), default().publisher_names(None)
        (['example news'], set())
        """
        from urllib.parse import urlsplit

        host = (urlsplit(url).hostname or "") if url else ""
        if not host:
            return set()
        for known, names in self.publishers.items():
            if host == known or host.endswith("." + known):
                return {name_key(n) for n in names}
        labels = [p for p in host.split(".") if p not in ("www", "m", "en", "news")]
        return {name_key(labels[-2].replace("-", " "))} if len(labels) >= 2 else set()

    def title(self, word: str) -> tuple[bool, str | None]:
        """(is it a title, the static relation it implies towards an organisation)."""
        entry = self.titles.get(norm(word))
        return (entry is not None, entry[0] if entry else None)

    def strip_titles(self, words: list[str], keep: int = 1, protect: Iterable[str] = ()) -> list[str]:
        """The words of a name without the titles before it ("Crown Prince", "Secretary of
        State"), keeping at least ``keep`` words; a first word in ``protect`` is never a title."""
        while len(words) > keep and words[0] not in protect:
            size = next((n for n in (3, 2, 1)
                         if n <= len(words) - keep and self.title(" ".join(words[:n]).rstrip("."))[0]), 0)
            if not size:
                break
            words = words[size:]
        return words

    def title_relations(self, phrase: str) -> tuple[str | None, str | None] | None:
        """The relations a title phrase implies (to an organisation, to a country), or None.

        Only the longest known title the phrase ends with counts, and a qualifier before it
        that voids titles ("opposition leader", "former president") gives ``(None, None)``;
        one that subordinates it ("deputy leader", "assistant director", marked ``~``) makes
        a leader someone who works there.
        """
        words = norm(phrase).split()
        for i in range(len(words)):
            entry = self.titles.get(" ".join(words[i:]))
            if entry is None or entry in (("-", "-"), ("~", "~")):
                continue
            if any(self.titles.get(w) == ("-", "-") for w in words[:i]):
                return (None, None)
            if any(self.titles.get(w) == ("~", "~") for w in words[:i]):
                return tuple("worksFor" if r == "leaderOf" else r for r in entry)  # type: ignore[return-value]
            return entry
        return None

    def title_scope(self, phrase: str) -> frozenset[str]:
        """The scope of the office a title phrase ends with ("state", "region", "town",
        "legislature"; titles.tsv), empty for a title without one or no title.

        >>> sorted(default().title_scope("Ohio Governor"))
        ['region']
        """
        words = norm(phrase).split()
        for i in range(len(words)):
            key = " ".join(words[i:])
            if self.titles.get(key) not in (None, ("-", "-"), ("~", "~")):
                return self.title_scopes.get(key, frozenset())
        return frozenset()

    def load_user_file(self, path: str | Path) -> int:
        """Add actors from a user gazetteer; returns how many names were added or changed.

        Two formats: a CSV or TSV file with a header naming ``name`` and optionally
        ``aliases`` (``|``-separated), ``type``, ``country`` (ISO alpha-3) and ``wikidata``;
        or a PETRARCH actor dictionary (``NAME [CODE]`` lines, ``+ALIAS`` continuation lines,
        indented ``[CODE date-range]`` lines, underscores for spaces), where the code's first
        three letters are the country and ``IGO`` codes are international organisations.
        A user's entry overrides a built-in one of the same name.
        """
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the gazetteer ({exc}); it must be a UTF-8 text file",
                             source=str(path)) from None
        if not text.strip():
            raise InputError("the gazetteer is empty; give a CSV/TSV file with a 'name' column "
                             "or a PETRARCH actor dictionary", source=str(path))
        if re.search(r"^[^\s#,\t][^\n,\t]*\[~?[A-Za-z+-]{3,}[^\]]*\]", text, re.MULTILINE):
            return self._load_petrarch(text)
        return self._load_table(text, str(path))

    def _load_table(self, text: str, source: str) -> int:
        from .model import ENTITY_TYPES

        lines = text.splitlines()
        dialect = "excel-tab" if "\t" in lines[0] else "excel"
        reader = csv.DictReader(lines, dialect=dialect)
        fields = [f.strip().lower() for f in reader.fieldnames or []]
        if "name" not in fields:
            raise InputError(f"a gazetteer needs a header with a 'name' column (found {', '.join(fields) or 'none'}); "
                             "optional columns: aliases, type, country, wikidata", source=source, line=1)
        count = 0
        for number, raw in enumerate(reader, 2):
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if isinstance(v, str)}
            name = row.get("name", "")
            if not name:
                raise InputError("empty 'name'", source=source, line=number)
            typ = row.get("type") or "Organization"
            if typ not in ENTITY_TYPES:
                raise InputError(f"unknown type {typ!r} for {name!r}; use one of {', '.join(ENTITY_TYPES)}",
                                 source=source, line=number)
            country = row.get("country", "").upper() or None
            if country is not None and not re.fullmatch(r"[A-Z]{3}", country):
                raise InputError(f"country {country!r} for {name!r} is not an ISO alpha-3 code (e.g. CHN)",
                                 source=source, line=number)
            qid = row.get("wikidata") or None
            if qid is not None and not re.fullmatch(r"Q\d+", qid):
                raise InputError(f"wikidata {qid!r} for {name!r} is not a QID (e.g. Q148)", source=source, line=number)
            aliases = tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip())
            actor = Actor(label=name, type=typ, wikidata=qid, country=country, aliases=aliases, user=True)
            for n in (name, *aliases):
                self.names[norm(n)] = actor
                count += 1
            if typ == "Country" and country:
                self.countries.setdefault(country, actor)
        return count

    def _load_petrarch(self, text: str) -> int:
        count = 0
        for names, codes in petrarch_entries(text):
            actor = self._petrarch_actor(names, codes)
            if actor is None:
                continue
            for n in names:
                key = norm(n.replace("_", " "))
                if key and self.names.get(key) is not actor:
                    self.names[key] = actor
                    count += 1
        return count

    def _petrarch_actor(self, names: list[str], codes: list[str]) -> Actor | None:
        """The actor of one PETRARCH entry: the undated code, else the latest dated one."""
        plain = [c.split()[0] for c in codes if c.strip() and not re.search(r"[<>]|\d", c)]
        dated = [c.split()[0] for c in codes if c.strip() and re.search(r"[<>]|\d", c)]
        code = (plain or dated[-1:] or [""])[0].lstrip("~").split("/")[0].upper()
        if not re.fullmatch(r"[A-Z]{3,}", code):
            return None  # [---] and [+++]: PETRARCH's "not an actor" codes
        label = names[0].replace("_", " ").strip().title()
        iso = code[:3]
        built_in = self.lookup(label)
        if built_in is not None and not built_in.user and (
                built_in.country == iso or (iso == "IGO" and built_in.type == "InternationalOrganization")):
            return built_in  # "AUSTRALIA [AUS]": keep the built-in entry and its QID
        if iso == "IGO":
            return Actor(label=label, type="InternationalOrganization", user=True)
        typ = "Country" if len(code) == 3 else "Organization"
        actor = Actor(label=label, type=typ, country=iso, user=True)
        if typ == "Country":
            self.countries.setdefault(iso, actor)
        return actor


def _load_seats_and_publishers(g: Gazetteer, extras: dict[str, list[str]]) -> None:
    """Capitals (with the other names of each) and seats.tsv, then publishers.tsv."""
    for iso3, capital in g.capitals.items():
        extra = extras[iso3] + [""] * 6
        for name in (capital, *_split(extra[5])):
            g.seats.setdefault(norm(name), iso3)
    for seat, target in _rows("seats.tsv"):
        g.seats[norm(seat)] = target
    for row in _rows("publishers.tsv"):
        g.publishers[row[0].lower()] = tuple(_split(row[1]))


def _petrarch_lines(text: str) -> Iterator[tuple[str, str]]:
    """(raw line, its text without comments) of a PETRARCH dictionary, blank lines and <!-- --> left out."""
    in_comment = False
    for raw in text.splitlines():
        if in_comment:
            in_comment = "-->" not in raw
            continue
        stripped = raw.strip()
        if stripped.startswith("<!"):
            in_comment = "-->" not in raw
            continue
        line = stripped.split("#")[0].strip()
        if line:
            yield raw, line


def petrarch_entries(text: str) -> list[tuple[list[str], list[str]]]:
    """The entries of a PETRARCH actor dictionary: (names, codes) each.

    ``NAME [CODE]`` starts an entry, ``+ALIAS`` adds a name, an indented ``[CODE date-range]``
    adds a code, and an unindented name without codes right after a name without codes is
    another form of that name, whose codes follow.
    """
    entries: list[tuple[list[str], list[str]]] = []
    for raw, line in _petrarch_lines(text):
        if line.startswith("+"):
            if entries:
                entries[-1][0].append(line[1:].strip())
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        name = re.sub(r"\{[^}]*\}", "", line.split("[")[0]).strip()
        if name and entries and not entries[-1][1] and not codes and raw[:1] not in (" ", "\t"):
            entries[-1][0].append(name)  # another form of a name whose codes follow
        elif name:
            entries.append(([name], codes))
        elif entries:
            entries[-1][1].extend(codes)
    return entries


@functools.cache
def default(groups: bool = True) -> Gazetteer:
    """The built-in gazetteer, loaded once per process; ``groups=False`` leaves out the derived
    armed groups (what ``kg/data/derive_groups.py`` checks their names against)."""
    g = Gazetteer()
    extras = {row[0]: row for row in _rows("country_extras.tsv")}
    for iso3, _iso2, name, wd_label, qid, aliases in _rows("countries.tsv"):
        extra = extras.get(iso3, [iso3, "", "", "", ""])
        extra += [""] * (5 - len(extra))
        names = dict.fromkeys([wd_label, *aliases.split("|"), *_split(extra[1])])
        actor = Actor(label=name, type="Country", wikidata=qid or None, country=iso3,
                      aliases=tuple(a for a in names if a and a != name))
        g.countries[iso3] = actor
        for dem in _split(extra[2]):
            g.demonyms[norm(dem)] = iso3
        if extra[3]:
            g.capitals[iso3] = extra[3]
    # Names first, then capitals: a capital never shadows a country's name.
    for actor in g.countries.values():
        g.add(actor)
    for iso3, capital in g.capitals.items():
        extra = extras[iso3] + [""] * 5
        g.add(Actor(label=capital, type="City", wikidata=extra[4] or None, country=iso3,
                    aliases=tuple(_split(extra[5]) if len(extra) > 5 else ())))
    for row in _rows("organizations.tsv"):
        name, aliases, typ, qid, country = (row + [""] * 6)[:5]
        g.add(Actor(label=name, type=typ, wikidata=qid or None, country=country or None,
                    aliases=tuple(_split(aliases))))
    for row in _rows("people.tsv"):
        name, aliases, office, relation, country, qid = (row + [""] * 6)[:6]
        named = g.countries.get(country) or g.lookup(country)  # the country of an office, by code or by name
        of = named.label if named else None
        iso = country if country in g.countries else None
        g.add(Actor(label=name, type="Person", wikidata=qid or None, country=iso, aliases=tuple(_split(aliases)),
                    office=office, relation=relation or None, of=of))
    for row in _rows("officials.tsv"):
        name, aliases, country = (row + [""] * 3)[:3]
        g.add(Actor(label=name, type="Person", country=country if country in g.countries else None,
                    aliases=tuple(_split(aliases)), derived=True))
    for row in _rows("places.tsv"):
        name, aliases, typ, country, qid = (row + [""] * 5)[:5]
        g.add(Actor(label=name, type=typ, wikidata=qid or None, country=country or None,
                    aliases=tuple(_split(aliases))))
    g.bodies = {norm(row[0]) for row in _rows("bodies.tsv")}
    _load_seats_and_publishers(g, extras)
    _load_titles(g)
    _load_parties(g)
    if groups:
        _load_groups(g)
    return g


def _load_groups(g: Gazetteer) -> None:
    """armed_groups.tsv, derived from the Phoenix dictionary of non-state armed groups: each a
    group of its country (none for regional and international ones), as the armed groups of
    organizations.tsv are. Loaded last, so every curated table's names win. The sector column
    (REB, IMG) says what the source coded; a named group is its own actor, not its country's
    sector, so kg's actor carries only the type and the country."""
    for row in _rows("armed_groups.tsv"):
        name, aliases, country = (row + [""] * 4)[:3]
        g.add(Actor(label=name, type="Group", country=country if country in g.countries else None,
                    aliases=tuple(_split(aliases))))


def _load_parties(g: Gazetteer) -> None:
    """parties.tsv: each party an organisation of its country, known by its own names; its
    words (shared with other countries' parties) kept apart for the rules to choose by country."""
    for row in _rows("parties.tsv"):
        name, names, words, country, qid, leader = (row + [""] * 6)[:6]
        if country not in g.countries or leader not in ("party", "caucus"):
            raise ValueError(f"kg/data/parties.tsv, the row for {name!r}: a country code kg knows and "
                             f"a leader of 'party' or 'caucus' are needed")
        own = _split(names)
        # "Labour Party" is the British party's name too, but kg looks up only the names it alone bears
        aliases = (*own, *(w for w in _split(words) if w.endswith(" Party") and w not in own))
        actor = Actor(label=name, type="Organization", wikidata=qid or None, country=country, aliases=aliases)
        for n in (name, *own):
            g.names.setdefault(norm(n), actor)
        party = Party(name, country, leader)
        for word in {norm(w) for w in (*_split(words), *_split(names), name)}:
            g.parties[word] = (*g.parties.get(word, ()), party)


def _load_titles(g: Gazetteer) -> None:
    for row in _rows("titles.tsv"):
        row = row + ["", "", ""]
        g.titles[norm(row[0])] = (row[1] or None, row[2] or None)
        if row[3]:
            scope = frozenset(row[3].split())
            if not scope <= TITLE_SCOPES:
                raise ValueError(f"kg/data/titles.tsv, the row for {row[0]!r}: unknown scope "
                                 f"{' '.join(sorted(scope - TITLE_SCOPES))!r}; use {', '.join(sorted(TITLE_SCOPES))}")
            g.title_scopes[norm(row[0])] = scope
