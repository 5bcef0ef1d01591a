"""Is an event one between political actors at all?

An event of the PLOVER codebook happens between political actors: states, their organs
and officials, international organisations, parties, armed and civic groups, and people
acting in a political role. A musician who meets a bassist, a church group that travels to
a theme park, a judge who sentences a private criminal: the verbs are event verbs, the
sentences are no political events. Each side of an event is given a *standing*:

* ``state``: a country, an international organisation, a body kg knows, a state body by
  its name ("Ministry of Defence", "the CIA"), a role noun of the state's sectors ("Kenyan
  police"), a person with an office ("Judge Ada Stern", a leader kg knows);
* ``political``: a people or group, a party, an armed or civic group by its name or its
  role noun ("protesters", "rebels"), a person with a civic role ("activist Jane Roe");
* ``place``: a city or region (acting, its government; acted on, only by political actors);
  ``unplaced`` one kg cannot place (no country, not in the gazetteer), which may be acted on
  but does not act: it is as often a name the NER took for a place;
* ``media``: a news organisation or a reporter;
* ``business``: a company by its name ("Acme Airlines");
* ``neutral``: an organisation kg cannot place;
* ``private``: a person with no political role in the document;
* ``topic``: a thing, a recipient only of the events that act on things or answer a proposal
  (a weapon tested, a pact signed, a plan rejected, "criticised the decision":
  ``topic_recipient_types``); supporting a cause or outlawing a practice is done to no
  political actor ("supported LGBT rights", "outlawed the death penalty"), but a named thing
  may stand for one ("banned K-pop").

Which standing may act on which is data (``standing`` in ``kg/data/rules/politics.tsv``),
as are the exceptions the codebook makes: violence is an event whoever commits it (its
sectors include criminals and unidentified gunmen), a private person may sue or protest
against a political actor, a state may arrest, charge or release a private foreigner (not
its own citizen: a court's ordinary sentence is no political event), a meeting with
the press is an interview, and a visit is one to another state: a place of the visitor's own
country, or one kg cannot place, is no party to it (``foreign_place_types``).
:func:`standing` is the record builder's one question to this module.
"""

from __future__ import annotations

from ...model import Mention
from .context import name
from .words import W

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def standing(ctx, a: Mention, et, o: Mention) -> float:
    """1.0 when an event of type ``et`` from ``a`` to ``o`` is one between political actors,
    else 0.0 (the record builder multiplies the event's confidence by it)."""
    ka, ko = kind(ctx, a), kind(ctx, o)
    plover = et.plover
    if plover in W.violence_types:
        return _violence(a, ka, ko)
    if plover in W.press_excluded_types and "media" in (ka, ko):
        return 0.0
    if ko == "topic" and not _thing_acted_on(et, o):
        return 0.0  # "supported LGBT rights", "outlawed the death penalty": a cause, no actor
    if ko in ("place", "unplaced") and plover in W.foreign_place_types and not _abroad(a, o):
        return 0.0  # "Putin flew to Magnitogorsk": a visit at home is no meeting between actors
    if ko in W.standing.get(ka, ()):
        return 1.0
    if ka == "private" and ko in ("state", "political") and plover in W.private_actor_types:
        return 1.0
    if ka in ("state", "political") and ko == "private" and plover in W.private_recipient_types:
        return 1.0  # "the UN rapporteur asked Jane Roe to ..."
    if ka == "state" and ko == "private" and plover in W.foreigner_recipient_types \
            and a.country and o.country and a.country != o.country:
        return 1.0  # "China detained two Canadians"
    return 0.0


def _violence(a: Mention, ka: str, ko: str) -> float:
    """Violence is an event whoever commits it, but an unnamed doer (:mod:`.unnamed`) is
    known only by whom it struck: a plain person ("a man") against a state's organ or
    official, an armed or unidentified one against any political actor or place; on a
    private person it is crime, no event between political actors."""
    if ka == "topic":
        return 0.0
    if a.sector == "UNK":
        if plain(a):
            return 1.0 if ko == "state" else 0.0
        return 0.0 if ko in W.unnamed_victims_refused else 1.0
    return 1.0


def plain(m: Mention) -> bool:
    """Is the unnamed doer a plain person ("a man", "two men"), not one armed or unidentified?
    Such a doer's violence is a political event only against the state's organs or officials."""
    words = (m.key or m.text).lower().split()
    return len(words) > 0 and words[-1] in W.plain_attackers and not any(w in W.unnamed_marks for w in words)


def _thing_acted_on(et, o: Mention) -> bool:
    """May the thing ``o`` be the recipient of an event of type ``et``? A weapon tested, a pact
    signed, a plan rejected, yes; a cause supported or a practice outlawed only by its name
    (a product, a body the NER did not type: "banned K-pop"), not as a common noun."""
    if et.plover in W.topic_recipient_types or et.predicate in W.topic_recipient_types:
        return True
    head = (o.key or o.text).split()[-1:] or [""]
    return head[0][:1].isupper()


def _abroad(a: Mention, o: Mention) -> bool:
    """Is the place ``o`` in a country kg knows, and not the actor's own?"""
    return bool(o.country) and o.country != a.country


def kind(ctx, m: Mention, people: bool = True) -> str:
    """The standing of one mention in its document (see the module docstring); ``people``
    False: without asking what the document says of people (for the body of a title)."""
    if m.type == "Topic":
        return "topic"
    if m.sector:
        return "state" if m.sector in STATE_SECTORS else "political"
    if m.type in ("Country", "InternationalOrganization"):
        return "state"
    if m.type == "Group":
        return "political"
    if m.type in ("City", "Location"):
        # a place kg cannot place is often a name the NER took for one ("Sirhan opposed ...",
        # "visited Wiranto" where the document names a minister Wiranto)
        if m.country or ctx.linker.known(m.key or m.text) is not None:
            return "place"
        return _people(ctx).get(name(m), "unplaced") if people else "unplaced"
    if m.type == "Person":
        return _person(ctx, m) if people else "private"
    label = name(m).removeprefix("the ")
    if people and label in _people(ctx):  # "Adamowicz" taken for a body, named a mayor elsewhere
        return _people(ctx)[label]
    return _body(ctx, m, label)


def _body(ctx, m: Mention, label: str) -> str:
    """The standing of an organisation, by what kg knows of it or by the words of its name."""
    words = label.replace("'s", "").replace(",", " ").split()
    if not words:
        return "neutral"
    if label in W.media_words or any(w in W.media_words for w in words):
        return "media"
    known = ctx.linker.known(m.key or m.text)
    if known is not None and known.type != "Person":
        return "state" if known.type in ("Country", "InternationalOrganization") or _state_named(label, words) \
            else "political"
    if _state_named(label, words):
        return "state"
    heads = _heads(words)
    if heads & W.group_body_words:
        return "political"
    if heads & W.business_words:
        return "business"
    return "neutral"


def _state_named(label: str, words: list[str]) -> bool:
    if label in W.state_body_names or words[-1] in W.state_body_names:
        return True
    return bool(_heads(words) & W.state_body_words) and not _heads(words) & W.business_words


def _heads(words: list[str]) -> set[str]:
    """The words that say what a body is: the last word, and the one before "of"
    ("Ministry of Defence", "Bank of England")."""
    heads = {words[-1]}
    if "of" in words[1:]:
        heads.add(words[words.index("of") - 1])
    return heads


def _person(ctx, m: Mention) -> str:
    """A person's standing: an office or a civic role that kg or the document gives them
    (anywhere in the document: "Ada Stern, mayor of Gdańsk, ..." makes "Stern" a mayor)."""
    return max(_known(ctx, m), _people(ctx).get(name(m), "private"), key=_RANK.__getitem__)


def _known(ctx, m: Mention) -> str:
    """"state" for a person kg knows in an office (a derived official only with the country
    the document gives them), else "private"."""
    known = ctx.linker.known(m.key or m.text)
    if known is not None and known.type == "Person" and (
            known.office or known.relation or known.derived and m.country and known.country == m.country):
        return "state"
    return "private"


_RANK = {"private": 0, "media": 1, "political": 2, "state": 3}


def _people(ctx) -> dict[str, str]:
    """Person name (and each word of it alone) → the highest standing a title beside it gives, for
    the whole document; computed once and kept in the parsed document's ``user_data``."""
    doc = ctx.sent.doc
    cached = doc.user_data.get("kg.political.people")
    if cached is not None:
        return cached
    found: dict[str, str] = {}
    titled = ctx.titles
    seen: set[tuple[int, int]] = set()
    for i, m in ctx.ms.items():
        if m.type != "Person" or (m.start, m.end) in seen:
            continue
        seen.add((m.start, m.end))
        span = [t for t in doc[max(0, i - 8):i + 8] if ctx.ms.get(t.i) is m]
        best = max((_title_kind(ctx, tok, org) for t in span for _rel, org, tok, *_ in titled.get(t.i, ())),
                   key=_RANK.__getitem__, default=_known(ctx, m))
        for tok, org in _beside(ctx, span, m):
            best = max(best, _title_kind(ctx, tok, org), key=_RANK.__getitem__)
        # a name alone ("Trump"), or the family name first ("Lee" for "Lee Jae Myung")
        for key in {name(m), *name(m).split()}:
            if _RANK[best] > _RANK[found.get(key, "private")]:
                found[key] = best
    doc.user_data["kg.political.people"] = found
    return found


def _beside(ctx, span, m):
    """(title token, its organisation or None) beside a person's name: the words before it
    ("Governor Kay Ivey", "Acme President John Doe") and its appositions ("Ada Stern, mayor
    of Gdańsk", "Elaine Chao, the Secretary of Transportation")."""
    if not span:
        return
    yield from _before(ctx, span)
    for t in span:
        if t.dep_ == "appos" and t.head.pos_ in ("NOUN", "PROPN", "ADJ") \
                and (t.head.i not in ctx.ms or ctx.ms[t.head.i].type == "Group"):
            yield t.head, None  # "A Republican, Mark Amodei, ...": the word the name is in apposition to
        # "the government of Ada Stern", "the Stern administration": she heads it
        holder = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "of" else t.head if t.dep_ in (
            "compound", "poss") and ctx.ms.get(t.head.i) is not m else None
        if holder is not None and holder.i not in ctx.ms and holder.lemma_.lower() in W.governments:
            yield holder, None
        for c in t.children:
            if c.dep_ == "appos" and c.i not in ctx.ms:
                of = next((ctx.ms[p.i] for pr in c.children if pr.dep_ == "prep" and pr.lower_ in ("of", "for", "at")
                           for p in pr.subtree if p.i in ctx.ms and ctx.ms[p.i].type != "Person"), None)
                yield c, of


def _before(ctx, span):
    """The title words just before a name, with the organisation named before them, if any."""
    doc = span[0].doc
    words, org = [], None
    i = span[0].i - 1
    while i >= span[0].sent.start and span[0].i - i <= 5:
        t = doc[i]
        if i in ctx.ms:
            org = ctx.ms[i] if ctx.ms[i].type != "Person" else None
            if org is not None and org.type == "Group" and not words:
                words.append(t)  # "Republican Mark Amodei": a party word before the name
                org = None
            break
        if t.pos_ in ("NOUN", "PROPN", "ADJ") or t.lower_ == "of":
            words.append(t)
        elif t.text != ".":
            break
        i -= 1
    return [(t, org) for t in words]


def _title_kind(ctx, tok, org: Mention | None) -> str:
    """The standing a title gives its holder: "Senator" state, "activist" political,
    "reporter" media, "singer" private; "president of Acme" private (a business's office)."""
    words = [t.lower_.strip(".") for t in tok.doc[max(tok.sent.start, tok.i - 2):tok.i + 1]]
    phrases = {" ".join(words[i:]) for i in range(len(words))}
    phrases |= {tok.lemma_.lower()}
    if phrases & W.press_titles:
        return "media"
    if phrases & W.civic_titles or phrases & W.party_words:  # "Republican Mark Amodei", "a Democrat"
        return "political"
    if phrases & W.office_titles or phrases & W.governments:
        held = "state" if org is None else kind(ctx, org, people=False)
        # an office of a business or a newspaper is no political office ("Acme President")
        return {"business": "private", "media": "media"}.get(held, "state")
    return "private"
