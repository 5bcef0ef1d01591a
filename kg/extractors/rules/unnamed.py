"""Unnamed attackers: violence whose doer the text does not name.

"A roadside bomb killed two soldiers near Samarra", "gunmen opened fire on a police post in
Kandahar", "a man stabbed the interior minister", "the defence minister was stabbed in
Mogadishu": no one is named, but someone struck in one country. The codebook codes a
generic unidentified actor there (PLOVER sector UNK), of the country where it struck, as
the GSR does ("Samarra" for an unknown attacker of a US soldier in Samarra). The doer is
told by a weapon ("a car bomb"), by a noun of an unnamed attacker ("gunmen", "assailants",
"unidentified men", "a man"), or by nothing at all: a passive of a verb whose act needs a
doer ("was stabbed", "was ambushed", not "was killed", which an accident does too).

The country is never guessed: it is the one country of the places the clause names
(where it struck, where its target or its doers were), else the document's own country
(:func:`.context.home_country`, a story that dominantly tells of one country), at less
confidence. Whether such an act is an event at all depends on whom it struck: a plain
person ("a man") acting on a state's organ or official is; acting on a private person
is crime (:func:`.political.standing`, :func:`.political.plain`). The words are in ``kg/data/rules/roles.tsv``
(``weapon_nouns``, ``unnamed_attackers``, ``unnamed_marks``, ``plain_attackers``,
``doer_harm_verbs``).
"""

from __future__ import annotations

from ...model import Mention, is_country_code
from .actors import actors_of
from .context import Reading
from .deps import PASS_SUBJ, SUBJ, compound_span
from .geography import placed
from .modality import modality_of
from .political import kind
from .words import W

# Confidence factors: where it struck in the clause; only the story's own country.
_PLACED, _HOME = 0.7, 0.6


def attackers(ctx, verb, et, passive_objs=()) -> list[Reading]:
    """The unnamed doer of the attack ``verb`` tells (an ASSAULT verb with no actor found)."""
    doers = [s for s in _subjects(verb) if s.i not in ctx.ms and (_weapon(s) or unnamed_attacker(ctx, s))]
    # "killed in a car bomb explosion", "was stabbed by a man"
    doers += [p for prep in verb.children if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by")
              for p in prep.children if p.dep_ == "pobj" and p.i not in ctx.ms
              and (_weapon(p) or prep.dep_ == "agent" and unnamed_attacker(ctx, p))]
    attempt = _attempt(ctx, verb)
    if doers:
        start, end = compound_span(doers[0])
    elif attempt is not None:
        # "an attempt to assassinate the governor was thwarted in X": whoever made it
        start, end = compound_span(attempt)
        doers = [attempt]
    elif _needs_doer(verb) and verb.dep_ in W.told_clauses and not any(c.dep_ == "agent" for c in verb.children) \
            and any(_struck(ctx, p, et) for p in passive_objs):
        # "the minister was stabbed": someone stabbed (not "the night Kennedy was shot",
        # "Kennedy, who had been shot": a clause that recalls an act, whose doer the story
        # names elsewhere as often)
        start, end = verb.idx, verb.idx + len(verb.text)
    else:
        return []
    country, factor = _where(ctx, verb, doers, passive_objs)
    if country is None:
        return []
    text = verb.doc.text[start:end]
    return [(Mention(text, start, end, "Group", country=country, key=text, sector="UNK"), factor)]


def _struck(ctx, tok, et) -> bool:
    """Is the one a passive says was struck a political target: a state's organ or official
    ("the minister was stabbed"), or a political one ("five protesters were shot", "the
    opposition leader was shot")? Not "a man was stabbed in Paris" (no one kg can name: the
    town would be read as the one struck) nor "a woman was shot dead" (one civilian: crime)."""
    one = tok.tag_ not in ("NNS", "NNPS")
    return any(kind(ctx, m) == "state" or kind(ctx, m) == "political" and not (one and m.sector == "CVL")
               for m, _ in actors_of(ctx, tok, role="recipient", et=et) if m.type != "Topic")


def _attempt(ctx, verb):
    """The attempt or plot a verb of harm is the aim of, when no one is said to have made it
    ("an attempt to assassinate the governor was foiled", "a plot to kill the president"),
    else None. The noun is read where it is told: its place is where it struck."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.pos_ != "NOUN" or noun.lemma_.lower() not in W.attempt_nouns \
            or not _needs_doer(verb) and verb.lemma_.lower() not in W.person_harm_verbs:
        return None
    if any(c.dep_ in ("poss", "compound", "amod") and c.i in ctx.ms for c in noun.children) \
            or any(c.dep_ == "prep" and c.lower_ == "by" for c in noun.children):
        return None  # "Iran's plot", "an attempt by rebels": theirs, read as the owner's
    return noun


def _subjects(verb) -> list:
    """The verb's subjects, or, for a gerund telling the toll of the clause it hangs on ("a
    bomb exploded in Kabul, killing ten civilians") or a verb coordinated with another, that
    clause's."""
    subj = [c for c in verb.children if c.dep_ in SUBJ]
    if not subj and (verb.dep_ == "advcl" and verb.tag_ == "VBG" or verb.dep_ == "conj") \
            and verb.head.pos_ == "VERB":
        # ("two men shot and wounded X": the subject of the verb it is coordinated with)
        subj = [c for c in verb.head.children if c.dep_ in SUBJ]
    return subj


def _weapon(tok) -> bool:
    """Is the token a weapon or an armed attack ("a roadside bomb", "a minefield explosion")?"""
    return tok.lemma_.lower() in W.weapon_nouns or any(
        c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in W.weapon_nouns for c in tok.children)


def unnamed_attacker(ctx, tok) -> bool:
    """Is the token a noun of someone the text does not name who attacks: "gunmen",
    "assailants", "a man", "unidentified men", "masked attackers"? Not one whose owner or
    name is said ("his men", "Taliban gunmen", "the man, John Roe": those are read as theirs)."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.i in ctx.ms:
        return False
    lemma = tok.lemma_.lower()
    marked = any(c.dep_ in ("amod", "compound") and c.lower_ in W.unnamed_marks for c in tok.children)
    if not (lemma in W.unnamed_attackers or tok.lower_ in W.unnamed_attackers
            or marked and (lemma in W.plain_attackers or tok.lower_ in W.plain_attackers)):
        return False
    if not marked and (lemma in W.plain_attackers or tok.lower_ in W.plain_attackers) and not any(
            c.dep_ == "nummod" or c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        return False  # "the men" are men told of before; "a man", "two men" are not
    return not any(c.dep_ in ("poss", "appos") or c.i in ctx.ms for c in tok.children)


def _needs_doer(verb) -> bool:
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return lemma in W.doer_harm_verbs or (f"{lemma} {prt}" if prt else "") in W.doer_harm_verbs


def _where(ctx, verb, doers, passive_objs) -> tuple[str | None, float]:
    """(the one country of the places the clause names, factor); else the document's own
    country when the clause names no place at all; else (None, 0)."""
    # (and for a toll, the clause it hangs on: "struck a checkpoint in Kandahar, killing four")
    verbs = [verb, verb.head] if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB" \
        else [verb]
    if doers and doers[0].i == verb.head.i and verb.dep_ == "acl" and doers[0].head.pos_ == "VERB":
        verbs.append(doers[0].head)  # "an attempt to kill X was thwarted in Y"
    holders = [*doers, *passive_objs, *verbs,
               *(c for v in verbs for c in v.children if c.dep_ in ("dobj", *SUBJ, *PASS_SUBJ))]
    places = []
    for h in holders:
        for prep in h.children:
            if prep.dep_ != "prep" or not (prep.lower_ in W.place_preps or prep.lower_ == "on"):
                continue
            for p in prep.children:
                if p.dep_ != "pobj" or prep.lower_ == "on" and p.lemma_.lower() not in W.place_nouns:
                    continue  # ("on the outskirts of Kabul": "on" a place noun is where, too)
                # "near a market in Kabul", "at a checkpoint outside Kandahar": the site's place
                found = placed(p, ctx.ms) or next(
                    (w for c in p.children if c.dep_ == "prep" and c.lower_ in W.place_preps
                     for q in c.children if q.dep_ == "pobj" for w in [placed(q, ctx.ms)] if w is not None), None)
                if found is not None:
                    places.append(found)
    countries = {m.country for m in places}
    if len(countries) == 1 and is_country_code(next(iter(countries))):
        return countries.pop(), _PLACED
    if not places and ctx.country:
        return ctx.country, _HOME
    return None, 0.0


def tried(ctx, verb, et, status: tuple[bool, str]) -> tuple[bool, str]:
    """(negated, modality) of an act of violence: an attempt at it is violence done, as the
    codebook codes a failed assassination, with the attempt's own status ("an attempt to
    kill the governor failed": asserted; "rebels may attempt to kill him": hypothetical);
    a plan or a plot to do it stays intended."""
    noun = verb.head
    if et.plover != "ASSAULT" or status[1] != "intended" or verb.dep_ != "acl" \
            or noun.lemma_.lower() not in W.tried_nouns or noun.head.pos_ not in ("VERB", "AUX") \
            or noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return status
    return modality_of(ctx, noun.head)

