"""Modality and negation: is what a clause says asserted, reported, intended, hypothetical, denied?

Read off the parse around a trigger: its own negation and auxiliaries ("did not", "will",
"could"), then up through the verbs that govern it ("refused to meet", "plans to visit",
"said it would"), and phrases that make a whole sentence reported ("according to", found
by a spaCy ``Matcher`` from ``kg/data/rules/reported.jsonl``). A nominal event ("the
planned visit", "the cancelled trip") also carries what its own modifiers say. The words
are in ``kg/data/rules/modality.tsv``.
"""

from __future__ import annotations

import functools

from .triggers import verb_lemma
from .words import W, jsonl_rows

ASSERTED = "asserted"


@functools.cache
def _matcher(vocab):
    from spacy.matcher import Matcher

    matcher = Matcher(vocab)
    for row in jsonl_rows("reported.jsonl"):
        matcher.add(row["label"], [row["pattern"]])
    return matcher


def reported_sentences(parsed) -> frozenset[int]:
    """The first tokens of the sentences a phrase such as "according to" makes reported."""
    return frozenset(parsed[start].sent.start for _, start, _ in _matcher(parsed.vocab)(parsed))


def modality_of(ctx, tok) -> tuple[bool, str]:
    """(negated, modality) of the clause a trigger heads, looking up through its governors."""
    negated, modality, aux = _own_marks(tok)
    if _polar_question(tok) or tok.dep_ not in ("ccomp", "acl", "relcl", "advcl") and _polar_question(tok.head):
        # (not a clause the question only mentions: "Has the world forgotten that Russia invaded Ukraine?")
        modality = "hypothetical"  # "Will Iran attack Israel?", "Does Russia support Serbia?"
    node = tok
    if tok.dep_ == "conj" and tok.tag_ == "VBD" and tok.head.tag_ == "VB" and tok.head.dep_ in ("xcomp", "ccomp") \
            and not any(c.dep_ == "aux" for c in tok.children):
        # "urged the embassy to reconsider and spoke with Pompeo": the parser hangs a past
        # verb on the infinitive, but the past tense says it is coordinated with "urged"
        node = tok.head.head
    reported = False
    for _ in range(6):
        if node.dep_ == "ROOT" or node.head.i == node.i:
            break
        negated, modality, reported = _governed(node, aux, negated, modality, reported)
        if _hearsay(node):
            # "reports that Canada had expelled ...": told by others, and no more than what is
            # said of the reports ("denied reports that", "declined to comment on reports that")
            return _of_hearsay(ctx, node.head, negated, modality)
        if node.dep_ == "acl" and node.tag_ == "VBN" and node.head.pos_ in ("NOUN", "PROPN") \
                and not _finite(node):
            # "refused to release Voss, convicted of killing Dorn": a participle describing
            # someone keeps its own mood; what was refused is the release, not the killing
            break
        if node.dep_ == "relcl" and _past(node):
            # "trying to save the theater where Oswald was captured": a past clause describing
            # something tells what happened, whatever is wanted of the thing it describes
            break
        node = node.head
    if not reported:
        reported = tok.sent.start in ctx.reported
    if reported and modality == ASSERTED:
        modality = "reported"
    return negated, modality


def _inverted(verb) -> bool:
    """Does an auxiliary come before the verb's subject ("had Ghana attacked", "will Iran strike")?"""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and any(c.dep_ in ("aux", "auxpass") and c.i < subj.i for c in verb.children)


def _polar_question(verb) -> bool:
    """Does the verb ask a yes-no question ("Will Iran attack Israel?", "Has Spain recognised
    Kosovo?"): an auxiliary before its subject, no question word before it, and a question
    mark after it in the sentence?"""
    if not _inverted(verb):
        return False
    sent = verb.sent
    if any(t.tag_ in ("WP", "WRB", "WDT", "WP$") for t in sent if t.i < verb.i):
        return False
    return any(t.text == "?" for t in sent if t.i > verb.i)


def _mandated(node, dep: str, hl: str) -> bool:
    """Is the clause what a demand or proposal mandates, in the bare subjunctive ("demanded that
    Syria withdraw its troops", "proposed that Sudan hold talks")? Not done, only asked for."""
    return dep == "ccomp" and hl in W.mandative_verbs and node.tag_ == "VB" \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children) \
        and not any(c.dep_ in ("aux", "auxpass") for c in node.children)


def _finite(verb) -> bool:
    """Has the clause its own subject or auxiliary ("that its troops had attacked"), unlike a
    participle describing a noun ("Voss, convicted of killing Dorn")?"""
    return any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def _hearsay(node) -> bool:
    """Is the clause the content of a noun of hearsay: "reports that its navy had fired",
    "claims that the army shelled"?"""
    head = node.head
    return node.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in W.hearsay_nouns \
        and _finite(node)


def _of_hearsay(ctx, noun, negated: bool, modality: str) -> tuple[bool, str]:
    """The status of what a report tells: denied with the report ("denied reports that"),
    unconfirmed when the report is not confirmed ("refused to comment on reports that", "did not
    confirm reports") or there is none ("no evidence that"), else reported, as the noun's own
    clause is."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return negated, "hypothetical"  # "there is no evidence that", "found no sign that"
    verb = noun.head
    while verb.dep_ == "prep" and verb.head.i != verb.i:
        verb = verb.head  # "comment on reports"
    if noun.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB":
        lemma = verb_lemma(verb)
        prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        phrasal = f"{lemma} {prt}" if prt else lemma
        if (lemma in W.denying_verbs | W.neg_verbs or phrasal in W.dismissing_verbs) \
                and not any(c.dep_ == "neg" for c in verb.children):
            return True, modality  # "denied reports that", "dismissed claims that", "played down"
        if phrasal in W.probing_verbs:
            return negated, "hypothetical"  # "is investigating reports that": not confirmed
        said_negated, saying = modality_of(ctx, verb)
        if said_negated:
            return negated, "hypothetical"  # "refused to comment on reports", "did not confirm claims"
    return negated, "reported" if modality == ASSERTED else modality


def _scheduled(node, dep: str, hl: str) -> bool:
    """"Macron is to host Modi", "the envoy was to meet rebel leaders": "be" with a "to"
    infinitive is an arrangement, still to come."""
    return dep == "xcomp" and hl in W.arranged_verbs and node.tag_ == "VB" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


def _cleared(head, hl: str) -> bool:
    """Does the verb clear someone of the act after its preposition: "acquitted of murder", "was
    not involved in the killing" (but "did not act alone in the slaying": he acted)?"""
    if hl in W.acquitting_verbs:
        return True
    return hl in W.sharing_verbs and any(c.dep_ == "neg" for c in head.children) \
        and not any(c.lower_ in W.sharing_limits for c in head.children)


def _past(verb) -> bool:
    """Is the verb in the past tense ("killed", "was captured", "had fled")?"""
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _own_marks(tok) -> tuple[bool, str, set[str]]:
    """What the trigger's own children say: negation, auxiliaries, a condition."""
    negated = any(c.dep_ == "neg" or c.lower_ in ("never",) or c.dep_ == "advmod" and c.lower_ in W.near_miss_adverbs
                  for c in tok.children) or _no_subject(tok)
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    modality = ASSERTED
    if aux & W.hypothetical_aux:
        modality = "hypothetical"
    elif aux & W.intended_aux or ("going" in aux and tok.tag_ == "VB"):
        modality = "intended"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in tok.children):
        modality = "hypothetical"
    if tok.dep_ == "advcl" and _inverted(tok):
        modality = "hypothetical"  # "Had Ghana attacked Togo, Nigeria would have intervened"
    return negated, modality, aux


def _no_subject(verb) -> bool:
    """Is the verb's subject none ("Neither Ghana nor Togo attended", "no group claimed it",
    "none of them signed")?"""
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subj.lower_ in W.none_subjects or any(
                c.dep_ in ("preconj", "det") and c.lower_ in ("neither", "no")
                for c in subj.children):
            return True
    return False


def _governed(node, aux, negated: bool, modality: str, reported: bool) -> tuple[bool, str, bool]:
    """What the verb governing ``node`` adds: "refused to" negates, "plans to" intends, "said"
    reports, "accused of" alleges, "if", "asked to" and "whom" make it hypothetical."""
    dep, head = node.dep_, node.head
    hl = verb_lemma(head)
    # A purpose clause of a phase verb is no intention: "began a strike to protest"
    # protests already (its complement, "began to withdraw", still only starts); nor a perfect
    # participle, done before the verb it hangs on ("moved, having first placed him under arrest").
    if dep in ("xcomp", "acl", "ccomp", "advcl") and (dep == "xcomp" or hl in W.intent_verbs | W.permission_verbs) \
            and not (dep == "advcl" and hl in W.phase_verbs) \
            and not (dep == "advcl" and any(c.dep_ == "aux" and c.lower_ == "having" for c in node.children)) \
            and not (dep == "xcomp" and node.tag_ == "VBG" and hl in W.phase_verbs | W.factive_verbs):
        # ("started supporting"; "cannot remember shooting him": the shooting is still told)
        if hl in W.neg_verbs:
            negated = True
        elif (hl in W.intent_verbs or _scheduled(node, dep, hl)) and modality == ASSERTED and not _decided(head):
            modality = "intended"
        if any(c.dep_ == "neg" for c in head.children):
            negated = True
        if {c.lower_ for c in head.children if c.dep_ == "aux"} & W.hypothetical_aux - {"would"}:
            modality = "hypothetical"
    if dep == "advcl" and node.tag_ == "VB" and modality == ASSERTED and hl not in W.phase_verbs \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        modality = "intended"  # a purpose: "sent troops to quell the riots", "a deal for the army to deploy"
    negated, modality, reported = _alleged_or_denied(dep, head, hl, negated, modality, reported)
    if dep in ("ccomp", "parataxis") and hl in W.speech_verbs:
        reported = True
    # "said it would allow", "pledged that it would withdraw": a future told or promised, not a conditional
    if dep in ("ccomp", "parataxis") and hl in W.speech_verbs | W.commitments and modality == "hypothetical" \
            and "would" in aux and not aux & (W.hypothetical_aux - {"would"}):
        modality = "intended"
    if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children) \
            or (_asked_or_open(node, dep, hl) or _mandated(node, dep, hl)) and modality in (ASSERTED, "intended"):
        modality = "hypothetical"
    return negated, modality, reported


def _alleged_or_denied(dep: str, head, hl: str, negated: bool, modality: str,
                       reported: bool) -> tuple[bool, str, bool]:
    """What a verb of alleging, clearing or denying adds to the act it governs."""
    if dep == "prep" and hl in W.alleging_verbs:
        reported = True  # "accused of killing": alleged, not established
        if any(c.dep_ == "neg" for c in head.children) and modality in (ASSERTED, "intended"):
            modality = "hypothetical"  # "has not been accused of attacking": not even alleged
        if hl in W.blaming_verbs and _accuser(head) and modality in (ASSERTED, "intended"):
            modality = "hypothetical"  # "Iraq accused Iran of shelling": Iraq's claim
    if dep == "prep" and _cleared(head, hl):
        negated = True  # "acquitted of murder", "was not involved in the killing"
    if dep == "ccomp" and hl in W.denying_verbs and not any(c.dep_ == "neg" for c in head.children):
        negated = True  # "denied that its troops had attacked": no attack asserted
    return negated, modality, reported


def _accuser(verb) -> bool:
    """Does the alleging verb name who alleges: a subject of the active, an agent of the passive?"""
    if any(c.dep_ == "nsubj" for c in verb.children):
        return True
    return any(c.dep_ == "agent" for c in verb.children)


def _decided(head) -> bool:
    """Is the governor a vote already taken ("voted to impose", "has voted to lift")? What it
    decides is done."""
    return head.lemma_.lower() in W.deciding_verbs and head.tag_ in ("VBD", "VBN") \
        and not any(c.dep_ == "aux" and c.lower_ in W.intended_aux | W.hypothetical_aux for c in head.children)


def _asked_or_open(node, dep: str, hl: str) -> bool:
    """Is the clause what someone was asked to do ("asked Kiev to investigate"), what a demand
    is for ("demanded an admission that its forces killed ...") or an open question ("did
    not say whom they would support")?"""
    if dep in ("xcomp", "ccomp") and hl in W.requesting_verbs and not (dep == "ccomp" and hl in W.speech_verbs) \
            and any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "on" for c in node.head.children):
        return True
    head = node.head
    if dep == "acl" and head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.lemma_.lower() in W.requesting_verbs:
        return True
    return dep == "ccomp" and any(c.tag_ in ("WP", "WDT", "WRB", "WP$") and c.i < node.i for c in node.children)


def nominal_status(noun, negated: bool, modality: str) -> tuple[bool, str]:
    """What the noun's own modifiers say of a nominal event: "the planned visit" is intended,
    "a possible attack" hypothetical, "the cancelled trip" (or "the trip, which was
    cancelled") did not happen."""
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
    clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    # The parser often hangs "…, which was cancelled" on the nearest name ("the trip to
    # Warsaw, which was cancelled"); a place or a person is not called off, the trip is.
    clauses += [c for p in noun.children if p.dep_ == "prep" for o in p.children
                if o.dep_ == "pobj" and o.pos_ == "PROPN" for c in o.children if c.dep_ == "relcl"]
    for clause in clauses:
        mods.add(clause.lower_)
        mods |= {g.lower_ for g in clause.children if g.dep_ in ("acomp", "oprd")}
    if mods & W.called_off_mods or _governing(noun) in W.calling_off_verbs:
        return True, modality  # "the cancelled trip", "cancelled his visit to Denmark"
    if _governing(noun) in W.putting_off_verbs and modality in (ASSERTED, "reported"):
        return negated, "intended"  # "postponed the summit": still to come
    if mods & W.hypothetical_mods:
        return negated, "hypothetical"
    if mods & W.intended_mods and modality in (ASSERTED, "reported"):
        return negated, "intended"
    return negated, modality


def _governing(noun) -> str:
    """The verb whose object the nominal event is, with its particle ("call off"), or ""."""
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.head.pos_ != "VERB":
        return ""
    verb = noun.head
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {prt}" if prt else verb.lemma_.lower()


def commitment(verb):
    """The word that commits the actor to a verb's act ("willing to", "pledged to"), if any."""
    node = verb
    for _ in range(3):
        if node.dep_ not in ("xcomp", "acomp") or node.head.i == node.i:
            return None
        node = node.head
        if verb_lemma(node) in W.commitments:
            return node
    return None


def announcement(verb):
    """The speech verb announcing what a verb says someone will do ("said it would lift the
    ban", "announced it will impose sanctions"): saying so expresses intent (CAMEO 03, 13)."""
    if not any(c.dep_ == "aux" and c.lower_ in W.intended_aux | {"would"} for c in verb.children):
        return None
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "ccomp" and verb_lemma(node.head) in W.speech_verbs | W.demand_speech \
            and not any(c.dep_ == "neg" for c in node.head.children) \
            and not any(t.tag_ in ("WP", "WRB", "WDT") or t.lower_ in ("whether", "if")
                        for t in node.subtree if t.i < verb.i):
        return node.head  # not "did not announce whom they would support"
    return None


def conditional(verb, marks=("unless", "if")) -> bool:
    """Does the clause carry an "unless"/"if" condition (on itself or its governing verb)? Not
    when it is the condition ("if Iran attacks Israel, the US will respond": Iran threatens no one)."""
    if verb.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in verb.children):
        return False
    for node in (verb, verb.head):
        for c in node.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children):
                return True
    return False
