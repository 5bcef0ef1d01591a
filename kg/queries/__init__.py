"""kg's SPARQL, kept as ``.rq`` files beside this module.

``name.rq``
    A named query of ``kg query --name`` (see :mod:`kg.query`): listed by
    ``kg query --list``, its parameters declared in ``# @param`` lines. Part of kg's interface.
``_name.rq``
    A query that kg's own modules run (the networkx bridge, ``kg stats``, the exporters,
    entity lookup): not listed and not runnable by name, so it can change with the code
    that reads it. Its first line says which code that is.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def sparql(name: str) -> str:
    """The text of ``kg/queries/<name>.rq``.

    >>> sparql("_entity-aliases").splitlines()[-1]
    'SELECT DISTINCT ?e ?v WHERE { ?e skos:altLabel ?v }'
    """
    return resources.files(__name__).joinpath(name + ".rq").read_text(encoding="utf-8")
