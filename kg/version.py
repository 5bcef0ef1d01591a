"""kg's version, in a module of its own.

``kg.graph`` writes it into every extractor IRI and the CLI prints it; both import it from
here rather than from the package, whose ``__init__`` loads the pipeline on demand and so
would be a way back into them. Keep it equal to ``version`` in pyproject.toml.
"""

__version__ = "0.1.0"
