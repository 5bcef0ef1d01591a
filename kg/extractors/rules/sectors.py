"""Role nouns and sectors: "Venezuelan police" is a part of Venezuela that acts on its own.

A role noun (``kg/data/agents.tsv``: "police", "troops", "minister", "protesters") has a
CAMEO sector (COP, MIL, GOV, OPP, ...). Beside a country it names that country's sector as
an actor of its own (Venezuela police, :data:`kg.model.SECTORS`); the government (GOV) is
the state itself. Sector codes follow the PETRARCH agents dictionary.
"""

from __future__ import annotations

from ...model import SECTORS, Mention
from .deps import MODIFIER
from .words import W


def sector_code(ctx, tok) -> str | None:
    """The CAMEO sector of a role noun: "police officers" COP, "army officers" MIL,
    "government troops" MIL (a role-noun compound other than the government decides)."""
    agents = ctx.lex.agents
    for c in tok.children:
        if c.dep_ != "compound" or c.lower_ in W.domain_nouns:
            continue
        sub = agents.get(c.lower_, agents.get(c.lemma_.lower()))
        if sub is not None and sub != "GOV":
            return sub  # "opposition leader", "police commander": whom they lead
    return agents.get(tok.lower_, agents.get(tok.lemma_.lower()))


def is_role_noun(ctx, tok) -> bool:
    return tok.lemma_.lower() in ctx.lex.agents or tok.lower_ in ctx.lex.agents


def sector(ctx, tok, m: Mention, start: int, end: int | None = None) -> Mention:
    """The part of a country a role noun names ("Venezuelan police" → Venezuela, COP), as a
    mention of its own; the country itself for the government (see model.SECTORS), and
    whatever ``m`` is when it has no country or is no state."""
    code = sector_code(ctx, tok)
    if code not in SECTORS or not m.country or m.type not in ("Country", "City"):
        return m
    end = tok.idx + len(tok.text) if end is None else end
    start = min(start, end)
    text = tok.doc.text[start:end]
    return Mention(text, start, end, SECTORS[code][1], country=m.country, key=text, sector=code)


def earlier_sector(ctx, tok) -> Mention | None:
    """The one part of a country of this role noun's sector named earlier in the document
    by a demonym or a country ("Kenyan police", "Kenya's police"), as a mention here."""
    ms = ctx.ms
    code = sector_code(ctx, tok)
    if code not in SECTORS:
        return None
    countries = set()
    for t in tok.doc[:tok.i]:
        if t.i in ms or (t.lower_ not in ctx.lex.agents and t.lemma_.lower() not in ctx.lex.agents) \
                or sector_code(ctx, t) != code:
            continue
        countries.update(ms[c.i].country for c in t.children if c.dep_ in MODIFIER and c.i in ms
                         and ms[c.i].type == "Country" and ms[c.i].country)
    if len(countries) != 1:
        return None
    end = tok.idx + len(tok.text)
    return Mention(tok.text, tok.idx, end, SECTORS[code][1], country=countries.pop(), key=tok.text, sector=code)


def home_sector(ctx, tok, home: str) -> Mention:
    """A role noun of the country the police acting belong to: "Egyptian police dispersed
    demonstrators" acts on Egypt's protesters."""
    code = sector_code(ctx, tok)
    return Mention(tok.text, tok.idx, tok.idx + len(tok.text), SECTORS[code][1], country=home, key=tok.text,
                   sector=code)
