"""A title of "the company" names the body the text spoke of last.

"Acme said Tuesday that Ann Roe, the company's president, had resigned", "Acme reported a loss.
Ann Roe, a company spokeswoman, said ...", "the newspaper's editor, Ann Roe": a title whose
body is a common noun for a kind of body (``company_nouns`` in kg/data/rules/statics.tsv)
is held at the last organisation named before it, in the same sentence or the two before
(worksFor, or leaderOf for a title that leads; less sure than a named body: 0.55).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Mention, RelationMention
from .context import BODIES
from .homes import described_by
from .records import static
from .title_words import title_of, title_phrase

_BACK_SENTENCES = 2


def _antecedent(ctx, tok) -> Mention | None:
    """The last organisation named as a clause's subject before ``tok``, in its sentence or
    the two before ("Boeing won a contract from the Pentagon. X, the company's ..." speaks of
    Boeing; a body named otherwise is too weak a guess: "SpaceX tested its Falcon Heavy
    rocket by launching company founder Elon Musk's car")."""
    ms, doc = ctx.ms, tok.doc
    first = tok.sent.start
    for _ in range(_BACK_SENTENCES):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    subject = next((doc[i] for i in range(tok.i - 1, first - 1, -1)
                    if i in ms and ms[i].type in BODIES and doc[i].dep_ in ("nsubj", "nsubjpass")), None)
    return ms[subject.i] if subject is not None else None


def _holders(ctx, title) -> list[Mention]:
    """Who holds the title: "Ann Roe, the company's president", "the company's president,
    Ann Roe", "company president Ann Roe", "Ann Roe is the company's president"."""
    ms = ctx.ms
    described = described_by(ctx, title)
    if described and title.dep_ == "appos":
        return described
    named = [ms[c.i] for c in title.children if c.dep_ == "appos" and c.i in ms]
    if named:
        return named
    if title.dep_ == "compound" and title.head.i in ms:
        return [ms[title.head.i]]
    return described


def company_title(ctx, tok, m) -> Iterator[RelationMention]:
    """"the company's president", "a company spokeswoman": ``tok`` is the body noun."""
    if tok.i in ctx.ms or tok.dep_ not in ("poss", "compound") \
            or tok.dep_ == "poss" and not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return
    title = tok.head
    relation = title_of(title_phrase(title, ctx.ms), ctx.linker)[0]
    if relation is None or title.i in ctx.ms:
        return
    people = [p for p in _holders(ctx, title) if p.type == "Person"]
    org = _antecedent(ctx, tok) if people else None
    if org is None:
        return
    for person in people:
        if person is not org:
            yield static(ctx, person, relation, org, 0.55, title)
