"""Mentions → entities: one entity per real-world actor, linked to Wikidata and ISO codes.

Within a document a surname joins the full name met there ("Lee" → Lee Jae Myung), titles,
honorifics and possessives are stripped, curly apostrophes and hyphen debris ("South
Korea-") are normalised, and demonyms stand for their country. Mentions whose names share
a name key (:func:`kg.gazetteer.name_key`: "U.S. Senate" and "US Senate") are one entity,
of the type its mentions vote for: the parser's label, a title before the name and the
roles it plays (only a person leads, works for or is a citizen of something), so one odd
tag does not retype it. Every mention of an entity gets the same label, type, aliases and
country. In an event, a capital or seat of government stands for its state ("Washington
said": the United States, the words kept as the statement's mention), and the publisher's
own name (bylines, "told Wikinews") is no actor. An entity's IRI depends only on what it is
(its Wikidata QID, else its type and canonical name), so the same actor gets the same IRI in
every build; across documents, :mod:`kg.entities` decides which store entity it is.

>>> clean_name("Lee Jae Myung’s")
'Lee Jae Myung'
>>> clean_name("South Korea-")
'South Korea'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from urllib.parse import quote

from . import gazetteer as gaz
from .gazetteer import name_key
from .model import SECTORS, TYPE_PRECEDENCE, Document, Entity, Mention, Relation, RelationMention, is_country_code
from .namespaces import ENTITY_BASE

# The subject of these relations is a person (their rdfs:domain in ontologies/kg.ttl): a role
# that votes for the type of whoever plays it.
PERSON_ROLES = frozenset({"leaderOf", "worksFor", "citizenOf", "livesIn"})
# Events whose recipient is where they happen: visiting, deploying to, attacking or occupying
# Tokyo is about the city. Elsewhere a capital or seat stands for its state ("Athens expelled
# the envoy", "talks with Washington").
PLACE_RECIPIENTS = frozenset({"visits", "deploysTo", "attacks", "occupies", "blockades", "destroys", "seizes"})
ORGANISATIONS = ("Organization", "Group", "InternationalOrganization")
# Type votes: a mention's own label counts once, a gazetteer link or a title before the name twice.
_LINKED, _TITLED = 2, 2

_POSSESSIVE = re.compile(r"(?:'s|')$")
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|dr|sir|dame|prof|rev|gen|lt|col|sen|rep|gov|the)\.?\s+", re.IGNORECASE)


def clean_name(text: str) -> str:
    """Normalise a surface form: curly quotes, possessives, hyphen debris, spacing."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = " ".join(text.split())
    text = text.strip(" -–—,;:\"'()[]")
    text = _POSSESSIVE.sub("", text).strip(" -–—")
    while _HONORIFIC.match(text) and len(text.split()) > 1:
        text = _HONORIFIC.sub("", text, count=1)
    return text


def slug(text: str) -> str:
    """An IRI-safe, readable path segment from any Unicode name."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[^\w]+", "-", text).strip("-_") or "x"
    return quote(text[:80], safe="-_")


def entity_iri(label: str, type_: str, wikidata: str | None) -> str:
    if wikidata:
        return f"{ENTITY_BASE}{wikidata}"
    return f"{ENTITY_BASE}{type_.lower()}/{slug(label)}"


GENERATIONS = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"}
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'.-]*(?:\s+(?:(?:of|and|for|on|the|&)\s+)*[A-Z][\w'.-]*)+")
_BRACKETED = re.compile(r"(?:((?:[Tt]he\s+)?[A-Z][\w'-]*(?:\s+(?:(?:of|and|for|on|&)\s+)*[A-Z][\w'-]*)+)"
                        r"\s*\(\s*([A-Z]{2,6})\s*\)"
                        r"|\b([A-Z]{2,6})\s*\(\s*([A-Z][\w'-]*(?:\s+(?:(?:of|and|for|on|&)\s+)*[A-Z][\w'-]*)+)\s*\))")
# A character that may stand before the bracket in a match of _BRACKETED
_BEFORE_BRACKET = re.compile(r"[\w\s'&-]")
_CONNECTORS = {"of", "and", "for", "on", "the", "&"}


def acronyms(text: str) -> dict[str, str]:
    """Acronyms the text both uses and spells out, each way round: "NASA" ↔ "National
    Aeronautics and Space Administration". The spelled-out form is a run of capitalised words
    whose initials (small connecting words skipped) are the acronym, or the name in brackets
    beside it; only an acronym with a single such form counts.

    >>> acronyms("The Federal Aviation Administration said the FAA would act.")["FAA"]
    'Federal Aviation Administration'
    >>> acronyms("ABC met the Acme Beverage Company and the Atlas Bond Corporation.")
    {}
    >>> acronyms("The Kivu Liberation Front (FLK) took the town.")["FLK"]
    'Kivu Liberation Front'
    >>> acronyms("a leader of SHP (Social Democrat Populist Party) spoke")["Social Democrat Populist Party"]
    'SHP'
    """
    short = {a for a in _ACRONYM.findall(text)}
    if not short:
        return {}
    longs: dict[str, set[str]] = {}
    starts = {a[:k] for a in short for k in range(1, len(a) + 1)}
    for run in _CAPITALISED_RUN.finditer(text):
        _initialled(run.group().split(), short, starts, longs)
    # "the Kivu Liberation Front (KLF)", "SHP (Social Democrat Populist Party)": a bracket beside
    # a name gives its other form, even when the initials are of another language's words
    for m in _bracketed(text):
        long, a = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        long = re.sub(r"^(?:The|the)\s+", "", long).rstrip(".,")
        if len(long.split()) >= 2:
            longs.setdefault(a, set()).add(long)
    out: dict[str, str] = {}
    for a, forms in longs.items():
        if len(forms) == 1:
            (long,) = forms
            out[a], out[long] = long, a
    return out


def _bracketed(text: str) -> list[re.Match]:
    """The matches of _BRACKETED in the text (as its finditer gives them), each searched for
    only in the words before one bracket and up to its closing one: a match holds one "("
    and ends at the first ")" after it, and all it has before the "(" are word characters,
    spaces, apostrophes, hyphens and "&" (the search over the whole text tries every
    capitalised word of it, a tenth of the resolver's time)."""
    out = []
    p = text.find("(")
    while p != -1:
        q = text.find(")", p + 1)
        if q == -1:
            break
        other = text.find("(", p + 1)
        if other != -1 and other < q:
            p = other  # no match holds two brackets: only the later one may close
            continue
        start = p
        while start > 0 and _BEFORE_BRACKET.match(text, start - 1):
            start -= 1
        m = _BRACKETED.search(text, start, q + 1)
        if m is not None:
            out.append(m)
        p = text.find("(", q + 1)
    return out


def _initialled(words: list[str], short: set[str], starts: set[str], longs: dict[str, set[str]]) -> None:
    """The runs of capitalised words whose initials are one of the ``short`` acronyms, added
    to ``longs`` (acronym → its spelled-out forms); ``starts`` are the acronyms' beginnings."""
    for i in range(len(words)):
        if words[i] in _CONNECTORS or not words[i][:1].isupper():
            continue
        initials = words[i][0]  # (of the words i to j - 1: the small connecting words skipped)
        for j in range(i + 2, len(words) + 1):
            if initials not in starts:
                break  # no acronym begins so: none will with more words either
            if words[j - 1] in _CONNECTORS:
                continue
            initials += words[j - 1][0]
            if initials in short and not any(w.isupper() and len(w) > 1 for w in words[i:j]):
                longs.setdefault(initials, set()).add(" ".join(words[i:j]).rstrip(".,"))


class Linker:
    """What the extractor may ask of kg's knowledge of actors while it reads text.

    This is the one boundary between reading (``kg.extractors``, which turns text into
    mentions) and linking (this module, which turns mentions into entities). The extractor
    never opens the gazetteer: it asks here whether a name is known and as what, what a
    demonym or a title means, and for a mention of a country. What it learns it writes on
    the mention (a type, a country, the known label as the mention's key); which entity a
    mention is, with its QID and aliases, only :class:`DocumentResolver` decides.
    """

    def __init__(self, gazetteer: gaz.Gazetteer):
        self.gazetteer = gazetteer

    @classmethod
    def of(cls, gazetteer: gaz.Gazetteer | None = None) -> Linker:
        """The linker of a gazetteer (of the built-in one if None)."""
        return cls(gazetteer or gaz.default())

    def known(self, name: str) -> gaz.Actor | None:
        """The actor kg knows by this name, if any."""
        return self.gazetteer.lookup(name)

    def may_start_long_name(self, words: str) -> bool:
        """Could a known name of three words or more begin with these (one or two) words? A
        cheap test that spares the extractor a lookup of every long span of every sentence."""
        key = gaz.norm(words).split()[:2]
        return bool(key) and " ".join(key) in self.gazetteer.long_name_starts()

    def demonym(self, word: str) -> gaz.Actor | None:
        """The country a demonym names ("Ugandan" → Uganda)."""
        return self.gazetteer.demonym(word)

    def country(self, iso3: str) -> gaz.Actor | None:
        return self.gazetteer.country(iso3)

    def misspelt_country(self, word: str) -> gaz.Actor | None:
        """The country a one-word name misspells by one letter ("Afganistan"), if just one."""
        return self.gazetteer.misspelt_country(word)

    def country_mention(self, iso3: str | None, start: int, end: int) -> Mention | None:
        """A mention of the country itself, standing at these offsets ("the capital" → Iran)."""
        known = self.gazetteer.country(iso3) if iso3 else None
        if known is None:
            return None
        return Mention(known.label, start, end, "Country", country=known.country, key=known.label)

    def may_start_party(self, word: str) -> bool:
        """Could a party word begin with this word (its lower case)? As cheap a test as
        :meth:`may_start_long_name`, for the pass that looks at every capitalised word."""
        return word in self.gazetteer.party_starts()

    def parties(self, words: str) -> tuple[gaz.Party, ...]:
        """The national parties a word or name may name ("Labour": the British, Irish and New
        Zealand Labour parties; kg/data/parties.tsv), none for other words."""
        return self.gazetteer.parties.get(gaz.norm(words), ())

    def is_party(self, m: Mention) -> bool:
        """Is the mention a party of parties.tsv, as kg links it?"""
        return any(p.label == (m.key or m.text) for p in self.parties(m.key or m.text))

    def is_title(self, words: str) -> bool:
        """Is this a title ("President", "Crown Prince", "Secretary of State")?"""
        return self.gazetteer.title(words)[0]

    def title_relations(self, phrase: str) -> tuple[str | None, str | None] | None:
        """(relation to an organisation, to a country) of the title a phrase ends with."""
        return self.gazetteer.title_relations(phrase)

    def title_scope(self, phrase: str) -> frozenset[str]:
        """What kind of place the office a title phrase ends with is of ("region" for a
        governor, "legislature" for a senator; kg/data/titles.tsv), empty if none."""
        return self.gazetteer.title_scope(phrase)

    def is_entry_of(self, actor: gaz.Actor, name: str) -> bool:
        """Is the name the actor's own label (not one of its aliases)?"""
        return gaz.norm(actor.label) == gaz.norm(name)

    def is_capital(self, iso3: str, name: str) -> bool:
        """Is the place of this name the capital of that country?"""
        return gaz.norm(self.gazetteer.capitals.get(iso3, "")) == gaz.norm(name)

    def derived_only(self, person: Mention) -> bool:
        """Is the person known only from the derived officials table (a name, not a person:
        its country counts only where the document names that country too)?"""
        actor = self.gazetteer.lookup(person.key or person.text)
        return actor is not None and actor.derived

    def without_titles(self, text: str, protect: Iterable[str]) -> str:
        """A name without the titles before it and its possessive ("President Lee's" → "Lee"),
        unless the whole is a known name ("New York", "Prince Edward Island"); a first word in
        ``protect`` is never a title. (Kept for the gazetteer while its names and titles stay as
        they are: a document names the same people again and again.)"""
        g = self.gazetteer
        held = g._untitled
        if held is None or held[0] != (len(g.names), len(g.titles)) or len(held[1]) > 1 << 16:
            held = g._untitled = ((len(g.names), len(g.titles)), {})
        key = (text, frozenset(protect))
        found = held[1].get(key)
        if found is None:
            found = held[1][key] = self._without_titles(text, protect)
        return found

    def _without_titles(self, text: str, protect: Iterable[str]) -> str:
        text = text.replace("’", "'").strip(" -–—'\"")
        text = text.removesuffix("'s")
        if self.gazetteer.lookup(text) is not None:
            return text
        return " ".join(self.gazetteer.strip_titles(text.split(), protect=protect)).strip(" -–—")


class DocumentResolver:
    """Resolves the mentions of one document to entities.

    Mentions are first mapped to a canonical (label, type) pair; the mentions whose labels
    share a name key vote on the type; every attribute an entity carries (label, aliases,
    country) is then gathered over all mentions of its (name key, type), so that the entity
    is the same object whichever sentence names it.
    """

    def __init__(self, gazetteer: gaz.Gazetteer, mentions: Iterable[Mention], extra_people: Iterable[str] = (),
                 text: str = "", votes: Iterable[tuple[Mention, str]] = ()):
        self.gaz = gazetteer
        mentions = list(mentions)
        # Every person the document names, not only those in a relation: "Carrie Lam" may be
        # introduced in a sentence that yields nothing and then act as plain "Lam".
        people = {clean_name(m.key or m.text) for m in mentions if m.type == "Person"}
        # ("Crown Prince Mohammed bin Salman" is a name without its title; two words stay)
        people |= {" ".join(self.gaz.strip_titles(clean_name(p).split(), keep=2)) for p in extra_people}
        fulls = set()
        for name in people:
            actor = self.gaz.lookup(name)
            full = actor.label if actor is not None and actor.type == "Person" else name
            if len(full.split()) >= 2:
                fulls.add(full)
        self.full_names = _full_names(fulls)
        self.full_words = {w for f in fulls for w in f.split()}  # a surname in none of them is partial
        # countries the document names; a derived official's country needs one of them,
        # unless the text gives the name a head's title ("President Laurent Gbagbo")
        self.named = {m.country for m in mentions if m.type != "Person" and m.country}
        self.titled = {a.label for m in mentions if m.type == "Person" and self._head_title_before(m, text)
                       for a in [self.gaz.lookup(self.full_names.get(clean_name(m.key or m.text),
                                                                     clean_name(m.key or m.text)))]
                       if a is not None and a.derived}
        # the one country the document's facts involve, if only one (for "Parliament", "the Senate")
        self.main_country = next(iter(self.named)) if len(self.named) == 1 else None
        self.acronyms = acronyms(text)
        # "Libertarian Party" is the "US Libertarian Party" the document also names
        self.longer_names = _longer_names({clean_name(m.key or m.text) for m in mentions if m.type in ORGANISATIONS
                                           and not (m.sector in SECTORS and m.country)})
        # (label, type, actor) of a mention read as a type: _canonical reads only what is set
        # above, and is asked again for every mention in every step below
        self._canonicals: dict[tuple[int, str], tuple] = {}
        # Type votes by name key: each mention's label (twice when the gazetteer links it), a
        # title before the name, and the roles the caller saw it play (``votes``).
        self._votes: dict[str, Counter] = {}
        self._linked: dict[str, set[str]] = {}  # name key → the types the gazetteer links it as
        for m in mentions:
            label, typ, actor = self._canonical(m, m.type)
            self._votes.setdefault(name_key(label), Counter())[typ] += _LINKED if actor is not None else 1
            if actor is not None:
                self._linked.setdefault(name_key(label), set()).add(typ)
            if typ != "Person" and self._title_before(m, text):
                self._votes[name_key(label)]["Person"] += _TITLED
        for m, typ in votes:
            self._votes.setdefault(name_key(self._canonical(m, m.type)[0]), Counter())[typ] += 1
        self._labels: dict[tuple[str, str], Counter] = {}
        self._aliases: dict[tuple[str, str], set[str]] = {}
        self._countries: dict[tuple[str, str], Counter] = {}
        self._actors: dict[tuple[str, str], gaz.Actor | None] = {}
        self._sectors: dict[tuple[str, str], str] = {}
        for m in mentions:
            self._note(m)

    def _head_title_before(self, m: Mention, text: str) -> bool:
        """Does the text call the person a head of state or government just before the name
        ("Ivorian President", "Prime Minister"; not "former President", not "UN envoy")?"""
        rels = self._title_relations_before(m, text)
        return rels is not None and rels[1] == "leaderOf"

    def _title_relations_before(self, m: Mention, text: str) -> tuple | None:
        before = re.split(r"[^\w\s'-]", text[max(0, m.start - 40):m.start])[-1].split()[-3:]
        for i in range(len(before)):
            rels = self.gaz.title_relations(" ".join(before[i:]))
            if rels is not None:
                return rels
        return None

    def _title_before(self, m: Mention, text: str) -> bool:
        """Is the name given a person's title ("minister Wiranto", "Senator Harris")? A title
        inside the mention's own words counts too ("President Lee", its key "Lee")."""
        if m.key and m.key != m.text and m.text.endswith(m.key):
            words = m.text[: -len(m.key)].split()
            if words and self.gaz.strip_titles(words + ["x"]) == ["x"]:
                return True
        return bool(text) and self._title_relations_before(m, text) is not None

    def voted_type(self, m: Mention) -> str:
        """The type the mentions of this name vote for (ties: a type the gazetteer links the
        name as, then model.TYPE_PRECEDENCE). A mention the gazetteer links keeps its type:
        votes move only the unlinked ones."""
        if m.sector in SECTORS and m.country:
            return SECTORS[m.sector][1]
        label, _, actor = self._canonical(m, m.type)
        key = name_key(label)
        votes = self._votes.get(key)
        if not votes or actor is not None:
            return m.type
        rank = {t: i for i, t in enumerate(TYPE_PRECEDENCE)}
        linked = self._linked.get(key, set())
        return min(votes, key=lambda t: (-votes[t], t not in linked, rank.get(t, len(rank))))

    def canonical(self, m: Mention) -> tuple[str, str, gaz.Actor | None]:
        """(label, type, linked actor) of a mention, of the type its name's mentions vote for."""
        return self._canonical(m, self.voted_type(m))

    def _canonical(self, m: Mention, typ: str) -> tuple[str, str, gaz.Actor | None]:
        held = self._canonicals.get((id(m), typ))
        if held is None or held[0] is not m:  # (the mention is held, so that its id is not reused)
            held = self._canonicals[(id(m), typ)] = (m, self._canonical_of(m, typ))
        return held[1]

    def _canonical_of(self, m: Mention, typ: str) -> tuple[str, str, gaz.Actor | None]:
        if m.sector in SECTORS and m.country:
            # a part of a country: one entity per (country, sector), whatever the words were
            words, typ = SECTORS[m.sector]
            country = self.gaz.country(m.country)
            return f"{country.label if country is not None else m.country} {words}", typ, None
        name = clean_name(m.key or m.text)
        if typ == "Person" and name in self.full_names:
            name = self.full_names[name]
        elif typ == "Organization" and len(name.split()) == 1 and name in self.full_words \
                and self.gaz.lookup(name) is None:
            # The parser often tags a bare surname as an organisation ("Novak later met ...");
            # in a document that names "Peter Novak" and knows no such organisation, it is him
            # (and a person still, when two people of the document share the name).
            name, typ = self.full_names.get(name, name), "Person"
        actor = self.gaz.lookup(name)
        if actor is None and (iso := self._body_country(m, name, typ)):
            return f"{self.gaz.country(iso).label} {name}", "Organization", None
        if actor is None and typ in ORGANISATIONS and (body := self._national_body(name)):
            return body, "Organization", None
        if actor is not None and actor.derived and actor.country not in self.named and actor.label not in self.titled:
            actor = None  # a common name, not the office-holder of a country this text never names
        if actor is not None and actor.type == "City" and typ in ("City", "Location") and m.country \
                and actor.country and is_country_code(m.country) and m.country != actor.country:
            # the text puts the town in another country than the gazetteer's city of that
            # name (a Philippine town of Madrid): another place, not linked
            return name, typ, None
        if actor is None and m.country and typ == "Country":
            actor = self.gaz.country(m.country)
        if actor is not None and _compatible(typ, actor.type):
            return actor.label, actor.type, actor
        if actor is not None and typ == "Person" and actor.user:
            return name, typ, None  # a user's actor code on a person: keep the person, take its country
        if actor is None and typ in ORGANISATIONS:
            name = self.longer_names.get(name_key(name), name)
        return name, typ, None

    def _national_body(self, name: str) -> str | None:
        """ "French Parliament" is the "France Parliament" another sentence gives "Parliament":
        a body every state has, after its country's adjective, is named after the country."""
        first, _, rest = name.partition(" ")
        iso = self.gaz.demonyms.get(gaz.norm(first)) if first[:1].isupper() else None
        if iso is None or gaz.norm(rest) not in self.gaz.bodies or self.gaz.country(iso) is None:
            return None
        return f"{self.gaz.country(iso).label} {rest}"

    def _body_country(self, m: Mention, name: str, typ: str) -> str | None:
        """The country of "Parliament", "the Foreign Ministry": a body every state has is the
        one of the country the mention names, else of the only country the document's facts
        involve; else None, and it is left as written (and may merge with another country's)."""
        if typ not in ("Organization", "Group") or gaz.norm(name) not in self.gaz.bodies:
            return None
        iso = m.country or self.main_country
        return iso if iso and self.gaz.country(iso) is not None else None

    def _key(self, label: str, typ: str) -> tuple[str, str]:
        """An entity's key in this document: its name key and type; an acronym the document
        spells out ("UCL", "University College London") shares the key of the name it stands for."""
        if typ in ORGANISATIONS and label in self.acronyms and label.replace(".", "").isupper():
            label = self.acronyms[label]
        return name_key(label), typ

    def _note(self, m: Mention) -> None:
        label, typ, actor = self.canonical(m)
        key = self._key(label, typ)
        self._actors[key] = actor
        self._labels.setdefault(key, Counter())[label] += 1
        if m.sector in SECTORS and m.country:
            self._sectors[key] = m.sector
        aliases = self._aliases.setdefault(key, set())
        surface = clean_name(m.text)
        if surface and surface != label:
            aliases.add(surface)
        if actor is not None:
            aliases.update(a for a in actor.aliases if a != label)
        elif typ in ("Organization", "InternationalOrganization", "Group") and label in self.acronyms:
            aliases.add(self.acronyms[label])  # "NASA" is the National Aeronautics and Space Administration
        country = actor.country if actor is not None else m.country
        if country is None and actor is None:
            country = self._body_country(m, clean_name(m.key or m.text), m.type)  # as canonical() named it
        if country is None and typ == "Person":
            user = self.gaz.lookup(clean_name(m.key or m.text))
            country = user.country if user is not None and user.user else None
        if country is None and actor is None and typ in ("Organization", "Group"):
            # "the Bus Company of Tehran", "Nigerian Union of Teachers", "US Libertarian Party"
            country = self.gaz.country_in_name(label) or self.gaz.country_in_name(clean_name(m.key or m.text))
        if country:
            self._countries.setdefault(key, Counter())[country] += 1

    def entity(self, m: Mention) -> Entity:
        label, typ, actor = self.canonical(m)
        key = self._key(label, typ)
        if key not in self._actors:
            self._note(m)
        labels = self._labels[key]
        label = min(labels, key=lambda v: (-labels[v], -len(v), v))  # the most mentions, then the longest
        countries = self._countries.get(key)
        country = None
        if typ != "Topic":
            if actor is not None and actor.country:
                country = actor.country
            elif countries:
                best = countries.most_common(2)
                # two countries equally often: say nothing rather than pick one
                if len(best) == 1 or best[0][1] > best[1][1]:
                    country = best[0][0]
        aliases = (self._aliases.get(key, set()) | set(labels)) - {label}
        return Entity(
            id=entity_iri(label, typ, actor.wikidata if actor else None),
            label=label,
            type=typ,
            aliases=tuple(sorted(aliases)),
            wikidata=actor.wikidata if actor else None,
            country=country,
            sector=self._sectors.get(key),
            mentions=sum(labels.values()),
            # a bare surname this document cannot complete: another document may (kg.entities)
            partial=typ == "Person" and actor is None and len(label.split()) == 1 and label not in self.full_words,
        )


def _longer_names(names: set[str]) -> dict[str, str]:
    """An organisation's name key → the one longer name of the document it ends ("Libertarian
    Party" → "US Libertarian Party"). Names of one word ("Senate", "Party") say too little.

    >>> _longer_names({"US Libertarian Party", "Libertarian Party", "Senate", "US Senate"})
    {'libertarian party': 'US Libertarian Party'}
    """
    keys = {name_key(n): n for n in sorted(names)}
    out = {}
    for k in keys:
        if len(k.split()) < 2:
            continue
        longer = [n for lk, n in keys.items() if lk.endswith(" " + k)]
        if len(longer) == 1:
            out[k] = longer[0]
    return out


def _full_names(fulls: set[str]) -> dict[str, str]:
    """A name word, or a shorter full name → the one full name it belongs to.

    "John Conyers" and "John Henry Conyers" are one man: a name whose words all belong to
    one longer name is that name. Not across a generation ("Donald Trump" is not "Donald
    Trump Jr."), and a word several names share in other ways ("Kim" of Kim Jong-un and
    Kim Yo-jong) is left alone.
    """
    def within(short: set, long: set) -> bool:
        # not when they differ by a generation alone ("Tom Brandt Jr." is not his father);
        # "John James Conyers Jr." is the full name of "John Conyers"
        return short <= long and not ((long - short) and (long - short) <= GENERATIONS)

    by_token: dict[str, set[str]] = {}
    for full in fulls:
        for token in full.split():
            by_token.setdefault(token, set()).add(full)
    pairs = list(by_token.items())
    pairs += [(f, {g for g in fulls if g != f and within(set(f.split()), set(g.split()))}) for f in fulls]
    found = {}
    for key, candidates in pairs:
        if not candidates:
            continue
        widest = max(candidates, key=lambda c: len(c.split()))
        if all(within(set(c.split()), set(widest.split())) for c in candidates):
            found[key] = widest
    return found


def _compatible(mention_type: str, actor_type: str) -> bool:
    if mention_type == actor_type:
        return True
    if "Person" in (mention_type, actor_type):
        return False  # "Jordan" the country is no person, "Washington" the city no president
    loose = {"Location", "Group", "Organization", "Topic", "Country", "City", "InternationalOrganization"}
    return mention_type in loose and actor_type in loose


def resolve(doc: Document, mentions: list[RelationMention], gazetteer: gaz.Gazetteer,
            people: Iterable[str] = ()) -> list[Relation]:
    """Relation mentions of one document → relations between resolved entities.

    ``people`` are the other person names the document contains (the parser's PERSON
    entities), so that a surname joins a full name met outside any relation. An event keeps
    the date its sentence gives; one the sentence does not date takes the article's, and one
    it puts in the past without a date (``undated``) none. Its place becomes an entity like
    its actors. Facts that name the document's publisher are dropped unless they make it act
    (see :func:`_names_publisher`); in an event, a capital or seat stands for its state.
    Duplicates (same subject, predicate, object, sentence, negation, modality) are merged,
    keeping the most confident reading.
    """
    publisher = gazetteer.publisher_names(doc.url)
    mentions = [r for r in mentions if not _names_publisher(r, publisher)]
    roles = [(r.subject, "Person") for r in mentions if r.predicate in PERSON_ROLES]
    resolver = DocumentResolver(gazetteer, [x for r in mentions for x in (r.subject, r.object, r.location) if x],
                                people, doc.text, votes=roles)
    best: dict[tuple, Relation] = {}
    for r in mentions:
        s, o = resolver.entity(r.subject), resolver.entity(r.object)
        s_said = o_said = None
        if r.plover:  # "Washington said", "the Kremlin denied": the state acts
            s2, s_said = _stands_for(resolver, r.subject, s)
            o2, o_said = (o, None) if r.predicate in PLACE_RECIPIENTS else _stands_for(resolver, r.object, o)
            if s2.id != o2.id:  # a state acting in its own capital ("Chile ... in Santiago") is about the city
                s, o = s2, o2
            else:
                s_said = o_said = None
        if s.id == o.id:
            continue
        rel = Relation(
            doc=r.doc, sentence=r.sentence, start=r.start, end=r.end,
            subject=s, predicate=r.predicate, object=o,
            plover=r.plover, mode=r.mode, cameo=r.cameo, negated=r.negated, modality=r.modality,
            confidence=r.confidence, date=r.date or (None if r.undated else doc.date), extractor=r.extractor,
            article_date=doc.date, location=_place(resolver.entity(r.location)) if r.location else None,
            subject_mention=s_said, object_mention=o_said,
        )
        key = (s.id, r.predicate, o.id, r.start, r.negated, r.modality)
        if key not in best or best[key].confidence < rel.confidence:
            best[key] = rel
    # One who leads or serves a state and acts on that state is the state acting on itself
    # ("Lam agreed to add members to Hong Kong's council"): no event between two actors.
    # The gazetteer's office-holders serve their state in every document, said or not.
    serves = {(r.subject.id, r.object.id) for r in best.values() if r.predicate in ("leaderOf", "worksFor")}
    serves |= {(r.subject.id, r.object.id) for r in best.values()
               if r.plover and _holds_office_of(resolver.gaz, r.subject, r.object)}
    return [r for r in best.values() if not (r.plover and (r.subject.id, r.object.id) in serves)]


def _holds_office_of(gazetteer: gaz.Gazetteer, person: Entity, state: Entity) -> bool:
    """Is ``person`` one the gazetteer knows to hold an office of ``state`` (Carrie Lam, Hong Kong)?"""
    if person.type != "Person" or state.type != "Country" or not state.country:
        return False
    known = gazetteer.lookup(person.label)
    return known is not None and known.relation is not None and known.country == state.country


def _place(e: Entity) -> Entity | None:
    """An event's place, if what the document's mentions resolved it to is a place ("visit
    Wiranto": the NER's place is a person the article names elsewhere, and no place)."""
    return e if e.type in ("Country", "City", "Location") else None


def _names_publisher(r: RelationMention, publisher: set[str]) -> bool:
    """Does a fact name the document's own publisher without making it act?

    Bylines, datelines, "told Wikinews", "a Wikinews reporter" give static relations and
    consultations; an event of any other kind ("Turkey blocked Wikipedia") is about it.
    """
    if not publisher or (r.plover and r.plover != "CONSULT"):
        return False
    return any(name_key(clean_name(m.key or m.text)) in publisher for m in (r.subject, r.object))


def _stands_for(resolver: DocumentResolver, m: Mention, e: Entity) -> tuple[Entity, str | None]:
    """A capital or seat of government in an event is the state (or organisation) it is the
    seat of; the words the text used are kept for the statement. Anything else is itself."""
    if e.type not in ("City", "Organization", "Location") or e.sector:
        return e, None
    actor = resolver.gaz.lookup(e.label)
    target = resolver.gaz.seat_of(actor) if actor is not None and actor.label == e.label else None
    if target is None:
        return e, None
    said = clean_name(m.text) or e.label
    stand_in = Mention(target.label, m.start, m.end, target.type, country=target.country)
    return resolver.entity(stand_in), said
