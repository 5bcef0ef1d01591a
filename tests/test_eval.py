"""The measuring instrument: the scorer on hand-made facts, the gold readers on hand-made
files, ``kg eval`` through the CLI, and the regression floors on the real gold sets."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from kg import evaluate as ev
from kg.errors import GoldError
from kg.evaluate import COUNTRY, ENTITY, Fact, Ref, score
from kg.evaluate.formats.plover import gsr_country
from kg.model import Entity, Relation

from .conftest import SHARED, invoke, shared_path

# ------------------------------------------------------------------ hand-made facts

LEE = Ref.of("Lee Jae Myung", ["Lee"], country="KOR")
XI = Ref.of("Xi Jinping", ["Xi"], wikidata="Q15031", country="CHN")
KOR = Ref.of("South Korea", wikidata="Q884", country="KOR")
CHN = Ref.of("China", wikidata="Q148", country="CHN")
KPOP = Ref.of("K-pop", country=None)


def fact(s, pred, o, plover=None, doc="d", **kw):
    return Fact(doc, (s,) if isinstance(s, Ref) else tuple(s), (o,) if isinstance(o, Ref) else tuple(o),
                (pred,) if isinstance(pred, str) else tuple(pred),
                (plover,) if isinstance(plover, str) else tuple(plover or ()), **kw)


GOLD = [
    fact(LEE, "meetsWith", XI, "CONSULT", symmetric=True),
    fact(LEE, "visits", CHN, "CONSULT"),
    fact(CHN, "restricts", KPOP, "SANCTION"),
    fact(XI, "leaderOf", CHN),
    fact(LEE, "leaderOf", KOR),
]


def figures(gold, pred, level=ENTITY, **kw):
    s = score(gold, pred, level, **kw)
    return s.overall.precision, s.overall.recall, s.overall.f1


def test_perfect_predictions_score_one_at_both_levels():
    assert figures(GOLD, GOLD, ENTITY) == (1.0, 1.0, 1.0)
    assert figures(GOLD, GOLD, COUNTRY) == (1.0, 1.0, 1.0)


def test_no_predictions_score_zero():
    s = score(GOLD, [], ENTITY)
    assert (s.overall.precision, s.overall.recall, s.overall.f1) == (0.0, 0.0, 0.0)
    assert s.overall.gold == 5 and s.overall.predicted == 0


def test_a_wrong_country_lowers_country_precision_only():
    wrong_xi = Ref.of("Xi Jinping", wikidata="Q15031", country="TWN")
    pred = [fact(LEE, "meetsWith", wrong_xi, "CONSULT")]
    assert figures(GOLD, pred, ENTITY)[0] == 1.0
    p, r, _ = figures(GOLD, pred, COUNTRY)
    assert p == 0.0 and r == 0.0


def test_one_miss_lowers_recall_and_one_false_fact_lowers_precision():
    pred = GOLD[:4] + [fact(CHN, "restricts", KOR, "SANCTION")]
    p, r, f1 = figures(GOLD, pred)
    assert (p, r) == (4 / 5, 4 / 5) and f1 == pytest.approx(0.8)


def test_names_match_after_normalisation_and_qids_decide():
    pred = [fact(Ref.of("Lee Jae-myung’s"), "meetsWith", Ref.of("the President Xi", ["XI JINPING"]), "CONSULT")]
    assert figures(GOLD, pred)[0] == 1.0
    # Same name, different QID: another person, however the name reads.
    impostor = Ref.of("Xi Jinping", wikidata="Q1")
    assert figures(GOLD, [fact(LEE, "meetsWith", impostor, "CONSULT")])[0] == 0.0
    # A QID on one side only: the name decides.
    assert figures(GOLD, [fact(LEE, "meetsWith", Ref.of("Xi"), "CONSULT")])[0] == 1.0


def test_norm_name_folds_what_news_varies():
    assert ev.norm_name("Recep Tayyip Erdoğan") == ev.norm_name("recep tayyip erdogan")
    assert ev.norm_name("the U.S.") == ev.norm_name("US") == "us"
    assert ev.norm_name("Lee’s") == "lee"
    assert ev.norm_name("al-Qa’ida") == ev.norm_name("Al Qa'ida")
    assert ev.norm_name("Theresa May") == "theresa may"


def test_symmetric_gold_matches_either_way_and_directed_gold_does_not():
    assert figures(GOLD, [fact(XI, "meetsWith", LEE, "CONSULT")])[0] == 1.0
    assert figures(GOLD, [fact(CHN, "visits", LEE, "CONSULT")])[0] == 0.0


def test_events_match_by_plover_type_unless_predicates_are_compared():
    pred = [fact(LEE, "holdsTalksWith", XI, "CONSULT")]
    assert figures(GOLD, pred)[0] == 1.0
    strict = ev.Level("entity", ev.predicate_scheme, "entity")
    assert figures(GOLD, pred, strict)[0] == 0.0
    assert figures(GOLD, [fact(LEE, "meetsWith", XI, "CONSULT")], strict)[0] == 1.0


def test_a_gold_fact_may_accept_several_types_and_alternative_entities():
    gold = [fact([CHN, Ref.of("Beijing", country="CHN")], ["restricts", "sanctions"], KOR, ["SANCTION", "COERCE"])]
    assert figures(gold, [fact(Ref.of("Beijing"), "arrests", KOR, "COERCE")]) == (1.0, 1.0, 1.0)
    assert figures(gold, [fact(CHN, "threatens", KOR, "THREATEN")])[0] == 0.0


def test_saying_a_fact_twice_earns_nothing():
    pred = [GOLD[1], GOLD[1], fact(Ref.of("Tokyo", key="tokyo"), "visits", CHN, "CONSULT")]
    s = score(GOLD, pred, ENTITY)
    assert (s.overall.correct, s.overall.predicted) == (1, 2)
    # symmetric predictions in both directions are one
    both = [fact(LEE, "meetsWith", XI, "CONSULT", symmetric=True),
            fact(XI, "meetsWith", LEE, "CONSULT", symmetric=True)]
    assert score(GOLD, both, ENTITY).overall.predicted == 1


def test_optional_gold_neither_rewards_nor_costs():
    gold = [GOLD[0], fact(LEE, "requests", CHN, "REQUEST", optional=True)]
    assert figures(gold, [GOLD[0]]) == (1.0, 1.0, 1.0)
    s = score(gold, [GOLD[0], fact(LEE, "requests", CHN, "REQUEST")], ENTITY)
    assert (s.overall.correct, s.overall.predicted, s.overall.gold) == (1, 1, 1)


def test_only_asserted_facts_count_unless_all_facts_are_asked_for():
    negated = fact(CHN, "restricts", KPOP, "SANCTION", negated=True)
    intended = fact(LEE, "visits", CHN, "CONSULT", modality="intended")
    reported = fact(LEE, "visits", CHN, "CONSULT", modality="reported")
    assert score(GOLD, [negated, intended], ENTITY).overall.predicted == 0
    assert figures(GOLD, [reported])[0] == 1.0
    gold = [fact(CHN, "restricts", KPOP, "SANCTION", negated=True)]
    assert score(gold, [GOLD[2]], ENTITY).overall.gold == 0
    assert figures(gold, [negated], all_facts=True) == (1.0, 1.0, 1.0)
    assert figures(gold, [GOLD[2]], all_facts=True)[:2] == (0.0, 0.0)


def test_country_level_leaves_out_sides_without_a_country():
    s = score(GOLD, GOLD, COUNTRY)
    assert s.left_out == 1  # China restricts K-pop: a topic has no country
    # the symmetric meeting and the directed visit stay two facts; the two leaders two more
    assert s.overall.gold == 4
    assert score(GOLD, [fact(CHN, "restricts", KPOP, "SANCTION")], COUNTRY).overall.predicted == 0


def test_country_level_collapses_facts_with_the_same_codes():
    gold = [fact(XI, "leaderOf", CHN), fact(Ref.of("Li Qiang", country="CHN"), "leaderOf", CHN)]
    s = score(gold, [fact(XI, "leaderOf", CHN)], COUNTRY)
    assert (s.overall.found, s.overall.gold, s.overall.correct) == (1, 1, 1)


def test_per_type_rows_and_the_explanation():
    pred = [GOLD[0], fact(CHN, "restricts", KOR, "SANCTION")]
    s = score(GOLD, pred, ENTITY)
    assert s.by_type["CONSULT"].correct == 1 and s.by_type["CONSULT"].gold == 2
    assert s.by_type["SANCTION"].predicted == 1 and s.by_type["SANCTION"].correct == 0
    assert s.by_type["leaderOf"].predicted == 0 and s.by_type["leaderOf"].gold == 2
    assert s.wrong == ["d: China SANCTION South Korea"]
    assert "d: Lee Jae Myung CONSULT China" in s.missed


def test_facts_are_compared_within_their_document():
    assert figures(GOLD, [fact(LEE, "leaderOf", KOR, doc="other")])[0] == 0.0


def test_wildcards_and_text_spans():
    span = Ref.of("Japanese Prime Minister Ryutaro Hashimoto", loose=True, country="JPN")
    gold = [fact(span, "x", [], "AGREE", optional=True), fact(span, "x", Ref.of("U.S.", loose=True), "REJECT")]
    hashimoto = Ref.of("Ryutaro Hashimoto", country="JPN")
    s = score(gold, [fact(hashimoto, "agreesWith", KOR, "AGREE"), fact(hashimoto, "rejects", Ref.of("US"), "REJECT")],
              ev.Level("entity", ev.plover_scheme, "entity"))
    assert (s.overall.correct, s.overall.predicted, s.overall.found, s.overall.gold) == (1, 1, 1, 1)
    assert not ev.entity_match(Ref.of("Tokyo"), Ref.of("Tokyo Electric"))  # containment only for spans


# ------------------------------------------------------------------ relation records

def entity(label, typ="Country", country=None, qid=None, aliases=()):
    return Entity(id=f"https://w3id.org/kg/id/{label}", label=label, type=typ, aliases=aliases, wikidata=qid,
                  country=country)


def relation(s, pred, o, plover=None, doc="d", **kw):
    return Relation(doc=doc, sentence="", start=0, end=0, subject=s, predicate=pred, object=o, plover=plover, **kw)


def test_relation_records_become_facts_with_country_codes():
    un = entity("United Nations", "InternationalOrganization", "USA", "Q1065")
    f = ev.fact_from_relation(relation(entity("Iraq", country="IRQ"), "requests", un, "REQUEST", negated=True))
    assert f.object[0].country == "IGO" and f.subject[0].country == "IRQ"
    assert f.negated and not f.asserted and f.plovers == ("REQUEST",)
    group = entity("al-Qaeda", "Group")
    assert gsr_country(group) == "NSA" and ev.country_code(group) is None


# ------------------------------------------------------------------ gold files

def write_gold(tmp_path, *lines, text="Alpha met Beta in Gamma.\n"):
    (tmp_path / "doc1.txt").write_text(text, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(x) if isinstance(x, dict) else x for x in lines) + "\n", encoding="utf-8")
    return gold


ALPHA = {"entity": "a", "label": "Alpha Land", "type": "Country", "country": "ALP", "aliases": ["Alpha"]}
BETA = {"entity": "b", "label": "Beta Land", "type": "Country", "country": "BET", "aliases": ["Beta"]}
DOC = {"document": "doc1", "source": "doc1.txt"}
MEETS = {"doc": "doc1", "subject": "a", "predicate": "meetsWith", "plover": "CONSULT", "object": "b"}


def test_a_gold_file_with_its_document(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_SHARED", str(tmp_path / "nowhere"))
    gold = write_gold(tmp_path, "# a comment", DOC, ALPHA, BETA, MEETS,
                      {"doc": "doc1", "subject": {"label": "Gamma"}, "predicate": "locatedIn", "object": "a",
                       "optional": True})
    gs = ev.read_gold(gold)
    assert [d.id for d in gs.documents] == ["doc1"] and gs.documents[0].text.startswith("Alpha met")
    assert len(gs.facts) == 2 and gs.facts[0].symmetric and gs.facts[1].optional
    pred = [relation(entity("Beta", country="BET"), "meetsWith", entity("Alpha Land", country="ALP"), "CONSULT",
                     doc="doc1")]
    rep = ev.evaluate(gs, pred)
    assert ev.figures(rep) == {lv: {"precision": 1.0, "recall": 1.0, "f1": 1.0} for lv in ("entity", "country")}


def test_an_official_of_an_international_organisation_counts_as_igo_in_that_document(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_SHARED", str(tmp_path / "nowhere"))
    gold = write_gold(tmp_path, DOC, ALPHA, {"entity": "un", "label": "Ula Noor", "type": "Person", "country": "IGO"},
                      {"doc": "doc1", "subject": "un", "predicate": "criticizes", "plover": "ACCUSE", "object": "a"})
    gs = ev.read_gold(gold)
    noor = entity("Ula Noor", "Person")
    accuse = relation(noor, "criticizes", entity("Alpha Land", country="ALP"), "ACCUSE", doc="doc1")
    staff = relation(noor, "worksFor", entity("Union of Nations", "InternationalOrganization"), doc="doc1")
    assert ev.figures(ev.evaluate(gs, [accuse]))["country"]["recall"] == 0.0  # no country: left out
    assert ev.figures(ev.evaluate(gs, [accuse, staff]))["country"]["recall"] == 1.0
    # the tie must be asserted, and in the same document
    assert ev.figures(ev.evaluate(gs, [accuse, replace(staff, negated=True)]))["country"]["recall"] == 0.0
    assert ev.figures(ev.evaluate(gs, [accuse, replace(staff, doc="doc2")]))["country"]["recall"] == 0.0


@pytest.mark.parametrize("line, message", [
    ({"doc": "doc1", "subject": "zz", "predicate": "meetsWith", "plover": "CONSULT", "object": "b"},
     "unknown entity 'zz'"),
    ({"doc": "doc1", "subject": "a", "predicate": "meetsWith", "plover": "CHAT", "object": "b"},
     "unknown PLOVER type 'CHAT'"),
    ({"doc": "doc1", "subject": "a", "predicate": "meetsWith", "object": "b"}, "needs a 'plover' type"),
    ({"doc": "doc9", "subject": "a", "predicate": "leaderOf", "object": "b"}, "document 'doc9' has no"),
    ({"doc": "doc1", "subject": "a", "predicate": "leaderOf", "object": "b", "modality": "maybe"},
     "unknown modality 'maybe'"),
    ("{not json", "not JSON"),
    ({"something": 1}, "needs 'document', 'entity' or 'doc'"),
])
def test_bad_gold_lines_name_the_file_and_line(tmp_path, line, message):
    gold = write_gold(tmp_path, DOC, ALPHA, BETA, line)
    with pytest.raises(GoldError) as exc:
        ev.read_gold(gold)
    assert message in str(exc.value) and f"{gold}:4" in str(exc.value)


def test_a_missing_source_names_kg_shared(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_SHARED", str(tmp_path / "nowhere"))
    gold = write_gold(tmp_path, {"document": "x", "source": "corpus/missing.jsonl"}, ALPHA)
    with pytest.raises(GoldError, match="KG_SHARED"):
        ev.read_gold(gold)


def test_the_built_in_sets_say_where_the_shared_data_should_be(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_SHARED", str(tmp_path))
    for name in ("plover", "petrarch", "conll04"):
        with pytest.raises(GoldError, match=f"needed for '{name}'.*KG_SHARED"):
            ev.load(name)
    with pytest.raises(GoldError, match="no gold set named 'plover2'"):
        ev.load("plover2")


# ------------------------------------------------------------------ the external readers, on files written here

def test_the_gsr_reader_handles_several_actors_and_odd_codes(tmp_path):
    path = tmp_path / "gsr.jsonl"
    recs = [
        {"id": "g1", "text": "Arland and Bexia agreed on a pact.", "event": "AGREE",
         "actor": [{"actorText": "Arland", "code": "JAP"}, {"actorText": "Bexia", "code": "ITL"}], "recipient": []},
        {"id": "g2", "text": "Arland promised reforms.", "event": "AGREE",
         "actor": [{"actorText": "Arland", "code": "JPN"}], "recipient": []},
        {"id": "g3", "text": "The UN urged Arland and Bexia to talk.", "event": "REQUEST",
         "actor": [{"actorText": "UN", "code": "IGO"}],
         "recipient": [{"actorText": "Arland", "code": "JPN"}, {"actorText": "Bexia", "code": "ITA"}]},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    gs = ev.load(path)  # the format is read off the file
    assert gs.name == "gsr" and ev.sniff(path) == "plover"
    mutual, alone, urged = gs.facts
    assert mutual.symmetric and {r.country for r in mutual.object} == {"JPN", "ITA"}
    assert alone.optional and alone.object == ()
    assert {r.country for r in urged.object} == {"JPN", "ITA"}
    un = entity("United Nations", "InternationalOrganization", "USA")
    preds = [relation(un, "requests", entity("Bexia", country="ITA"), "REQUEST", doc="g3"),
             relation(entity("Bexia", country="ITA"), "agreesWith", entity("Arland", country="JPN"), "AGREE", doc="g1"),
             relation(entity("Arland", country="JPN"), "leaderOf", entity("Bexia", country="ITA"), doc="g1")]
    rep = ev.evaluate(gs, preds)
    assert ev.figures(rep)["country"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_the_petrarch_reader_maps_codes_and_cameo(tmp_path):
    table = tmp_path / "c2p.txt"
    table.write_text("# table\n04: CONSULT\n042: CONSULT, visit,\n19: ASSAULT\n190: ASSAULT, , military\n", "utf-8")
    path = tmp_path / "unit.jsonl"
    recs = [{"id": "T-1", "date": "19950101", "text": "Arland visited Bexia.",
             "events": [{"sourcecode": "ARLGOV", "targetcode": "bex", "eventcode": "042"}]},
            {"id": "T-1", "text": "Someone shelled Bexia.", "events": [{"targetcode": "BEX", "eventcode": "194"},
                                                                       {"error": "x"}]},
            {"id": "T-3", "text": "Nothing.", "events": [{"sourcecode": "---GOV", "targetcode": "BEX",
                                                          "eventcode": "023"}]}]
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    gs = ev.read_petrarch(path, tmp_path / "actors.txt", table)
    assert [d.id for d in gs.documents] == ["T-1#1", "T-1#2", "T-3#3"] and gs.documents[0].date == "1995-01-01"
    visit, shelling, unknown = gs.facts
    assert visit.subject[0].country == "ARL" and visit.object[0].country == "BEX" and visit.plovers == ("CONSULT",)
    assert shelling.subject == () and shelling.optional and shelling.plovers == ("ASSAULT",)
    assert unknown.plovers == () and unknown.optional
    pred = [relation(entity("Arland", country="ARL"), "visits", entity("Bexia", country="BEX"), "CONSULT",
                     doc="T-1#1", cameo="042")]
    figs = ev.figures(ev.evaluate(gs, pred))
    assert figs["cameo"]["f1"] == figs["root"]["f1"] == figs["plover"]["f1"] == 1.0
    assert ev.plover_of_cameo("1711", {"17": "COERCE"}) == "COERCE" and ev.plover_of_cameo("02", {}) is None


def test_the_conll04_reader_maps_relations(tmp_path):
    path = tmp_path / "dev.json"
    data = [{"tokens": ["Ann", "Lee", ",", "who", "heads", "Acme", "Corp", "(", "Ohio", ")", "."],
             "entities": [{"type": "Peop", "start": 0, "end": 2}, {"type": "Org", "start": 5, "end": 7},
                          {"type": "Loc", "start": 8, "end": 9}],
             "relations": [{"type": "Work_For", "head": 0, "tail": 1}, {"type": "OrgBased_In", "head": 1, "tail": 2}],
             "orig_id": 7}]
    path.write_text(json.dumps(data), encoding="utf-8")
    gs = ev.load(path)
    assert ev.sniff(path) == "conll04" and gs.name == "dev"
    assert gs.documents[0].text == "Ann Lee, who heads Acme Corp (Ohio)." and gs.documents[0].id == "conll04-7"
    preds = [relation(entity("Ann Lee", "Person"), "leaderOf", entity("Acme Corp", "Organization"), doc="conll04-7"),
             relation(entity("Acme", "Organization"), "basedIn", entity("Ohio", "Location"), doc="conll04-7"),
             relation(entity("Ann Lee", "Person"), "visits", entity("Ohio", "Location"), "CONSULT", doc="conll04-7")]
    rep = ev.evaluate(gs, preds)
    assert ev.figures(rep)["entity"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert set(rep.level("entity").by_type) == {"Work_For", "OrgBased_In"}


# ------------------------------------------------------------------ floors

def report(name, p, r, level="entity"):
    c = ev.Counts(correct=round(p * 100), predicted=100, found=round(r * 100), gold=100)
    return ev.Report(name, 1, 100, 100, [ev.LevelScore(level, c, {})])


def test_floors_sit_a_little_below_and_say_when_they_go_down():
    floors, changes = ev.update_floors([report("s", 0.5, 0.05)], {})
    assert floors["s"]["entity"] == {"precision": 0.48, "recall": 0.045, "f1": ev.floor_of(2 * 0.5 * 0.05 / 0.55)}
    assert ev.below_floors(report("s", 0.5, 0.05), floors) == []
    assert ev.below_floors(report("s", 0.47, 0.05), floors) == ["s/entity precision 0.4700 is below its floor 0.4800"]
    _, changes = ev.update_floors([report("s", 0.4, 0.05)], floors)
    assert any("LOWERED" in c and "precision" in c for c in changes)


def test_floors_files_are_updated_and_checked(tmp_path):
    path = tmp_path / "floors.json"
    assert ev.update_floors_file([report("s", 0.9, 0.4)], path) == [
        "s/entity precision: - -> 0.88 (set)", "s/entity recall: - -> 0.38 (set)", "s/entity f1: - -> 0.533 (set)"]
    assert ev.check_floors_file([report("s", 0.9, 0.4)], path) == []
    below = ["s/entity precision 0.8000 is below its floor 0.8800"]
    assert ev.check_floors_file([report("s", 0.8, 0.4)], path) == below
    assert ev.update_floors_file([report("s", 0.9, 0.4)], path) == []


def test_floors_round_trip_through_the_file(tmp_path):
    path = tmp_path / "floors.json"
    floors, _ = ev.update_floors([report("s", 0.9, 0.4)], {})
    ev.write_floors(floors, path)
    assert ev.read_floors(path) == floors
    assert ev.read_floors(tmp_path / "none.json") == {}


# ------------------------------------------------------------------ the command

def test_kg_eval_scores_a_predictions_file(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_SHARED", str(tmp_path / "nowhere"))
    gold = write_gold(tmp_path, DOC, ALPHA, BETA, MEETS)
    preds = tmp_path / "pred.jsonl"
    rels = [relation(entity("Alpha", country="ALP"), "meetsWith", entity("Beta", country="BET"), "CONSULT", doc="doc1"),
            relation(entity("Alpha", country="ALP"), "attacks", entity("Beta", country="BET"), "ASSAULT", doc="doc1"),
            relation(entity("Alpha", country="ALP"), "attacks", entity("Beta", country="BET"), "ASSAULT", doc="x")]
    preds.write_text("".join(json.dumps(r.to_record()) + "\n" for r in rels), encoding="utf-8")
    res = invoke("eval", gold, "--predictions", preds, "--explain")
    assert res.exit_code == 0, res.output
    assert "gold  entity   ALL" in res.output and "0.500  1.000  0.667" in res.output
    assert "doc1: Alpha ASSAULT Beta" in res.output and "1 relation records name documents outside" in res.output
    res = invoke("eval", gold, "--predictions", preds, "--format", "json")
    data = json.loads(res.output)
    assert data[0]["levels"]["country"]["overall"]["precision"] == 0.5


def test_kg_eval_errors(tmp_path, monkeypatch):
    res = invoke("eval", "nonsense")
    assert res.exit_code == 1 and "Error: no gold set named 'nonsense'" in res.output
    res = invoke("eval", "all", "--predictions", "x.jsonl")
    assert res.exit_code == 2 and "exactly one gold set" in res.output
    res = invoke("eval", "seed", "--match", "predicate", "--check-floors")
    assert res.exit_code == 2 and "default measurement" in res.output
    monkeypatch.setenv("KG_SHARED", str(tmp_path))
    res = invoke("eval", "conll04")
    assert res.exit_code == 1 and "KG_SHARED" in res.output and "conll04" in res.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "d"}\n', encoding="utf-8")
    gold = write_gold(tmp_path, DOC, ALPHA, BETA, MEETS)
    res = invoke("eval", gold, "--predictions", bad)
    assert res.exit_code == 1 and f"{bad}:1: not a relation record" in res.output


# ------------------------------------------------------------------ the real gold sets

def test_kgs_own_gold_and_floors_ship_inside_the_package():
    """kg eval finds its gold beside its code, never through a checkout, and the wheel carries it
    (pyproject's packages and package-data; checked against a built wheel by hand, see docs/evaluation.md)."""
    import fnmatch
    import tomllib

    from .conftest import ROOT

    assert ev.GOLD_DIR.parent == Path(ev.__file__).parent and ev.FLOORS_FILE.parent == ev.GOLD_DIR
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert {"kg.evaluate", "kg.evaluate.formats"} <= set(setuptools["packages"])
    patterns = setuptools["package-data"]["kg.evaluate"]
    files = [p.relative_to(ev.GOLD_DIR.parent).as_posix() for p in ev.GOLD_DIR.iterdir()]
    assert files and all(any(fnmatch.fnmatch(f, pat) for pat in patterns) for f in files), (files, patterns)


def test_kg_gold_files_quote_no_article_text():
    """Gold written for kg refers to documents by id: no string in it is long enough to be a sentence,
    and no sentence of the shared articles appears in it."""
    gold_text = ""
    for path in ev.GOLD_DIR.glob("*.jsonl"):
        text = path.read_text(encoding="utf-8")
        gold_text += " ".join(text.split())
        for number, line in enumerate(text.splitlines(), 1):
            if line.startswith("#") or not line.strip():
                continue
            obj = json.loads(line)
            strings = [v for k, v in obj.items() if isinstance(v, str) and k not in ("doc", "document")]
            assert all(len(s) < 70 for s in strings), f"{path.name}:{number}"
    corpus = shared_path("corpus", "wikinews-2019.jsonl")
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    texts.append(shared_path("corpus", "lee-beijing.txt").read_text(encoding="utf-8"))
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            sentence = " ".join(sentence.split())
            assert len(sentence) < 70 or sentence not in gold_text, sentence


@pytest.mark.parametrize("name", ["seed", "wikinews", "wikinews-fresh", "wikinews-fresh2", "wikinews-fresh3",
                                  "wikinews-fresh4"])
def test_kg_gold_scored_against_itself_is_perfect(name):
    """Every alternative of every gold fact, predicted as a fact of its own, is right and finds its fact."""
    shared_path("corpus")
    gs = ev.load(name)
    oracle = [replace(f, subject=(s,), object=(o,), predicates=(p,), plovers=f.plovers[:1])
              for f in gs.facts if not f.optional
              for s in f.subject for o in f.object for p in f.predicates]
    for level in gs.levels:
        s = score(gs.facts, oracle, level)
        assert (s.overall.precision, s.overall.recall) == (1.0, 1.0), (level.name, s.wrong, s.missed)


@pytest.fixture(scope="session")
def reports():
    if not SHARED.exists():
        pytest.skip(f"shared data not found at {SHARED}; set KG_SHARED to the shared folder")
    return {name: ev.run(name) for name in ev.SETS}


@pytest.mark.slow
@pytest.mark.parametrize("name", ev.SETS)
def test_no_figure_drops_below_its_floor(reports, name):
    floors = ev.read_floors()
    assert name in floors, f"no floors for {name} in {ev.FLOORS_FILE}; run: kg eval all --update-floors"
    assert set(floors[name]) == {lv.name for lv in reports[name].levels}
    assert ev.below_floors(reports[name], floors) == []


@pytest.mark.slow
def test_the_seed_gold_covers_the_article(reports):
    rep = reports["seed"]
    assert rep.documents == 1 and rep.level("entity").overall.gold >= 15
    types = set(rep.level("entity").by_type)
    assert {"CONSULT", "SANCTION", "REQUEST", "leaderOf", "allyOf", "tradesWith"} <= types


@pytest.mark.slow
def test_wikinews_gold_has_ten_articles_or_more(reports):
    rep = reports["wikinews"]
    assert rep.documents >= 10 and rep.level("entity").overall.gold >= 100


@pytest.mark.slow
def test_exported_documents_scored_through_relation_records_give_the_same_figures(tmp_path, reports):
    shared_path("gold", "plover", "gsr-dev.jsonl")
    docs, preds = tmp_path / "gsr.jsonl", tmp_path / "pred.jsonl"
    res = invoke("eval", "plover", "--export-documents", docs)
    assert res.exit_code == 0
    res = invoke("extract", "--format", "jsonl", docs)
    preds.write_text(res.output, encoding="utf-8")
    rep = ev.run("plover", predictions=preds)
    assert ev.figures(rep) == ev.figures(reports["plover"])


def test_the_gsr_halves_are_fixed_disjoint_and_cover_the_dev_file():
    shared_path("gold", "plover", "gsr-dev.jsonl")
    whole = ev.load("plover")
    tune, holdout = ev.load("plover-tune"), ev.load("plover-holdout")
    ids = lambda gs: {d.id for d in gs.documents}  # noqa: E731
    assert ids(tune) | ids(holdout) == ids(whole) and not ids(tune) & ids(holdout)
    assert all(ev.half(i) == "tune" for i in ids(tune))
    assert abs(len(ids(tune)) - len(ids(holdout))) < len(ids(whole)) / 5


def test_types_found_counts_gold_events_whose_type_some_prediction_has():
    gold = [Fact(doc="d1", subject=(), object=(), plovers=("SANCTION",)),
            Fact(doc="d2", subject=(), object=(), plovers=("ASSAULT", "COERCE")),
            Fact(doc="d3", subject=(), object=(), predicates=("leaderOf",))]
    e = Entity(id="x", label="X", type="Country")
    rels = [Relation(doc="d1", sentence="", start=0, end=0, subject=e, predicate="sanctions", object=e,
                     plover="SANCTION"),
            Relation(doc="d1", sentence="", start=0, end=0, subject=e, predicate="attacks", object=e,
                     plover="ASSAULT")]
    assert ev.types_found(gold, rels) == (1, 2)
    assert ev.types_found(gold[2:], rels) is None
