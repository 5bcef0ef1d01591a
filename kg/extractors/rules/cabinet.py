"""Cabinet officers: the country whose government a minister or secretary works for
("Commerce Secretary Wilbur Ross", "British Home Secretary X",
"Interior Minister X of Germany"), from kg's table of offices (``kg/data/cabinet.tsv``).

The country is the one named with the title, else the officer's own, else the one country
whose cabinet alone has that title (when the document's own country is none or that one).
kg's gold has an officer work for his country. The table's third column names the
department; no rule reads it yet (an officer's leaderOf of a department the text never names
would be a fact kg makes up).
"""

from __future__ import annotations

import functools
from importlib import resources

from ...model import Mention
from .geography import other_country

# Words before a title that make its holder no head of the department.
NOT_HEAD = frozenset({"deputy", "vice", "shadow", "junior", "assistant", "under", "former", "ex", "acting", "state"})


@functools.cache
def _table() -> dict[str, set[str]]:
    """Title → the countries whose cabinet has it ("*": any country's)."""
    text = resources.files("kg.data").joinpath("cabinet.tsv").read_text(encoding="utf-8")
    countries: dict[str, set[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        country, titles, _department = line.split("\t")
        for title in titles.split("|"):
            countries.setdefault(title, set()).add(country)
    return countries


def _phrase(phrase: str, org: Mention | None, t) -> tuple[str, Mention | None]:
    """The title's words, with a portfolio the NER took for a body ("British Home" before
    "Secretary", "US Treasury") or written after "of" ("the Secretary of Transportation")."""
    countries = _table()
    if phrase in ("secretary", "minister") and t.i + 2 < len(t.doc) and t.doc[t.i + 1].lower_ == "of":
        words = [x.lower_ for x in t.doc[t.i + 2:t.i + 7]]
        for n in range(len(words), 0, -1):
            longer = f"{phrase} of {' '.join(words[:n])}"
            if longer in countries:
                return longer, None
    if org is not None and org.type == "Organization" and phrase in ("secretary", "minister"):
        words = org.text.split()
        for n in (2, 1):
            longer = " ".join(words[-n:]).lower() + " " + phrase
            if longer in countries:
                return longer, org
    return phrase, None


def _country(title: str, org, person: Mention, home: str | None, linker, t, ms) -> str | None:
    countries = _table()
    if org is not None and org.country:
        return org.country
    if person.country:
        return person.country
    actor = linker.known(person.key or person.text)
    if actor is not None and actor.country:
        return actor.country
    own = countries.get(title, set()) - {"*"}
    if len(own) == 1 and home in (None, *own):
        return next(iter(own))
    return home if not other_country(t, home, ms) else None


def cabinet_office(doc, person: Mention, phrase: str, t, org: Mention | None, ms, linker, home: str | None):
    """(country mention, the body the NER made of the portfolio) of a cabinet title, or None."""
    title, portfolio = _phrase(phrase, org, t)
    if title not in _table():
        return None
    # the title's words up to its token ("secretary of state" ends at "Secretary")
    first = t.i - len(phrase.split(" of ")[0].split()) + 1
    if portfolio is not None:
        first = min(first, next((x.i for x in doc[max(0, t.i - 6):t.i] if x.idx >= portfolio.start), t.i))
    if any(x.lower_.strip(".-") in NOT_HEAD for x in doc[max(0, first - 1):t.i]):
        return (None, portfolio) if portfolio is not None else None
    country = _country(title, org if org is not None and org.type == "Country" or portfolio else None,
                       person, home, linker, t, ms)
    if country is None:
        return None
    place = linker.country_mention(country, t.idx, t.idx + len(t.text))
    if place is None:
        return None
    return place, portfolio

