"""kg: news articles → a knowledge graph of geopolitical relations.

The library behind the ``kg`` command. Heavy dependencies (spaCy, pyoxigraph, pyvis) load
inside the functions that need them, so ``import kg`` stays fast.

    >>> import kg
    >>> with kg.open_store("output/store") as store:                  # doctest: +SKIP
    ...     kg.build(["examples/state-visit.txt"], store)
"""

from .version import __version__

__all__ = ["__version__", "build", "extract", "open_store", "query"]


def __getattr__(name):
    if name in ("build", "extract"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "open_store":
        from .store import open_store

        return open_store
    if name == "query":
        from .query import run_query

        return run_query
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
