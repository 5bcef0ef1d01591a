"""Event roles the small parser gets wrong in ways no sentence of ours reproduces reliably."""

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extractors.rules.objects import misparsed_objects


def _doc(words, heads, deps):
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_a_second_subject_after_an_active_verb_is_its_object():
    # "Berg shot and wounded Voss" parsed with Voss as a second subject of "shot"
    doc = _doc(["Berg", "shot", "and", "wounded", "Voss", "."], [1, 1, 1, 1, 1, 1],
               ["nsubj", "ROOT", "cc", "conj", "nsubj", "punct"])
    assert [t.text for t in misparsed_objects(doc[1])] == ["Voss"]


def test_an_inverted_subject_alone_is_still_the_subject():
    # '"We won," said Voss': no subject before the verb, so nothing is read as an object
    doc = _doc(["We", "won", ",", "said", "Voss", "."], [1, 3, 3, 3, 3, 3],
               ["nsubj", "ccomp", "punct", "ROOT", "nsubj", "punct"])
    assert misparsed_objects(doc[3]) == []


def test_a_noun_coordinated_with_a_verb_is_its_object():
    # "Berg shot and mortally wounded Voss" parsed as "wounded" an adjective of "Voss", and
    # "Voss" coordinated with "shot"
    doc = _doc(["Berg", "shot", "and", "mortally", "wounded", "Voss", "."], [1, 1, 1, 4, 5, 1, 1],
               ["nsubj", "ROOT", "cc", "advmod", "amod", "conj", "punct"])
    doc[4].tag_ = "VBN"
    doc[5].pos_ = "PROPN"
    assert [t.text for t in misparsed_objects(doc[1])] == ["Voss"]
