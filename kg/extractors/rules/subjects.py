"""Event roles, actor side: who does what a verb says.

The verb's subject, or the ``by``-agent of a passive (whose passive subject is then the
recipient), or the subject it shares with the verb it is coordinated with or complements
("China agreed to lift ...", "Putin was briefed and flew to ...": an active verb after a
passive one), or the object of a verb of control ("urged Iran to release": Iran would
release), or the one a gerund adjunct belongs to ("ended the siege by storming", "thanked
Oman for mediating": Oman mediated), or the noun a clause describes ("Booth, who shot
Lincoln"), or whoever has the plan or keeps the policy ("Iran's plan to enrich", "pursued a
policy of expelling"), or the sender of a message ("issued a declaration demanding ..."),
or the one convicted or accused of the act ("Ray, convicted of killing King"; found by
:mod:`.culprits`). The words are in ``kg/data/rules/roles.tsv`` and ``actors.tsv``.
"""
from __future__ import annotations

from .actors import actor_of, actors_of
from .context import COLLECTIVE, Reading
from .culprits import accused
from .deps import PASS_SUBJ, SUBJ
from .words import W


def subjects(ctx, verb, et=None) -> tuple[list[Reading], list]:
    """(actor mentions, recipient head tokens from a passive subject); ``et``, when given, is the
    event they do (it may say whose an unplaced role noun is: noun_readings._role_noun)."""
    ms = ctx.ms
    message = message_of(verb)
    if message is not None:
        # "posted a message on Twitter blaming Iran", which the parser hangs on "Twitter"
        # (and may even make "Facebook" the participle's subject): the sender blames
        return [(m, f * 0.85) for s in message.head.children if s.dep_ in SUBJ for m, f in actors_of(ctx, s)], []
    subj = _subject_tokens(ctx, verb)
    passive = [c for c in verb.children if c.dep_ in PASS_SUBJ]
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if verb.dep_ == "relcl" and any(s.lower_ in W.relative for s in subj):
        subj = []  # "Booth, who assassinated Lincoln": the noun the clause hangs on acts
        shots = verb.head
        if shots.lemma_.lower() in W.instrument_nouns and shots.i not in ms and shots.dep_ == "dobj" \
                and shots.head.pos_ == "VERB":
            # "Oswald fired the shots that killed Kennedy": who fired them
            return [(m, f * 0.85) for m, f in subjects(ctx, shots.head)[0]], []
    if passive and not agents:
        agents = passive_agents(verb)
    if passive and not agents:
        # "Dorn was shot and killed by Voss": the agent of the verb coordinated with this one
        agents = [p for v in verb.children if v.dep_ == "conj" and v.pos_ == "VERB"
                  and not any(c.dep_ in SUBJ or c.dep_ in PASS_SUBJ for c in v.children)
                  for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not passive and not subj and agents and verb.dep_ == "conj":
        passive = [c for c in verb.head.children if c.dep_ in PASS_SUBJ]  # the same, seen from "killed"
    if not passive and not subj and not agents:
        passive, agents = _shared_passive(verb)
    if not passive and not subj and agents and verb.dep_ == "pcomp" and verb.head.lower_ in W.time_preps:
        # "Dorn died after being shot by Voss": the one who died was shot
        passive = [c for c in verb.head.head.children if c.dep_ in SUBJ or c.dep_ in PASS_SUBJ]
    if passive:
        if verb.dep_ == "relcl" and any(p.lower_ in W.relative for p in passive):
            passive = [verb.head]  # "Oswald, who had been shot by Ruby"
        return [a for ag in agents for a in actors_of(ctx, ag, et=et)], passive
    if subj:
        return [a for s in subj for a in actors_of(ctx, s, et=et)], []
    return _without_subject(ctx, verb, et), []


def _companions(subj, verb) -> list:
    """"France, along with Germany, condemned ...", "France, together with Germany and
    Britain, urged ...": the ones named with the subject before the verb act with it (the
    parser hangs the "with" on the subject or on the verb)."""
    out = []
    for holder in (subj, verb):
        for c in holder.children:
            if not (subj.i < c.i < verb.i and c.dep_ in ("prep", "advmod")):
                continue
            withs = [c] if c.lower_ == "with" else [w for w in c.children if w.dep_ == "prep" and w.lower_ == "with"]
            if c.lower_ in W.companion_words or c.lower_ == "with" and any(
                    a.lower_ in W.companion_words for a in c.children if a.dep_ == "advmod") \
                    or c.lower_ == "with" and c.i > 0 and c.doc[c.i - 1].lower_ in W.companion_words:
                out += [p for w in withs for p in w.children if p.dep_ == "pobj"]  # (read with its conjuncts)
    return out


def _shared_passive(verb) -> tuple[list, list]:
    """(passive subjects, agents) a bare participle shares with the passive it is coordinated
    with: "was detained by Turkish police and accused of spying" (the police accused him),
    "was arrested by police and released on bail"; nothing when the participle has an
    auxiliary or an object of its own (then it is no passive left elliptical)."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or head.tag_ != "VBN" \
            or any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children):
        return [], []
    agents = [p for c in head.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    passive = [c for c in head.children if c.dep_ in PASS_SUBJ]
    return (passive, agents) if passive and agents else ([], [])


def _subject_tokens(ctx, verb) -> list:
    """The verb's own subjects, without a dateline's town and with a headline's comma list."""
    ms = ctx.ms
    subj = [c for c in verb.children if c.dep_ in SUBJ] or _aux_subjects(verb)
    if len(subj) > 1 and any(c.i < verb.i for c in subj):
        # "Ruby shot and mortally wounded Oswald", parsed with Oswald as a second subject
        subj = [c for c in subj if c.i < verb.i]
    if len(subj) > 1:
        # "MOSCOW, March 3 (AP) -- Russia accused ...": the dateline's city is no subject
        subj = [c for c in subj if not is_dateline_place(c, verb)] or subj
    subj += [p for s in list(subj) for p in _companions(s, verb)]
    for s in list(subj):
        # headline coordination with a comma: "Kenya, Uganda sign trade pact"
        for c in verb.children:
            if c.dep_ == "dep" and c.i + 2 == s.i and c.nbor(1).text == "," and c.i in ms and s.i in ms \
                    and ms[c.i].type == ms[s.i].type and ms[c.i].type in COLLECTIVE:
                subj.append(c)
    return subj


def _aux_subjects(verb) -> list:
    """The subject the parser hung on the verb's own auxiliary instead of on the verb, which it
    does when words come between the two ("The US has been encouraging allies", "Iran has, in a
    statement, urged ...": the subject under "been" or "has")."""
    return [s for a in verb.children if a.dep_ in ("aux", "auxpass") and a.i < verb.i
            for s in a.children if s.dep_ in SUBJ and s.i < a.i]


def _without_subject(ctx, verb, et=None) -> list[Reading]:
    """The actor of a verb with no subject of its own."""
    found = _shared_subject(ctx, verb, et)
    if found is not None:
        return found
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in W.message_nouns and verb.head.dep_ == "dobj" \
            and verb.tag_ == "VBG":
        # "issued a declaration demanding ...", "sent a letter requesting ...": the sender
        return [(m, f * 0.85) for s in verb.head.head.children if s.dep_ in SUBJ for m, f in actors_of(ctx, s)]
    if verb.dep_ == "relcl":
        return _antecedent(ctx, verb)
    said_in = _saying_noun(verb)
    if said_in is not None:
        found = _authors(ctx, said_in)
        if found:
            return found
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "British officials asking the US to waive ...": the ones described act
        return [(m, f * 0.9) for m, f in actor_of(ctx, verb.head, "actor", None) if m.type != "Topic"]
    if verb.dep_ == "acl" and verb.tag_ == "VB" and verb.head.lemma_.lower() in W.intention_nouns:
        return _intending(ctx, verb.head)
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.lemma_.lower() in W.policy_nouns:
        return _intending(ctx, verb.head.head)  # "pursued a policy of arresting critics"
    return accused(ctx, verb)


def _saying_noun(verb):
    """The call, letter or appeal a participle qualifies ("calls by officials *asking* ...",
    and "calls by officials asking ..." parsed with the participle on the officials), if any."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return None
    noun = verb.head
    if noun.dep_ == "pobj" and noun.head.lower_ in ("by", "from"):
        noun = noun.head.head
    if noun.pos_ == "NOUN" and noun.lemma_.lower() in W.proposal_nouns | W.message_nouns:
        return noun
    return None


def _authors(ctx, noun) -> list[Reading]:
    """Who speaks through a call, a letter or an appeal that a participle qualifies: "calls by
    British officials asking the US to ...", "a letter from the Kenyan president urging ...",
    "Peru's appeal asking Chile to ..."; and whoever joins the calls ("Johnson joined the calls
    by officials asking ..."), who asks as they do."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [p for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")
               for p in c.children if p.dep_ == "pobj"]
    found = [(m, f * 0.9) for o in owners for m, f in actors_of(ctx, o) if m.type != "Topic"]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in W.joining_verbs:
        found += [(m, f * 0.85) for s in noun.head.children if s.dep_ in SUBJ
                  for m, f in actors_of(ctx, s) if m.type != "Topic"]
    return found


def _intending(ctx, noun) -> list[Reading]:
    """"Iran's plan to enrich uranium", "their offer to mediate", "Iran announced plans to
    enrich", "pursued a policy of arresting critics": whoever has the plan or the policy, or
    made it known or keeps it, acts (the modality says a plan is intended); not "rejected
    plans to build ...", whose plans they are not."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if not owners and noun.dep_ == "dobj" and noun.head.lemma_.lower() in W.intention_verbs:
        owners = [c for c in noun.head.children if c.dep_ in SUBJ]
    return [(m, f * 0.9) for o in owners for m, f in actors_of(ctx, o) if m.type != "Topic"]


def _shared_subject(ctx, verb, et=None) -> list[Reading] | None:
    """The subject of the verb this one is coordinated with, or the one whose complement it is
    ("China agreed to lift ...", "met Xi and praised ..."), or the object of a verb of control
    ("urged Iran to release them")."""
    node = verb
    factor = 0.95
    timed = False
    for _ in range(4):
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":
            timed, objs = _adjunct(node)
            if objs:
                return [(m, f * factor) for o in objs for m, f in actors_of(ctx, o, et=et) if m.type != "Topic"]
            if any(c.dep_ in ("dobj", "nsubjpass") for c in node.head.head.children) and not timed:
                break  # "banned the airline from flying": the object would fly
            node = node.head  # "acted alone in killing Kennedy"
        if node.dep_ not in ("conj", "xcomp", "advcl", "prep", "acomp") or node.head.i == node.i:
            break
        came = node
        dep, node = _up(node)  # "Syria is willing to withdraw": through the adjective
        if dep == "xcomp" and node.lemma_.lower() in W.object_control:
            # "urged Iran to release", "called on Iran to release", "appealed to Iran to release"
            objs = [c for c in node.children if c.dep_ == "dobj"] or [
                p for c in node.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")
                for p in c.children if p.dep_ == "pobj"]
            if objs:
                return [(m, f * factor) for o in objs for m, f in actors_of(ctx, o, et=et)]
        subj = [c for c in node.children if c.dep_ in SUBJ]
        if subj and node.dep_ == "relcl" and all(s.lower_ in W.relative for s in subj):
            # "Martinez, who shot and killed Whitman": the one the clause describes
            return [(m, f * factor) for m, f in _antecedent(ctx, node)]
        if subj:
            return [(m, f * factor) for s in subj for m, f in actors_of(ctx, s, et=et)]
        passive = [c for c in node.children if c.dep_ in PASS_SUBJ]
        asked = getattr(ctx.lex.verbs.get(node.lemma_.lower()), "plover", None) == "REQUEST"
        if passive and (dep == "conj" and _active(came) or dep == "xcomp" and not asked or timed):
            # "Putin was briefed and flew to Omsk": an active verb coordinated with a passive one
            # is done by the passive's subject (not "was arrested and charged": passive too)
            # "Israel was forced to withdraw", "Putin is expected to visit": the one forced acts
            # (not "Iran was urged to release": asked, which says nothing of what it did)
            return [(m, f * factor) for s in passive for m, f in actors_of(ctx, s, et=et) if m.type != "Topic"]
        if passive:
            break
        factor *= 0.95
    return None


def _up(node) -> tuple[str, object]:
    """(how the node hangs, the verb it hangs on), one step up a chain of shared subjects. A
    finite verb the parser coordinated with an infinitive is coordinated with the verb
    governing it ("urged Iran to reconsider and spoke with Iraq": the one who urged spoke)."""
    head = node.head
    if node.dep_ == "conj" and node.tag_ in ("VBD", "VBZ") and head.tag_ == "VB" and head.dep_ == "xcomp" \
            and head.head.pos_ in ("VERB", "AUX"):
        return "conj", head.head
    return node.dep_, head


def _adjunct(gerund) -> tuple[bool, list]:
    """(is the gerund done by its clause's subject, passive or not; the objects that do it)
    for a gerund in a prepositional adjunct. "Voss was arrested after shooting Dorn", "ended
    the siege by storming the town": a gerund of time or manner is the subject's, passive or
    not; "thanked Oman for mediating", "jailed Voss for killing Dorn": a gerund of reason is
    the object's (the one thanked or jailed), else the passive subject's ("was jailed for
    killing Dorn")."""
    prep = gerund.head.lower_
    governor = gerund.head.head
    if governor.pos_ not in ("VERB", "AUX"):
        return False, []
    if prep in W.reason_preps:
        return True, [c for c in governor.children if c.dep_ == "dobj"]
    return prep in W.time_preps or prep in W.manner_preps, []


def _active(verb) -> bool:
    """Is a verb with no auxiliary of its own surely active? A past form that may be a
    participle ("released") is read as one unless an object shows it active ("waived
    extradition") or its form is not the regular participle ("flew")."""
    if verb.tag_ in ("VBZ", "VBP", "VBG"):
        return True
    if verb.tag_ != "VBD":
        return False
    # (a date the parser took for an object says nothing: "was cornered and killed April 26")
    return any(c.dep_ == "dobj" and c.ent_type_ not in ("DATE", "TIME") for c in verb.children) \
        or not verb.lower_.endswith("ed")


def _antecedent(ctx, verb) -> list[Reading]:
    """The noun a relative clause hangs on ("the man who shot Dorn, Voss, ...", "Voss, the
    gunman who killed Dorn", "Voss is the man who killed Dorn"): the name it stands for."""
    ms = ctx.ms
    antecedent = verb.head
    if antecedent.i not in ms:
        named = [ms[c.i] for c in antecedent.children if c.dep_ == "appos" and c.i in ms and ms[c.i].type == "Person"]
        if not named and antecedent.dep_ == "appos" and antecedent.head.i in ms \
                and ms[antecedent.head.i].type == "Person":
            named = [ms[antecedent.head.i]]
        if not named and antecedent.dep_ == "attr" and antecedent.head.lemma_ == "be":
            named = [ms[c.i] for c in antecedent.head.children if c.dep_ in SUBJ and c.i in ms
                     and ms[c.i].type == "Person"]
        if named and not actor_of(ctx, antecedent, "actor", None):
            return [(named[0], 0.85)]
    return actor_of(ctx, verb.head, "actor", None)  # the antecedent, not its list


def passive_agents(verb) -> list:
    """The agent of a passive verb when the parser did not hang it on the verb: "was murdered on
    the orders of Pizarro", "was shot in the courtyard of his building by Chapman"."""
    found = []
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for p in prep.children:
            if p.dep_ != "pobj":
                continue
            if prep.lower_ in ("on", "at", "by", "under") and p.lower_ in W.order_nouns:
                found += [o for of in p.children if of.dep_ == "prep" and of.lower_ == "of"
                          for o in of.children if o.dep_ == "pobj"]
            elif prep.lower_ in ("in", "at", "outside", "inside", "near"):
                # one step down a place phrase: "in the courtyard of his building by X"
                for q in (p, *(o for of in p.children if of.dep_ == "prep" for o in of.children if o.dep_ == "pobj")):
                    found += [o for by in q.children if by.dep_ == "prep" and by.lower_ == "by"
                              for o in by.children if o.dep_ == "pobj" and o.ent_type_ in ("PERSON", "ORG", "NORP")]
    return found


def carried_message(verb):
    """The message a participle describes, the object of a verb: "issued a statement blaming
    ...", and "a statement on Facebook blaming ...", "a letter to the UN asking ...", which the
    parser hangs on a word after the message (the first message noun up the chain); None."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("acl", "pcomp"):
        return None
    node = verb.head
    for _ in range(3):
        if node.lemma_.lower() in W.message_nouns or node.dep_ not in ("pobj", "prep") or node.head.i == node.i:
            break
        node = node.head
    if node.lemma_.lower() not in W.message_nouns or node.dep_ != "dobj" or node.head.pos_ != "VERB":
        return None
    return node


def message_of(verb):
    """The message a participle describes when the parser hung it on a word after the message
    ("a statement on Facebook blaming ...", "a letter to the UN asking ..."); one hung on the
    message itself is the sender's through ``_without_subject``."""
    message = carried_message(verb)
    return message if message is not None and message.i != verb.head.i else None


def unissued(verb) -> bool:
    """Is the verb a participle on a message that its clause's subject does not issue ("vetoed
    a resolution imposing sanctions", "blocked a resolution condemning X", "rejected a letter
    demanding")? The message speaks for whoever issued it (``issuing_verbs``: "passed a
    resolution condemning X", "sent a letter demanding"), and the one who vetoes it is no one
    who sanctions, condemns or demands."""
    message = carried_message(verb)
    return message is not None and message.head.lemma_.lower() not in W.issuing_verbs


def is_dateline_place(tok, verb) -> bool:
    """Is the token the place of a wire dateline ("MOSCOW, March 3 (AP) -- ...")?"""
    return tok.i == tok.sent.start and tok.text.isupper() and len(tok.text) > 2 \
        and any(t.text in ("-", "--", "—", "–") for t in tok.doc[tok.i:verb.i])
