"""The built-in gold formats, one reader each; importing this package registers them.

=============  =================================================================
``kg``         kg's own gold files (:mod:`.kg_gold`): documents by id, entities, facts
``plover``     the PLOVER gold-standard records, GSR (:mod:`.plover`)
``petrarch``   PETRARCH2's validation sentences (:mod:`.petrarch`)
``conll04``    CoNLL04 sentences with entity spans and relations (:mod:`.conll04`)
=============  =================================================================

Registration order is sniffing order; a file no format recognises is read as ``kg``
(see :func:`kg.evaluate.sets.sniff`).
"""

from . import conll04, kg_gold, petrarch, plover

__all__ = ["conll04", "kg_gold", "petrarch", "plover"]
