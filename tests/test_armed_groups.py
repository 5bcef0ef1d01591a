"""kg/data/derive_groups.py: the derivation of armed_groups.tsv from a PETRARCH dictionary of
non-state armed groups, on a small sample of the dictionary's format written for kg."""

from __future__ import annotations

from collections import Counter

from kg import gazetteer
from kg.data.derive_groups import Corpus, derive

SAMPLE = """# a sample of the format, written for kg
NORTHERN_HILLS_LIBERATION_FRONT_(NHLF)_ [ANGREB] #  code: COW letters of Angola
+HILLS_FRONT_

WESTERN_COAST_PEOPLE'S_ARMY [WAFREB]
+WCPA

DELTA_RESISTANCE_BRIGADES_ [NGAREB]
+NIGERIA_
+THE_BRIGADES_OF_THE_DELTA

RIVER_BRIGADES_OF_THE_DELTA_ [NGAREB]
+THE_BRIGADES_OF_THE_DELTA

PARTY_OF_THE_VALLEY [LBNREB]
+HIZBALLAH
+VALLEY_JIHAD_

GAZTEROAK_ [ESPREB]
+SUNRISE_

AL-NUR_MOVEMENT [IMGMUSXYZ]
+ABDUL_RAHMAN_SAMPLE__
"""


def _rows(corpus: Corpus | None = None, stats: Counter | None = None):
    return {label: (aliases, country, sector)
            for label, aliases, country, sector in derive(SAMPLE, gazetteer.default(groups=False), {"ANG": "AGO"},
                                                          corpus, stats)}


def test_a_cow_code_is_mapped_and_a_parenthetical_becomes_an_alias():
    rows = _rows()
    assert rows["Northern Hills Liberation Front"] == (["Hills Front", "NHLF"], "AGO", "REB")


def test_a_regional_code_gives_no_country():
    assert _rows()["Western Coast People's Army"] == (["WCPA"], "", "REB")


def test_a_name_kg_gives_another_actor_and_a_shared_alias_are_dropped():
    rows = _rows()
    assert rows["Delta Resistance Brigades"] == ([], "NGA", "REB")  # not Nigeria, not the shared alias
    assert rows["River Brigades of the Delta"] == ([], "NGA", "REB")


def test_an_entry_a_curated_group_has_a_name_of_is_left_out_whole():
    rows = _rows()
    assert "Party of the Valley" not in rows  # kg's Hezbollah row wins, and "Valley Jihad" is not given
    assert not any("Valley Jihad" in aliases for aliases, _, _ in rows.values())


def test_ordinary_words_and_the_people_of_the_older_block_are_dropped():
    stats: Counter = Counter()
    rows = _rows(Corpus(["The sunrise over the hills was red."]), stats)
    assert rows["Gazteroak"] == ([], "ESP", "REB")  # one word, no English word: kept, "Sunrise" not
    assert rows["Al-Nur Movement"] == ([], "", "IMG")  # the member filed under its code is no group
    assert stats["name: an ordinary word or phrase"] == 1 and stats["name: a person (older block)"] == 1


def test_the_derived_groups_load_after_the_curated_tables():
    g = gazetteer.default()
    unita = g.lookup("UNITA")
    assert unita is not None and (unita.type, unita.country) == ("Group", "AGO")
    assert g.lookup("Hezbollah").wikidata == "Q41053"  # the curated row wins
    assert gazetteer.default(groups=False).lookup("UNITA") is None
