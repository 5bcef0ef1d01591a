from kg.language import english_share, non_english_reason

from .conftest import EXAMPLE, shared_path

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
