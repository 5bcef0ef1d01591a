"""The extractor beyond what a sentence gives (that is tests/data/extraction.jsonl): records
carry codes, links and provenance, actors merge into one entity, and no input hangs it."""

from __future__ import annotations


def test_records_carry_codes_links_and_provenance(example_extraction):
    ex = example_extraction
    visit = next(r for r in ex.relations if r.predicate == "visits" and r.object.label == "Tokyo")
    assert (visit.plover, visit.mode, visit.cameo) == ("CONSULT", "visit", "042")
    assert visit.object.wikidata == "Q1490" and visit.object.country == "JPN"
    assert ex.document.text[visit.start:visit.end].strip() == visit.sentence.strip()
    assert 0 < visit.confidence <= 1 and visit.extractor == "rules"


def test_one_entity_per_actor(example_extraction):
    labels = {}
    for r in example_extraction.relations:
        for e in (r.subject, r.object):
            labels.setdefault(e.label, set()).add(e.id)
    assert all(len(ids) == 1 for ids in labels.values())
    assert not {"Trudeau", "Abe", "Canadian", "Japanese"} & set(labels)


def test_an_organisation_heading_its_own_sentence_does_not_hang():
    """A headline that is only a national body once sent a loop round the parse root."""
    import subprocess
    import sys

    code = ("from kg.pipeline import extract_documents; from kg.model import Document; "
            "list(extract_documents([Document('h', 'Congress\\n\\nThe session opened on Monday.')]))")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_the_rule_data_files_load_and_every_list_a_rule_names_exists():
    """A typo in kg/data/rules/ fails here, with the file and row, not in the middle of a build."""
    import re
    from pathlib import Path

    from kg.extractors.rules import statics, triggers, words

    lists = words.load()
    assert triggers._senses()["known"] and statics._triggers()["lemma"] and words.jsonl_rows("reported.jsonl")
    package = Path(words.__file__).parent
    named = {name for path in package.glob("*.py") for name in re.findall(r"\bW\.([a-z_]+)\b", path.read_text())}
    for data in ("verb_senses.jsonl", "static_triggers.jsonl", "named_shapes.jsonl"):
        rows = [line for line in (package.parent.parent / "data" / "rules" / data).read_text().splitlines()
                if not line.startswith("#")]
        named |= {n for row in rows for n in re.findall(r'"@([a-z_]+)"', row) if n not in ("lexicon", "agents")}
    named -= set(words.named_shapes())  # (shapes, not word lists: the loader has read them all above)
    assert named <= set(lists), sorted(named - set(lists))


def test_a_rule_row_names_a_word_list_by_at():
    """A row of verb_senses.jsonl, static_triggers.jsonl or the lexicon's events.tsv reads the
    words of a list it names ("@finding_verbs") from kg/data/rules/*.tsv, their one source."""
    from kg import lexicon
    from kg.extractors.rules import statics, triggers, words

    assert words.W.finding_verbs <= set(triggers._senses()["unknown"])
    assert words.W.seat_participles | {"headquarters"} <= set(statics._triggers()["lemma"])
    assert lexicon.load().restricted["prorogue"][0].requires == words.W.legislature_nouns


def test_a_rule_row_names_a_shared_shape_by_at():
    """A condition several rows share is written once, in named_shapes.jsonl, and a row's
    shape names it by "@name", alone or inside another shape."""
    from kg.extractors.rules import words

    text = ('{"lemmas": ["overrule"], "when": "known", "unless": "@by_a_court", "then": "drop"}\n'
            '{"lemmas": ["overrule"], "when": "unknown", "if": {"all": [{"child": {"dep": "dobj"}}, '
            '{"not": "@by_a_court"}]}, "then": {"predicate": "accuses"}}\n')
    first, second = words.jsonl_rows("made_up.jsonl", text)
    court = words.named_shapes()["by_a_court"]
    assert court["any"] and first["unless"] == court and second["if"]["all"][1] == {"not": court}


def test_a_rule_row_naming_what_no_file_defines_fails_with_its_file_and_line():
    """A misspelt "@name" in a rule row stops the rules from loading, as kg's own error, and
    says where: not a shape that fits nothing, nor a word list read as empty."""
    import pytest

    from kg.errors import DataError, KGError
    from kg.extractors.rules import words

    shape = ('# a comment\n{"lemmas": ["overrule"], "when": "known", '
             '"if": {"any": [{"dep": "ROOT"}, "@by_a_cort"]}, "then": "drop"}\n')
    with pytest.raises(DataError, match=r"made_up\.jsonl, line 2: no shape named @by_a_cort\b") as exc:
        words.jsonl_rows("made_up.jsonl", shape)
    assert isinstance(exc.value, KGError)
    with pytest.raises(DataError, match=r"made_up\.jsonl, line 1: no word list named @finding_verb\b"):
        words.jsonl_rows("made_up.jsonl", '{"lemmas": ["@finding_verb", "rule"], "when": "unknown", "then": "drop"}')
    with pytest.raises(DataError, match=r"line 1: no shape named @force_wordz\b.*nor a word list"):
        words.jsonl_rows("made_up.jsonl", '{"lemmas": ["rule"], "when": "known", '
                                          '"if": {"sentence": {"lemma": "@force_wordz"}}, "then": "drop"}')


def test_a_named_shape_in_place_of_a_word_fails_the_shape_check():
    """Shapes and word lists share one set of names; a shape's name where words belong is
    caught when the rows are checked, not read as a list of its keys."""
    import pytest

    from kg.extractors.rules import shapes, words

    row, = words.jsonl_rows("made_up.jsonl", '{"if": {"subject": {"lemma": ["judge", "@by_a_court"]}}}')
    from kg.errors import DataError

    with pytest.raises(DataError, match="'lemma' is a string or a list of strings"):
        shapes.check(row["if"], "made_up.jsonl")
