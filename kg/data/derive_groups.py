"""Derive ``armed_groups.tsv`` from the Phoenix non-state armed groups dictionary of PETRARCH.

    python -m kg.data.derive_groups ../shared/reference/petrarch-dictionaries/Phoenix.MilNonState.actors.txt \\
        [../shared/reference/countries.csv] [../shared/corpus/wikinews-2019.jsonl]

The dictionary (Open Event Data Alliance, MIT licence; its organisations come from the START
TOPS database) lists about 1,000 rebel, insurgent and terrorist groups, each with a CAMEO
code: three letters of place, then a sector ("PERREB": rebels of Peru). kg keeps a group's
name, its unambiguous aliases, its country (ISO alpha-3) and its sector, by these rules:

Country. The code's first three letters, when they are an ISO alpha-3 code kg knows
(kg/data/countries.tsv); else, when they are the Correlates of War letter code of one
country ("ANG": Angola; the COW column of the shared country table, the optional second
argument), that country. CAMEO's regional codes (:data:`REGIONS`: "WAF" West Africa, "EEU"
Eastern Europe, ...), "IMG" (an international militarised group), "INT" and codes that name
no place ("KKL", "BUD") give no country from the code; the group's name may then tie it to
one the way kg ties an unknown organisation's name (:meth:`kg.gazetteer.Gazetteer.country_in_name`:
"Eritrean Liberation Front", "National Front for the Liberation of Angola"), or a
parenthetical country ("People's Revolutionary Army (Colombia)").

Sector. The code's letters after the place: "REB" for the rebels of nearly every entry;
"IMG" for the international militarised groups (no country).

Names. Labels in a name's own case: underscores gone, each word capitalised, the small
words of a name ("of", "the", "al", "de", ...) in lower case inside it, a one-word name of
five letters or fewer (an acronym: "UNITA", "FARC") and a word without a vowel in capitals.
A parenthetical becomes an alias ("Liberation Tigers of Tamil Eelam (LTTE": alias "LTTE")
unless it names a country, which then is the group's country. A name is dropped when

- it has fewer than two letters or three letters and digits ("313", "LT"; not "MS-13");
- news uses it far more often for something else (:data:`ELSEWHERE`: "EPA", "ICAC");
- it is an ordinary English word or phrase, likely in news as something else: its lower
  case occurs in the lower-case text of the corpus (the optional third argument, Wikinews
  2019: "Youth", "Free Land", "Red Flag"); so a one-word name is kept only if it is an
  acronym or a word that does not occur so (a word that is no English word: "Gazteriak");
- it has no word of a group's name (:data:`GROUP_WORDS`: army, front, brigades, ...) and
  names a day or a month ("Black Friday", "Black September"), or all its words but the small
  ones occur in the corpus in lower case ("Black Star", "Direct Action", "New Order");
- it is a three-letter acronym that the dictionary gives only in brackets after the long
  name, not as a name of its own ("(ANA)", "(ELF)", "(ISA)": too many bodies share them;
  "ETA", "RUF", "KLA" are names of their own there), or an acronym the corpus uses in an
  article that names the group by none of its other names ("ZANU": another's acronym);
- it reads as a date ("21 June", "May 15"), which news writes for the day;
- it is a person's: a one-word name of six letters or more (fewer make an acronym) that
  begins or ends the full name of a person kg knows ("Mohammad"), or a name of two to four
  words without a group word that begins with a given name of two people kg knows or more
  ("Joseph Kony", filed under the LRA); in the
  older, hand-coded part of the file (the IMG block and the like, whose codes carry more
  than a place and "REB" and which file a group's leaders and members under its code:
  "Osama Bin Laden [IMGMUSALQ]") every name without a group word;
- kg's curated tables (countries and capitals, organizations.tsv, people.tsv, officials.tsv,
  places.tsv, parties.tsv) already give it to an actor: curated rows win; an entry one of
  whose names they give to a group or an organisation (Hezbollah, Hamas, al-Qaeda) is that
  group, and is left out whole, its aliases with it (its "Islamic Jihad" is not Hezbollah's
  to give);
- two entries share it: it is dropped from both (the entry's first name left is its label;
  an entry with none left goes).

Curated entries in ``organizations.tsv`` take precedence over these (the gazetteer loads this
table last, and the first writer of a name wins).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

# CAMEO's codes of regions and of actors that belong to no one country: no country from them.
REGIONS = frozenset({"AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM",
                     "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST", "WEU",
                     "IMG", "INT", "IGO", "NGO", "MNC", "UIS"})
# CAMEO's religion codes: in the place of a country they name no place ("BUD": Aum Shinrikyo
# and its leaders), and mark the older part of the file as IMG does.
RELIGIONS = frozenset({"BUD", "CHR", "MUS", "HIN", "JEW", "SIK", "JAN", "ATH", "CON", "DOX", "ITH", "SHI", "SUN"})
# Words of a group's name, for telling a group from a person in the older part of the file.
GROUP_WORDS = frozenset({
    "army", "armies", "front", "brigade", "brigades", "battalion", "battalions", "organization", "organisation",
    "organizaiton", "movement", "group", "groups", "party", "federation", "council", "committee", "union",
    "mujahideen", "mujahiden", "mujahidin", "jihad", "lashkar", "laskar", "jemaah", "jamaah", "jamaat", "harkat",
    "harakat", "harakut", "qaeda", "qaida", "qa'ida", "qa'eda", "qai'dah", "force", "forces", "company",
    "division", "regiment", "cells", "nuclei", "league", "alliance", "resistance", "ansar", "sharia", "shariah",
    "foundation", "jaish", "kumpulan", "guerrilla", "guerrillas", "guerilla", "guerillas", "commando", "commandos",
    "squad", "squads", "command", "commission", "club", "coalition", "leagues", "vanguard", "legion", "tigers",
    "militia", "militias", "cell", "nucleus", "faction",
})
# The kinds of actor a curated name of an armed group's entry is the same group as.
BODIES = ("Group", "Organization", "InternationalOrganization")
# The small words of a name, written in lower case inside it.
LOWER = {"of", "the", "and", "for", "in", "on", "at", "to", "by", "a", "an", "al", "el", "de", "del", "la", "le",
         "les", "los", "las", "di", "da", "du", "des", "e", "i", "ul", "wa", "bin", "ibn", "y", "en", "et", "fur"}
DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}
VOWELS = set("aeiouy")


def _word(w: str, first: bool, last: bool = False, acronyms: frozenset[str] = frozenset()) -> str:
    low = w.lower()
    for sep in ("-", "/"):
        if sep in w:
            parts = w.split(sep)
            return sep.join(_word(p, first and i == 0, last and i == len(parts) - 1, acronyms)
                            for i, p in enumerate(parts))
    if low.upper() in acronyms or (last and len(low) == 1 and low.isalpha()):
        return low.upper()  # "Continuity IRA", "Triple A"
    if not first and low in LOWER:
        return low
    if low.isalpha() and len(low) > 1 and not VOWELS & set(low):
        return low.upper()  # "PKK", "CJM-23"
    return low[:1].upper() + low[1:]


def _case(words: list[str], acronyms: frozenset[str] = frozenset()) -> str:
    """A name's words in a name's own case.

    >>> _case(["LORD'S", "RESISTANCE", "ARMY"]), _case(["FARC"]), _case(["AL-QASSAM", "BRIGADES"])
    ("Lord's Resistance Army", 'FARC', 'Al-Qassam Brigades')
    >>> _case(["ABU", "HAFS", "AL-MASRI", "BRIGADE"])
    'Abu Hafs al-Masri Brigade'
    """
    if len(words) == 1 and len(re.sub(r"[^A-Za-z]", "", words[0])) <= 5:
        return words[0].upper()  # "UNITA", "DHKP/C", "ELN-B"
    return " ".join(_word(w, i == 0, i == len(words) - 1, acronyms) for i, w in enumerate(words))


def split_name(raw: str) -> tuple[str, list[str]]:
    """(the name without its parentheticals, the parentheticals) of a dictionary name.

    >>> split_name("LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE_")
    ('LIBERATION TIGERS OF TAMIL EELAM', ['LTTE'])
    """
    text = raw.replace("_", " ")
    inner = [p.strip() for p in re.findall(r"\(([^()]*)(?:\)|$)", text) if p.strip()]
    outer = re.sub(r"\([^()]*(?:\)|$)", " ", text)
    outer = re.sub(r"\s+-\s*$", "", " ".join(outer.split()))
    return outer.strip(" -"), inner


def _slashed(raw: str) -> list[str]:
    """A dictionary name that is two names with a slash between ("AUM_SHINRIKYO_/_ALEPH",
    "ULSTER_DEFENCE_ASSOCIATION/ULSTER_FREEDOM_FIGHTERS"), as the two; else the name
    ("DHKP/C").

    >>> _slashed("AUM_SHINRIKYO_/_ALEPH"), _slashed("DHKP/C")
    (['AUM_SHINRIKYO', 'ALEPH'], ['DHKP/C'])
    """
    parts = [p.strip(" _") for p in raw.split("/")]
    if len(parts) > 1 and (sum("_" in p or " " in p for p in parts) >= 1 and all(len(p) > 3 for p in parts)):
        return parts
    return [raw]


def _is_acronym(name: str) -> bool:
    return " " not in name and name.replace("-", "").isalnum() and name.upper() == name and len(name) <= 8


def _is_date(name: str) -> bool:
    words = re.findall(r"[a-z]+|\d+", name.lower())
    return any(w in MONTHS for w in words) and all(w in MONTHS or w.isdigit() or w in ("of", "the", "st", "nd",
                                                                                          "rd", "th") or
                                                  re.fullmatch(r"\d+(st|nd|rd|th)", w) for w in words)


class Corpus:
    """The lower-case text and the articles of a corpus of news, for telling ordinary words apart."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.lower = " ".join(" ".join(re.findall(r"\b[a-z][a-z'-]*\b|\d+", t)) for t in texts)
        self.lower = f" {self.lower} "

    @classmethod
    def read(cls, path: Path | None) -> Corpus:
        if path is None or not path.exists():
            return cls([])
        with path.open(encoding="utf-8") as f:
            return cls([json.loads(line).get("text", "") for line in f if line.strip()])

    def ordinary(self, name: str) -> bool:
        """Does the name's lower case occur in the corpus's own lower-case words?"""
        words = re.findall(r"[A-Za-z][A-Za-z'-]*|\d+", name)
        return bool(words) and f" {' '.join(w.lower() for w in words)} " in self.lower

    def another_s(self, acronym: str, others: list[str]) -> bool:
        """Does an article use the acronym and name the group by none of its other names?"""
        pattern = re.compile(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])")
        folded = [o.lower() for o in others]
        return any(pattern.search(t) and not any(o in t.lower() for o in folded) for t in self.texts)


def _cow_codes(path: Path | None) -> dict[str, str]:
    """COW letter code → ISO alpha-3, for the codes of one country only."""
    if path is None or not path.exists():
        return {}
    owners: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row.get("cow_letter"):
                owners[row["cow_letter"].strip()].add(row["iso3"].strip())
    return {code: isos.pop() for code, isos in owners.items() if len(isos) == 1}


def _code(codes: list[str]) -> str:
    """The entry's code: the undated one, else the latest dated one (as kg's loader reads it)."""
    plain = [c.split()[0] for c in codes if c.strip() and not re.search(r"[<>]|\d", c)]
    dated = [c.split()[0] for c in codes if c.strip() and re.search(r"[<>]|\d", c)]
    return (plain or dated[-1:] or [""])[0].lstrip("~").split("/")[0].upper()


def _raw(name: str) -> list[str]:
    """The names one dictionary line holds: "+A_+B" is two aliases; "A / B" and "A/B C" two names."""
    return [q for p in name.split("+") for q in _slashed(p) if q.strip(" _")]


def _spellings(names: list[str], acronyms: frozenset[str], g) -> tuple[list[str], str]:
    """(the entry's names in a name's own case, its label first; a country a parenthetical names)."""
    country = ""
    spelled: list[str] = []
    for n in (r for name in names for r in _raw(name)):
        outer, inner = split_name(n)
        if outer:
            spelled.append(_case(outer.split(), acronyms))
        for p in inner:
            found = g.lookup(p.title())
            if found is not None and found.type == "Country":
                country = country or found.country or ""
            else:
                spelled.append(p.upper() if _is_acronym(p) else _case(p.split(), acronyms))
    return [n for n in dict.fromkeys(spelled) if "," not in n], country


def derive(text: str, gazetteer=None, cow: dict[str, str] | None = None, corpus: Corpus | None = None,
           stats: Counter | None = None) -> list[tuple[str, list[str], str, str]]:
    """(label, aliases, country or "", sector) of each group kept, by the rules of the module."""
    from kg import gazetteer as gaz

    g = gazetteer or _curated()
    cow = cow or {}
    corpus = corpus or Corpus([])
    stats = stats if stats is not None else Counter()
    groups = []  # (names, country, sector)
    acronyms = frozenset(p.upper() for p in re.findall(r"\(([A-Za-z]{2,6})_?(?:\)|$)", text, re.M))
    for names, codes in gaz.petrarch_entries(text):
        code = _code(codes)
        if not re.fullmatch(r"[A-Z]{3,}", code):  # (none in the file; a dictionary's "[---]")
            stats["entry: no code"] += 1
            continue
        place, rest = code[:3], code[3:]
        sector = "IMG" if place == "IMG" else rest[:3]
        older = place == "IMG" or place in RELIGIONS or rest not in ("REB", "")
        country = ""
        if place in g.countries:
            country = place
        elif place not in REGIONS and place in cow:
            country = cow[place]
        spelled, named = _spellings(names, acronyms, g)
        country = country or named
        if not spelled:
            stats["entry: no name"] += 1
            continue
        if not country and place not in g.countries:
            country = g.country_in_name(spelled[0]) or ""
        own = {split_name(r)[0].upper() for n in names for r in _raw(n)}  # acronyms given as names of their own
        reasons = {n: _drop(n, older, corpus, [o for o in spelled if o != n], g, n.upper() not in own)
                   for n in spelled}
        stats.update(f"name: {r}" for r in reasons.values() if r)
        if any(reasons[n] == "curated" and g.names[gaz.norm(n)].type in BODIES for n in spelled
               if gaz.norm(n) in g.names):
            stats["entry: a name of it is a curated group's"] += 1  # that group's row wins, with its names
            continue
        kept = [n for n in spelled if not reasons[n]]
        if kept:
            groups.append((kept, country, sector))
        else:
            stats["entry: no name left"] += 1
    # A name two entries share is dropped from both.
    owners = Counter(gaz.norm(n) for names, _, _ in groups for n in set(map(gaz.norm, names)))
    rows = []
    for names, country, sector in groups:
        left = [n for n in names if owners[gaz.norm(n)] == 1]
        stats["name: shared by entries"] += len(names) - len(left)
        if not left:
            stats["entry: no name left"] += 1
            continue
        rows.append((left[0], sorted(set(left[1:]) - {left[0]}), country, sector))
    stats["kept"] = len(rows)
    return sorted(rows)


# Acronyms and words the dictionary gives a group that news uses far more often for something
# else, which neither kg's tables nor the small corpus can tell: a name here is never a group's.
ELSEWHERE = {
    "EPA": "the US Environmental Protection Agency",
    "UDA": "Kenya's United Democratic Alliance",
    "ICAC": "Hong Kong's Independent Commission Against Corruption",
    "FPS": "the US Federal Protective Service; frames per second",
    "CAMO": "an English word (camouflage)",
    "EMETIC": "an English word",
}


def _drop(name: str, older: bool, corpus: Corpus, others: list[str], g, parenthetical: bool = False) -> str | None:
    """Why a name is left out, or None. ``parenthetical``: an acronym the dictionary gives only
    in brackets after the long name, not as a name of its own."""
    from kg import gazetteer as gaz

    letters = re.sub(r"[^a-z]", "", name.lower())
    if len(letters) < 2 or len(re.sub(r"[^a-z0-9]", "", name.lower())) < 3:
        return "too short"  # "313", "LT", "CA" (not "MS-13")
    if _is_acronym(name) and len(letters) == 3 and parenthetical:
        return "a three-letter acronym only in brackets"
    if gaz.norm(name) in g.names or gaz.norm(name) in g.parties:
        return "curated"
    if name.upper() in ELSEWHERE:
        return "better known as another body or a word"
    if _is_date(name):
        return "a date"
    if corpus.ordinary(name):
        return "an ordinary word or phrase"
    words = re.split(r"[\s-]+", name.lower())
    if not GROUP_WORDS & set(words):
        if DAYS & set(words) or MONTHS & set(words):
            return "an occasion (a day or month, no group word)"  # "Black Friday"
        content = [w for w in words if w not in LOWER]
        if len(content) >= 2 and all(corpus.ordinary(w) for w in content):
            return "ordinary words, no group word"  # "Black Star", "Direct Action"
    if _is_acronym(name) and corpus.another_s(name, others):
        return "another's acronym"
    return None if GROUP_WORDS & set(words) else _person(name, older, g)


def _person(name: str, older: bool, g) -> str | None:
    """Why a name without a group word is a person's, or None."""
    from kg import gazetteer as gaz

    if older:
        return "a person (older block)"
    spaced = gaz.norm(name).split()
    if len(spaced) == 1 and len(spaced[0]) > 5 and spaced[0] in _person_words(g):
        return "a person's name"  # "Mohammad" of Jaish-e-Mohammad (not "ETA": five letters or fewer are acronyms)
    if 2 <= len(spaced) <= 4 and spaced[0] in _given_names(g):
        return "a person (a known person's first name)"  # "Joseph Kony" of the LRA
    return None


def _person_words(g) -> frozenset[str]:
    """The first and last words of the full names of the people kg knows."""
    from kg import gazetteer as gaz

    if not hasattr(g, "_person_words"):
        people = {id(a): a for a in g.names.values() if a.type == "Person"}.values()
        g._person_words = frozenset(w for a in people if len(ws := gaz.norm(a.label).split()) >= 2
                                    for w in (ws[0], ws[-1]) if w not in LOWER)
    return g._person_words


def _given_names(g) -> frozenset[str]:
    """The first words of the full names of the people kg knows (people.tsv, officials.tsv)
    that are the first word of two people or more, less the small words of names ("al", "abu")."""
    from kg import gazetteer as gaz

    if not hasattr(g, "_given_names"):
        firsts = Counter(w[0] for a in {id(a): a for a in g.names.values() if a.type == "Person"}.values()
                         if len(w := gaz.norm(a.label).split()) >= 2)
        g._given_names = frozenset(f for f, n in firsts.items() if n >= 2 and f not in LOWER | {"abu", "sheikh"})
    return g._given_names


def _curated():
    """The gazetteer of kg's curated tables only (this table left out)."""
    from kg import gazetteer as gaz

    return gaz.default(groups=False)


HEADER = ("# Non-state armed groups (rebels, insurgents, terrorist groups) with their country and\n"
          "# CAMEO sector, derived by kg/data/derive_groups.py from the Phoenix non-state armed\n"
          "# groups dictionary of PETRARCH (Phoenix.MilNonState.actors.txt; Open Event Data Alliance,\n"
          "# MIT licence; organisations from the START TOPS database). Names that are ordinary words,\n"
          "# that kg's curated tables give another actor or that two groups share are left out; the\n"
          "# country is empty for regional and international codes. No QIDs.\n"
          "# name\taliases\tcountry\tsector\n")


def main(argv: list[str]) -> None:
    source = Path(argv[0])
    reference = source.parent.parent
    cow = _cow_codes(Path(argv[1]) if len(argv) > 1 else reference / "countries.csv")
    corpus = Corpus.read(Path(argv[2]) if len(argv) > 2 else reference.parent / "corpus" / "wikinews-2019.jsonl")
    stats: Counter = Counter()
    rows = derive(source.read_text(encoding="utf-8", errors="replace"), cow=cow, corpus=corpus, stats=stats)
    target = Path(__file__).with_name("armed_groups.tsv")
    with target.open("w", encoding="utf-8") as f:
        f.write(HEADER)
        for label, aliases, country, sector in rows:
            f.write(f"{label}\t{','.join(aliases) or ' '}\t{country or ' '}\t{sector or ' '}\n")
    print(f"wrote {len(rows)} groups to {target}")
    for key, n in sorted(stats.items()):
        print(f"  {key}: {n}")


if __name__ == "__main__":
    main(sys.argv[1:])
