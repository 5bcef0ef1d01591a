"""The default extractor: rules over spaCy's dependency parse, driven by kg's lexicons.

How a document is read
----------------------
1. **Mentions** (:mod:`.mentions`): spaCy's named entities and the names kg knows become
   the document's mention table, token → :class:`~kg.model.Mention`, each span's words
   shaped by :mod:`.spans`, each mention checked against the rest of the document by
   :mod:`.mention_checks`. Through the linker (:class:`kg.resolve.Linker`, the one door
   to kg's knowledge of actors) a mention learns its type, country and known label
   (:mod:`.linking`); which entity it is stays for :mod:`kg.resolve` to decide.
2. **Parties** (:mod:`.parties`): the national party a word names ("Conservative MP X",
   "the Democrats"), by the country the text ties it to. **Titles** (:mod:`.titles`): the
   titles beside each person ("Chinese leader Xi Jinping", "Labour leader X"), their words
   found by :mod:`.title_words` and the relation each gives by :mod:`.posts`, which give a
   person a country that every later rule sees; a state's office named without one
   ("Prime Minister X") is the document's own country's, when one dominates.
3. Then, sentence by sentence, with a :class:`~.context.Context` that carries all of
   the above (no rule keeps state of its own):

   * **static relations** (:mod:`.statics`, by family in :mod:`.people`, :mod:`.jobs`,
     :mod:`.homes`, :mod:`.bodies`, :mod:`.ties`, :mod:`.places`, :mod:`.datelines`, a
     party's members in :mod:`.party_members`): leaderOf, worksFor,
     livesIn, basedIn, capitalOf, memberOf, allyOf ...;
   * **events** (:mod:`.events`): a **trigger** (:mod:`.triggers`: token → event type) →
     its **roles**: actors (:mod:`.subjects`, the accused in :mod:`.culprits`) and
     recipients (:mod:`.recipients`, the objects in :mod:`.objects`, the weaker evidence
     in :mod:`.indirect`, the doer of an earlier act a bare noun stands for in
     :mod:`.antecedents`), each token read for whom it stands for (:mod:`.actors`, a
     common noun by the readings of :mod:`.noun_readings`, :mod:`.doers` and
     :mod:`.sectors`, a pronoun by :mod:`.coref`, "we" by the speaker of :mod:`.speakers`,
     "the embassy" or "the president" by :mod:`.definites`, an acronym or short name by
     :mod:`.aliases`) → its **modality** (:mod:`.modality`; saying one will act is an event too,
     :mod:`.pledges`) → its **date** and **place** (:mod:`.dates`, an undated past in
     :mod:`.past`, the time a sentence is told in :mod:`.narrative`; :mod:`.location`) →
     **records** (:mod:`.records`, the one place records are made). Verbs in
     :mod:`.verbal`, nouns in :mod:`.nominal` (an unnamed crowd in :mod:`.crowds`), killer
     nouns in :mod:`.killers`;
   * **responsibility** for attacks told apart from them (:mod:`.responsibility`): "X
     claimed responsibility", "attributed the bombing to X".

Readings that stack weak inferences fall below :data:`MIN_CONFIDENCE` and are dropped.
:mod:`.deps` walks the parse and knows no English word; :mod:`.geography` says which
place contains which; :mod:`.dates` steps over the dates between words; :mod:`.shapes`
tests dependency shapes written as data; :mod:`.words` loads the word lists.

Where knowledge goes (data, not code)
-------------------------------------
* a verb or noun that triggers an event: a row of ``kg/data/events.tsv``;
* a sense or exception of a verb ("attacked the decision" is criticism, "asked whether"
  no request): a row of ``kg/data/rules/verb_senses.jsonl``;
* a word a rule reads (a speech verb, a role noun's field, a kind of body):
  ``kg/data/rules/{mentions,actors,roles,modality,statics}.tsv``; role nouns and their
  sectors: ``kg/data/agents.tsv``; titles: ``kg/data/titles.tsv``; national parties and
  the words that name them: ``kg/data/parties.tsv`` (the words around them:
  ``kg/data/rules/offices.tsv``);
* a word that starts a static rule ("headquartered", "hometown"):
  ``kg/data/rules/static_triggers.jsonl``;
* a phrase that makes a sentence reported: ``kg/data/rules/reported.jsonl``;
* how a time expression reads (months, seasons, "two years ago", named eras):
  ``kg/data/rules/dates.tsv``; which ties to an event, what makes an event past, where an
  event happened: ``kg/data/rules/time_place.tsv``.

Each change goes with sentences in ``tests/data/extraction.jsonl``: one that must give the
triple and, for an exception, one that must not (see tests/test_extraction_data.py). A
new *kind* of rule is code, in the module of its family.

Who works where
---------------
The parts can change independently: triggers and senses (:mod:`.triggers`,
:mod:`.shapes`, ``verb_senses.jsonl``, ``kg/data/events.tsv``); event roles
(:mod:`.subjects`, :mod:`.culprits`, :mod:`.recipients`, :mod:`.objects`, :mod:`.indirect`,
:mod:`.antecedents`, :mod:`.actors`, :mod:`.noun_readings`, :mod:`.doers`, :mod:`.coref` for
pronouns, :mod:`.speakers`, :mod:`.definites`, :mod:`.aliases`, :mod:`.sectors`,
``roles.tsv``, ``actors.tsv``); time and place (:mod:`.dates`, :mod:`.past`, :mod:`.narrative`,
:mod:`.location`, with :mod:`.modality` for mood); static relations
(:mod:`.statics`, :mod:`.people`, :mod:`.jobs`, :mod:`.homes`, :mod:`.bodies`, :mod:`.ties`,
:mod:`.places`, :mod:`.datelines`, :mod:`.parties`, :mod:`.party_members`, :mod:`.titles`,
:mod:`.title_words`, :mod:`.posts`, ``statics.tsv``, ``static_triggers.jsonl``). They meet
only in :mod:`.context` (what a rule may read) and :mod:`.records` (what a rule yields).

Every rule looks only at a token's children or a bounded walk up its heads, so the
extractor stays linear in the length of the text.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...lexicon import load as load_lexicon
from ...model import Document, RelationMention
from ..registry import register
from .context import EARLIER, Context, home_country, local_towns, name
from .datelines import dateline_country
from .events import sentence_events
from .mention_checks import corroborate, national_bodies
from .mentions import find_mentions
from .modality import reported_sentences
from .parties import party_mentions
from .responsibility import responsibility
from .statics import static_relations
from .titles import affiliations

# Readings that stack several weak inferences (a pronoun for a role noun for a place) fall
# below this; on the PLOVER and CoNLL04 dev sets none of them was right, so none is emitted.
MIN_CONFIDENCE = 0.4

@register("rules")
def extract(doc: Document, parsed, gazetteer=None) -> Iterator[RelationMention]:
    """Rules over spaCy's dependency parse with kg's event lexicon and gazetteer (the default)."""
    from ...resolve import Linker

    yield from read(doc, parsed, Linker.of(gazetteer))


def read(doc: Document, parsed, linker, trace=None) -> Iterator[RelationMention]:
    """The relation mentions of one parsed document. ``trace`` (a :class:`.trace.Trace`)
    collects where each trigger's event went, when given."""
    for _, made in sentences(doc, parsed, linker, trace):
        yield from made


def sentences(doc: Document, parsed, linker, trace=None) -> Iterator[tuple[Context, list[RelationMention]]]:
    """Each sentence's context and the relations the rules make in it: what :func:`read`
    yields, sentence by sentence, for a reader that needs the sentence's mentions beside its
    relations (scripts/statics_scorer.py describes the pairs the rules left unrelated)."""
    lex = load_lexicon()
    ms = find_mentions(parsed, linker)
    corroborate(ms, linker)
    national_bodies(parsed, ms, lex.agents)
    home = home_country(ms)  # (before the parties, which only repeat the countries named)
    local_towns(parsed, ms, home, linker)
    party_mentions(parsed, ms, linker, home)
    titles = affiliations(parsed, ms, linker, home)
    # (a story too short for one country to dominate is its dateline's: "KABUL (AP) -- Gunmen ...")
    ctx = Context(doc, ms, lex, linker, reported_sentences(parsed), titles, trace=trace,
                  country=home or dateline_country(parsed, ms))
    if trace is not None:
        trace.min_confidence = MIN_CONFIDENCE
    earlier: tuple = ()
    for sent in parsed.sents:
        here = ctx.at(sent, earlier)
        if not all(t.is_space for t in sent):  # (a blank line between paragraphs is no sentence)
            earlier = (*earlier, sent)[-EARLIER:]
        static = list(static_relations(here))
        # "Niamey, Niger's capital": capitalOf says it; locatedIn would only repeat it
        capitals = {(name(r.subject), name(r.object)) for r in static if r.predicate == "capitalOf"}
        yield here, [r for r in (*sentence_events(here), *responsibility(here), *static)
                     if r.confidence >= MIN_CONFIDENCE and not (
                         r.predicate == "locatedIn" and (name(r.subject), name(r.object)) in capitals)]
