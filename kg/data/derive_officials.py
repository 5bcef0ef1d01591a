"""Derive ``officials.tsv`` from the Phoenix country-actors dictionary of PETRARCH.

    python -m kg.data.derive_officials ../shared/reference/petrarch-dictionaries/Phoenix.Countries.actors.txt

The dictionary (Open Event Data Alliance, MIT licence, built from CountryInfo.140130.txt)
lists about 18,000 heads of state and government, ministers and other office-holders up
to about 2014, each with the country of the government they served. kg keeps the name,
the unambiguous aliases and the country; it adds no office and no QID, since the source
gives neither. Curated entries in ``people.tsv`` take precedence over these.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

TITLE_WORDS = {"PRESIDENT", "MINISTER", "PRIME", "KING", "QUEEN", "CHIEF", "GENERAL", "LEADER", "PARTY",
               "SECRETARY", "CHAIRMAN", "PREMIER", "FOREIGN", "DEFENSE", "DEFENCE", "GOVERNOR", "MR.", "DR.",
               "COLONEL", "COL.", "GEN.", "MR", "MRS", "MS", "ADMINISTRATION", "GOVERNMENT", "REGIME", "SHEIKH",
               "PRINCE", "EMIR", "SULTAN", "OF", "THE", "AMBASSADOR"}
LOWER = {"al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le", "du", "dos", "das", "y", "abu", "ould"}
# A regnal or generational numeral ends a name and is written in capitals ("Elizabeth II",
# "Mswati III", "James Baker III"); inside a name the same letters are a name's own word.
NUMERALS = {"ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii"}


def _name(raw: str) -> str:
    """The dictionary's name in a name's own case.

    >>> _name("ELIZABETH_II"), _name("ABDUL_AZIZ_AL_SAUD"), _name("SIN_II_NAM")
    ('Elizabeth II', 'Abdul Aziz al Saud', 'Sin Ii Nam')
    """
    words = [w for w in raw.replace("_", " ").split() if w]
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if i and i == len(words) - 1 and low in NUMERALS:
            out.append(low.upper())
            continue
        out.append(low if (i and low in LOWER) else "-".join(p.capitalize() for p in low.split("-")))
    return " ".join(out)


def entries(text: str):
    """(names, codes) of each CountryInfo entry."""
    current: tuple[list[str], list[str]] | None = None
    for raw in text.splitlines():
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        if raw[:1] in (" ", "\t") and line.strip().startswith("["):
            if current is not None:
                current[1].extend(re.findall(r"\[([^\]]*)\]", line))
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            if current is not None:
                current[0].append(stripped[1:])
            continue
        if "CountryInfo" in raw:
            if current is not None and current[1]:
                yield current
            current = ([stripped], [])
        elif current is not None and not current[1]:
            current[0].append(stripped)  # another form of the same name, before its codes
        else:
            if current is not None and current[1]:
                yield current
            current = None
    if current is not None and current[1]:
        yield current


def _person(names: list[str], codes: list[str]) -> tuple[str, list[str], str] | None:
    """(name, aliases, country) of a dictionary entry for one person of one country, else None."""
    countries = {c.split()[0].lstrip("~")[:3] for c in codes if c.strip()}
    if len(countries) != 1:
        return None
    country = countries.pop()
    primary = names[0].strip("_ ")
    if not re.fullmatch(r"[A-Z]{3}", country) or len(primary.replace("_", " ").split()) < 2:
        return None
    aliases = []
    for a in names[1:]:
        a = a.strip("_ ")
        words = a.replace("_", " ").split()
        if words and "," not in a and not TITLE_WORDS & {w.upper() for w in words}:
            aliases.append(a)
    return primary, aliases, country


def derive(path: Path) -> list[tuple[str, list[str], str]]:
    people = [p for names, codes in entries(path.read_text(encoding="utf-8", errors="replace"))
              if (p := _person(names, codes)) is not None]
    # A name that stands for people of different countries is left out; one-word names only
    # when they are the surname of exactly one person.
    owners: dict[str, set[str]] = defaultdict(set)  # name → countries
    people_of: dict[str, set[str]] = defaultdict(set)  # one-word name → the people it may be
    for primary, aliases, country in people:
        for n in (primary, *aliases):
            owners[_name(n).lower()].add(country)
            if len(n.replace("_", " ").split()) == 1:
                people_of[_name(n).lower()].add(_name(primary))
    merged: dict[str, tuple[set[str], str]] = {}
    for primary, aliases, country in people:
        label = _name(primary)
        if len(owners[label.lower()]) > 1:
            continue
        keep = merged.setdefault(label, (set(), country))[0]
        for a in aliases:
            name = _name(a)
            if len(owners[name.lower()]) > 1 or name == label:
                continue
            if len(name.split()) == 1 and (len(name) < 5 or name.lower() != label.split()[-1].lower()
                                           or len(people_of[name.lower()]) > 1):
                continue
            keep.add(name)
    return [(label, sorted(aliases), country) for label, (aliases, country) in merged.items()]


def main(argv: list[str]) -> None:
    rows = derive(Path(argv[0]))
    target = Path(__file__).with_name("officials.tsv")
    with target.open("w", encoding="utf-8") as f:
        f.write("# Office-holders to about 2014 and the country of the government they served, derived by\n"
                "# kg/data/derive_officials.py from the Phoenix country-actors dictionary of PETRARCH\n"
                "# (Open Event Data Alliance, MIT licence; built from CountryInfo.140130.txt). Names\n"
                "# that stand for people of different countries are left out. No offices, no QIDs.\n"
                "# name\taliases\tcountry\n")
        for label, aliases, country in sorted(rows):
            f.write(f"{label}\t{','.join(aliases) or ' '}\t{country}\n")
    print(f"wrote {len(rows)} office-holders to {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
