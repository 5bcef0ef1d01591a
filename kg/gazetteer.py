"""The project's own geopolitical knowledge, read from the data files in ``kg/data``.

Countries (ISO alpha-3 and Wikidata QIDs), their demonyms and capitals, international
organisations and armed groups, and prominent office-holders. Users add their own actors
with a gazetteer file (see :func:`Gazetteer.load_user_file`). Everything is offline.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

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


def norm(text: str) -> str:
    """The lookup key of a name: case, curly quotes, dots, hyphens and 'the' folded away."""
    text = text.replace("’", "'").replace("‘", "'").replace("‐", "-").replace("–", "-")
    text = re.sub(r"'s?$", "", text.strip())
    text = text.lower().replace(".", "").replace("-", " ")
    text = re.sub(r"^the\s+", "", text)
    return " ".join(text.split())


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
    titles: dict[str, str | None] = field(default_factory=dict)  # norm(title) → relation

    def add(self, actor: Actor, *names: str) -> None:
        for n in (actor.label, *actor.aliases, *names):
            key = norm(n)
            # First writer wins: the built-in tables come first and are the most careful.
            if key and key not in self.names:
                self.names[key] = actor

    def lookup(self, name: str) -> Actor | None:
        return self.names.get(norm(name))

    def demonym(self, word: str) -> Actor | None:
        iso = self.demonyms.get(norm(word))
        return self.countries.get(iso) if iso else None

    def country(self, iso3: str) -> Actor | None:
        return self.countries.get(iso3)

    def title(self, word: str) -> tuple[bool, str | None]:
        """(is it a title, the static relation it implies)."""
        key = norm(word)
        return (key in self.titles, self.titles.get(key))

    def load_user_file(self, path: str | Path) -> int:
        """Add actors from a user gazetteer; returns how many were added.

        Two formats: a CSV or TSV file with a header naming ``name`` and optionally
        ``aliases`` (``|``-separated), ``type``, ``country`` (ISO alpha-3) and ``wikidata``;
        or a PETRARCH actor dictionary (``NAME [CODE]`` lines, ``+ALIAS`` continuation lines,
        underscores for spaces), where the code's first three letters are the country.
        """
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the gazetteer ({exc})", source=str(path)) from None
        before = len(self.names)
        if re.search(r"^\S[^\n]*\[[A-Za-z-]{3,}\]", text, re.M):
            self._load_petrarch(text)
        else:
            dialect = "excel-tab" if "\t" in text.splitlines()[0] else "excel"
            reader = csv.DictReader(text.splitlines(), dialect=dialect)
            if not reader.fieldnames or "name" not in reader.fieldnames:
                raise InputError("a gazetteer needs a header with a 'name' column "
                                 "(and optionally aliases, type, country, wikidata)", source=str(path))
            for number, row in enumerate(reader, 2):
                name = (row.get("name") or "").strip()
                if not name:
                    raise InputError("empty 'name'", source=str(path), line=number)
                aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
                actor = Actor(label=name, type=(row.get("type") or "Organization").strip(),
                              wikidata=(row.get("wikidata") or None), country=(row.get("country") or None),
                              aliases=aliases)
                # A user's entry overrides the built-in one of the same name.
                for n in (name, *aliases):
                    self.names[norm(n)] = actor
                if actor.type == "Country" and actor.country:
                    self.countries[actor.country] = actor
        return len(self.names) - before

    def _load_petrarch(self, text: str) -> None:
        current: Actor | None = None
        for raw in text.splitlines():
            line = raw.split("#")[0].strip()
            if not line or line.startswith("<!--") or line.startswith("-->"):
                continue
            if line.startswith("+") and current is not None:
                alias = line[1:].replace("_", " ").strip()
                self.names[norm(alias)] = current
                if alias.isupper() or alias.istitle():
                    self.demonyms.setdefault(norm(alias), current.country or "")
                continue
            m = re.match(r"^([^\[]+?)\s*\[([^\]]*)\]", line)
            if not m:
                continue
            name, code = m.group(1).replace("_", " ").strip(), m.group(2).strip()
            code = code.split()[0].lstrip("~") if code else ""
            if not code or code == "---":
                current = None
                continue
            iso = code[:3].upper()
            is_country = len(code) == 3
            label = name.title()
            if is_country and iso in self.countries and self.countries[iso].label.lower() != name.lower():
                actor = self.countries[iso]
            else:
                actor = Actor(label=label, type="Country" if is_country else "Organization", country=iso)
                if is_country:
                    self.countries.setdefault(iso, actor)
            self.names[norm(name)] = actor
            current = actor


@functools.cache
def default() -> Gazetteer:
    """The built-in gazetteer, loaded once per process."""
    g = Gazetteer()
    extras = {row[0]: row for row in _rows("country_extras.tsv")}
    for iso3, iso2, name, wd_label, qid, aliases in _rows("countries.tsv"):
        extra = extras.get(iso3, [iso3, "", "", "", ""])
        extra += [""] * (5 - len(extra))
        names = dict.fromkeys([wd_label, *aliases.split("|"), *_split(extra[1])])
        actor = Actor(label=name, type="Country", wikidata=qid or None, country=iso3,
                      aliases=tuple(a for a in names if a and a != name))
        g.countries[iso3] = actor
        g.add(actor)
        for dem in _split(extra[2]):
            g.demonyms[norm(dem)] = iso3
        if extra[3]:
            g.capitals[iso3] = extra[3]
            g.add(Actor(label=extra[3], type="City", wikidata=extra[4] or None, country=iso3))
    for name, aliases, typ, qid, seat in _rows("organizations.tsv"):
        g.add(Actor(label=name, type=typ, wikidata=qid or None, country=seat or None, aliases=tuple(_split(aliases))))
    for name, aliases, office, relation, country, qid in _rows("people.tsv"):
        of = g.countries[country].label if country in g.countries else (g.lookup(country).label if g.lookup(country) else None)
        iso = country if country in g.countries else None
        g.add(Actor(label=name, type="Person", wikidata=qid or None, country=iso, aliases=tuple(_split(aliases)),
                    office=office, relation=relation, of=of))
    for row in _rows("titles.tsv"):
        g.titles[norm(row[0])] = row[1] if len(row) > 1 and row[1] else None
    return g
