import pytest

from kg.language import english_share, non_english_reason

from .conftest import EXAMPLE, invoke, shared_path

FRENCH = ("Le président de la République a reçu mardi son homologue japonais au palais de l'Élysée. "
          "Les deux dirigeants ont évoqué la coopération économique, la sécurité régionale et le climat, "
          "avant une conférence de presse commune dans la cour du palais, devant de nombreux journalistes.")
GERMAN = ("Die Bundeskanzlerin hat am Dienstag ihren japanischen Amtskollegen im Kanzleramt empfangen. "
          "Beide Regierungschefs sprachen über wirtschaftliche Zusammenarbeit, regionale Sicherheit und das "
          "Klima, bevor sie vor zahlreichen Journalisten eine gemeinsame Pressekonferenz gaben.")
RUSSIAN = ("Президент России во вторник принял в Кремле японского премьер-министра. Стороны обсудили "
           "экономическое сотрудничество, региональную безопасность и климат, после чего провели "
           "совместную пресс-конференцию для многочисленных журналистов в Москве.")


def test_english_news_passes():
    assert non_english_reason(EXAMPLE.read_text()) is None
    share, n = english_share(EXAMPLE.read_text())
    assert share > 0.25 and n > 100


def test_every_wikinews_article_is_english():
    import json

    path = shared_path("corpus", "wikinews-2019.jsonl")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            assert non_english_reason(doc["text"]) is None, doc["id"]


def test_other_languages_are_refused_with_a_reason():
    for text in (FRENCH, GERMAN, RUSSIAN):
        reason = non_english_reason(text)
        assert reason is not None and "English" in reason


def test_short_texts_get_the_benefit_of_the_doubt():
    assert non_english_reason("Merkel trifft Macron.") is None
    assert non_english_reason("") is None


# ------------------------------------------------------------------ issue 15, item 12
# Paragraphs are judged one by one by a language identifier (lingua); non-English ones are
# blanked out, keeping every offset; only a text with no English at all is refused. All the
# texts below were written for these tests.

LEADS = [
    # a wire-service lead listing leaders at a meeting
    "OSAKA, Japan (Kg Wire) \u2014 U.S. President Donald Trump, Chinese President Xi Jinping, Russian President "
    "Vladimir Putin, Japanese Prime Minister Shinzo Abe, Indian Prime Minister Narendra Modi, Saudi Crown Prince "
    "Mohammed bin Salman, German Chancellor Angela Merkel and French President Emmanuel Macron opened G20 talks "
    "Friday.",
    # cabinet nominations, names with diacritics
    "PRAGUE \u2014 Czech Prime Minister Andrej Babi\u0161 named Tom\u00e1\u0161 Pet\u0159\u00ed\u010dek foreign "
    "minister, Lubom\u00edr Metnar defence minister, Alena Schillerov\u00e1 finance minister, Jan Ham\u00e1\u010dek "
    "interior minister, Karel Havl\u00ed\u010dek industry minister and Marie Bene\u0161ov\u00e1 justice minister "
    "Monday, completing a minority cabinet backed by Communist deputies.",
    # a state visit: delegations by name
    "BEIJING \u2014 South Korean President Lee Jae Myung, First Lady Kim Hye-kyung, Foreign Minister Cho Hyun, "
    "National Security Adviser Wi Sung-lac, Chinese President Xi Jinping, Premier Li Qiang, Foreign Minister Wang Yi "
    "and Commerce Minister Wang Wentao held talks Tuesday at Beijing's Great Hall.",
    # a sports-style results lead
    "Norway's Johannes Klaebo, Sweden's Calle Halfvarsson, Finland's Iivo Niskanen, Russia's Alexander Bolshunov, "
    "Italy's Federico Pellegrino, France's Maurice Manificat and Switzerland's Dario Cologna finished Sunday's "
    "World Cup sprint final within nine seconds.",
]
HINDI = ("\u092d\u093e\u0930\u0924 \u0914\u0930 \u091c\u093e\u092a\u093e\u0928 \u0915\u0947 "
         "\u092a\u094d\u0930\u0927\u093e\u0928\u092e\u0902\u0924\u094d\u0930\u093f\u092f\u094b\u0902 \u0928\u0947 "
         "\u092e\u0902\u0917\u0932\u0935\u093e\u0930 \u0915\u094b \u0928\u0908 \u0926\u093f\u0932\u094d\u0932\u0940 "
         "\u092e\u0947\u0902 \u0935\u094d\u092f\u093e\u092a\u093e\u0930 \u0914\u0930 "
         "\u0938\u0941\u0930\u0915\u094d\u0937\u093e \u092a\u0930 \u092c\u093e\u0924\u091a\u0940\u0924 "
         "\u0915\u0940\u0964 \u0926\u094b\u0928\u094b\u0902 \u0928\u0947\u0924\u093e\u0913\u0902 \u0928\u0947 "
         "\u090f\u0915 \u0938\u0902\u092f\u0941\u0915\u094d\u0924 \u092c\u092f\u093e\u0928 \u091c\u093e\u0930\u0940 "
         "\u0915\u093f\u092f\u093e\u0964")
FRENCH_PASSAGE = ("Le ministre des Affaires \u00e9trang\u00e8res a d\u00e9clar\u00e9 mardi que la France soutiendrait "
                  "les n\u00e9gociations, tout en appelant les deux parties \u00e0 respecter le cessez-le-feu conclu "
                  "la semaine derni\u00e8re \u00e0 Gen\u00e8ve.")
EN = ["India and Japan signed a trade agreement in New Delhi on Tuesday, officials said.",
      "The prime minister of Japan praised India for its support during the talks.",
      "China criticized the agreement and warned both countries against a military alliance."]


def test_name_heavy_english_leads_are_never_refused():
    from kg.model import Document
    from kg.skips import check

    for lead in LEADS:
        doc = check(Document(id="lead", text=lead))
        assert doc.text == lead


def test_a_foreign_passage_is_blanked_keeping_every_offset(tmp_path):
    from kg.model import Document
    from kg.skips import check, noting

    text = "\n".join([EN[0], HINDI, EN[1], FRENCH_PASSAGE, EN[2]]) + "\n"
    with noting() as notes:
        doc = check(Document(id="mixed", text=text, source="mixed.txt"))
    assert len(doc.text) == len(text)
    for para in EN:  # English stays where it was
        assert doc.text[text.index(para):text.index(para) + len(para)] == para
    for para in (HINDI, FRENCH_PASSAGE):
        start = text.index(para)
        assert doc.text[start:start + len(para)].strip() == ""
    assert notes.count == 1 and "2 non-English paragraphs" in notes.entries[0][1]
    assert "Hindi" in notes.entries[0][1] and "French" in notes.entries[0][1]
    # and through the CLI: relations only from the English paragraphs, the note on stderr
    path = tmp_path / "mixed.txt"
    path.write_text(text, encoding="utf-8")
    res = invoke("extract", "--format", "jsonl", path)
    assert res.exit_code == 0 and "2 non-English paragraphs" in res.output
    import json

    records = [json.loads(x) for x in res.output.splitlines() if x.startswith("{")]
    assert records
    for r in records:  # the evidence is English only, at the offsets of the original text
        assert " ".join(r["sentence"].split()) in EN
        assert text[r["start"]:r["end"]].startswith(r["sentence"].rstrip())


def test_only_a_text_without_english_is_refused():
    from kg.errors import InputError
    from kg.model import Document
    from kg.skips import check

    hindi_doc = "\n".join([HINDI] * 3)
    short_lines = "\n".join([  # one short French sentence a line: no line is long enough alone
        "Le gouvernement a annonc\u00e9 mardi un plan pour les h\u00f4pitaux.",
        "Les syndicats ont critiqu\u00e9 la r\u00e9forme des retraites.",
        "La ministre a promis de nouvelles n\u00e9gociations en janvier.",
        "Le pr\u00e9sident recevra les maires de la r\u00e9gion jeudi.",
    ])
    for text, language in [(FRENCH, "French"), (GERMAN, "German"), (RUSSIAN, "Russian"), (hindi_doc, "Hindi"),
                           (FRENCH_PASSAGE, "French"), (short_lines, "French")]:
        with pytest.raises(InputError, match=rf"does not look like English.*{language}"):
            check(Document(id="x", text=text, source="x.txt"))


def test_the_language_identifier_is_built_once_per_process():
    from kg import language

    assert language.detector() is language.detector()


def test_no_wikinews_article_is_refused_or_cut():
    import json

    from kg.language import judge

    path = shared_path("corpus", "wikinews-2019.jsonl")
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        verdict = judge(doc["text"])
        assert verdict.refusal is None and not verdict.dropped, (doc["id"], verdict)
