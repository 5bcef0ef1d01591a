"""The default extractor: rules over spaCy's dependency parse, driven by kg's lexicons.

For each sentence it finds

* **events**: a verb or a nominalisation from ``kg/data/events.tsv`` with an actor
  (subject, ``by``-agent of a passive, possessor of a noun) and a recipient (object,
  passive subject, or the object of a preposition the lexicon lists), each expanded over
  coordination, so "Egypt, Greece and Cyprus condemned Turkey" gives three events;
* **static relations**: titles beside a person ("Chinese leader Xi Jinping",
  "Adil Abdul-Mahdi, the Prime Minister of Iraq"), seats ("a Berlin-based foundation"),
  places ("Mosul, Iraq"), capitals, membership, alliances and trade partners.

Each record carries negation and modality (asserted, reported, intended, hypothetical)
read off the parse, and a confidence that falls as the reading leans on weaker evidence.
Mentions stay text here; :mod:`kg.resolve` turns them into entities.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .. import gazetteer as gaz
from ..lexicon import EventType, Lexicon
from ..lexicon import load as load_lexicon
from ..model import Document, Mention, RelationMention
from . import register

# spaCy NER label → ontology class, before the gazetteer refines it.
NER_TYPES = {
    "PERSON": "Person",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
    "ORG": "Organization",
    "NORP": "Group",
    "PRODUCT": "Topic",
    "WORK_OF_ART": "Topic",
    "LAW": "Topic",
    "EVENT": "Topic",
}
SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
# Nouns that stand for the state or organisation that employs them: "Chinese officials"
# act for China, so an event with them as actor is coded to China.
AGENT_NOUNS = {
    "government", "official", "officials", "ministry", "minister", "spokesman", "spokeswoman",
    "spokesperson", "leader", "leadership", "president", "administration", "authorities", "authority",
    "troops", "forces", "force", "army", "military", "navy", "police", "delegation", "diplomat",
    "embassy", "ambassador", "regime", "parliament", "court", "prosecutor", "envoy", "cabinet",
    "premier", "chancellor", "king", "state", "side", "counterpart", "foreign", "office", "department",
    "warplane", "jet", "soldier", "militant", "rebel", "coalition", "media", "agency",
}
SPEECH_VERBS = {"say", "tell", "announce", "report", "claim", "state", "add", "allege", "note",
                "insist", "declare", "confirm", "believe", "write", "suggest", "argue", "stress", "warn"}
INTENT_VERBS = {"aim", "plan", "intend", "hope", "want", "seek", "expect", "prepare", "try", "attempt",
                "propose", "agree", "pledge", "promise", "vow", "threaten", "decide", "offer", "wish",
                "plot", "consider", "look", "push", "strive", "move", "set", "schedule", "due"}
NEG_VERBS = {"refuse", "decline", "fail", "deny", "reject"}
HYPOTHETICAL_AUX = {"could", "would", "might", "may", "should", "can", "must"}
INTENDED_AUX = {"will", "shall", "'ll", "wo"}
PRONOUNS_PERSON = {"he", "she", "him", "her"}


@dataclass
class _Sent:
    """Per-sentence state: which tokens belong to which mention."""

    mentions: dict[int, Mention] = field(default_factory=dict)  # token index → mention


class RuleExtractor:
    def __init__(self, lexicon: Lexicon, gazetteer: gaz.Gazetteer):
        self.lex = lexicon
        self.gaz = gazetteer

    # ---------------------------------------------------------------- mentions
    def mentions(self, parsed) -> dict[int, Mention]:
        """Token index → mention, from NER and the gazetteer (which wins on overlap)."""
        out: dict[int, Mention] = {}
        for ent in parsed.ents:
            typ = NER_TYPES.get(ent.label_)
            if typ is None:
                continue
            span = _trim(ent)
            if span is None:
                continue
            m = self._mention(span, typ, ent.label_)
            if m is None:
                continue
            for t in span:
                out[t.i] = m
        # Proper nouns the NER missed but the gazetteer knows ("NATO", "Pyongyang").
        for tok in parsed:
            if tok.i in out or tok.pos_ != "PROPN":
                continue
            actor = self.gaz.lookup(tok.text)
            if actor is not None and (len(tok.text) > 3 or tok.text.isupper()):
                out[tok.i] = Mention(tok.text, tok.idx, tok.idx + len(tok.text), actor.type,
                                     country=actor.country, key=actor.label)
        return out

    def _mention(self, span, typ: str, label: str) -> Mention | None:
        text = span.text
        key = _strip_title(text, self.gaz)
        if not key:
            return None
        country = None
        if label == "NORP":
            actor = self.gaz.demonym(key)
            if actor is None:
                actor = self.gaz.lookup(key)
            if actor is not None:
                typ, country, key = actor.type, actor.country, actor.label
        else:
            actor = self.gaz.lookup(key)
            if actor is not None:
                typ, country = actor.type, actor.country
            elif label == "GPE":
                demonym = self.gaz.demonym(key)
                if demonym is not None:
                    typ, country, key = "Country", demonym.country, demonym.label
        return Mention(text=text, start=span.start_char, end=span.start_char + len(text), type=typ,
                       country=country, key=key)

    # ---------------------------------------------------------------- actors
    def actors(self, tok, ms: dict[int, Mention], *, topics: bool = False) -> list[tuple[Mention, float]]:
        """The mentions a head token stands for, over coordination, with a confidence factor."""
        out: list[tuple[Mention, float]] = []
        for t in _conjuncts(tok):
            found = self._actor(t, ms, topics=topics)
            if found is not None:
                out.append(found)
        # "Egypt, Greece and Cyprus" can come out as one entity span whose tokens share a mention
        seen: set[int] = set()
        uniq = []
        for m, f in out:
            if id(m) not in seen:
                seen.add(id(m))
                uniq.append((m, f))
        return uniq

    def _actor(self, tok, ms: dict[int, Mention], *, topics: bool) -> tuple[Mention, float] | None:
        if tok.i in ms:
            return ms[tok.i], 1.0
        lower = tok.lower_
        if tok.pos_ == "PRON":
            if lower in PRONOUNS_PERSON:
                return self._antecedent(tok, ms)
            return None
        # "Chinese officials", "China's foreign ministry", "officials from China"
        if tok.pos_ in ("NOUN", "PROPN") and (lower in AGENT_NOUNS or tok.lemma_.lower() in AGENT_NOUNS):
            for child in tok.children:
                if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i in ms:
                    m = ms[child.i]
                    if m.type in ("Country", "Organization", "InternationalOrganization", "Group", "City"):
                        return m, 0.85
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "for", "from", "in"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and pobj.i in ms:
                            return ms[pobj.i], 0.8
            return None
        if topics and tok.pos_ in ("PROPN", "NOUN") and (tok.pos_ == "PROPN" or tok.text.isupper()):
            start, end = _compound_span(tok)
            text = tok.doc.text[start:end]
            return Mention(text, start, end, "Topic", key=text), 0.8
        return None

    def _antecedent(self, tok, ms: dict[int, Mention]) -> tuple[Mention, float] | None:
        """The one person mentioned in this or the previous sentence, if there is exactly one."""
        sent = tok.sent
        lo = sent.start
        prev = tok.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        people = {ms[i].key: ms[i] for i in range(prev, tok.i) if i in ms and ms[i].type == "Person"}
        if len(people) == 1:
            return next(iter(people.values())), 0.7
        if lo != prev:
            people = {ms[i].key: ms[i] for i in range(lo, tok.i) if i in ms and ms[i].type == "Person"}
            if len(people) == 1:
                return next(iter(people.values())), 0.7
        return None

    # ---------------------------------------------------------------- events
    def verb_event(self, tok) -> EventType | None:
        if tok.pos_ not in ("VERB",) and not (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            return None
        lemma = tok.lemma_.lower()
        restricted = self.lex.verbs.get("+" + lemma)
        if restricted is not None:
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            if any(o.lemma_.lower() in restricted.requires for o in objs):
                return restricted
        et = self.lex.verbs.get(lemma)
        if et is None:
            return None
        if lemma == "call" and not any(c.dep_ == "prep" and c.lower_ == "on" for c in tok.children):
            return None
        if lemma in ("strike", "test", "launch") and et.requires:
            return None
        return et

    def events(self, doc: Document, sent, ms: dict[int, Mention]) -> Iterator[RelationMention]:
        for tok in sent:
            et = self.verb_event(tok)
            if et is not None:
                yield from self._verb_events(doc, sent, tok, et, ms)
                continue
            if tok.pos_ == "NOUN":
                et = self.lex.nouns.get(tok.lemma_.lower())
                if et is not None:
                    yield from self._noun_events(doc, sent, tok, et, ms)

    def _subjects(self, verb, ms):
        """(actor mentions, recipient head tokens from a passive subject)."""
        subj = [c for c in verb.children if c.dep_ in SUBJ]
        passive = [c for c in verb.children if c.dep_ in PASS_SUBJ]
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if passive:
            return [a for ag in agents for a in self.actors(ag, ms)], passive
        if subj:
            return [a for s in subj for a in self.actors(s, ms)], []
        # No subject of its own: share the subject of the verb it is coordinated with, or
        # the one whose complement it is ("China agreed to lift ...", "met Xi and praised ...").
        head = verb
        while head.dep_ in ("conj", "xcomp", "advcl") and head.head is not head:
            head = head.head
            subj = [c for c in head.children if c.dep_ in SUBJ]
            if subj:
                return [(m, f * 0.95) for s in subj for m, f in self.actors(s, ms)], []
        if verb.dep_ == "relcl" and verb.head.i in ms:
            return [(ms[verb.head.i], 0.9)], []
        if verb.dep_ == "acl":  # "a statement condemning Turkey" has no clear actor
            return [], []
        return [], []

    def _verb_events(self, doc, sent, verb, et: EventType, ms) -> Iterator[RelationMention]:
        actors, passive_objs = self._subjects(verb, ms)
        if not actors:
            return
        objects: list[tuple[Mention, float]] = []
        for p in passive_objs:
            objects += self.actors(p, ms, topics=True)
        if not objects:
            for c in verb.children:
                if c.dep_ in ("dobj", "dative", "attr") and c.lemma_.lower() not in et.requires:
                    objects += self.actors(c, ms, topics=True)
        # Recipient behind a preposition: on the verb ("met with Xi") or on a required
        # object noun ("cut ties with Taipei", "lifted its ban on K-pop").
        if not objects:
            holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "xcomp")]
            for h in holders:
                for prep in h.children:
                    if prep.dep_ == "prep" and prep.lower_ in et.preps:
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                objects += self.actors(pobj, ms, topics=True)
        # "Lee and Xi met": a symmetric event between coordinated actors.
        pairs: list[tuple[Mention, float, Mention, float]] = []
        if not objects and et.plover in ("CONSULT", "COOPERATE", "AGREE") and len(actors) >= 2:
            for i, (a, fa) in enumerate(actors):
                for b, fb in actors[i + 1:]:
                    pairs.append((a, fa, b, fb))
        else:
            pairs = [(a, fa, o, fo) for a, fa in actors for o, fo in objects]
        if not pairs:
            return
        negated, modality = self.modality(verb)
        for a, fa, o, fo in pairs:
            if _same(a, o):
                continue
            yield self._record(doc, sent, a, et, o, negated, modality, 0.8 * fa * fo, verb)

    def _noun_events(self, doc, sent, noun, et: EventType, ms) -> Iterator[RelationMention]:
        actors: list[tuple[Mention, float]] = []
        for c in noun.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod") and (c.i in ms):
                actors += self.actors(c, ms)
        governor = noun.head
        if not actors and noun.dep_ in ("dobj", "nsubjpass") and governor.pos_ == "VERB" \
                and self.verb_event(governor) is None:
            # "China imposed a ban on K-pop": the light verb's subject acts
            actors = [(m, f * 0.9) for s in governor.children if s.dep_ in SUBJ for m, f in self.actors(s, ms)]
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                actors += [a for p in c.children if p.dep_ == "pobj" for a in self.actors(p, ms)]
        if not actors:
            return
        objects: list[tuple[Mention, float]] = []
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in et.preps:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        objects += self.actors(pobj, ms, topics=True)
        if not objects:
            return
        negated, modality = self.modality(noun.head if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") else noun)
        for a, fa in actors:
            for o, fo in objects:
                if not _same(a, o):
                    yield self._record(doc, sent, a, et, o, negated, modality, 0.7 * fa * fo, noun)

    def modality(self, tok) -> tuple[bool, str]:
        """(negated, modality) of the clause a trigger heads, looking up through its governors."""
        negated = any(c.dep_ == "neg" or c.lower_ in ("never",) for c in tok.children)
        modality = "asserted"
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if aux & HYPOTHETICAL_AUX:
            modality = "hypothetical"
        elif aux & INTENDED_AUX:
            modality = "intended"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in tok.children):
            modality = "hypothetical"
        node = tok
        reported = False
        for _ in range(6):
            if node.dep_ == "ROOT" or node.head is node:
                break
            dep, head = node.dep_, node.head
            hl = head.lemma_.lower()
            if dep == "xcomp" or (dep in ("acl", "ccomp") and hl in INTENT_VERBS):
                if hl in NEG_VERBS:
                    negated = True
                elif hl in INTENT_VERBS and modality == "asserted":
                    modality = "intended"
                if any(c.dep_ == "neg" for c in head.children):
                    negated = True
                if {c.lower_ for c in head.children if c.dep_ == "aux"} & HYPOTHETICAL_AUX:
                    modality = "hypothetical"
            if dep in ("ccomp", "parataxis") and hl in SPEECH_VERBS:
                reported = True
            if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
                modality = "hypothetical"
            node = head
        for c in tok.sent:
            if c.lower_ == "according" and c.nbor(1).lower_ == "to" if c.i + 1 < len(c.doc) else False:
                reported = True
        if reported and modality == "asserted":
            modality = "reported"
        return negated, modality

    def _record(self, doc, sent, a: Mention, et: EventType, o: Mention, negated, modality, conf, trigger):
        # Mentions the gazetteer linked are sturdier evidence than bare NER spans.
        conf += 0.05 * ((a.country is not None) + (o.country is not None))
        return RelationMention(
            doc=doc.id, sentence=sent.text, start=sent.start_char, end=sent.end_char,
            subject=a, predicate=et.predicate, object=o, plover=et.plover, mode=et.mode,
            cameo=et.cameo, negated=negated, modality=modality, confidence=min(conf, 0.95),
            extractor="rules", trigger=trigger.text,
        )

    # ---------------------------------------------------------------- static relations
    def statics(self, doc: Document, sent, ms: dict[int, Mention]) -> Iterator[RelationMention]:
        def rel(a: Mention, pred: str, o: Mention, conf: float, trigger) -> RelationMention:
            negated, modality = self.modality(trigger.head if trigger.dep_ != "ROOT" else trigger)
            return RelationMention(doc=doc.id, sentence=sent.text, start=sent.start_char, end=sent.end_char,
                                   subject=a, predicate=pred, object=o, confidence=conf, extractor="rules",
                                   negated=negated, modality="asserted" if modality == "reported" else modality,
                                   trigger=trigger.text)

        seen_people: set[int] = set()
        for tok in sent:
            m = ms.get(tok.i)
            # Titles beside a person: "Chinese leader Xi", "Xi, the president of China".
            if m is not None and m.type == "Person" and id(m) not in seen_people and _is_head_of(tok, m, ms):
                seen_people.add(id(m))
                yield from self._titles(tok, m, ms, rel)
            lemma = tok.lemma_.lower()
            # "a Berlin-based foundation", "the foundation, based in Berlin"
            if lemma in ("base", "headquarter") and tok.pos_ in ("VERB", "ADJ"):
                org_tok = tok.head if tok.dep_ in ("amod", "acl") else None
                places = [c for c in tok.children if c.dep_ in ("npadvmod", "compound", "nmod") and c.i in ms]
                places += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                           for p in c.children if p.dep_ == "pobj" and p.i in ms]
                if tok.i > 0 and tok.nbor(-1).text == "-" and tok.i > 1 and tok.nbor(-2).i in ms:
                    places.append(tok.nbor(-2))
                if org_tok is not None and org_tok.i in ms:
                    for p in places:
                        if ms[p.i] is not ms[org_tok.i]:
                            yield rel(ms[org_tok.i], "basedIn", ms[p.i], 0.8, tok)
            # "Mosul, Iraq": a place followed by the country it lies in
            if m is not None and m.type in ("City", "Location") and tok.i + 2 < len(tok.doc) \
                    and (tok.i + 1 >= len(tok.doc) or ms.get(tok.i + 1) is not m):
                nxt = tok.doc[tok.i + 1]
                far = ms.get(tok.i + 2)
                if nxt.text == "," and far is not None and far.type == "Country" and far is not m \
                        and (m.country is None or m.country == far.country):
                    yield rel(m, "locatedIn", far, 0.8, tok)
            # "Beijing, the capital of China", "the Chinese capital, Beijing"
            if lemma == "capital" and tok.pos_ == "NOUN":
                country = _attached(tok, ms, ("poss", "amod", "compound"), ("of",), types=("Country",))
                city = None
                if tok.dep_ == "appos" and tok.head.i in ms:
                    city = ms[tok.head.i]
                for c in tok.children:
                    if c.dep_ in ("appos", "compound") and c.i in ms and ms[c.i] is not country:
                        city = ms[c.i]
                if country is not None and city is not None and city.type in ("City", "Location"):
                    yield rel(city, "capitalOf", country, 0.85, tok)
            # "X, a member of Y", "NATO member Turkey", "US ally Japan", "trading partner"
            if lemma in ("member", "ally", "partner") and tok.pos_ == "NOUN":
                yield from self._roles(tok, lemma, ms, rel)
            # "X lives in Y"
            if lemma in ("live", "reside") and tok.pos_ == "VERB":
                subj = [a for c in tok.children if c.dep_ in SUBJ for a, _ in self.actors(c, ms)]
                if not subj and tok.dep_ == "relcl" and tok.head.i in ms:
                    subj = [ms[tok.head.i]]
                places = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                          for p in c.children if p.dep_ == "pobj" and p.i in ms]
                for s in subj:
                    for p in places:
                        if s.type == "Person":
                            yield rel(s, "livesIn", ms[p.i], 0.8, tok)

    def _titles(self, head, person: Mention, ms, rel) -> Iterator[RelationMention]:
        """Static relations from the titles around a person's name."""
        doc = head.doc
        found: list[tuple[str, object, Mention | None]] = []  # (title phrase, a title token, its org)
        # Left context inside the noun phrase: "Canadian Prime Minister Justin Trudeau".
        first = min(t.i for t in head.subtree if ms.get(t.i) is person) if head.i in ms else head.i
        words: list = []
        i = first - 1
        while i >= 0 and len(words) < 5 and doc[i].i not in ms and doc[i].pos_ in ("NOUN", "PROPN", "ADJ", "PUNCT") \
                and doc[i].text not in (",", "(", ")") and doc[i].is_sent_start is not True:
            words.insert(0, doc[i])
            i -= 1
        if words:
            phrase = " ".join(w.lower_ for w in words).replace(" - ", "-")
            org = ms.get(i) if i >= 0 and doc[i].sent == head.sent else None
            found.append((phrase, words[-1], org))
        # Appositions: "Adil Abdul-Mahdi, the acting Prime Minister of Iraq"; "the minister, Wang Yi".
        appos = [c for c in head.children if c.dep_ == "appos" and c.i not in ms]
        if head.dep_ == "appos" and head.head.i not in ms:
            appos.append(head.head)
        for t in appos:
            found.append((_title_phrase(t), t, _attached(t, ms, ("poss", "amod", "compound", "nmod"),
                                                          ("of", "for", "at", "from"))))
        for phrase, t, org in found:
            is_title, relation = self._title(phrase)
            if not is_title or relation is None:
                continue
            if org is None:
                org = _attached(t, ms, ("poss", "amod", "compound", "nmod"), ("of", "for", "at", "from"))
            if org is not None and org is not person and org.type != "Person":
                if relation == "citizenOf" and org.type != "Country":
                    continue
                yield rel(person, relation, org, 0.8, t)
            elif relation == "leaderOf":
                actor = self.gaz.lookup(person.key or person.text)
                if actor is not None and actor.relation == "leaderOf" and actor.country:
                    country = self.gaz.country(actor.country)
                    if country is not None:
                        m = Mention(country.label, t.idx, t.idx + len(t.text), "Country",
                                    country=country.country, key=country.label)
                        yield rel(person, "leaderOf", m, 0.6, t)

    def _title(self, phrase: str) -> tuple[bool, str | None]:
        """The longest title a phrase ends with: "canadian prime minister" → prime minister."""
        words = phrase.split()
        for i in range(len(words)):
            is_title, relation = self.gaz.title(" ".join(words[i:]))
            if is_title and relation is not None:
                return is_title, relation
        return False, None

    def _roles(self, tok, lemma, ms, rel) -> Iterator[RelationMention]:
        pred = {"member": "memberOf", "ally": "allyOf", "partner": "tradesWith"}[lemma]
        if lemma == "partner" and not any(c.lemma_.lower() in ("trading", "trade", "economic")
                                          for c in tok.children):
            return
        other = _attached(tok, ms, ("poss", "compound", "amod", "nmod"), ("of",))
        holder = None
        if tok.dep_ == "appos" and tok.head.i in ms:
            holder = ms[tok.head.i]
        elif tok.dep_ == "attr":
            holder = next((ms[c.i] for c in tok.head.children if c.dep_ in SUBJ and c.i in ms), None)
        else:
            holder = next((ms[c.i] for c in tok.children if c.dep_ in ("appos",) and c.i in ms), None)
            if holder is None and tok.dep_ == "compound" and tok.head.i in ms:
                holder = ms[tok.head.i]
        if holder is not None and other is not None and not _same(holder, other):
            yield rel(holder, pred, other, 0.75, tok)

    def __call__(self, doc: Document, parsed) -> Iterator[RelationMention]:
        ms = self.mentions(parsed)
        for sent in parsed.sents:
            yield from self.events(doc, sent, ms)
            yield from self.statics(doc, sent, ms)


def _trim(span):
    """Drop leading determiners and trailing possessive markers or hyphen debris."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an") or (start < end and doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].text in ("’s", "'s")):
        end -= 1
    return doc[start:end] if end > start else None


def _strip_title(text: str, g: gaz.Gazetteer) -> str:
    text = text.replace("’", "'").strip(" -–—'\"")
    if text.endswith("'s"):
        text = text[:-2]
    words = text.split()
    while len(words) > 1:
        two = " ".join(words[:2])
        if g.title(two)[0]:
            words = words[2:]
        elif g.title(words[0].rstrip("."))[0]:
            words = words[1:]
        else:
            break
    return " ".join(words).strip(" -–—")


def _conjuncts(tok):
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts(c))
    return out


def _compound_span(tok) -> tuple[int, int]:
    left = [c for c in tok.lefts if c.dep_ in ("compound",)]
    start = min([tok.idx] + [c.idx for c in left])
    return start, tok.idx + len(tok.text)


def _same(a: Mention, b: Mention) -> bool:
    return a is b or (a.key or a.text).lower() == (b.key or b.text).lower()


def _is_head_of(tok, m: Mention, ms) -> bool:
    """Is tok the syntactic head of its mention (its head lies outside the mention)?"""
    return tok.head.i == tok.i or ms.get(tok.head.i) is not m


def _title_phrase(tok) -> str:
    words = [c for c in tok.subtree if c.i <= tok.i and c.dep_ in ("compound", "amod") and c.pos_ != "PROPN"
             and c.head is tok] + [tok]
    return " ".join(w.lower_ for w in words)


def _attached(tok, ms, deps, preps, types=None) -> Mention | None:
    for c in tok.children:
        if c.dep_ in deps and c.i in ms and (types is None or ms[c.i].type in types):
            return ms[c.i]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and p.i in ms and (types is None or ms[p.i].type in types):
                    return ms[p.i]
    return None


_INSTANCES: dict[int, RuleExtractor] = {}


@register("rules")
def extract(doc: Document, parsed, gazetteer: gaz.Gazetteer | None = None) -> Iterator[RelationMention]:
    """Rules over spaCy's dependency parse with kg's event lexicon and gazetteer (the default)."""
    g = gazetteer or gaz.default()
    inst = _INSTANCES.get(id(g))
    if inst is None or inst.gaz is not g:
        inst = _INSTANCES[id(g)] = RuleExtractor(load_lexicon(), g)
    yield from inst(doc, parsed)
