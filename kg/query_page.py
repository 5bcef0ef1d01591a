"""The query page ``kg serve`` shows at ``/``: Oxigraph's YASGUI, opened on kg's prefixes and examples.

Oxigraph's own page starts empty and knows no prefix; this one starts with every prefix kg
declares (``kg:``, ``kgid:``, ``skos:`` ...) and a first query, and offers a few more as
buttons. Every example is plain SPARQL over the union default graph, which describes each
entity once (see :mod:`kg.entities`). YASGUI's script and style are Oxigraph's, served by
the same server, so the page works offline (YASGUI asks prefix.cc for its prefix
autocompletion, as on Oxigraph's own page; offline that list is simply empty).
"""

from __future__ import annotations

import html
import json

from .namespaces import PREFIXES

EXAMPLES = (
    ("Who visits whom", """SELECT DISTINCT ?who ?where WHERE {
  ?w kg:visits ?p . ?w rdfs:label ?who . ?p rdfs:label ?where
}"""),
    ("People, counted once", """SELECT (COUNT(?p) AS ?people) WHERE { ?p a kg:Person }"""),
    ("Events between two countries", """# asserted events whose two sides belong to the two countries, whoever acted
SELECT ?date ?actor ?predicate ?recipient ?evidence WHERE {
  ?ev kg:ploverType ?type ; kg:actor ?a ; kg:recipient ?r ; kg:predicate ?p ;
      kg:negated false ; kg:evidence ?evidence .
  ?a kg:countryCode ?ca ; rdfs:label ?actor . ?r kg:countryCode ?cr ; rdfs:label ?recipient .
  FILTER((?ca = "IRN" && ?cr = "USA") || (?ca = "USA" && ?cr = "IRN"))
  OPTIONAL { ?ev kg:articleDate ?date }
  BIND(STRAFTER(STR(?p), "#") AS ?predicate)
}
ORDER BY ?date"""),
    ("Most connected entities", """SELECT ?entity ?type (COUNT(DISTINCT ?st) AS ?statements) WHERE {
  ?st kg:subject|kg:actor|kg:object|kg:recipient ?e .
  ?e rdfs:label ?entity ; a ?t . BIND(STRAFTER(STR(?t), "#") AS ?type)
}
GROUP BY ?entity ?type ORDER BY DESC(?statements) LIMIT 20"""),
    ("A fact and its evidence", """SELECT ?subject ?predicate ?object ?evidence ?document ?url WHERE {
  ?st kg:predicate ?p ; kg:evidence ?evidence ; prov:wasDerivedFrom ?d ;
      kg:subject|kg:actor ?s ; kg:object|kg:recipient ?o .
  ?s rdfs:label ?subject . ?o rdfs:label ?object .
  ?d dcterms:identifier ?document . OPTIONAL { ?d dcterms:source ?url }
  BIND(STRAFTER(STR(?p), "#") AS ?predicate)
}
LIMIT 50"""),
    ("What each document calls an entity", """SELECT ?entity ?document ?name ?type WHERE {
  ?e rdfs:label ?entity .
  GRAPH ?document { ?m kg:denotes ?e ; kg:localLabel ?name ; kg:localType ?type }
}
ORDER BY ?entity ?document
LIMIT 100"""),
)


def prologue() -> str:
    """kg's prefixes as a SPARQL prologue."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def query_page(endpoint: str = "/query") -> bytes:
    """The HTML of the query page, its queries sent to ``endpoint`` (a path on the same server)."""
    queries = [{"name": name, "query": prologue() + "\n" + text} for name, text in EXAMPLES]
    buttons = "".join(f'<button type="button" data-i="{i}">{html.escape(q["name"])}</button>'
                      for i, q in enumerate(queries))
    data = json.dumps(queries).replace("</", "<\\/")  # no "</script>" inside the script
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>kg: SPARQL</title>
<link href="./yasgui.min.css" rel="stylesheet" type="text/css">
<script src="./yasgui.min.js"></script>
<link rel="icon" type="image/svg+xml" href="./logo.svg">
<style>
body {{ font-family: sans-serif; margin: 0 1em; }}
#examples button {{ margin: 0.2em 0.3em 0.2em 0; }}
</style>
</head>
<body>
<h1 style="font-size:1.2em">kg: a knowledge graph of geopolitical relations</h1>
<p>Plain SPARQL over all documents: each entity is described once; a fact comes once per document that
states it (<code>DISTINCT</code> folds them). Examples: <span id="examples">{buttons}</span></p>
<div id="yasgui"></div>
<script>
const examples = {data};
const base = window.location.href.replace(/\\/[^\\/]*$/, "");
const yasgui = new Yasgui(document.getElementById("yasgui"), {{
  requestConfig: {{ endpoint: base + {json.dumps(endpoint)} }},
  copyEndpointOnNewTab: true,
  persistenceId: null,
  yasqe: {{ value: examples[0].query }},
}});
document.getElementById("examples").addEventListener("click", (event) => {{
  const i = event.target.dataset.i;
  if (i !== undefined) yasgui.getTab().setQuery(examples[i].query);
}});
</script>
</body>
</html>
""".encode()
