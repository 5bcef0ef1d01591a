"""kg: news articles → a knowledge graph of geopolitical relations.

The library behind the ``kg`` command; its Python API is four functions (:mod:`kg.api`):

>>> import kg
>>> rels = kg.extract("Justin Trudeau visited Tokyo on Monday.")
>>> [(r.subject.label, r.predicate, r.object.label, r.plover) for r in rels]
[('Justin Trudeau', 'visits', 'Tokyo', 'CONSULT')]

``kg.read(path)`` gives the documents of files, folders and corpora (``kg.extract`` takes
them too), ``kg.build(inputs, store=...)`` adds them to a store, and ``kg.open_store(path)``
opens one for SPARQL (``query()``), exports (``export()``) and networkx
(``to_networkx()``). ``import kg`` loads none of it: spaCy, pyoxigraph and networkx load
when a function first needs them. No submodule is named like one of these functions.
"""

from .version import __version__

__all__ = ["Document", "KnowledgeGraph", "Relation", "__version__", "build", "extract", "open_store", "read"]
_API = frozenset(__all__) - {"__version__"}


def __getattr__(name):
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | _API)
