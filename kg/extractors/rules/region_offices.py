"""Region offices: "Governor X" leads the state a story names most.

"Governor Andrew Cuomo" in a story that names New York far more than any other state,
"Premier Y" in one of New South Wales, "Chief Minister Z" in one of Goa: a capitalised
office of a region (``region_offices`` in ``kg/data/rules/offices.tsv``) just before a name
with no place leads the region the document names most, when one clearly does; in a story
of a territory a governor leads (``governed_countries``: "Governor X" in Puerto Rico), the
territory. Read with the chamber seats (:mod:`.chambers`), once per document.
"""

from __future__ import annotations

from ...model import Mention
from .posts import Title
from .words import W


def governed(doc, first: int, found: list[Title], ms, linker, home: str | None = None) -> list[Title]:
    """"Governor Andrew Cuomo" in a story that names New York far more than any other state:
    he leads New York. Only a capitalised office of ``region_offices`` just before the name,
    of a person no title relates to a place, in a sentence that names no other region. In a
    story of a territory a governor leads ("Governor X" in Puerto Rico: ``governed_countries``),
    he leads the territory."""
    t = _region_office(doc, first, ms)
    if t is None or any(x.org is not None for x in found):
        return []
    region = home_region(ms, linker)
    if region is None:
        return _governed_territory(t, ms, linker, home)
    if region is None or any(m.type == "Location" and (m.key or m.text) != (region.key or region.text)
                             for i in range(t.sent.start, t.sent.end) if (m := ms.get(i)) is not None):
        return []
    where = Mention(region.key or region.text, t.idx, t.idx + len(t.text), "Location", country=region.country,
                    key=region.key or region.text)
    return [Title("leaderOf", where, t, frozenset({"region"}), home=True)]


def _region_office(doc, first: int, ms):
    """The last word of a capitalised office of ``region_offices`` just before a name ("Governor
    X", "Chief Minister Y", "Premier Z"), not after another capitalised word that makes it
    another office ("Deputy Chief Minister X"); None if there is none."""
    for n in (2, 1):
        words = doc[first - n:first] if first >= n else []
        if not len(words) or any(w.i in ms or not w.is_title for w in words) \
                or " ".join(w.lower_ for w in words) not in W.region_offices:
            continue
        before = doc[words[0].i - 1] if words[0].i > 0 else None
        if before is not None and before.is_title and not words[0].is_sent_start and before.i not in ms:
            return None
        return words[-1]
    return None


def _governed_territory(t, ms, linker, home: str | None) -> list[Title]:
    """The territory of ``governed_countries`` a story is of (its own country, or the country it
    names most, more than any other), if no other country is named in the sentence."""
    counts: dict[str, int] = {}
    for m in {id(m): m for m in ms.values()}.values():
        if m.type == "Country" and m.country:
            counts[m.country] = counts.get(m.country, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    where = home or (ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None)
    if where not in W.governed_countries or any(
            m.type == "Country" and m.country != where for i in range(t.sent.start, t.sent.end)
            if (m := ms.get(i)) is not None):
        return []
    country = linker.country_mention(where, t.idx, t.idx + len(t.text))
    return [Title("leaderOf", country, t, frozenset({"region"}), home=True)] if country is not None else []


def home_region(ms, linker) -> Mention | None:
    """The region (a state, a province) a document names most, when it names it at least
    twice and more than twice as often as any other region; a name both a city and a state
    bear ("New York") counts as the state."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    seen: set[int] = set()
    for m in ms.values():
        if id(m) in seen:
            continue
        seen.add(id(m))
        name = m.key or m.text
        if m.type == "City" and name.lower() in W.city_or_state:
            known = linker.known(f"{name} State")
            if known is None or known.type != "Location":
                continue
            m = Mention(name, m.start, m.end, "Location", country=known.country, key=known.label)
        elif m.type != "Location" or not m.country:
            continue
        counts[name] = counts.get(name, 0) + 1
        first.setdefault(name, m)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[0][1] <= 2 * ranked[1][1]:
        return None
    return first[ranked[0][0]]
