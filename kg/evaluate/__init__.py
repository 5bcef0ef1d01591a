"""Scoring relation records against gold: precision, recall and F1 (``kg eval``).

A gold set is a list of documents and the facts an analyst reads in them. The extractor
runs on the documents (or relation records are read from a file), both sides are reduced
to facts, and the facts are compared per document at each of the set's levels. The parts,
each readable on its own:

=====================  ===================================================================
:mod:`.matching`       when a predicted fact is the gold fact: names, QIDs, countries,
                       status, direction (the matching rules are written there)
:mod:`.scoring`        levels, counting, precision/recall/F1, reports
:mod:`.goldsets`       a gold set; the registry of gold formats; where gold files are
:mod:`.formats`        one reader per gold format, registered by name: ``kg``,
                       ``plover`` (GSR), ``petrarch``, ``conll04``
:mod:`.sets`           the built-in sets by name (seed, wikinews, wikinews-fresh,
                       wikinews-fresh2, wikinews-fresh3, wikinews-fresh4, plover,
                       plover-tune, plover-holdout, petrarch, conll04) and :func:`load`
:mod:`.running`        predictions, :func:`evaluate`, :func:`run`, the printed table
:mod:`.floors`         the regression floors
=====================  ===================================================================

kg's own gold and its floors ship with the package (``kg/evaluate/gold/``); the external
gold sets and the articles kg's gold refers to are found through one setting,
``KG_SHARED``, the shared data folder (default ``../shared`` from the current folder).
docs/evaluation.md has the sets, the discipline of the GSR halves and the current figures.

>>> from kg.evaluate import Fact, Ref, ENTITY, score
>>> lee = Ref.of("Lee Jae Myung", ["Lee"])
>>> gold = [Fact("d", (lee,), (Ref.of("China", country="CHN"),), ("visits",), ("CONSULT",))]
>>> score(gold, [Fact("d", (Ref.of("Lee"),), (Ref.of("China"),), ("visits",), ("CONSULT",))], ENTITY).overall.f1
1.0
"""

from .floors import (
    FLOORS_FILE,
    below_floors,
    check_floors_file,
    figures,
    floor_of,
    read_floors,
    update_floors,
    update_floors_file,
    write_floors,
)
from .formats.conll04 import CONLL04_TYPES, detokenize, read_conll04
from .formats.kg_gold import read_gold
from .formats.petrarch import cameo_to_plover, plover_of_cameo, read_petrarch
from .formats.plover import GSR_CODES, GSR_HALVES, half, read_plover
from .goldsets import GOLD_DIR, GoldSet, Options, register, shared_file, shared_root
from .matching import (
    PLOVER_TYPES,
    STATIC_PREDICATES,
    SYMMETRIC_PREDICATES,
    Fact,
    Ref,
    country_code,
    entity_match,
    fact_from_relation,
    norm_name,
)
from .running import (
    evaluate,
    export_documents,
    format_explanation,
    format_table,
    predict,
    read_predictions,
    run,
    write_documents,
)
from .scoring import (
    COUNTRY,
    ENTITY,
    PLOVER_LEVELS,
    Counts,
    Level,
    LevelScore,
    Report,
    cameo_scheme,
    plover_scheme,
    predicate_scheme,
    root_scheme,
    score,
    type_scheme,
    types_found,
)
from .sets import SETS, available, get_format, load, sniff

__all__ = [
    "CONLL04_TYPES", "COUNTRY", "ENTITY", "FLOORS_FILE", "GOLD_DIR", "GSR_CODES", "GSR_HALVES", "PLOVER_LEVELS",
    "PLOVER_TYPES", "SETS", "STATIC_PREDICATES", "SYMMETRIC_PREDICATES", "Counts", "Fact", "GoldSet", "Level",
    "LevelScore", "Options", "Ref", "Report", "available", "below_floors", "cameo_scheme", "cameo_to_plover",
    "check_floors_file", "update_floors_file", "write_documents",
    "country_code", "detokenize", "entity_match", "evaluate", "export_documents", "fact_from_relation", "figures",
    "floor_of", "format_explanation", "format_table", "get_format", "half", "load", "norm_name", "plover_of_cameo",
    "plover_scheme", "predicate_scheme", "predict", "read_conll04", "read_floors", "read_gold", "read_petrarch",
    "read_plover", "read_predictions", "register", "root_scheme", "run", "score", "shared_file", "shared_root",
    "sniff", "type_scheme", "types_found", "update_floors", "write_floors",
]
