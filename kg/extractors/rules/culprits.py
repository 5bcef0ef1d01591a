"""Event roles, actor side: the one convicted, charged, accused, suspected or caught for an act.

"Ray, convicted of killing King", "Sirhan was convicted of Kennedy's killing", "was found
guilty of murdering X", "Ray is serving 99 years for the murder of King", "faces murder
charges in the killing of Y", "Oswald was captured after the assassination of Kennedy",
"Voss, the only suspect in Dorn's killing": the one the verdict, charge, accusation or
arrest holds to have done the act is its actor (:func:`accused`), when a person or a
collective. :mod:`.subjects` asks it of a verb with no subject of its own, :mod:`.nominal`
of a noun event. The words are in ``kg/data/rules/roles.tsv`` (accused_verbs, charge_nouns,
apprehending_verbs, verdict_words, culprit_verbs, suspect_nouns ...).
"""

from __future__ import annotations

from .actors import actor_of
from .context import COLLECTIVE, Reading
from .deps import PASS_SUBJ, SUBJ
from .words import W


def accused(ctx, tok) -> list[Reading]:
    """"Ray, convicted of killing King", "Sirhan was convicted of Kennedy's killing": the
    one convicted, accused or suspected of the act is its actor."""
    node = tok
    if node.dep_ == "pcomp" or node.dep_ == "pobj":
        node = node.head
    if node.dep_ != "prep":
        return []
    governor = node.head
    charged = _caught_or_charged(ctx, node, governor)
    if charged is not None:
        return charged
    if node.lower_ not in ("of", "for", "in", "with", "to"):
        return []
    if governor.pos_ in ("NOUN", "PROPN"):
        return _culprits(ctx, [governor]) if _names_the_accused(node, governor) else []
    if governor.lower_ in W.verdict_words and governor.dep_ in ("acomp", "oprd", "xcomp", "advmod") \
            and governor.head.pos_ in ("VERB", "AUX"):
        # "was found guilty of murdering X", "pleaded guilty to killing X"
        return _culprits(ctx, [c for c in governor.head.children if c.dep_ in SUBJ or c.dep_ in PASS_SUBJ])
    glemma = governor.lemma_.lower()
    if glemma in W.culprit_verbs:
        # "Ray is serving 99 years for the murder of King"
        if node.lower_ not in W.culprit_verbs[glemma]:
            return []
        return _culprits(ctx, [c for c in governor.children if c.dep_ in SUBJ or c.dep_ in PASS_SUBJ])
    if glemma not in W.accused_verbs or node.lower_ == "to" or node.lower_ == "with" and glemma not in W.charging_verbs:
        return []
    return _culprits(ctx, _held(ctx, governor))


def _held(ctx, governor) -> list:
    """The one an accusing verb holds to have done the act: its object or passive subject, or
    the noun it describes."""
    who = [c for c in governor.children if c.dep_ in PASS_SUBJ or c.dep_ == "dobj"]
    if governor.dep_ == "relcl" and any(w.lower_ in W.relative for w in who):
        who = [governor.head]  # "Oswald, who was charged with having assassinated Kennedy"
    if not who and governor.dep_ in ("acl", "relcl", "amod"):
        who = [governor.head]
    if not who and governor.dep_ == "conj":
        # "Sirhan was tried and convicted for the assassination of X": the one tried
        who = [c for c in governor.head.children if c.dep_ in PASS_SUBJ or c.dep_ == "dobj"]
    if not who and governor.dep_ == "advcl" and governor.tag_ == "VBN" and governor.i >= 2 \
            and governor.doc[governor.i - 1].text == "," and governor.i - 2 in ctx.ms:
        # "... the capture of Ray, suspected of the assassination of King": the parser hangs
        # the participle on the main verb; the name just before the comma is the one suspected
        who = [governor.doc[governor.i - 2]]
    return who


def _caught_or_charged(ctx, prep, governor) -> list[Reading] | None:
    """The one caught for the act, or charged with it, when the preposition before the act
    hangs on a verb of catching or on a charge; None when it hangs on neither."""
    glemma = governor.lemma_.lower()
    if prep.lower_ in W.apprehension_preps and glemma in W.apprehending_verbs:
        # "Oswald was captured after the assassination of Kennedy": the one caught for it
        return [(m, f) for m, f in _culprits(ctx, [c for c in governor.children if c.dep_ in PASS_SUBJ
                                                   or c.dep_ == "dobj"]) if m.type == "Person"]
    if prep.lower_ not in ("of", "for", "in", "with"):
        return None
    if governor.pos_ == "NOUN" and glemma in W.charge_nouns:
        return _charged(ctx, governor)
    if glemma in W.facing_verbs and prep.lower_ in ("in", "for") \
            and any(c.dep_ == "dobj" and c.lemma_.lower() in W.charge_nouns for c in governor.children):
        # "X faces murder charges in the killing of Y" (the "in" hung on the verb)
        return _culprits(ctx, [c for c in governor.children if c.dep_ in SUBJ])
    return None


def _charged(ctx, charge) -> list[Reading]:
    """"indicted X on a charge of murder in the assassination of Y", "X faces murder charges in
    the killing of Y", "arrested X on charges of killing Y": the one the charge is against."""
    if charge.dep_ == "dobj" and charge.head.lemma_.lower() in W.facing_verbs:
        return _culprits(ctx, [c for c in charge.head.children if c.dep_ in SUBJ])
    if charge.dep_ != "pobj" or charge.head.lower_ not in W.charge_preps:
        return []
    verb = charge.head.head
    if verb.lemma_.lower() not in W.accused_verbs and verb.lemma_.lower() not in W.apprehending_verbs:
        return []
    return _culprits(ctx, [c for c in verb.children if c.dep_ in PASS_SUBJ or c.dep_ == "dobj"])


def _names_the_accused(prep, noun) -> bool:
    """"convicted the sniper, Voss, of killing Dorn" (the "of" hung on the one convicted),
    "Voss, the only suspect in Dorn's killing": the noun the preposition hangs on is the one
    accused."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in W.accused_verbs and prep.lower_ == "of":
        return True
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in W.suspect_nouns and prep.lower_ in ("in", "of", "for")


def _culprits(ctx, who) -> list[Reading]:
    return [(m, f * 0.85) for w in who for m, f in actor_of(ctx, w, "actor", None)
            if m.type == "Person" or m.type in COLLECTIVE]
