"""Entity resolution and offline linking: names, demonyms, capitals, user gazetteers."""

from __future__ import annotations

import re

import pytest

from kg import gazetteer as gaz
from kg.errors import InputError
from kg.model import Document, Mention
from kg.resolve import DocumentResolver, clean_name

from .conftest import shared_path


@pytest.mark.parametrize(("raw", "clean"), [
    ("Lee Jae Myung’s", "Lee Jae Myung"),
    ("South Korea-", "South Korea"),
    ("“China”", "China"),
    ("the United States'", "United States"),
    ("Mr. Smith", "Smith"),
    ("  Xi   Jinping ", "Xi Jinping"),
])
def test_clean_name(raw, clean):
    assert clean_name(raw) == clean


def _m(text, typ="Person", country=None, key=None):
    return Mention(text, 0, len(text), typ, country=country, key=key)


def test_surname_joins_the_full_name_met_in_the_document():
    g = gaz.default()
    r = DocumentResolver(g, [_m("Lee Jae Myung"), _m("Lee"), _m("Xi")])
    lee = r.entity(_m("Lee"))
    assert lee.label == "Lee Jae Myung" and lee.country == "KOR"
    assert "Lee" in lee.aliases
    assert r.entity(_m("Xi")).wikidata == "Q15031"


def test_surname_joins_a_full_name_met_outside_any_relation():
    r = DocumentResolver(gaz.default(), [_m("Okonjo")], ["Amaka Okonjo", "Ben Tal's"])
    assert r.entity(_m("Okonjo")).label == "Amaka Okonjo"
    assert r.entity(_m("Tal")).label == "Ben Tal"


def test_a_surname_introduced_in_a_sentence_without_facts_still_merges():
    from kg.pipeline import extract_documents

    text = ("On Monday, Peter Novak, who has run the agency since 2017, spoke to reporters. "
            "Novak later met Xi Jinping in Beijing.")
    rels = next(extract_documents([Document("d", text)])).relations
    assert ("Peter Novak", "meetsWith", "Xi Jinping") in {(r.subject.label, r.predicate, r.object.label) for r in rels}


def test_a_surname_tagged_as_an_organisation_is_the_person_of_that_name():
    r = DocumentResolver(gaz.default(), [_m("Peter Novak"), _m("Novak", "Organization")])
    novak = r.entity(_m("Novak", "Organization"))
    assert (novak.label, novak.type) == ("Peter Novak", "Person")
    # an organisation the gazetteer knows stays itself, whoever the text names
    r = DocumentResolver(gaz.default(), [_m("Omar Hamas"), _m("Hamas", "Group")])
    assert r.entity(_m("Hamas", "Group")).label == "Hamas"


def test_a_shorter_full_name_is_the_longer_one_but_not_across_a_generation():
    r = DocumentResolver(gaz.default(), [_m("Anna Maria Keller"), _m("Anna Keller"), _m("Keller")])
    assert r.entity(_m("Anna Keller")).label == "Anna Maria Keller"
    assert r.entity(_m("Keller")).label == "Anna Maria Keller"
    r = DocumentResolver(gaz.default(), [_m("Tom Brandt"), _m("Tom Brandt Jr."), _m("Brandt")])
    assert r.entity(_m("Tom Brandt")).label == "Tom Brandt"
    assert r.entity(_m("Brandt")).label == "Brandt"


def test_ambiguous_surnames_are_left_alone():
    r = DocumentResolver(gaz.default(), [_m("Kim Jong-un"), _m("Kim Yo-jong"), _m("Kim")])
    assert r.entity(_m("Kim")).label == "Kim"


def test_one_country_per_entity_over_the_whole_document():
    people = [_m("Jane Roe", country="FRA"), _m("Jane Roe"), _m("Jane Roe", country="FRA")]
    r = DocumentResolver(gaz.default(), people)
    assert {r.entity(m).country for m in people} == {"FRA"}
    tied = [_m("John Doe", country="FRA"), _m("John Doe", country="DEU")]
    assert DocumentResolver(gaz.default(), tied).entity(tied[0]).country is None


def test_persons_never_link_to_places_of_the_same_name():
    r = DocumentResolver(gaz.default(), [_m("Jordan")])
    e = r.entity(_m("Jordan"))
    assert e.type == "Person" and e.wikidata is None and e.country is None


def test_demonyms_capitals_and_organisations_link_offline():
    g = gaz.default()
    assert g.demonym("Chinese").country == "CHN"
    assert g.demonym("Sierra Leonean").country == "SLE"
    beijing = g.lookup("Beijing")
    assert (beijing.type, beijing.country, beijing.wikidata) == ("City", "CHN", "Q956")
    assert g.lookup("Washington").country == "USA"
    nato = g.lookup("NATO")
    assert nato.type == "InternationalOrganization" and nato.country is None  # no country's actor
    assert g.lookup("Hezbollah").country == "LBN"
    assert g.lookup("Pyongyang").type == "City"


def test_every_country_has_iso3_and_every_sovereign_state_a_capital():
    g = gaz.default()
    assert len(g.countries) >= 240
    for iso, actor in g.countries.items():
        assert re.fullmatch(r"[A-Z]{3}", iso), iso  # ISO 3166-1 alpha-3, never a subdivision code
        assert actor.wikidata is None or re.fullmatch(r"Q\d+", actor.wikidata)
    for iso in ("CHN", "KOR", "PRK", "USA", "RUS", "JPN", "IRN", "UKR", "KGZ", "MKD", "SLE", "ZMB"):
        assert iso in g.capitals, iso


def test_qids_are_well_formed_and_not_shared_by_different_actors():
    g = gaz.default()
    owners: dict[str, set[str]] = {}
    for actor in set(g.names.values()):
        if actor.wikidata:
            assert re.fullmatch(r"Q[1-9]\d*", actor.wikidata), actor
            owners.setdefault(actor.wikidata, set()).add(actor.label)
    shared = {q: labels for q, labels in owners.items() if len(labels) > 1}
    assert not shared, shared


def test_office_holders_carry_office_and_country():
    g = gaz.default()
    xi = g.lookup("Xi Jinping")
    assert (xi.country, xi.relation, xi.wikidata) == ("CHN", "leaderOf", "Q15031")
    assert g.lookup("Lee Jae-myung").country == "KOR"
    rutte = g.lookup("Mark Rutte")
    assert rutte.of == "North Atlantic Treaty Organization" and rutte.country is None
    # the derived table gives older office-holders a country, but no office and no QID
    yeltsin = g.lookup("Boris Yeltsin")
    assert yeltsin.country == "RUS"


def test_titles_say_what_they_imply():
    g = gaz.default()
    assert g.title_relations("canadian prime minister") == ("leaderOf", "leaderOf")
    assert g.title_relations("opposition leader") == (None, None)
    assert g.title_relations("former president") == (None, None)
    assert g.title_relations("journalist") == ("worksFor", "citizenOf")
    assert g.title_relations("weather") is None


# ------------------------------------------------------------------ user gazetteers
def _fresh():
    import copy

    return copy.deepcopy(gaz.default())


def test_user_csv_gazetteer(tmp_path):
    f = tmp_path / "actors.csv"
    f.write_text("name,aliases,type,country,wikidata\nAcme Defence,Acme|ACD,Organization,FRA,\n"
                 "Jane Roe,,Person,GBR,Q123\n", encoding="utf-8")
    g = _fresh()
    assert g.load_user_file(f) >= 4
    acme = g.lookup("ACD")
    assert (acme.label, acme.type, acme.country, acme.user) == ("Acme Defence", "Organization", "FRA", True)
    assert g.lookup("jane roe").wikidata == "Q123"


def test_user_tsv_gazetteer_overrides_the_built_in_entry(tmp_path):
    f = tmp_path / "actors.tsv"
    f.write_text("name\ttype\tcountry\nGeorgia\tLocation\tUSA\n", encoding="utf-8")
    g = _fresh()
    g.load_user_file(f)
    assert g.lookup("Georgia").country == "USA"
    assert gaz.default().lookup("Georgia").country == "GEO"  # the shared default is untouched


@pytest.mark.parametrize(("content", "message"), [
    ("label,type\nAcme,Organization\n", "'name' column"),
    ("name,type\nAcme,Company\n", "unknown type 'Company'"),
    ("name,country\nAcme,France\n", "not an ISO alpha-3"),
    ("name,wikidata\nAcme,12\n", "not a QID"),
    ("", "empty"),
])
def test_bad_user_gazetteers_say_what_and_where(tmp_path, content, message):
    f = tmp_path / "bad.csv"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        _fresh().load_user_file(f)
    assert message in str(err.value) and "bad.csv" in str(err.value)


def test_petrarch_format(tmp_path):
    f = tmp_path / "actors.txt"
    f.write_text(
        "<!-- a comment\n# spanning lines -->\n"
        "FREEDONIA [FRD]\n+FREEDONIAN\n+FREEDONIA_CITY\n\n"
        "RUFUS_FIREFLY  # a person with dated codes\n+FIREFLY\n\t[FRDGOV 19330101-19331231]\n\t[FRDELI >19340101]\n"
        "SYLVANIA_ARMY [SYLMIL]\n"
        "NOBODY [---]\n"
        "LEAGUE_OF_FREE_NATIONS [IGOLFN]\n",
        encoding="utf-8")
    g = _fresh()
    g.load_user_file(f)
    assert g.lookup("Freedonian").country == "FRD"
    assert g.lookup("Freedonia City").label == "Freedonia"
    assert g.lookup("Firefly").country == "FRD"  # the latest dated code, alias before the codes
    assert g.lookup("Sylvania Army").country == "SYL"
    assert g.lookup("Nobody") is None
    league = g.lookup("League of Free Nations")
    assert league.type == "InternationalOrganization" and league.country is None


def test_petrarch_validation_dictionary_loads():
    g = _fresh()
    g.load_user_file(shared_path("gold", "petrarch", "PETR.Validate.actors.txt"))
    assert g.lookup("Arnor").country == "ARN"
    assert g.lookup("Minas Tirith").country == "GON"
    assert g.lookup("Eriadorian").country == "ERI"
    assert g.lookup("Smeagol").label == "Gollum"
    assert g.lookup("Boromir") is None  # [---]: not an actor
    assert g.lookup("Australia").wikidata == "Q408"  # same country as the built-in: keep its link


def test_user_gazetteer_in_the_extractor(tmp_path):
    from kg.pipeline import extract_documents, load_gazetteer

    f = tmp_path / "actors.txt"
    f.write_text("FREEDONIA [FRD]\n+FREEDONIAN\nSYLVANIA [SYL]\nRUFUS_FIREFLY [FRDGOV]\n", encoding="utf-8")
    g = load_gazetteer([f])
    ex = next(extract_documents([Document("d", "Freedonian troops attacked Sylvania. Rufus Firefly praised Sylvania.")],
                                gazetteer=g))
    facts = {(r.subject.label, r.predicate, r.object.label, r.subject.country) for r in ex.relations}
    assert ("Freedonia military", "attacks", "Sylvania", "FRD") in facts  # a user's country has sectors too
    assert ("Rufus Firefly", "praises", "Sylvania", "FRD") in facts


def test_a_body_every_state_has_takes_the_country_of_the_document():
    kenya = _m("Kenya", "Country", country="KEN")
    r = DocumentResolver(gaz.default(), [kenya, _m("Parliament", "Organization")])
    body = r.entity(_m("Parliament", "Organization"))
    assert (body.label, body.country) == ("Kenya Parliament", "KEN")
    assert "Parliament" in body.aliases
    # the mention's own country wins over the document's
    r = DocumentResolver(gaz.default(), [kenya, _m("Foreign Ministry", "Organization", country="PER")])
    assert r.entity(_m("Foreign Ministry", "Organization", country="PER")).label == "Peru Foreign Ministry"


def test_a_body_is_left_as_written_when_the_country_is_unclear_or_may_be_local():
    two = [_m("Kenya", "Country", country="KEN"), _m("Peru", "Country", country="PER")]
    r = DocumentResolver(gaz.default(), [*two, _m("Parliament", "Organization")])
    assert r.entity(_m("Parliament", "Organization")).label == "Parliament"
    # a senate, a council, the police may be a state's or a town's: no country is given them
    r = DocumentResolver(gaz.default(), [two[0], _m("Senate", "Organization")])
    assert r.entity(_m("Senate", "Organization")).label == "Senate"


@pytest.mark.parametrize(("name", "typ", "country"), [
    ("Dairy Cooperative of Uruguay", "Organization", "URY"),
    ("Ferry Operators Association of Lagos", "Organization", "NGA"),  # a city names its country
    ("Chilean Federation of Miners", "Organization", "CHL"),
    ("Mongolia Wrestling League", "Organization", "MNG"),
    ("Bolivian Aymara", "Group", "BOL"),
    ("Front of Peru and the Andes", "Organization", None),  # the place after "of" must be known whole
    ("Green Future Alliance", "Organization", None),
    ("Uruguayans", "Group", None),  # a demonym alone is a people, not an organisation
])
def test_an_unknown_organisation_takes_the_country_its_name_gives(name, typ, country):
    m = _m(name, typ=typ)
    assert DocumentResolver(gaz.default(), [m]).entity(m).country == country


def test_a_named_organisation_keeps_its_gazetteer_entry():
    # the UN is no country's organisation, whatever its words
    m = _m("United Nations", typ="Organization")
    assert DocumentResolver(gaz.default(), [m]).entity(m).country is None


@pytest.mark.parametrize(("text", "country"), [
    ("On Monday President Blaise Compaore thanked the farmers.", "BFA"),
    ("Burkinabe Prime Minister Blaise Compaore thanked the farmers.", "BFA"),
    ("On Monday Blaise Compaore thanked the farmers.", None),  # a name alone may be anyone's
    ("On Monday former President Blaise Compaore thanked the farmers.", None),
    ("On Monday envoy Blaise Compaore thanked the farmers.", None),  # not a head: maybe of a body
])
def test_a_derived_office_holder_called_head_of_state_takes_the_country(text, country):
    start = text.index("Blaise")
    m = Mention("Blaise Compaore", start, start + len("Blaise Compaore"), "Person")
    assert DocumentResolver(gaz.default(), [m], text=text).entity(m).country == country


def test_a_city_beyond_the_capital_names_its_country():
    m = _m("Fallujah", typ="Location")
    assert DocumentResolver(gaz.default(), [m]).entity(m).country == "IRQ"


@pytest.mark.parametrize("name", ["ILO", "International Labor Office", "WFP", "G8", "SADC", "UNRWA",
                                  "Organization of the Islamic Conference"])
def test_intergovernmental_organisations_count_as_igo(name):
    m = _m(name, typ="Organization")
    e = DocumentResolver(gaz.default(), [m]).entity(m)
    assert e.type == "InternationalOrganization" and e.country is None


# ------------------------------------------------------------------ one entity per real entity

def test_names_that_share_a_key_are_one_entity_in_a_document():
    a, b = _m("U.S. Trade Council", "Organization"), _m("US Trade Council", "Organization")
    r = DocumentResolver(gaz.default(), [a, b, a])
    assert r.entity(a) == r.entity(b)
    assert (r.entity(b).label, r.entity(b).aliases) == ("U.S. Trade Council", ("US Trade Council",))


def test_the_type_is_voted_over_the_mentions():
    # a title before the name, and a role only a person plays, outvote one odd tag
    text = "Security minister Ruslan Dorvash was stabbed. Police said Dorvash was stable."
    first = Mention("Ruslan Dorvash", text.index("Ruslan"), text.index("Ruslan") + 14, "Location")
    e = DocumentResolver(gaz.default(), [first], text=text).entity(first)
    assert e.type == "Person" and e.id.endswith("person/ruslan-dorvash")
    m = _m("Ilse Brandauer", "Organization")
    assert DocumentResolver(gaz.default(), [m], votes=[(m, "Person")] * 2).entity(m).type == "Person"
    # with nothing else said, the tag stands
    assert DocumentResolver(gaz.default(), [m]).entity(m).type == "Organization"
    # mentions the gazetteer links count twice: the country's name tagged once as a person is the country
    jordan = [_m("Jordan", "Country", country="JOR"), _m("Jordan", "Person")]
    assert {DocumentResolver(gaz.default(), jordan).entity(x).type for x in jordan} == {"Country"}


def test_a_full_name_with_a_middle_name_and_a_generation_is_the_shorter_name():
    people = [_m("John James Conyers Jr."), _m("John Conyers"), _m("Conyers"), _m("Conyers", "Organization")]
    r = DocumentResolver(gaz.default(), people)
    assert {r.entity(m).label for m in people} == {"John James Conyers Jr."}


def test_a_bare_surname_the_document_cannot_complete_is_marked_partial():
    r = DocumentResolver(gaz.default(), [_m("Okafor"), _m("Ben Tal"), _m("Tal")])
    assert r.entity(_m("Okafor")).partial and not r.entity(_m("Tal")).partial
    assert r.entity(_m("Okafor")).mentions == 1
    # a surname two full names share is not completed, and not partial either: the document knows better
    r = DocumentResolver(gaz.default(), [_m("Kim Jong-un"), _m("Kim Yo-jong"), _m("Kim")])
    assert not r.entity(_m("Kim")).partial


def test_a_shorter_organisation_name_joins_the_one_longer_name_it_ends():
    long, short = _m("US Libertarian Party", "Organization"), _m("Libertarian Party", "Organization")
    e = DocumentResolver(gaz.default(), [long, short]).entity(short)
    assert (e.label, e.country) == ("US Libertarian Party", "USA") and "Libertarian Party" in e.aliases
    # two longer names, or a one-word name: left as written
    two = [short, long, _m("Canadian Libertarian Party", "Organization")]
    assert DocumentResolver(gaz.default(), two).entity(short).label == "Libertarian Party"
    r = DocumentResolver(gaz.default(), [_m("Senate", "Organization"), _m("Ruritania Senate", "Organization")])
    assert r.entity(_m("Senate", "Organization")).label == "Senate"


# ------------------------------------------------------------------ capitals, seats and the publisher

def _relations(text: str, url: str | None = None):
    from kg.pipeline import extract_documents

    return list(next(extract_documents([Document("d", text, url=url)])).relations)


def test_a_capital_acting_in_an_event_is_its_state():
    rels = _relations("Washington criticized Tehran over the missile tests on Monday.")
    r = next(r for r in rels if r.predicate == "criticizes")
    assert (r.subject.label, r.object.label) == ("United States", "Iran")
    assert (r.subject_mention, r.object_mention) == ("Washington", "Tehran")
    rels = _relations("The Kremlin rejected the proposal by Germany.")
    assert any(r.subject.label == "Russia" and r.subject_mention == "Kremlin" for r in rels), rels


def test_a_capital_as_the_place_of_an_event_stays_the_city():
    rels = _relations("The Canadian prime minister visited Tokyo on Monday.")
    assert any(r.predicate == "visits" and r.object.label == "Tokyo" and r.object_mention is None for r in rels)
    # a state acting in its own capital: about the city, not the state on itself
    rels = _relations("Chile lifted the state of emergency in Santiago on Monday.")
    assert any(r.object.label == "Santiago" for r in rels), rels


def test_the_publishers_own_name_is_no_actor():
    text = ("Wikinews reporter Alma Reyes covered the vote. Senator Tom Arkin told Wikinews that "
            "Brazil criticized Chile over the dam.")
    rels = _relations(text, url="https://en.wikinews.org/wiki/Vote")
    assert not any("Wikinews" in (r.subject.label, r.object.label) for r in rels), rels
    assert any((r.subject.label, r.object.label) == ("Brazil", "Chile") for r in rels)
    # in another publisher's article it is an organisation like any other
    assert gaz.default().publisher_names("https://www.example.org/a") == {"example"}


def test_every_country_code_in_the_tables_is_iso_alpha_3():
    g = gaz.default()
    codes = {a.country for a in set(g.names.values()) if a.country}
    assert codes <= set(g.countries) and all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert g.lookup("Gaza Strip").country == "PSE"
    assert all(t in g.countries or g.lookup(t) is not None for t in g.seats.values())


def test_an_acronym_the_document_spells_out_is_one_entity_with_the_name():
    text = "The Ruritanian Mining Board (RMB) met on Monday. The Ruritanian Mining Board and the RMB agreed."
    short, long = _m("RMB", "Organization"), _m("Ruritanian Mining Board", "Organization")
    r = DocumentResolver(gaz.default(), [short, long, long], text=text)
    assert r.entity(short) == r.entity(long)
    assert (r.entity(short).label, r.entity(short).aliases) == ("Ruritanian Mining Board", ("RMB",))


def test_a_national_body_after_a_demonym_is_named_after_the_country():
    r = DocumentResolver(gaz.default(), [_m("Tunisian Parliament", "Organization"), _m("Tunisia", "Country",
                                                                                           country="TUN")])
    assert r.entity(_m("Tunisian Parliament", "Organization")).label == "Tunisia Parliament"
    assert r.entity(_m("Tunisian Parliament", "Organization")).country == "TUN"
