"""The default extractor: rules over spaCy's dependency parse, driven by kg's lexicons.

For each sentence it finds

* **events**: a verb or a nominalisation from ``kg/data/events.tsv`` with an actor
  (subject, ``by``-agent of a passive, possessor of a noun, the subject of the clause a
  pronoun stands in) and a recipient (object, passive subject, the object of a preposition
  the lexicon lists, or the object of the clause a "threaten to"/"refuse to" governs),
  each expanded over coordination, so "Egypt, Greece and Cyprus condemned Turkey" gives
  three events; role nouns act for the country beside them ("Israeli troops" → Israel);
* **static relations**: titles beside a person ("Chinese leader Xi Jinping",
  "Adil Abdul-Mahdi, the Prime Minister of Iraq"), seats ("a Berlin-based foundation",
  "X, a Hong Kong firm"), places ("Mosul, Iraq"), capitals, membership, alliances, trade
  partners and residence ("Jane Roe of Springfield").

Each record carries negation and modality (asserted, reported, intended, hypothetical)
read off the parse, and a confidence that falls as the reading leans on weaker evidence
(a pronoun, a role noun, a preposition that only sometimes names the recipient).
Mentions stay text here; :mod:`kg.resolve` turns them into entities.

Every rule looks only at a token's children or a bounded walk up its heads, so the
extractor stays linear in the length of the text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from ... import gazetteer as gaz
from ...lexicon import EventType, Lexicon
from ...lexicon import load as load_lexicon
from ...model import SECTORS, Document, Mention, RelationMention
from ...nlp import HYPHENATED_NAME
from .. import register
from .words import W

# Readings that stack several weak inferences (a pronoun for a role noun for a place) fall
# below this; on the PLOVER and CoNLL04 dev sets none of them was right, so none is emitted.
MIN_CONFIDENCE = 0.4
SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
MODIFIER = ("amod", "compound", "poss", "nmod")
COLLECTIVE = ("Country", "Organization", "InternationalOrganization", "Group", "City", "Location")
STATES = ("Country", "City", "Location")
OWNERS = ("Country", "Organization", "InternationalOrganization", "Group")  # not "the Europe Bridge"
ACTOR_TYPES = ("Person", *COLLECTIVE)
_NO_EVENT = type("NoEvent", (), {"plover": None})
EMPTY_EVENT = _NO_EVENT()
# Speech verbs that, with an object and a "to" infinitive, ask it to act: "told X to leave".
INSTRUCT_VERBS = {"tell", "instruct", "advise", "remind"}
# Verbs that are fighting when troops do them: "the army routed the rebels".
DEFEAT_VERBS = {"defeat", "rout", "overrun", "vanquish"}
# Verbs that are a withdrawal when troops do them to a place: "the troops left Iraq".
LEAVE_VERBS = {"leave", "quit", "exit", "vacate"}
# Request verbs that only ask for something with a complement ("encouraged X to ...").
EXHORT_VERBS = {"encourage", "pressure", "pressurise", "pressurize", "lobby", "exhort"}
WIRE_CODE = re.compile(r"^[A-Z]{2}\d{8,}$")
# "fired at the guards", "fired his rifle on the crowd": without a shell or missile to fire,
# firing at someone is shooting at them.
FIRING_VERBS = {"fire"}
FIRING_PREPS = {"at", "on", "upon", "into"}


# ================================================================ mentions
def find_mentions(ctx, parsed) -> dict[int, Mention]:
    """Token index → mention, from NER and the gazetteer."""
    out: dict[int, Mention] = {}
    for ent in parsed.ents:
        typ = W.ner_types.get(ent.label_, (None,))[0]
        if typ is None or ent.start in out:  # its words already belong to a longer name
            continue
        whole = _two_field_body(ent) if typ == "Organization" else None
        for span in [whole] if whole is not None else _split_coordination(ent):
            span = _trim(span)
            if span is not None and ent.label_ == "PERSON":
                span = _name_only(ctx, span)
                if span.start > 0 and span[0].text in W.name_particles and parsed[span.start - 1].is_title \
                        and parsed[span.start - 1].pos_ == "PROPN" and not parsed[span.start - 1].ent_type_:
                    span = parsed[span.start - 1:span.end]  # "Hamza" + "bin Ladin"
            if span is not None:
                span = _extend(ctx, span)
            if span is None:
                continue
            if ent.label_ == "NORP" and span.start > 0:
                # "Iraqi Kurds", "Lebanese Christians": the NER tags the two words apart,
                # but the people are those of the country the demonym names
                prev = parsed[span.start - 1]
                if prev.dep_ == "amod" and span.start <= prev.head.i < span.end and prev.ent_type_ == "NORP" \
                        and prev.text[:1].isupper() and ctx.gaz.demonym(prev.text) is not None \
                        and ctx.gaz.demonym(span.text) is None and ctx.gaz.lookup(span.text) is None:
                    span = parsed[prev.i:span.end]
            if typ == "Organization" and _age_follows(span):
                typ = "Person"  # "Marie Ferraro, 50, of Bethany": only people have ages
            words = [t.lower_ for t in span if t.lower_ != "the"]
            if typ == "Person" and len(words) > 1 and words[-1] in W.place_name_heads:
                typ = "Location"  # "Cameron Parish", "Harris County" tagged as a person
            if typ in ("Location", "Organization") and len(words) > 2 and words[0] in W.noble_titles \
                    and words[1] == "of":
                typ = "Person"  # "the Duchess of York", "the Prince of Wales": a person, not the place
            if typ == "Location" and span[-1].lower_ in W.body_words and ctx.gaz.lookup(span.text) is None:
                typ = "Organization"  # "Kenya's Green Party" tagged as a place: a body
            m = _mention(ctx, span, typ, ent.label_)
            if m is None:
                continue
            for t in span:
                out[t.i] = m
    # Names the NER missed but the gazetteer knows ("NATO", "Pyongyang", "Gondor"), and
    # capitalised demonyms ("Israeli troops") it left untagged: longest match first.
    n = len(parsed)
    i = 0
    while i < n:
        tok = parsed[i]
        if i in out or not (tok.pos_ == "PROPN" or (tok.is_title and tok.pos_ in ("ADJ", "NOUN"))
                            or tok.text.isupper() and len(tok.text) > 1):
            i += 1
            continue
        found = None
        for size in (4, 3, 2, 1):
            j = i + size
            if j > n or any(k in out for k in range(i, j)) or parsed[j - 1].is_punct:
                continue
            span = parsed[i:j]
            actor = ctx.gaz.lookup(span.text)
            if actor is not None and (len(span.text) > 3 or span.text.isupper()):
                found = (span, Mention(span.text, span.start_char, span.end_char, actor.type,
                                       country=actor.country, key=actor.label))
                break
            dem = ctx.gaz.demonym(span.text) if size <= 2 else None
            if dem is not None:
                found = (span, Mention(span.text, span.start_char, span.end_char, "Country",
                                       country=dem.country, key=dem.label))
                break
        if found is None:
            i += 1
            continue
        span, m = found
        for t in span:
            out[t.i] = m
        i = span.end
    return out

def _corroborate(ctx, ms: dict[int, Mention]) -> None:
    """Drop the country of a person known only from the derived officials table unless the
    document names that country too."""
    named = {m.country for m in ms.values() if m.type != "Person" and m.country}
    for i, m in list(ms.items()):
        if m.type == "Person" and m.country and m.country not in named:
            actor = ctx.gaz.lookup(m.key or m.text)
            if actor is not None and actor.derived:
                ms[i] = dataclasses.replace(m, country=None)

def _national_bodies(ctx, parsed, ms: dict[int, Mention]) -> None:
    """"the US Congress", "the Iraqi parliament": a national body gets its country."""
    done: set[int] = set()
    for tok in parsed:
        m = ms.get(tok.i)
        if m is None or id(m) in done or m.type != "Organization" or m.country is not None:
            continue
        words = (m.key or m.text).lower().split()
        if not words or words[-1] not in W.national_bodies and words[-1] not in ctx.lex.agents:
            continue
        head = tok
        while ms.get(head.head.i) is m and head.head.i != head.i:
            head = head.head
        nat = next((ms[c.i] for c in head.children if c.dep_ in ("compound", "amod", "poss") and c.i in ms
                    and ms[c.i] is not m and ms[c.i].type == "Country"), None)
        if nat is None:
            continue
        done.add(id(m))
        new = dataclasses.replace(m, country=nat.country)
        for i, x in list(ms.items()):
            if x is m:
                ms[i] = new

def _extend(ctx, span):
    """"Sierra" + "Leonean", "New" + "Hampshire": one more word when the longer name is known."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].is_title and not doc[span.end].ent_type_:
        longer = doc[span.start:span.end + 1]
        if ctx.gaz.lookup(longer.text) is not None or ctx.gaz.demonym(longer.text) is not None:
            return longer
    if span.start > 0 and doc[span.start - 1].is_title and not doc[span.start - 1].ent_type_ \
            and not doc[span.start - 1].is_sent_start and not ctx.gaz.title(doc[span.start - 1].text)[0]:
        longer = doc[span.start - 1:span.end]
        if ctx.gaz.lookup(longer.text) is not None:
            return longer
    return span

def _name_only(ctx, span):
    """A person's name without the words the NER swept in before it ("suspected British
    militant Haroon Aswad" → "Haroon Aswad"), so that the title rules see them."""
    doc = span.doc
    start = span.start
    while start < span.end - 1 and (doc[start].pos_ != "PROPN" or ctx.gaz.title(doc[start].text.rstrip("."))[0]
                                    or ctx.gaz.demonym(doc[start].text) is not None):
        start += 1
    if start < span.end - 2 and ctx.gaz.title(doc[start:start + 2].text)[0]:
        start += 2  # "Crown Prince Mohammad bin Salman"
    return doc[start:span.end]

def _mention(ctx, span, typ: str, label: str) -> Mention | None:
    text = span.text
    if len(span) == 1 and text.upper().rstrip(".").replace(".", "") in W.eras \
            and any(c.dep_ == "nummod" for c in span[0].children):
        return None  # "44 B.C.": a year, not British Columbia
    if len(span) == 1 and span[0].pos_ not in ("PROPN", "NOUN") and label in ("ORG", "GPE", "PERSON") \
            and ctx.gaz.demonym(text) is None and ctx.gaz.lookup(text) is None:
        return None  # "Regional governor ...": an adjective the NER took for a name
    last = text.rstrip(".").split()[-1].lower() if text.split() else ""
    # "the National War College", "General Motors": an organisation's own name keeps its words
    key = text if typ == "Organization" and (last in W.org_heads or last in W.national_bodies) \
        else _strip_title(text, ctx.gaz)
    if key.split()[:1] and key.split()[0] in ("of", "for", "and"):
        key = text  # "Union of Writers": the title word is the body's own name, not a title
    if not key:
        return None
    if len(span) == 1 and HYPHENATED_NAME.match(text) and ctx.gaz.lookup(text) is None:
        # "K-pop", "K-dramas", "F-16": products and genres, whatever the NER guessed
        return Mention(text=text, start=span.start_char, end=span.start_char + len(text), type="Topic",
                       key=key)
    if typ == "Organization" and ctx.gaz.title(key + " minister")[0]:
        return None
    if typ == "Organization" and key.lower() in W.portfolios and span.start > 0 \
            and span.doc[span.start - 1].lower_ == "of":
        return None  # "Secretary of State", "Secretary of Transportation": part of a title  # "Defence" of "Defence Minister Joxe" is a portfolio, not an organisation
    dem = ctx.gaz.demonym(key)
    if dem is not None and span.start > 0 and span.doc[span.start - 1].lower_ in ("ethnic", "ethnically"):
        # "ethnic Albanians" in Serbia are a group, not the state of Albania
        return Mention(text=text, start=span.start_char, end=span.start_char + len(text), type="Group",
                       key=key)
    if dem is not None and label in ("PERSON", "ORG", "NORP", "GPE"):
        # "Ugandan" tagged as a person, "Sierra Leonean" as an organisation
        return Mention(text=text, start=span.start_char, end=span.start_char + len(text), type="Country",
                       country=dem.country, key=dem.label)
    country = None
    if label == "NORP":
        actor = ctx.gaz.demonym(key) or ctx.gaz.lookup(key)
        if actor is not None:
            typ, country, key = actor.type, actor.country, actor.label
        else:
            # "Bosnian Serbs", "Kurdish fighters": a group of the country its first word names
            first = ctx.gaz.demonym(key.split()[0]) if len(key.split()) > 1 else None
            if first is not None:
                country = first.country
    else:
        actor = ctx.gaz.lookup(key)
        if actor is not None and typ == "Person" and actor.type in ("Country", "City") and not actor.user \
                and len(span) == 1:
            typ = actor.type  # "Mali refused ...": the NER's person is the country of that name
        if actor is not None and (typ != "Person" or actor.type == "Person" or actor.user):
            # A user's PETRARCH entry has a code, not a type: a person the NER found keeps
            # being a person under its own entry, but an alias of a country is that country.
            own_entry = gaz.norm(actor.label) == gaz.norm(key)
            typ = "Person" if typ == "Person" and actor.user and own_entry else actor.type
            country = actor.country
        elif label == "GPE":
            dem = ctx.gaz.demonym(key)
            if dem is not None:
                typ, country, key = "Country", dem.country, dem.label
        elif typ == "Organization" and len(key.split()) > 1:
            # "Turkish Foreign Ministry", "U.S. Congress": a national body
            first = key.split()[0]
            nat = ctx.gaz.demonym(first) or ctx.gaz.lookup(first)
            if nat is not None and nat.type == "Country":
                country = nat.country
    return Mention(text=text, start=span.start_char, end=span.start_char + len(text), type=typ,
                   country=country, key=key)

# ================================================================ people and their titles
def affiliations(ctx, parsed, ms: dict[int, Mention]) -> dict[int, list]:
    """Titles beside each person: token index of the person's head → [(relation, org, title token)].

    A person with a title of a country gets that country ("Russian President Boris
    Yeltsin" acts for Russia); the mention in ``ms`` is updated in place.
    """
    out: dict[int, list] = {}
    seen: set[int] = set()
    for tok in parsed:
        m = ms.get(tok.i)
        if m is None or m.type != "Person" or id(m) in seen or not _is_head_of(tok, m, ms):
            continue
        seen.add(id(m))
        found = list(_titles(ctx, tok, m, ms))
        if not found:
            continue
        out[tok.i] = found
        if m.country is None:
            # An office or citizenship gives a person a country; living somewhere does not.
            country = next((org.country for relation, org, _ in found if org is not None and org.country
                            and (relation == "citizenOf" or relation in ("leaderOf", "worksFor")
                                 and org.type in ("Country", "Organization", "City", "Location"))), None)
            if country is not None:
                new = dataclasses.replace(m, country=country)
                for t in tok.doc[max(0, tok.i - 6):tok.i + 1]:
                    if ms.get(t.i) is m:
                        ms[t.i] = new
    return out

def _titles(ctx, head, person: Mention, ms) -> Iterator[tuple[str, Mention | None, object]]:
    doc = head.doc
    found: list[tuple[str, object, Mention | None]] = []  # (title phrase, title token, its org)
    # Left context inside the noun phrase: "Canadian Prime Minister Justin Trudeau".
    first = head.i
    while first > 0 and ms.get(first - 1) is person:
        first -= 1
    words: list = []
    i = first - 1
    if i >= 2 and i in ms:
        # "US Ambassador to Germany Richard Grenell": the host country is no employer
        k = _mention_start(i, ms[i], ms) - 1
        if k >= 1 and doc[k].lower_ == "to" and ctx.gaz.title(doc[k - 1].text)[0]:
            i = k - 1
    while i >= 0 and len(words) < 7 and i not in ms and not doc[i].is_sent_end and (
            doc[i].pos_ in ("NOUN", "PROPN", "ADJ", "PUNCT") and doc[i].text not in (",", "(", ")", '"', "``", "''")
            # "Secretary of State", "trade and industry commissioner"
            or words and i > 0 and doc[i].lower_ == "of" and ctx.gaz.title(doc[i - 1].text)[0]
            or words and i > 0 and doc[i].lower_ == "and" and doc[i - 1].pos_ == "NOUN"
            and words[0].pos_ == "NOUN"):
        words.insert(0, doc[i])
        i -= 1
    of = next((k for k, w in enumerate(words) if w.lower_ == "of"), None)
    if of is not None and not _title(ctx, " ".join(w.lower_ for w in words))[0]:
        words = words[:of]  # "Secretary of Transportation": the title is "Secretary"
    if words:
        phrase = " ".join(w.lower_ for w in words).replace(" - ", "-")
        org = None
        if i >= 0 and i in ms and doc[i].sent == head.sent and ms[i].type != "Person":
            org = ms[i]
            start = _mention_start(i, org, ms)
            if start > 0 and doc[start - 1].lower_ in W.voiding:
                org, words = None, []  # "retired FBI agent": no longer works there
            elif start > 0 and doc[start - 1].lower_ == "and":
                org = None  # "Police and Crime Commissioner": part of the title
        if org is None and len(words) > 1 and words[0].is_upper and words[0].is_alpha and len(words[0]) > 1 \
                and not ctx.gaz.title(words[0].text)[0] and ctx.gaz.demonym(words[0].text) is None:
            # "CNTP Secretary Luis Cobos": an acronym the NER left untagged names the body
            org = Mention(words[0].text, words[0].idx, words[0].idx + len(words[0]), "Organization",
                          key=words[0].text)
            words = words[1:]
            phrase = " ".join(w.lower_ for w in words).replace(" - ", "-")
        of_org = _attached(head, ms, (), ("of",), types=COLLECTIVE)
        if org is None:  # "King Hassan of Morocco"
            org = of_org
        of = next((k for k, w in enumerate(words) if w.lower_ == "of"), None)
        if of_org is not None and org is not of_org and len(words) > 1 and of is None \
                and ctx.gaz.title(words[-1].lower_)[0] \
                and _title(ctx, " ".join(w.lower_ for w in words[:-1]))[0]:
            # "AU chairperson President el-Sisi of Egypt": two titles, two organisations
            found.append((words[-1].lower_, words[-1], of_org))
            phrase, words = " ".join(w.lower_ for w in words[:-1]), words[:-1]
        if words:
            found.append((phrase, words[of - 1] if of else words[-1], org))
    elif head.dep_ == "conj" and head.head.i in ms and ms[head.head.i].type == "Person":
        # "Presidents Buhari of Nigeria and Talon of Benin": the plural title covers both
        lead = head.head
        j = lead.i
        while j > 0 and ms.get(j - 1) is ms[lead.i]:
            j -= 1
        if j > 0 and j - 1 not in ms and doc[j - 1].lower_.endswith("s") and _title(ctx, doc[j - 1].lower_)[0]:
            org = _attached(head, ms, (), ("of",), types=COLLECTIVE)
            if org is not None:
                found.append((doc[j - 1].lower_, doc[j - 1], org))
    # Appositions: "Adil Abdul-Mahdi, the acting Prime Minister of Iraq"; "the minister, Wang Yi".
    own = [t for t in doc[first:min(len(doc), head.i + 8)] if ms.get(t.i) is person]
    # every word of the name: the parser sometimes splits "Ada Stern" into two subjects
    appos = [c for t in own for c in t.children if c.dep_ == "appos" and c.i not in ms]
    # "Karadzic, leader of the Bosnian Serbs and vice-president of the Writers' Union"
    appos += [cc for c in appos for cc in c.children if cc.dep_ == "conj" and cc.i not in ms
              and cc.pos_ in ("NOUN", "PROPN")]
    if head.dep_ == "appos" and head.head.i not in ms:
        appos.append(head.head)
    elif first >= 4 and doc[first - 1].text == "," and first - 2 in ms and ms[first - 2].type in (
            "Organization", "InternationalOrganization"):
        # "the deputy secretary of the Foreign Ministry, John Miller" parsed without the apposition
        k = _mention_start(first - 2, ms[first - 2], ms) - 1
        k -= doc[k].lower_ == "the"
        if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].pos_ == "NOUN" and k - 1 not in ms \
                and _title(ctx, doc[k - 1].lower_)[0] is not None and doc[k - 1] not in appos:
            appos.append(doc[k - 1])
    if head.dep_ in ("nmod", "compound") and head.head.i not in ms and head.head.pos_ == "NOUN" \
            and head.head.i > head.i and any(doc[k].text == "," for k in range(head.i + 1, head.head.i)):
        appos.append(head.head)  # "Ada Stern, spokeswoman for X" parsed with the name modifying the job
    # "Xi is the president of China"
    if head.dep_ in SUBJ:
        appos += [c for c in head.head.children if c.dep_ == "attr" and c.i not in ms
                  and head.head.lemma_ == "be"]
    # "Ada Stern, who is president of Acme"
    appos += [a for t in own for r in t.children if r.dep_ == "relcl" and r.lemma_ == "be"
              and r.tag_ in ("VBZ", "VBP")  # "who was Trump's envoy until December": no longer
              and any(s.dep_ in SUBJ and s.lower_ in W.relative for s in r.children)
              for a in r.children if a.dep_ == "attr" and a.i not in ms]
    under_unit: set[int] = set()
    for t in appos:
        org = _attached(t, ms, MODIFIER, ("of", "for", "at", "from", "in"))
        if org is person:  # the name itself modifies the job noun: look behind a preposition
            org = _attached(t, ms, ("poss",), ("of", "for", "at", "from", "in"))
        if org is None and t.lemma_.lower() in W.personal_staff:
            org = _attached(t, ms, (), ("to",))  # "an aide to Senator Bob Kerrey"
        if org is None:
            # "an engineer with the USDA's research service": the body that owns the unit named
            org = next((ms[g.i] for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "with")
                        for p in c.children if p.dep_ == "pobj" and p.i not in ms and p.pos_ == "NOUN"
                        for g in p.children if g.dep_ in ("poss", "compound") and g.i in ms
                        and ms[g.i].type in ("Organization", "InternationalOrganization")), None)
        if org is None:
            # "vice president of marketing for Acme", "head of research at the institute": the
            # body behind the department
            org = next((ms[q.i] for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj" and p.i not in ms and p.pos_ == "NOUN"
                        and (_bare(p) or p.lemma_.lower() == "board")  # not "of the Barton camp at X"
                        for d in p.children if d.dep_ == "prep" and (d.lower_ in ("for", "at", "with") or
                                                                     d.lower_ == "of" and p.lemma_.lower() in
                                                                     ("board", "directors", "trustees"))
                        for q in d.children if q.dep_ == "pobj" and q.i in ms
                        and ms[q.i].type in ("Organization", "InternationalOrganization")), None)
        if org is not None and any(c.dep_ == "prep" and c.lower_ == "of" and p.dep_ == "pobj" and p.i not in ms
                                   and p.pos_ == "NOUN" and p.lemma_.lower() not in W.unit_not_department
                                   and org.start > p.idx for c in t.children for p in c.children):
            under_unit.add(t.i)  # "head of research at X": a department's head does not lead X
        found.append((_title_phrase(t, ms), t, org))
    for phrase, t, org in found:
        relation, state_relation = _title(ctx, phrase)
        if relation is None and state_relation is not None and org is not None \
                and org.type in ("Organization", "InternationalOrganization") \
                and phrase.split()[-1] not in W.not_employed:
            state_relation = None  # "a chemist at Brisk Labs": a profession at a body is a job there
        if relation is None and state_relation is None:
            # "NFL placekicker Mark Moseley", "CNN reporter Jane Roe": a job at the organisation
            if org is not None and org.type in ("Organization", "InternationalOrganization") \
                    and t.pos_ in ("NOUN", "PROPN") and t.i not in ms and t.lemma_.lower() not in W.not_jobs \
                    and t.i < head.i:
                yield "worksFor", org, t
            elif t.i > head.i and t.pos_ == "NOUN" and t.lemma_.lower() not in W.not_jobs | W.place_nouns:
                # "X, 58, was acting comptroller at the American University", "X, Acme's chief
                # economist": a job at a body
                at = _attached(t, ms, ("poss",), ("at", "with", "for"),
                               types=("Organization", "InternationalOrganization"))
                if at is not None and not _same(at, person):
                    yield "worksFor", at, t
            continue
        if org is None:
            org = _attached(t, ms, MODIFIER, ("of", "for", "at", "from"))
        if org is not None and org.type != "Person":
            after = next((x for x in doc[max(0, t.i - 8):t.i] if x.idx >= org.end), None)
            if after is not None and after.lower_ == "and":
                org = None  # "Police and Crime Commissioner X": a word of the title, not the employer
        if org is not None and org.type == "Person" and org is not person and relation == "worksFor" \
                and t.lemma_.lower() in W.personal_staff and not _same(org, person):
            yield "worksFor", org, t  # "Merkel's spokesperson, Steffen Seibert" works for Merkel
            continue
        if org is not None and (org is person or org.type == "Person"):
            org = None
        if org is not None:
            rel = state_relation if org.type in STATES else relation
            if rel is None and org.type in ("City", "Location") and relation == "leaderOf" \
                    and phrase.split()[-1] == "mayor":
                rel = "leaderOf"  # "Tulsa Mayor Ada Stern": a mayor leads the town
            if rel == "leaderOf" and t.i in under_unit:
                rel = "worksFor"
            if rel == "citizenOf" and org.type != "Country":
                rel = "livesIn"  # "Atlanta businessman Neil Estes"
            if rel:
                yield rel, org, t
        elif relation in ("leaderOf", "worksFor"):
            # "Foreign Secretary Dominic Raab": no country named, but the curated table
            # knows whose office he holds (only for the relation his title implies)
            actor = ctx.gaz.lookup(person.key or person.text)
            if actor is not None and actor.relation == relation and actor.country and not actor.derived:
                country = ctx.gaz.country(actor.country)
                if country is not None:
                    yield relation, None, t

def _title(ctx, phrase: str) -> tuple[str | None, str | None]:
    """(relation to an organisation, to a country) of the title a phrase ends with."""
    found = ctx.gaz.title_relations(phrase)
    if found is None and phrase.endswith("s") and len(phrase) > 3:
        found = ctx.gaz.title_relations(phrase[:-1])  # "Presidents Buhari of Nigeria and Talon of Benin"
    return found or (None, None)

# ================================================================ actors
def actors_of(ctx, tok, ms, *, role: str = "actor", et: EventType | None = None,
           home: str | None = None) -> list[tuple[Mention, float]]:
    """The mentions a head token stands for, over coordination, with a confidence factor."""
    out: list[tuple[Mention, float]] = []
    for t in _conjuncts(tok):
        if t.i != tok.i and any(c.dep_ == "neg" for c in t.children):
            continue  # "he and not his brother shoots Lincoln"
        out += _actor_of(ctx, t, ms, role, et, home)
    seen: set[int] = set()
    uniq = []
    for m, f in out:
        if id(m) not in seen:
            seen.add(id(m))
            uniq.append((m, f))
    return uniq

def _actor_of(ctx, tok, ms, role: str, et: EventType | None,
           home: str | None = None) -> list[tuple[Mention, float]]:
    if tok.i in ms:
        m = ms[tok.i]
        if m.type == "Topic" and role == "actor":
            return []
        return [(m, 1.0)]
    lower = tok.lower_
    if tok.pos_ == "PRON":
        return _pronoun(ctx, tok, ms)
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    lemma = tok.lemma_.lower()
    # "the two countries", "both sides"
    if lemma in W.pair_nouns and any(c.lower_ in ("two", "both") for c in tok.children):
        return _pair(ctx, tok, ms, W.pair_nouns[lemma])
    # "a group of nobles that included Brutus and Cassius": the ones named
    for c in tok.children:
        if c.dep_ == "relcl" and c.lemma_.lower() in ("include", "comprise"):
            named = [(m, f * 0.85) for o in c.children if o.dep_ == "dobj"
                     for m, f in actors_of(ctx, o, ms, role=role, et=et, home=home) if m.type != "Topic"]
            if named:
                return named
    # "thousands of Iraqi Kurds", "a group of Chechen refugees": the people counted
    if lemma in W.quantity_nouns:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                return [(m, f * 0.9) for p in c.children if p.dep_ == "pobj"
                        for m, f in actors_of(ctx, p, ms, role=role, et=et, home=home)]
        return []
    for c in tok.children:
        # "prominent leaders, including Premier Li Qiang and Zhao Leji": the ones named
        if c.dep_ == "prep" and c.lower_ in ("including", "like") or c.dep_ == "amod" and c.lower_ == "such":
            named = [(m, f * 0.85) for p in c.children if p.dep_ == "pobj"
                     for m, f in actors_of(ctx, p, ms, role=role, et=et, home=home) if m.type != "Topic"]
            if named:
                return named
    agentive = lemma in ctx.lex.agents or lower in ctx.lex.agents
    mods = [c for c in tok.children if c.dep_ in MODIFIER]
    owner_ok = role == "recipient" and et is not None and et.plover in W.owner_recipient and lemma not in W.tie_nouns
    for c in mods:
        if c.i in ms and ms[c.i].type in COLLECTIVE:
            if agentive:
                return [(_sector(ctx, tok, ms[c.i], ms[c.i].start), 0.85)]
            if owner_ok:  # "condemned Serbia's suppression", "demolished Palestinian homes"
                return [(ms[c.i], 0.6)]
        if owner_ok and c.dep_ == "poss" and c.i in ms and ms[c.i].type == "Person" \
                and (lemma in W.verbal_targets or lemma in W.proposal_nouns or lemma in W.utterances):
            return [(ms[c.i], 0.7)]  # "opposed Macron's statement": its author
    if agentive:
        # "the US-led coalition", "Iranian-backed militias": acting for the leader or backer
        for c in mods:
            if c.lemma_.lower() in ("lead", "back", "sponsor", "support", "arm", "fund"):
                for g in c.children:
                    if g.i in ms and ms[g.i].type in COLLECTIVE:
                        return [(ms[g.i], 0.75)]
    for c in mods:
        if c.dep_ == "poss" and c.pos_ == "PRON" and agentive:
            return [(_sector(ctx, tok, m, c.idx), f * 0.9) for m, f in _pronoun(ctx, c, ms)]
        if c.dep_ == "compound" and c.i not in ms and c.lemma_.lower() in ctx.lex.agents:
            # "Israeli army bulldozers": the army's country
            found = [(m, f * 0.9) for m, f in _actor_of(ctx, c, ms, role, et, home) if m.type != "Topic"]
            if agentive:  # "student demonstrators": the whole phrase names the sector
                end = tok.idx + len(tok.text)
                found = [(dataclasses.replace(m, text=tok.doc.text[min(m.start, end):end], start=min(m.start, end),
                                              end=end, key=tok.doc.text[min(m.start, end):end])
                          if m.sector else m, f) for m, f in found]
            if found:
                return found
    if agentive:
        for c in mods:
            # "the Trump administration", "the Putin government": the leader's country's
            if c.dep_ == "compound" and c.i in ms and ms[c.i].type == "Person" and ms[c.i].country \
                    and _sector_code(ctx, tok) == "GOV":
                country = Mention(ms[c.i].text, ms[c.i].start, ms[c.i].end, "Country",
                                  country=ms[c.i].country, key=ms[c.i].country)
                return [(_sector(ctx, tok, country, ms[c.i].start), 0.75)]
        for c in tok.children:
            # "supporters of Ben Bella": his country's people
            if c.dep_ == "prep" and c.lower_ == "of" and lemma in W.follower_nouns:
                for p in c.children:
                    if p.dep_ == "pobj" and p.i in ms and ms[p.i].type == "Person" and ms[p.i].country:
                        country = Mention(ms[p.i].text, ms[p.i].start, ms[p.i].end, "Country",
                                          country=ms[p.i].country, key=ms[p.i].country)
                        return [(_sector(ctx, tok, country, tok.idx, ms[p.i].end), 0.7)]
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "of") and _sector_code(ctx, tok) == "GOV":
                # "the spokesman for the Iranian foreign ministry": the ministry's
                for p in c.children:
                    if p.dep_ == "pobj" and p.i not in ms and p.lemma_.lower() in ctx.lex.agents \
                            and _sector_code(ctx, p) == "GOV":
                        found = [(m, f * 0.9) for m, f in _actor_of(ctx, p, ms, role, et, home) if m.type != "Topic"]
                        if found:
                            return found
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "from", "in", "throughout", "across"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.i in ms and ms[p.i].type in COLLECTIVE:
                        # "the navies of China, India and Oman": each of them
                        # "the navies of China" and "the police in Caracas" are theirs; of
                        # "peacekeepers in Iraq" only the place is known, which stays the actor
                        local = c.lower_ in ("of", "for", "from") or _sector_code(ctx, tok) in W.local_sectors
                        return [(_sector(ctx, tok, ms[q.i], tok.idx) if local else ms[q.i], 0.8)
                                for q in _conjuncts(p) if q.i in ms and ms[q.i].type in COLLECTIVE]
                    if p.dep_ == "pobj" and p.i in ms and ms[p.i].type == "Person" and c.lower_ == "of" \
                            and lemma in ("government", "administration", "regime", "cabinet"):
                        return [(ms[p.i], 0.75)]  # "the government of Abdrabbuh Mansur Hadi": his
        if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not mods:
            # "the police", once the document has named whose: "Kenyan police ..."
            earlier = _earlier_sector(ctx, tok, ms)
            if earlier is not None:
                return [(earlier, 0.6)]
        if _sector_code(ctx, tok) in W.local_sectors and lemma not in W.not_local \
                and (role == "actor" or role == "recipient" and et is not None and et.plover in W.local_recipient):
            # "protesters marched in Caracas", "police raided homes across Kashmir": people
            # of the place where they act (not troops or officials, who act abroad); and
            # "police detained students in Caracas": the people acted on there
            verb = tok
            for _ in range(4):
                if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                    break
                verb = verb.head
            for c in verb.children if verb.pos_ in ("VERB", "AUX") else ():
                if c.dep_ == "prep" and c.lower_ in ("in", "across", "throughout"):
                    places = [m for p in c.children if p.dep_ == "pobj" for q in _conjuncts(p)
                              for m in [_place(q, ms)] if m is not None and (m.country or m.type == "Country")]
                    if len({m.country or m.key for m in places}) == 1:
                        return [(_sector(ctx, tok, places[0], tok.idx, tok.idx + len(tok.text)), 0.6)]
            if role == "recipient" and home is not None:
                code = _sector_code(ctx, tok)
                return [(Mention(tok.text, tok.idx, tok.idx + len(tok.text), SECTORS[code][1],
                                 country=home, key=tok.text, sector=code), 0.6)]
        return []
    if role == "recipient" and et is not None and et.plover == "SANCTION" and tok.i not in ms:
        # "restrictions on flights to Cuba", "tariffs on imports from China": the place
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "from", "into"):
                found = [(ms[q.i], 0.7) for p in c.children if p.dep_ == "pobj"
                         for q in _conjuncts(p) if q.i in ms and ms[q.i].type in STATES]
                if found:
                    return found
    if role == "recipient" and lemma in W.proposal_nouns:
        # "refused to respond to a demand from the US", "accepted an offer by Egypt": its author
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                found = [(m, f * 0.8) for p in c.children if p.dep_ == "pobj"
                         for m, f in actors_of(ctx, p, ms, role="actor") if m.type != "Topic"]
                if found:
                    return found
    if owner_ok or role == "recipient" and et is not None and et.plover in ("ACCUSE", "REJECT", "PROTEST"):
        # "condemned an attack by Osgiliath soldiers", "protested the abuses by the police":
        # whoever did the thing criticised is the one criticised
        by = list(tok.children)
        if tok.dep_ == "dobj" and not any(c.dep_ == "auxpass" for c in tok.head.children):
            by += [c for c in tok.head.children if c.i > tok.i]  # "denounced the killings by X"
        for c in by:
            if c.dep_ == "prep" and c.lower_ == "by":
                found = [(m, f * 0.8) for p in c.children if p.dep_ == "pobj"
                         for m, f in actors_of(ctx, p, ms, role="actor") if m.type != "Topic"]
                if found:
                    return found
    if owner_ok and lemma not in W.verbal_targets:
        # "positions of the Palestinian forces", "the withdrawal of Serbian forces"
        for c in tok.children:
            # "a camp for Sudanese refugees was attacked": those it is for
            if c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ == "for" and et.plover == "ASSAULT"):
                found = [(m, f * 0.8) for p in c.children if p.dep_ == "pobj"
                         for m, f in actors_of(ctx, p, ms, role=role, et=et, home=home) if m.type != "Topic"]
                if found:
                    return found
    if tok.ent_type_ in W.not_topics:
        return []
    if et is None or et.predicate not in W.topic_predicates or role != "recipient":
        return []
    if et.predicate == "signsAgreementWith" and lemma not in W.agreement_nouns:
        return []  # a decree or a bill signed is no agreement with anyone
    if len(tok.text) > 1 and (tok.pos_ == "PROPN" or tok.text.isupper()
                              or tok.text[0].isupper() and not tok.is_sent_start):
        start, end = _compound_span(tok)
        text = tok.doc.text[start:end]
        return [(Mention(text, start, end, "Topic", key=text), 0.75)]
    if any(c.dep_ == "compound" for c in tok.children) and lemma not in ("plan", "step", "move"):
        start, end = _compound_span(tok)
        text = tok.doc.text[start:end]
        return [(Mention(text, start, end, "Topic", key=text), 0.6)]
    return []

def _sector_code(ctx, tok) -> str | None:
    """The CAMEO sector of a role noun: "police officers" COP, "army officers" MIL,
    "government troops" MIL (a role-noun compound other than the government decides)."""
    agents = ctx.lex.agents
    for c in tok.children:
        if c.dep_ != "compound" or c.lower_ in W.domain_nouns:
            continue
        sub = agents.get(c.lower_, agents.get(c.lemma_.lower()))
        if sub is not None and sub != "GOV":
            return sub  # "opposition leader", "police commander": whom they lead
    return agents.get(tok.lower_, agents.get(tok.lemma_.lower()))

def _earlier_sector(ctx, tok, ms) -> Mention | None:
    """The one part of a country of this role noun's sector named earlier in the document
    by a demonym or a country ("Kenyan police", "Kenya's police"), as a mention here."""
    code = _sector_code(ctx, tok)
    if code not in SECTORS:
        return None
    countries = set()
    for t in tok.doc[:tok.i]:
        if t.i in ms or (t.lower_ not in ctx.lex.agents and t.lemma_.lower() not in ctx.lex.agents) \
                or _sector_code(ctx, t) != code:
            continue
        countries.update(ms[c.i].country for c in t.children if c.dep_ in MODIFIER and c.i in ms
                         and ms[c.i].type == "Country" and ms[c.i].country)
    if len(countries) != 1:
        return None
    end = tok.idx + len(tok.text)
    return Mention(tok.text, tok.idx, end, SECTORS[code][1], country=countries.pop(), key=tok.text, sector=code)

def _sector(ctx, tok, m: Mention, start: int, end: int | None = None) -> Mention:
    """The part of a country a role noun names ("Venezuelan police" → Venezuela, COP), as a
    mention of its own; the country itself for the government (see model.SECTORS), and
    whatever ``m`` is when it has no country or is no state."""
    code = _sector_code(ctx, tok)
    if code not in SECTORS or not m.country or m.type not in ("Country", "City"):
        return m
    end = tok.idx + len(tok.text) if end is None else end
    start = min(start, end)
    text = tok.doc.text[start:end]
    return Mention(text, start, end, SECTORS[code][1], country=m.country, key=text, sector=code)

def _pronoun(ctx, tok, ms) -> list[tuple[Mention, float]]:
    """The antecedent of a pronoun when it is clear: the subject of a clause that governs it
    ("Iraq said it would ..."), else the one candidate of that kind in this or the previous sentence."""
    types = W.pronouns.get(tok.lower_)
    if types is None:
        return []
    node = tok
    # "Dorn died after Voss shot him": an object pronoun is never its own clause's subject
    own_clause = None
    if tok.lower_ in ("him", "her", "them") and tok.dep_ in ("dobj", "dative", "pobj"):
        own_clause = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    for _ in range(6):
        if node.head.i == node.i:
            break
        node = node.head
        for c in node.children:
            if own_clause is not None and node.i == own_clause.i and c.dep_ in SUBJ:
                continue
            if c.dep_ in SUBJ and c.i < tok.i and c.i != tok.i and tok not in c.subtree:
                m = ms.get(c.i)
                if m is not None and m.type in types:
                    return [(m, 0.75)]
                if c.pos_ != "PRON":
                    for m2, f in _actor_of(ctx, c, ms, "actor", None):
                        if m2.type in types:
                            return [(m2, 0.7 * f)]
            if c.dep_ in SUBJ and c.i < tok.i and tok.dep_ == "poss" and c.pos_ == "NOUN" and c.i not in ms:
                # "South Korea's reliance on China while keeping its alliance with the US",
                # "Japan's trade grew while its alliance held": the owner of the subject
                owners = [ms[p.i] for p in c.children if p.dep_ == "poss" and p.i in ms
                          and ms[p.i].type in types]
                if len(owners) == 1:
                    return [(owners[0], 0.65)]
    sent = tok.sent
    for lo, hi, factor in ((sent.start, tok.i, 0.65), (_prev_sent_start(tok), sent.start, 0.6)):
        cands = {}
        for i in range(lo, hi):
            m = ms.get(i)
            if m is not None and m.type in types:
                cands.setdefault((m.key or m.text).lower(), m)
        if len(cands) == 1:
            return [(next(iter(cands.values())), factor)]
        if len(cands) > 1:
            return []
    return []

def _pair(ctx, tok, ms, types) -> list[tuple[Mention, float]]:
    """The two actors "the two countries" stands for, if exactly two were just named."""
    for lo, hi in ((tok.sent.start, tok.i), (_prev_sent_start(tok), tok.sent.start)):
        cands = {}
        for i in range(lo, hi):
            m = ms.get(i)
            if m is not None and m.type in types:
                cands.setdefault((m.key or m.text).lower(), m)
        if len(cands) == 2:
            return [(m, 0.7) for m in cands.values()]
        if len(cands) > 2:
            return []
    return []

# ================================================================ events
def verb_event(ctx, tok) -> EventType | None:
    if tok.pos_ != "VERB":
        return None
    lemma = tok.lemma_.lower()
    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    # "launched artillery, mortar and rocket fire", "suspended part of a military aid programme"
    heads += [h for c in heads for h in _conjuncts(c)[1:]]
    heads += [p for c in heads if c.lemma_.lower() in W.part_nouns for o in c.children
              if o.dep_ == "prep" and o.lower_ == "of" for p in o.children if p.dep_ == "pobj"]
    objs = [c.lemma_.lower() for c in heads]
    objs += [g.lemma_.lower() for c in heads for g in c.children if g.dep_ == "compound"]
    # "lifted a state of emergency": the state is the emergency
    objs += [p.lemma_.lower() for c in heads if c.lemma_.lower() == "state" for o in c.children
             if o.dep_ == "prep" and o.lower_ == "of" for p in o.children if p.dep_ == "pobj"]
    objs += [p.lemma_.lower() for c in tok.children if c.dep_ == "prep"
             for p in c.children if p.dep_ == "pobj"]
    et = None
    for prt in (c.lower_ for c in tok.children if c.dep_ == "prt"):
        et = ctx.lex.verb(f"{lemma} {prt}", objs)  # "lashed out at", "wiped out"
        if et is not None:
            break
    et = et or ctx.lex.verb(lemma, objs)
    if et is None and lemma in FIRING_VERBS and any(c.dep_ == "prep" and c.lower_ in FIRING_PREPS
                                                    for c in tok.children):
        # "fired at the guards", "fired his revolver at Lincoln": shooting at someone
        et = next((e for e in ctx.lex.restricted.get("fire", ()) if e.predicate == "attacks"), None)
    if et is None and lemma in INSTRUCT_VERBS and any(c.dep_ == "dobj" for c in tok.children) and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in tok.children):
        et = ctx.lex.by_predicate["requests"]  # "told Somalia to withdraw its troops"
    if et is None and lemma == "allege" and any(c.dep_ == "ccomp" and any(s.dep_ in SUBJ for s in c.children)
                                                for c in tok.children):
        et = ctx.lex.by_predicate["accuses"]  # "alleged that Venezuela had helped the rebels"
    if et is None and lemma in DEFEAT_VERBS and any(c.dep_ == "dobj" for c in tok.children) and any(
            ctx.lex.agents.get(s.lower_) == "MIL" for s in _own_subjects(tok)):
        et = ctx.lex.by_predicate["attacks"]  # "US troops defeated ISIS" (not "Trump defeated Clinton")
    if et is None and lemma in LEAVE_VERBS and any(c.dep_ == "dobj" for c in tok.children) and any(
            ctx.lex.agents.get(s.lower_) == "MIL" for s in _own_subjects(tok)):
        et = ctx.lex.by_predicate["withdrawsFrom"]  # "US troops left Iraq in 2011"
    if et is None:
        return None
    if lemma == "call" and not any(c.dep_ == "prep" and c.lower_ == "on" for c in tok.children) \
            and not _called_for(tok):
        return None
    if lemma in ("demonstrate", "march", "rally") and heads:
        return None  # "demonstrated a new screen", "marched troops": not a protest
    if et.plover == "ASSAULT" and lemma in ("attack", "blast", "hit", "target", "strike") \
            and any(h.lemma_.lower() in W.verbal_targets for h in heads):
        return ctx.lex.by_predicate["criticizes"]  # "attacked the decision": words, not force
    if lemma == "ask" and any(c.dep_ in ("ccomp", "advcl") and any(m.lower_ in ("if", "whether") or m.tag_ in
                                                                 ("WP", "WRB", "WDT") for m in c.children)
                              or c.dep_ == "prep" and c.lower_ == "about" for c in tok.children):
        return None  # "asked him whether ...": a question, not a request
    if lemma in ("fly", "ship", "ferry") and et.plover == "CONSULT" and heads:
        return None  # "flies fighters and cargo to Syria": transport, not a visit
    if lemma == "offer" and et.predicate == "agreesWith" and heads \
            and not any(h.lemma_.lower() in ctx.lex.nouns or h.lower_ in ctx.lex.agents for h in heads):
        return None  # "offers flights to Cuba": trade, not a pledge ("offered talks", "its troops" are)
    if lemma in ("back", "pull") and not any(c.dep_ == "prt" or c.dep_ == "dobj" for c in tok.children):
        return None
    if lemma in ("speak", "talk") and any(c.dep_ == "prep" and c.lower_ in ("on", "by", "over") and any(
            o.dep_ == "pobj" and o.lemma_.lower() in ("phone", "telephone") for o in c.children) for c in tok.children):
        return ctx.lex.by_predicate["phones"]  # "Trump and Erdogan spoke on the phone"
    if lemma == "speak" and (not any(
            c.dep_ == "prep" and c.lower_ == "with" and any(
                o.dep_ == "pobj" and (o.ent_type_ in ("PERSON", "GPE", "NORP") or o.lemma_.lower() in ctx.lex.agents
                                      or o.lemma_.lower() == "counterpart") for o in c.children)
            for c in tok.children) or any(
            ctx.lex.agents.get(c.lower_) == "COP" for c in _own_subjects(tok))):
        # "spoke with Pompeo" consults; "spoke to reporters", "spoke at the UN", "spoke
        # with a news site" (an interview), "police spoke with the driver" (questioning) do not
        return None
    if lemma in EXHORT_VERBS and not any(c.dep_ in ("xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ == "for"
                                         for c in tok.children):
        return None  # "encouraged Japan to curb exports"; not "was encouraged by the news"
    if lemma == "second" and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        return None
    return et

def events(ctx, doc: Document, sent, ms: dict[int, Mention]) -> Iterator[RelationMention]:
    for tok in sent:
        et = verb_event(ctx, tok)
        if et is not None:
            yield from _verb_events(ctx, doc, sent, tok, et, ms)
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() in W.demand_speech:
            yield from _demand_clause(ctx, doc, sent, tok, ms)
        if tok.pos_ == "NOUN":
            lemma = tok.lemma_.lower()
            et = None
            for c in tok.children:
                if c.dep_ == "compound":
                    et = ctx.lex.nouns.get(c.lemma_.lower() + " " + lemma)
                    if et is not None:
                        break
            et = et or ctx.lex.nouns.get(lemma)
            if et is not None:
                yield from _noun_events(ctx, doc, sent, tok, et, ms)
        # the parser often tags an appositive "assassin" as a proper noun
        if tok.pos_ in ("NOUN", "PROPN") and tok.i not in ms and tok.lemma_.lower() in W.kill_nouns:
            yield from _killer(ctx, doc, sent, tok, ms)
        if tok.lower_ == "hands" and tok.dep_ == "pobj" and tok.head.lower_ == "at":
            yield from _at_the_hands(ctx, doc, sent, tok, ms)

def _subjects(ctx, verb, ms) -> tuple[list[tuple[Mention, float]], list]:
    """(actor mentions, recipient head tokens from a passive subject)."""
    message = _message_of(verb)
    if message is not None:
        # "posted a message on Twitter blaming Iran", which the parser hangs on "Twitter"
        # (and may even make "Facebook" the participle's subject): the sender blames
        return [(m, f * 0.85) for s in message.head.children if s.dep_ in SUBJ
                for m, f in actors_of(ctx, s, ms)], []
    subj = [c for c in verb.children if c.dep_ in SUBJ]
    if len(subj) > 1:
        # "MOSCOW, March 3 (AP) -- Russia accused ...": the dateline's city is no subject
        subj = [c for c in subj if not _is_dateline_place(c, verb)] or subj
    for s in list(subj):
        # headline coordination with a comma: "Kenya, Uganda sign trade pact"
        for c in verb.children:
            if c.dep_ == "dep" and c.i + 2 == s.i and c.nbor(1).text == "," and c.i in ms and s.i in ms \
                    and ms[c.i].type == ms[s.i].type and ms[c.i].type in COLLECTIVE:
                subj.append(c)
    passive = [c for c in verb.children if c.dep_ in PASS_SUBJ]
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if verb.dep_ == "relcl" and any(s.lower_ in W.relative for s in subj):
        subj = []  # "Booth, who assassinated Lincoln": the noun the clause hangs on acts
        shots = verb.head
        if shots.lemma_.lower() in W.instrument_nouns and shots.i not in ms and shots.dep_ == "dobj" \
                and shots.head.pos_ == "VERB":
            # "Oswald fired the shots that killed Kennedy": who fired them
            return [(m, f * 0.85) for m, f in _subjects(ctx, shots.head, ms)[0]], []
    if passive and not agents:
        agents = _passive_agents(verb)
    if passive and not agents:
        # "Dorn was shot and killed by Voss": the agent of the verb coordinated with this one
        agents = [p for v in verb.children if v.dep_ == "conj" and v.pos_ == "VERB"
                  and not any(c.dep_ in SUBJ or c.dep_ in PASS_SUBJ for c in v.children)
                  for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not passive and not subj and agents and verb.dep_ == "conj":
        passive = [c for c in verb.head.children if c.dep_ in PASS_SUBJ]  # the same, seen from "killed"
    if passive:
        if verb.dep_ == "relcl" and any(p.lower_ in W.relative for p in passive):
            passive = [verb.head]  # "Oswald, who had been shot by Ruby"
        return [a for ag in agents for a in actors_of(ctx, ag, ms)], passive
    if subj:
        return [a for s in subj for a in actors_of(ctx, s, ms)], []
    # No subject of its own: share the subject of the verb it is coordinated with, or
    # the one whose complement it is ("China agreed to lift ...", "met Xi and praised ...").
    node = verb
    factor = 0.95
    for _ in range(4):
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":
            governor = node.head.head
            if any(c.dep_ in ("dobj", "nsubjpass") for c in governor.children):
                break  # "banned the airline from flying": the object would fly
            node = node.head  # "acted alone in killing Kennedy"
        if node.dep_ not in ("conj", "xcomp", "advcl", "prep", "acomp") or node.head.i == node.i:
            break
        dep, node = node.dep_, node.head  # "Syria is willing to withdraw": through the adjective
        if dep == "xcomp" and node.lemma_.lower() in W.object_control:
            objs = [c for c in node.children if c.dep_ == "dobj"]
            if objs:
                return [(m, f * factor) for o in objs for m, f in actors_of(ctx, o, ms)], []
        subj = [c for c in node.children if c.dep_ in SUBJ]
        if subj:
            return [(m, f * factor) for s in subj for m, f in actors_of(ctx, s, ms)], []
        if any(c.dep_ in PASS_SUBJ for c in node.children):
            break
        factor *= 0.95
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in W.message_nouns and verb.head.dep_ == "dobj" \
            and verb.tag_ == "VBG":
        # "issued a declaration demanding ...", "sent a letter requesting ...": the sender
        return [(m, f * 0.85) for s in verb.head.head.children if s.dep_ in SUBJ
                for m, f in actors_of(ctx, s, ms)], []
    if verb.dep_ == "relcl":
        antecedent = verb.head
        if antecedent.i not in ms:
            # "the man who shot Dorn, Voss, ...", "Voss, the gunman who killed Dorn"
            named = [ms[c.i] for c in antecedent.children if c.dep_ == "appos" and c.i in ms
                     and ms[c.i].type == "Person"]
            if not named and antecedent.dep_ == "appos" and antecedent.head.i in ms \
                    and ms[antecedent.head.i].type == "Person":
                named = [ms[antecedent.head.i]]
            if not named and antecedent.dep_ == "attr" and antecedent.head.lemma_ == "be":
                # "Voss is the man who killed Dorn"
                named = [ms[c.i] for c in antecedent.head.children if c.dep_ in SUBJ and c.i in ms
                         and ms[c.i].type == "Person"]
            if named and not _actor_of(ctx, antecedent, ms, "actor", None):
                return [(named[0], 0.85)], []
        return _actor_of(ctx, verb.head, ms, "actor", None), []  # the antecedent, not its list
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "British officials asking the US to waive ...": the ones described act
        return [(m, f * 0.9) for m, f in _actor_of(ctx, verb.head, ms, "actor", None) if m.type != "Topic"], []
    accused = _accused(ctx, verb, ms)
    if accused:
        return accused, []
    return [], []

def _accused(ctx, tok, ms) -> list[tuple[Mention, float]]:
    """"Ray, convicted of killing King", "Sirhan was convicted of Kennedy's killing": the
    one convicted, accused or suspected of the act is its actor."""
    node = tok
    if node.dep_ == "pcomp" or node.dep_ == "pobj":
        node = node.head
    if node.dep_ != "prep" or node.lower_ not in ("of", "for", "in", "with", "to"):
        return []
    governor = node.head
    if governor.lower_ == "guilty" and governor.dep_ in ("acomp", "oprd", "xcomp", "advmod") \
            and governor.head.pos_ in ("VERB", "AUX"):
        # "was found guilty of murdering X", "pleaded guilty to killing X"
        who = [c for c in governor.head.children if c.dep_ in SUBJ or c.dep_ in PASS_SUBJ]
        return [(m, f * 0.85) for w in who for m, f in _actor_of(ctx, w, ms, "actor", None)
                if m.type == "Person" or m.type in COLLECTIVE]
    glemma = governor.lemma_.lower()
    if glemma in W.culprit_verbs:
        # "Ray is serving 99 years for the murder of King"
        if node.lower_ not in W.culprit_verbs[glemma]:
            return []
        who = [c for c in governor.children if c.dep_ in SUBJ]
        return [(m, f * 0.85) for w in who for m, f in _actor_of(ctx, w, ms, "actor", None)
                if m.type == "Person" or m.type in COLLECTIVE]
    if glemma not in W.accused_verbs or node.lower_ == "to" or node.lower_ == "with" and glemma != "charge":
        return []
    who = [c for c in governor.children if c.dep_ in PASS_SUBJ or c.dep_ == "dobj"]
    if governor.dep_ == "relcl" and any(w.lower_ in W.relative for w in who):
        who = [governor.head]  # "Oswald, who was charged with having assassinated Kennedy"
    if not who and governor.dep_ in ("acl", "relcl", "amod"):
        who = [governor.head]
    if not who and governor.dep_ == "advcl" and governor.tag_ == "VBN" and governor.i >= 2 \
            and governor.doc[governor.i - 1].text == "," and governor.i - 2 in ms:
        # "... the capture of Ray, suspected of the assassination of King": the parser hangs
        # the participle on the main verb; the name just before the comma is the one suspected
        who = [governor.doc[governor.i - 2]]
    return [(m, f * 0.85) for w in who for m, f in _actor_of(ctx, w, ms, "actor", None)
            if m.type == "Person" or m.type in COLLECTIVE]

def _objects(ctx, verb, et: EventType, ms, passive_objs, actors=()) -> list[tuple[Mention, float]]:
    """Recipients, from the strongest evidence to the weakest; the actors themselves never
    count ("offered its troops to Lebanon": "its troops" is Syria, the recipient Lebanon)."""
    # "Egyptian police dispersed demonstrators": police act at home, so the protesters or
    # civilians they act on, when nothing else places them, are of the police's country
    homes = {a.country for a, _ in actors if a.sector == "COP" and a.country}
    home = next(iter(homes)) if len(homes) == 1 else None
    found = _recipients(ctx, verb, et, ms, passive_objs, home)
    if et.theme_preps:
        # "Trump withdrew the US from the treaty": his own country is what he moves
        found = [(m, f) for m, f in found if not (m.type == "Country" and any(
            a.type == "Person" and a.country and a.country == m.country for a, _ in actors))]
    return [(m, f) for m, f in found if not any(_same(m, a) for a, _ in actors)]

def _recipients(ctx, verb, et: EventType, ms, passive_objs, home=None) -> list[tuple[Mention, float]]:
    objects: list[tuple[Mention, float]] = []
    if et.predicate in W.weapon_predicates:  # "tested a ballistic missile": the missile
        return [(_topic(o), 0.8) for o in verb.children if o.dep_ in ("dobj", "nsubjpass")
                and o.lemma_.lower() in et.requires]
    for p in passive_objs:
        found = actors_of(ctx, p, ms, role="recipient", et=et, home=home)
        if et.predicate in W.victim_possessive and p.i not in ms and p.pos_ in ("NOUN", "PROPN"):
            # "the last Aztec king of Mexico, Cuauhtemoc, was murdered": the one named, not
            # the people his title names
            named = [(dataclasses.replace(ms[a.i], type="Person", country=None)
                      if ms[a.i].type != "Person" and ctx.gaz.lookup(ms[a.i].key or ms[a.i].text) is None
                      else ms[a.i], 0.85) for a in p.children if a.dep_ == "appos" and a.i in ms
                     and ms[a.i].type in ("Person", "Location", "Organization")]
            if named:
                found = named
        if not found:  # "44 B.C., Roman Emperor Julius Caesar was assassinated": the apposition
            found = [(ms[a.i], 0.9) for a in p.children if a.dep_ == "appos" and a.i in ms
                     and ms[a.i].type in ACTOR_TYPES]
        if et.predicate in W.victim_possessive and any(m.type == "Topic" for m, _ in found):
            # "the last Incan King of Peru, Atahualpa, was murdered": the NER's title or
            # work of art is no victim; the name in apposition is, whatever it was tagged
            found = [(m, f) for m, f in found if m.type != "Topic"]
            found += [(dataclasses.replace(ms[a.i], type="Person", country=None), 0.8) for a in p.children
                      if a.dep_ == "appos" and a.i in ms and ms[a.i].type != "Topic"
                      and ctx.gaz.lookup(ms[a.i].key or ms[a.i].text) is None]
        objects += found
    if objects:
        return objects
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if et.theme_preps:
        objects = _prep_objects(ctx, holders, et.theme_preps, ms, et, 0.95, home)
        if objects:
            return objects
    dobjs = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.lemma_.lower() not in et.requires
             and not _requires_compound(c, et) and et.mode != "firearms"]  # "fired his Colt at X"
    if not dobjs:
        # "kidnapped up to 16 Russian advisers", which the parser reads as a particle "up"
        dobjs = [o for u in verb.children if u.dep_ == "prt" and u.lower_ == "up" for t in u.children
                 if t.dep_ == "prep" and t.lower_ == "to" for o in t.children
                 if o.dep_ == "pobj" and any(n.dep_ == "nummod" for n in o.children)]
    for c in dobjs:
        objects += actors_of(ctx, c, ms, role="recipient", et=et, home=home)
    topics = [(m, f) for m, f in objects if m.type == "Topic"]
    objects = [(m, f) for m, f in objects if m.type != "Topic"]
    if objects and not all(_is_own(verb, c) for c in dobjs):
        return objects
    objects = []
    # Behind a preposition: on the verb ("met with Xi") or on its object noun
    # ("cut ties with Taipei", "lifted its ban on K-pop"), or on the next of coordinated
    # objects ("fired rockets and mortars at X"), or on what a "part of" is part of.
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    holders += [h for c in holders[1:] for h in _conjuncts(c)[1:]]
    holders += [p for c in holders[1:] if c.lemma_.lower() in W.part_nouns for o in c.children
                if o.dep_ == "prep" and o.lower_ == "of" for p in o.children if p.dep_ == "pobj"]
    # "shortened the curfew imposed in Sudan", "eased the restrictions placed on Gaza":
    # the participle that qualifies the object carries its preposition
    holders += [a for c in holders[1:] if c.lemma_.lower() in et.requires for a in c.children
                if a.dep_ == "acl" and a.tag_ == "VBN"]
    objects += _prep_objects(ctx, holders, et.preps, ms, et, 0.95, home)
    if objects:
        return objects
    if topics:
        return topics
    # "alleged Iranian involvement", "closed Britain's embassy": the owner of the object
    # the phrase needs is its recipient
    if et.requires and et.plover in W.owner_recipient | {"SANCTION"}:
        # "sought Beijing's support", "sought Xi's backing": anyone can be asked
        owners = ACTOR_TYPES if et.plover == "REQUEST" else OWNERS
        for o in verb.children:
            if o.dep_ == "dobj" and o.lemma_.lower() in et.requires:
                objects += [(ms[c.i], 0.75) for c in o.children if c.dep_ in ("amod", "poss", "compound")
                            and c.i in ms and ms[c.i].type in owners]
        if objects:
            return objects
    # "rejected calls by Belarus", "accepted demands from the rebels"
    if et.plover in W.source_recipient:
        objects += _prep_objects(ctx, dobjs, {"by", "from"}, ms, et, 0.8, home)
        if objects:
            return objects
    # "threatened to attack Seoul", "refused to lift the curfew on Gaza": the complement's recipient.
    if et.plover in W.complement_recipient:
        for c in verb.children:
            # the parser sometimes hangs "threatened on Monday to resume ..." as advcl
            infinitive = c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) \
                and not any(a.dep_ == "mark" for a in c.children)
            if (c.dep_ == "xcomp" or infinitive) and c.pos_ == "VERB":
                inner = verb_event(ctx, c)
                preps = (inner.preps if inner else frozenset()) | {"with", "to", "on", "against"}
                inner_objs = [o for o in c.children if o.dep_ in ("dobj", "dative")]
                # "threatened to impose restrictions against German goods": the act the
                # object names, else the threat itself, says whose goods count
                act = inner or next((ctx.lex.nouns[o.lemma_.lower()] for o in inner_objs
                                     if o.lemma_.lower() in ctx.lex.nouns), None) or et
                for o in inner_objs:
                    if _is_own(c, o):
                        continue  # "agreed to withdraw its troops from Lebanon": Lebanon, not its troops
                    objects += [(m, f * 0.85) for m, f in actors_of(ctx, o, ms, role="recipient", et=inner, home=home)
                                if m.type != "Topic"]
                if not objects:
                    objects += [(m, f) for m, f in _prep_objects(ctx, [c, *inner_objs], preps, ms, act, 0.8, home)
                                if m.type != "Topic" or inner is not None]
                if not objects and et.plover == "THREATEN":
                    # "threatened to cut off power to the region of X", "to resume attacks
                    # in X": the place the threatened act would strike
                    objects += [(m, 0.7) for h in (c, *inner_objs) for prep in h.children
                                if prep.dep_ == "prep" and prep.lower_ in ("to", "in", "on", "against")
                                for p in prep.children if p.dep_ == "pobj"
                                for m in [_place(p, ms)] if m is not None]
        if objects:
            return objects
    # "threatened to halt the talks if the US deploys missiles": whoever the condition is on
    if et.plover == "THREATEN":
        for c in [verb, *(x for x in verb.children if x.dep_ == "xcomp")]:
            for cl in c.children:
                if cl.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                              for m in cl.children):
                    objects += [(m, f * 0.7) for s in cl.children if s.dep_ in SUBJ
                                for m, f in actors_of(ctx, s, ms, role="recipient", home=home) if m.type != "Topic"]
        if objects:
            return objects
    # "demanded that the US cancel ...", "threatened that Iran would pay": the clause's
    # subject. Not after "warn": "warned that North Korea could launch missiles" says what
    # may happen, it threatens no one (the warned party is the object: "warned Iran that").
    if (et.plover == "REQUEST" or et.plover == "THREATEN" and verb.lemma_.lower() != "warn"
            or et.predicate == "accuses" and verb.lemma_.lower() == "allege"):
        for c in verb.children:
            if c.dep_ == "ccomp":
                for s in c.children:
                    if s.dep_ in SUBJ:
                        objects += [(m, f * 0.75) for m, f in actors_of(ctx, s, ms, role="recipient", home=home)
                                    if m.type != "Topic"]
        if objects:
            return objects
    if et.plover == "REQUEST":
        # "called for G7 action", "called for UN intervention": whom the action is asked of
        objects += [(ms[g.i], 0.75) for p in _called_for(verb) for g in p.children
                    if g.dep_ == "compound" and g.i in ms and ms[g.i].type in COLLECTIVE]
        if objects:
            return objects
    if et.plover == "REQUEST" and verb.dep_ == "advcl" and verb.tag_ == "VBG" \
            and verb.head.lemma_.lower() in W.write_verbs:
        # "wrote to the US embassy asking to waive ...": whom the letter went to
        objects += _prep_objects(ctx, [verb.head], {"to"}, ms, et, 0.8, home)
        if objects:
            return objects
    for h in holders:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ in et.weak_preps:
                objects += [(m, 0.7) for pobj in prep.children if pobj.dep_ == "pobj"
                            for m in [_place(pobj, ms)] if m is not None]
    return objects

def _hostile_complement(ctx, verb) -> bool:
    """Does the verb's infinitive complement do harm ("vowed to retaliate", "pledged to
    impose sanctions")? Promising that is no cooperation."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and any(a.lower_ == "to" for a in c.children):
            inner = verb_event(ctx, c) or next((ctx.lex.nouns[o.lemma_.lower()] for o in c.children
                                                if o.dep_ == "dobj" and o.lemma_.lower() in ctx.lex.nouns), None)
            if inner is not None and inner.plover in W.hostile_types:
                return True
    return False

def _demanded_of(ctx, holder, ms) -> list[tuple[Mention, float]]:
    """Whom a protest's purpose clause makes a demand of: "marched to demand the release
    of X by Y", "struck to press their demands on Z" (not "rallied to support X")."""
    out: list[tuple[Mention, float]] = []
    for c in holder.children:
        if c.dep_ in ("advcl", "xcomp", "acl") and c.pos_ == "VERB" \
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            inner = verb_event(ctx, c) or ctx.lex.verbs.get(c.lemma_.lower())
            if inner is not None and inner.plover == "REQUEST":
                out += [(m, f * 0.8) for m, f in _recipients(ctx, c, inner, ms, []) if m.type != "Topic"]
    return out

def _prep_objects(ctx, holders, preps, ms, et, factor, home=None) -> list[tuple[Mention, float]]:
    out: list[tuple[Mention, float]] = []
    for h in holders:
        for prep in h.children:
            # "granted asylum to X": the parser calls a "to" after the object a dative
            if prep.dep_ in ("prep", "dative") and prep.pos_ == "ADP" and prep.lower_ in preps:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        out += [(m, f * factor)
                                for m, f in actors_of(ctx, pobj, ms, role="recipient", et=et, home=home)]
    return out

def _verb_events(ctx, doc, sent, verb, et: EventType, ms) -> Iterator[RelationMention]:
    if et.plover == "AGREE":
        hostile = _hostile_complement(ctx, verb)
        if hostile and verb.lemma_.lower() in W.vows:
            et = ctx.lex.by_predicate["threatens"]  # "vowed to retaliate against Israel": a threat
        elif hostile:
            return  # "agreed to impose sanctions on X" is no agreement with X
    actors, passive_objs = _subjects(ctx, verb, ms)
    if not actors and passive_objs and et.predicate == "restricts" and verb.lemma_.lower() in ("ban", "outlaw", "prohibit"):
        # "the PKK is banned in Turkey": the state where it is banned bans it
        actors = [(ms[p.i], 0.75) for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "in"
                  for p in prep.children if p.dep_ == "pobj" and p.i in ms and ms[p.i].type == "Country"]
    if not actors and passive_objs and et.plover == "ASSAULT":
        # "was killed in an American drone strike": whoever struck killed
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "during", "by"):
                for p in prep.children:
                    strike = ctx.lex.nouns.get(p.lemma_.lower())
                    if p.dep_ == "pobj" and strike is not None and strike.plover == "ASSAULT":
                        actors += [(ms[c.i], 0.8) for c in p.children if c.dep_ in MODIFIER and c.i in ms
                                   and ms[c.i].type in COLLECTIVE]
    if not actors:
        return
    weapons = [h for c in verb.children if c.dep_ == "dobj" for h in _conjuncts(c)]
    if et.predicate in W.weapon_predicates and any(
            p.dep_ == "prep" and p.lower_ in ("at", "into", "against", "on")
            and any(_actor_of(ctx, o, ms, "recipient", et) for o in p.children if o.dep_ == "pobj")
            for h in (verb, *weapons) for p in h.children):
        # "fired rockets at Israel": a test has no target. The firearms row knows "at", "into".
        et = next((e for e in ctx.lex.restricted.get("fire", ()) if e.predicate == "attacks"),
                  ctx.lex.by_predicate["attacks"])
    objects = _objects(ctx, verb, et, ms, passive_objs, actors)
    if et.predicate in W.victim_possessive:
        # "... included Brutus and Cassius": a one-word name the NER took for a place it
        # does not know, killing or killed, is a person's
        actors = [(_person_not_place(ctx, m), f) for m, f in actors]
        objects = [(_person_not_place(ctx, m), f) for m, f in objects]
    if not objects and et.plover == "PROTEST":
        objects = [(m, f) for m, f in _demanded_of(ctx, verb, ms) if not any(_same(m, a) for a, _ in actors)]
    pairs: list[tuple[Mention, float, Mention, float]] = []
    pairs = [(a, fa, o, fo) for a, fa in actors for o, fo in objects]
    if all(o.type == "Topic" for o, _ in objects) and verb.lemma_.lower() in W.reciprocal and len(actors) >= 2:
        # "Lee and Xi met", "the two countries agreed", "Iran and Iraq signed a pact": a
        # symmetric event between the actors (besides the thing signed)
        for i, (a, fa) in enumerate(actors):
            for b, fb in actors[i + 1:]:
                pairs.append((a, fa, b, fb))
    if not pairs:
        return
    negated, modality = modality_of(ctx, verb)
    for a, fa, o, fo in pairs:
        if _same(a, o):
            continue
        yield _record(ctx, doc, sent, a, et, o, negated, modality, 0.85 * fa * fo, verb)
    yield from _intent(ctx, doc, sent, verb, et, pairs, negated, modality, 1.0)

def _intent(ctx, doc, sent, verb, et: EventType, pairs, negated, modality, factor) -> Iterator[RelationMention]:
    """Saying one will act is itself an event (CAMEO 03, 13): "is willing to withdraw its
    troops" an AGREE, "said it would impose sanctions" or "will strike unless ..." a
    THREATEN. ``verb`` is the event's verb, or the light verb of a nominal one ("would
    tighten the blockade")."""
    announced = _announcement(verb) if modality == "intended" and not negated else None
    committed = _commitment(verb) if modality == "intended" and not negated else None
    threat = et.plover in W.threat_types and not negated and (
        modality in ("intended", "hypothetical") and _conditional(verb)
        # "is prepared to impose martial law", "stands ready to strike": a threat
        or committed is not None and committed.lower_ in W.readiness and et.plover not in W.pledge_types
        or announced is not None and et.plover not in W.pledge_types)  # "said it would release": no threat
    pledge = None
    pledge_negated, pledge_modality = True, None
    if modality == "intended" and not negated and et.plover in W.pledge_types and not _conditional(verb, ("unless",)):
        # An announced withdrawal ("will withdraw its peacekeepers from Chad") is as often a
        # threat as a concession: only an explicit commitment makes it a pledge.
        pledge = committed or (announced if et.plover != "RETREAT" else None)
        pledge_negated, pledge_modality = modality_of(ctx, pledge) if pledge is not None else (True, None)
    if pledge_negated:
        pledge = None
    for a, fa, o, fo in pairs:
        if _same(a, o):
            continue
        if pledge is not None and pledge_modality in ("asserted", "reported") and et.plover != "AGREE":
            # "is willing to withdraw its troops from Lebanon": saying so is an AGREE event
            yield _record(ctx, doc, sent, a, ctx.lex.by_predicate["agreesWith"], o, False,
                               pledge_modality, 0.65 * factor * fa * fo, pledge)
        if threat:  # "will withdraw its troops unless ...": the announcement is a threat
            yield _record(ctx, doc, sent, a, ctx.lex.by_predicate["threatens"], o, False,
                               "asserted" if modality == "intended" else modality, 0.6 * factor * fa * fo, verb)

def _noun_events(ctx, doc, sent, noun, et: EventType, ms) -> Iterator[RelationMention]:
    actors: list[tuple[Mention, float]] = []
    for c in noun.children:
        if c.dep_ in MODIFIER:
            if c.i in ms and ms[c.i].type in ACTOR_TYPES:
                actors += actors_of(ctx, c, ms)
            elif c.dep_ == "poss" and c.pos_ == "PRON":
                actors += [(m, f * 0.9) for m, f in _pronoun(ctx, c, ms)]
    victims: list[tuple[Mention, float]] = []
    if et.predicate in W.victim_possessive and actors and not any(c.dep_ == "prep" and c.lower_ in et.preps
                                                      for c in noun.children):
        # "Kennedy's killing", "Khashoggi's murder": the possessor suffered it
        victims, actors = [(m, f) for m, f in actors if m.type == "Person"], \
            [(m, f) for m, f in actors if m.type != "Person"]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            actors += [a for p in c.children if p.dep_ == "pobj" for a in actors_of(ctx, p, ms)]
    if not actors and (victims or et.plover == "ASSAULT"):
        # "convicted of Kennedy's killing", "suspected of the assassination of King"
        actors = _accused(ctx, noun, ms)
    between = []
    if not actors and et.plover in ("CONSULT", "COOPERATE", "AGREE") and "between" not in et.preps \
            and (noun.dep_ != "dobj" or noun.head.lemma_.lower() in W.held_verbs):
        # "talks between Ethiopia and Egypt", "a phone call between Trump and Erdogan", "the
        # dialogue between South Korea and China": both act, symmetrically
        between = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
                   for p in c.children if p.dep_ == "pobj" for q in _conjuncts(p) for a in actors_of(ctx, q, ms)
                   if a[0].type != "Topic"]
        if len(between) >= 2:
            actors = between
    if not actors and et.theme_preps:
        # "the withdrawal of Russian troops from Georgia": what is moved moves itself
        actors = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj" for a in actors_of(ctx, p, ms)]
    governor = noun.head
    gov_event = verb_event(ctx, governor) if noun.dep_ in ("dobj", "nsubjpass") else None
    if gov_event is not None and gov_event.plover in ("CONCEDE", "RETREAT"):
        return  # "lifted its ban on K-pop": the ban ends; the lifting is the event
    if not actors and noun.dep_ in ("dobj", "nsubjpass") and governor.pos_ == "VERB" \
            and verb_event(ctx, governor) is None:
        # "China imposed a ban on K-pop": the light verb's subject acts
        actors = [(m, f * 0.9) for m, f in _subjects(ctx, governor, ms)[0]]
    if not actors and noun.dep_ == "pobj" and noun.head.lower_ == "in" and et.plover == "PROTEST":
        # "began a hunger strike in protest against X": whoever struck protests
        holder = noun.head.head
        if holder.pos_ == "NOUN" and holder.dep_ in ("dobj", "nsubjpass"):
            holder = holder.head
        if holder.pos_ == "VERB":
            actors = [(m, f * 0.9) for m, f in _subjects(ctx, holder, ms)[0]]
    if not actors:
        return
    objects: list[tuple[Mention, float]] = list(victims)
    holders = [noun]
    # "the assassination in 1914 of the archduke": the parser hangs the "of" on the date
    holders += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "on")
                for p in c.children if p.dep_ == "pobj" and p.ent_type_ == "DATE"]
    if noun.dep_ == "dobj" and governor.pos_ == "VERB" and gov_event is None:
        # "staged rallies in Gaza against Abbas", "launched rocket fire against the camps":
        # the parser hangs the recipient on the light verb as often as on the noun
        holders.append(governor)
    for h in holders:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ in et.preps:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        objects += [(m, f * (1.0 if h is noun else 0.9))
                                    for m, f in actors_of(ctx, pobj, ms, role="recipient", et=et)]
    if not objects and et.predicate == "deploysTo":
        # "South Korea's deployment of the THAAD system": with no destination, the named
        # weapon deployed (never a force or body, which is deployed, not deployed at)
        objects += [(m, f * 0.9) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj"
                    for m, f in actors_of(ctx, p, ms, role="recipient", et=et) if m.type == "Topic"]
    if not objects and et.plover in ("REQUEST", "THREATEN"):
        # "its demand that Israel ease restrictions"
        objects += [(m, f * 0.75) for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                    and any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children)
                    for s in c.children if s.dep_ in SUBJ
                    for m, f in actors_of(ctx, s, ms, role="recipient") if m.type != "Topic"]
    victim_named = et.predicate == "kills" and [
        p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children if p.dep_ == "pobj"]
    if not objects and victim_named:
        # "the murder of King in Memphis": a name the NER left untagged is the victim, and
        # the place is not
        p = victim_named[0]
        if p.pos_ == "PROPN" and p.text[:1].isupper() and not p.text.isupper() and p.i not in ms:
            start, end = _compound_span(p)
            span = p.doc.char_span(start, end)
            if span is not None and ctx.gaz.lookup(span.text) is None:
                victim = _mention(ctx, span, "Person", "PERSON")
                objects += [(victim, 0.8)] if victim is not None else []
    if not objects and not victim_named:
        for prep in (c for h in holders for c in h.children):
            if prep.dep_ == "prep" and prep.lower_ in et.weak_preps:
                objects += [(m, 0.7) for p in prep.children if p.dep_ == "pobj"
                            for m in [_place(p, ms)] if m is not None]
    if not objects and et.plover == "PROTEST":
        # "staged rallies to demand the resignation of President X"
        objects = _demanded_of(ctx, governor if noun.dep_ == "dobj" and governor.pos_ == "VERB" else noun, ms)
    pairs = [(a, fa, o, fo) for a, fa in actors for o, fo in objects]
    if not objects and et.plover in ("CONSULT", "COOPERATE", "AGREE") and len(actors) >= 2:
        # "Japan and South Korea held talks"
        pairs = [(a, fa, b, fb) for i, (a, fa) in enumerate(actors) for b, fb in actors[i + 1:]]
    if not pairs and et.predicate in W.weapon_predicates:  # "North Korea's missile tests"
        weapons = [_topic(c) for c in noun.children if c.dep_ == "compound" and c.lemma_.lower() in
                   ctx.lex.by_predicate[et.predicate].requires]
        pairs = [(a, fa, w, 0.8) for a, fa in actors for w in weapons]
    if not pairs:
        return
    negated, modality = modality_of(ctx, governor if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") else noun)
    if any(c.lower_ == "no" and c.dep_ == "det" for c in noun.children):
        negated = True
    negated, modality = _nominal_status(noun, negated, modality)
    asker = governor.head if noun.dep_ == "pobj" and governor.lower_ == "for" else governor
    if noun.dep_ in ("dobj", "pobj") and modality in ("asserted", "reported") and asker.pos_ == "VERB" \
            and asker.i != noun.i and (ctx.lex.verbs.get(asker.lemma_.lower()) or EMPTY_EVENT).plover == "REQUEST":
        modality = "intended"  # "demanded the release of", "called for the withdrawal of": asked for
    if noun.dep_ == "dobj" and modality in ("asserted", "reported") \
            and governor.lemma_.lower() in W.intent_verbs - W.phase_verbs - {"have", "need", "look", "move", "set"}:
        modality = "intended"  # "is preparing an offensive", "plans a visit": not yet done
    for a, fa, o, fo in pairs:
        if not _same(a, o):
            yield _record(ctx, doc, sent, a, et, o, negated, modality, 0.75 * fa * fo, noun)
    if noun.dep_ == "dobj" and governor.pos_ == "VERB" and gov_event is None:
        # "said it would impose sanctions on X", "would tighten the blockade of X"
        gov_negated, gov_modality = modality_of(ctx, governor)
        yield from _intent(ctx, doc, sent, governor, et, pairs, gov_negated or negated, gov_modality, 1.0)

def _demand_clause(ctx, doc, sent, verb, ms) -> Iterator[RelationMention]:
    """"Britain said Libya must hand over the suspects": a demand on Libya (REQUEST)."""
    et = ctx.lex.by_predicate["requests"]
    for c in verb.children:
        if c.dep_ != "ccomp" or not any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in c.children):
            continue
        if any(a.dep_ == "neg" for a in c.children):
            continue
        actors = _subjects(ctx, verb, ms)[0]
        objects = [(m, f) for s in c.children if s.dep_ in SUBJ
                   for m, f in actors_of(ctx, s, ms, role="recipient") if m.type != "Topic"]
        negated, modality = modality_of(ctx, verb)
        for a, fa in actors:
            for o, fo in objects:
                # "Britain said Britain must ..." is no demand, but its opposition's is
                if not _same(a, o) and not (o.type == "Country" and a.country == o.country and not a.sector):
                    yield _record(ctx, doc, sent, a, et, o, negated, modality, 0.65 * fa * fo, verb)

def _killer(ctx, doc, sent, noun, ms) -> Iterator[RelationMention]:
    """"King assassin James Earl Ray", "Kennedy's killer, Oswald": the killer kills the victim."""
    victim = next((ms[c.i] for c in noun.children if c.dep_ in ("compound", "poss") and c.i in ms
                   and ms[c.i].type == "Person"), None)
    if victim is None and noun.dep_ == "compound":
        # "McKinley's assassin Leon Czolgosz": the possessive hangs on the killer's name
        # and "Kennedy assassin Lee Harvey Oswald" parsed as a string of compounds
        victim = next((ms[c.i] for c in noun.head.children if c.dep_ in ("poss", "compound") and c.i < noun.i
                       and c.i in ms and ms[c.i].type == "Person" and ms[c.i] is not ms.get(noun.head.i)), None)
    if victim is None:
        # "King assassin James Earl Ray": a bare name the NER left untagged
        names = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i not in ms
                 and c.text[:1].isupper() and c.i == noun.i - 1]
        if names:
            start, end = _compound_span(names[0])
            span = noun.doc.char_span(start, end)
            if span is not None and ctx.gaz.lookup(span.text) is None:
                victim = _mention(ctx, span, "Person", "PERSON")
    if victim is None:  # "assassin of Lincoln" (whom the NER may take for an organisation)
        victim = _attached(noun, ms, (), ("of",), types=("Person", "Organization"))
        if victim is not None and victim.type == "Organization":
            # one word the NER took for a body; a killing's victim is a person
            victim = None if len(victim.text.split()) > 1 else dataclasses.replace(victim, type="Person")
    killer = None
    if noun.dep_ == "compound" and noun.head.i in ms:
        killer = ms[noun.head.i]
    else:
        killer = next((ms[c.i] for c in noun.children if c.dep_ == "appos" and c.i in ms), None)
        if killer is None and noun.dep_ == "appos" and noun.head.i in ms:
            killer = ms[noun.head.i]
        toks = noun.doc
        if killer is None and noun.i + 2 < len(toks) and toks[noun.i + 1].text == "," and noun.i + 2 in ms:
            killer = ms[noun.i + 2]  # "Kennedy's assassin, Lee Harvey Oswald", however it is parsed
    if victim is not None and killer is not None and killer.type == "Person" and not _same(killer, victim):
        et = ctx.lex.by_predicate["kills"]
        negated, modality = modality_of(ctx, noun)
        yield _record(ctx, doc, sent, killer, et, victim, negated, modality, 0.7, noun)

def _at_the_hands(ctx, doc, sent, hands, ms) -> Iterator[RelationMention]:
    """"Dorn died at the hands of Voss", "Dorn's death at the hands of Voss": Voss killed Dorn."""
    killers = [a for c in hands.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj" for a in actors_of(ctx, p, ms) if a[0].type != "Topic"]
    holder = hands.head.head
    victims: list[tuple[Mention, float]] = []
    if holder.lemma_.lower() == "die" and holder.pos_ == "VERB":
        victims = [a for c in holder.children if c.dep_ in SUBJ for a in actors_of(ctx, c, ms)]
    elif holder.lemma_.lower() == "death" and holder.pos_ == "NOUN":
        victims = [a for c in holder.children if c.dep_ == "poss" for a in actors_of(ctx, c, ms)]
    et = ctx.lex.by_predicate["kills"]
    negated, modality = modality_of(ctx, holder)
    for k, fk in killers:
        for v, fv in victims:
            if v.type == "Person" and not _same(k, v):
                yield _record(ctx, doc, sent, k, et, v, negated, modality, 0.75 * fk * fv, hands)

def modality_of(ctx, tok) -> tuple[bool, str]:
    """(negated, modality) of the clause a trigger heads, looking up through its governors."""
    negated = any(c.dep_ == "neg" or c.lower_ in ("never",) for c in tok.children)
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    modality = "asserted"
    if aux & W.hypothetical_aux:
        modality = "hypothetical"
    elif aux & W.intended_aux or ("going" in aux and tok.tag_ == "VB"):
        modality = "intended"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in tok.children):
        modality = "hypothetical"
    node = tok
    reported = False
    for _ in range(6):
        if node.dep_ == "ROOT" or node.head.i == node.i:
            break
        dep, head = node.dep_, node.head
        hl = head.lemma_.lower()
        # A purpose clause of a phase verb is no intention: "began a strike to protest"
        # protests already (its complement, "began to withdraw", still only starts).
        if dep in ("xcomp", "acl", "ccomp", "advcl") and (dep == "xcomp" or hl in W.intent_verbs) \
                and not (dep == "advcl" and hl in W.phase_verbs) \
                and not (dep == "xcomp" and hl in W.phase_verbs and node.tag_ == "VBG"):  # "started supporting"
            if hl in W.neg_verbs:
                negated = True
            elif hl in W.intent_verbs and modality == "asserted":
                modality = "intended"
            if any(c.dep_ == "neg" for c in head.children):
                negated = True
            if {c.lower_ for c in head.children if c.dep_ == "aux"} & W.hypothetical_aux - {"would"}:
                modality = "hypothetical"
        if dep == "prep" and hl in W.alleging_verbs:
            reported = True  # "accused of killing": alleged, not established
        if dep == "prep" and hl == "acquit":
            negated = True
        if dep in ("ccomp", "parataxis") and hl in W.speech_verbs:
            reported = True
            if modality == "hypothetical" and "would" in aux and not aux & (W.hypothetical_aux - {"would"}):
                modality = "intended"  # "said it would allow": reported future, not a conditional
        if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            modality = "hypothetical"
        node = head
    if not reported:
        for c in tok.sent:
            if c.lower_ == "according" and c.i + 1 < len(c.doc) and c.nbor(1).lower_ == "to":
                reported = True
                break
    if reported and modality == "asserted":
        modality = "reported"
    return negated, modality

def _record(ctx, doc, sent, a: Mention, et: EventType, o: Mention, negated, modality, conf, trigger):
    # Mentions the gazetteer linked are sturdier evidence than bare NER spans.
    conf = conf * et.weight + 0.04 * ((a.country is not None) + (o.country is not None))
    return RelationMention(
        doc=doc.id, sentence=sent.text, start=sent.start_char, end=sent.end_char,
        subject=a, predicate=et.predicate, object=o, plover=et.plover, mode=et.mode,
        cameo=et.cameo, negated=negated, modality=modality, confidence=round(min(conf, 0.95), 3),
        extractor="rules", trigger=trigger.text,
    )

# ================================================================ static relations
def static_relations(ctx, doc: Document, sent, ms: dict[int, Mention], titles: dict[int, list]) -> Iterator[RelationMention]:
    def rel(a: Mention, pred: str, o: Mention, conf: float, trigger) -> RelationMention:
        # A verb ("lives in", "is based in") or a copular predicate ("is not a member of") carries
        # the clause's negation and modality; a title, an apposition or a preposition does not:
        # "President X did not attend" leaves X president.
        if trigger.pos_ in ("VERB", "AUX"):
            negated, modality = modality_of(ctx, trigger)
        elif trigger.dep_ in ("attr", "acomp") or trigger.dep_ == "ROOT":
            negated, modality = modality_of(ctx, trigger.head if trigger.dep_ != "ROOT" else trigger)
        else:
            negated, modality = False, "asserted"
        return RelationMention(doc=doc.id, sentence=sent.text, start=sent.start_char, end=sent.end_char,
                               subject=a, predicate=pred, object=o, confidence=conf, extractor="rules",
                               negated=negated, modality="asserted" if modality == "reported" else modality,
                               trigger=trigger.text)

    yield from _dateline_relations(ctx, sent, ms, rel)
    for tok in sent:
        m = ms.get(tok.i)
        if m is not None and m.type == "Person" and tok.i in titles:
            yield from _title_relations(ctx, tok, m, titles[tok.i], rel, ms)
        if m is not None and m.type == "Person" and _is_head_of(tok, m, ms):
            yield from _person_preps(ctx, tok, m, ms, rel, titles.get(tok.i, ()))
        lemma = tok.lemma_.lower()
        # "a Berlin-based foundation", "the foundation, based in Berlin"
        if lemma in ("base", "headquarter", "headquarters") and tok.pos_ in ("VERB", "ADJ", "NOUN"):
            yield from _based(ctx, tok, ms, rel)
        if m is not None and m.type in ("Organization",) and _is_head_of(tok, m, ms):
            yield from _org_seat(ctx, tok, m, ms, rel)
            # "Mulroney's Progressive Conservative Party": a person's party is one they belong to
            if (m.key or m.text).split()[-1].lower() in W.membership_bodies:
                for c in tok.children:
                    if c.dep_ == "poss" and c.i in ms and ms[c.i].type == "Person" and ms[c.i] is not m:
                        yield rel(ms[c.i], "memberOf", m, 0.6, c)
        if m is not None and m.type in ("City", "Location") and _is_head_of(tok, m, ms):
            yield from _place_in(ctx, tok, m, ms, rel)
        # "Beijing, the capital of China", "the Chinese capital, Beijing"
        if lemma == "capital" and tok.pos_ == "NOUN":
            conf = 0.85
            country = _attached(tok, ms, ("poss", "amod", "compound"), ("of",), types=("Country",))
            city = None
            if tok.dep_ in ("appos", "attr") and tok.head.i in ms:
                city = ms[tok.head.i]
            if tok.dep_ == "attr":
                city = next((ms[c.i] for c in tok.head.children if c.dep_ in SUBJ and c.i in ms), city)
            for c in tok.children:
                if c.dep_ in ("appos", "compound") and c.i in ms and ms[c.i] is not country:
                    city = ms[c.i]
            if country is None and city is not None and city.country \
                    and not any(c.dep_ in ("poss", "amod", "compound", "prep") for c in tok.children):
                # "in Tehran, the capital": the capital of the city's own country, if the
                # gazetteer says it is that country's capital
                known = ctx.gaz.country(city.country)
                if known is not None and gaz.norm(ctx.gaz.capitals.get(city.country, "")) == gaz.norm(city.key or city.text):
                    country = Mention(known.label, tok.idx, tok.idx + len(tok.text), "Country",
                                      country=known.country, key=known.label)
                    conf = 0.75
            if country is not None and city is not None and city.type in ("City", "Location") \
                    and (city.country is None or city.country == country.country):
                yield rel(city, "capitalOf", country, conf, tok)
        # "X, a member of Y", "NATO member Turkey", "US ally Japan", "trading partner"
        if lemma in ("member", "ally", "partner") and tok.pos_ == "NOUN":
            yield from _roles(ctx, tok, lemma, ms, rel)
        if lemma in ("alliance", "partnership") and tok.pos_ == "NOUN":
            yield from _alliance(ctx, tok, lemma, ms, rel)
        if lemma in W.group_nouns and tok.pos_ == "NOUN" and tok.dep_ == "attr":
            yield from _members(ctx, tok, ms, rel)
        # "Rome is in Lazio"
        if lemma == "be" and tok.pos_ in ("AUX", "VERB"):
            subj = [ms[c.i] for c in tok.children if c.dep_ in SUBJ and c.i in ms]
            far = [ms[p.i] for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                   for p in c.children if p.dep_ == "pobj" and p.i in ms]
            for a in subj:
                for b in far:
                    if a.type in ("City", "Location") and b.type in STATES and _bigger(b, a):
                        yield rel(a, "locatedIn", b, 0.75, tok)
        # "Serbia's southern province of Kosovo", "the Chinese province of Hubei"
        if lemma in W.place_nouns and tok.pos_ == "NOUN" and tok.i not in ms:
            owner = next((ms[c.i] for c in tok.children if c.dep_ in ("poss", "amod") and c.i in ms
                          and ms[c.i].type in ("Country", "Location")), None)
            named = _attached(tok, ms, (), ("of",), types=("City", "Location"))
            if owner is not None and named is not None and owner is not named and _bigger(owner, named):
                yield rel(named, "locatedIn", owner, 0.75, tok)
        # "Kabul is located in Afghanistan", "the plant, situated in Aiken"
        if lemma in ("locate", "situate") and tok.pos_ in ("VERB", "ADJ"):
            subj = [ms[c.i] for c in tok.children if c.dep_ in (*SUBJ, *PASS_SUBJ) and c.i in ms]
            if not subj and tok.dep_ in ("acl", "relcl", "amod") and tok.head.i in ms:
                subj = [ms[tok.head.i]]
            places = [ms[p.i] for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "on")
                      for p in c.children if p.dep_ == "pobj" and p.i in ms]
            for s in subj:
                for p in places:
                    if p.type in STATES and s is not p and s.type != "Person" and _bigger(p, s) or \
                            (p.type in STATES and s.type in ("Organization", "Location") and s is not p):
                        yield rel(s, "locatedIn" if s.type in STATES else "basedIn", p, 0.8, tok)
        # "X was born in Y", "Y-born X", "X's hometown of Y"
        if tok.lower_ == "born" and tok.pos_ in ("VERB", "ADJ"):
            yield from _born(ctx, tok, ms, rel)
        if tok.pos_ == "NOUN" and (lemma == "hometown" or lemma == "town" and any(
                c.dep_ == "compound" and c.lower_ == "home" for c in tok.children)):  # "her home town of X"
            yield from _hometown(ctx, tok, ms, rel)
        # "his native Ohio", "Cybill Shepherd, a Memphis native"
        if m is not None and m.type in STATES and _is_head_of(tok, m, ms) \
                and any(c.dep_ == "amod" and c.lower_ == "native" for c in tok.children):
            owners = [(a, f) for c in tok.children if c.dep_ == "poss" for a, f in actors_of(ctx, c, ms)]
            if not owners and tok.dep_ == "appos" and tok.head.i in ms:
                owners = [(ms[tok.head.i], 1.0)]
            for person, f in owners:
                yield from _home(ctx, person, tok, ms, rel, round(0.65 * f, 3), tok)
        # "Sohn's New Jersey home", "died at his home in suburban Larchmont"
        if lemma == "home" and tok.pos_ == "NOUN":
            owner = [(a, f) for c in tok.children if c.dep_ == "poss" for a, f in actors_of(ctx, c, ms)]
            places = [c for c in tok.children if c.dep_ in ("compound", "nmod") and c.i in ms]
            places += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                       for p in c.children if p.dep_ == "pobj" and p.i in ms]
            for person, f in owner:
                for p in places:
                    yield from _home(ctx, person, p, ms, rel, round(0.65 * f, 3), tok)
        # "X was named president of Y", "who was elected mayor of Tulsa"
        if lemma in W.appointing_verbs and tok.pos_ == "VERB":
            yield from _appointed(ctx, tok, ms, rel)
        # "X works for Y", "who served 24 years in Congress"
        if lemma in ("work", "serve", "teach") and tok.pos_ == "VERB":
            yield from _works(ctx, tok, lemma, ms, rel)
        # "X, who runs the Acme museum", "Y heads the agency": a body's head
        if lemma in W.heading_verbs and tok.pos_ == "VERB":
            people = [m for c in tok.children if c.dep_ in SUBJ for m, _ in actors_of(ctx, c, ms)]
            if not people and tok.dep_ == "relcl" and tok.head.i in ms:
                people = [ms[tok.head.i]]
            for org in (ms[o.i] for o in tok.children if o.dep_ == "dobj" and o.i in ms):
                for person in people:
                    if person.type == "Person" and org.type in ("Organization", "InternationalOrganization"):
                        yield rel(person, "leaderOf", org, 0.7, tok)
        # "X grew up in Y", "X moved to Y in 1970", "settled in Y"
        if lemma in W.residence_verbs and tok.pos_ in ("VERB", "AUX") and (lemma != "grow" or any(
                c.dep_ == "prt" and c.lower_ == "up" for c in tok.children)) \
                and (lemma != "raise" or any(c.dep_ == "auxpass" for c in tok.children)):
            subj = [a for c in tok.children if c.dep_ in SUBJ or lemma == "raise" and c.dep_ in PASS_SUBJ
                    for a, _ in actors_of(ctx, c, ms)]
            if not subj and tok.dep_ == "relcl" and tok.head.i in ms:
                subj = [ms[tok.head.i]]
            places = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in W.residence_verbs[lemma]
                      for p in c.children if p.dep_ == "pobj" and p.i in ms]
            for s in subj:
                for p in places:
                    if s.type == "Person" and ms[p.i].type in STATES:
                        yield rel(s, "livesIn", ms[p.i], 0.6, tok)
        # "Texas' Ann Richards", "Britain's Ada Stern": the person of a place
        if m is not None and m.type == "Person" and _is_head_of(tok, m, ms) and tok.i not in titles:
            yield from _person_of_place(ctx, tok, m, ms, rel)
        # "X lives in Y"
        if lemma in ("live", "reside") and tok.pos_ == "VERB":
            subj = [a for c in tok.children if c.dep_ in SUBJ for a, _ in actors_of(ctx, c, ms)]
            if not subj and tok.dep_ == "relcl" and tok.head.i in ms:
                subj = [ms[tok.head.i]]
            places = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                      for p in c.children if p.dep_ == "pobj" and p.i in ms]
            for s in subj:
                for p in places:
                    if s.type == "Person" and ms[p.i].type in STATES:
                        yield rel(s, "livesIn", ms[p.i], 0.8, tok)

def _person_of_place(ctx, tok, person: Mention, ms, rel) -> Iterator[RelationMention]:
    for c in tok.children:
        if c.dep_ != "poss" or c.i not in ms or ms[c.i].type not in STATES or ms[c.i] is person:
            continue
        place = ms[c.i]
        actor = ctx.gaz.lookup(person.key or person.text)
        if actor is not None and actor.country:
            continue  # "China's Xi Jinping": his office says more than his country
        yield rel(person, "citizenOf" if place.type == "Country" else "livesIn", place, 0.55, c)

def _appointed(ctx, tok, ms, rel) -> Iterator[RelationMention]:
    """"X was named president of Acme", "X, who was elected mayor of Tulsa": the office given."""
    people = [m for c in tok.children if c.dep_ in PASS_SUBJ for m, _ in actors_of(ctx, c, ms)]
    if any(c.dep_ in PASS_SUBJ and c.lower_ in W.relative for c in tok.children) \
            and tok.dep_ == "relcl" and tok.head.i in ms:
        people = [ms[tok.head.i]]
    for t in tok.children:
        if t.dep_ not in ("oprd", "attr", "xcomp") or t.pos_ != "NOUN" or t.i in ms:
            continue
        relation, state_relation = _title(ctx, _title_phrase(t, ms))
        org = _attached(t, ms, MODIFIER, ("of", "for", "at"))
        if org is None or org.type == "Person" or relation is None and state_relation is None:
            continue
        pred = state_relation if org.type in STATES else relation
        if pred is None and org.type in ("City", "Location") and relation == "leaderOf" and t.lower_ == "mayor":
            pred = "leaderOf"  # "was elected mayor of Tulsa"
        if pred == "citizenOf":
            continue
        for person in people:
            if person.type == "Person" and pred:
                yield rel(person, pred, org, 0.75, tok)

def _works(ctx, tok, lemma, ms, rel) -> Iterator[RelationMention]:
    """"X works for/at Acme" (worksFor), "X served in Congress / on the council" (memberOf)."""
    people = [m for c in tok.children if c.dep_ in SUBJ for m, _ in actors_of(ctx, c, ms)]
    if not people and lemma in ("work", "teach"):
        # "Harrington taught at Harvard": a lone surname the NER left untagged; only a
        # person teaches or works somewhere
        people = [m for c in tok.children if c.dep_ == "nsubj" and c.i not in ms and c.pos_ == "PROPN"
                  and c.is_title and not any(g.dep_ == "compound" for g in c.children)
                  and ctx.gaz.lookup(c.text) is None
                  for m in [_mention(ctx, c.doc[c.i:c.i + 1], "Person", "PERSON")] if m is not None]
    if not people and tok.dep_ in ("relcl", "conj") and tok.head.i in ms:
        people = [ms[tok.head.i]]  # "Higgins, who works at the Pentagon"
    if not any(m.type == "Person" for m in people) and tok.dep_ == "relcl" and tok.head.dep_ == "appos" \
            and tok.head.head.i in ms:
        people = [ms[tok.head.head.i]]  # "Derwinski, a Republican who served in Congress"
    if not people and tok.dep_ == "conj":  # "who is a major ... and works at the Pentagon"
        first = tok.head
        people = [m for c in first.children if c.dep_ in SUBJ for m, _ in actors_of(ctx, c, ms)]
        if not people and first.dep_ == "relcl" and first.head.i in ms:
            people = [ms[first.head.i]]
    preps = ("for", "at", "with") if lemma in ("work", "teach") else ("in", "on", "with")
    orgs = [ms[q.i] for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children if p.dep_ == "pobj" for q in _conjuncts(p) if q.i in ms
            and ms[q.i].type in ("Organization", "InternationalOrganization")]
    for person in people:
        if person.type != "Person":
            continue
        for org in orgs:
            yield rel(person, "memberOf" if lemma == "serve" else "worksFor", org, 0.7, tok)

def _broadcast(ctx, doc, i, end, rel) -> Iterator[RelationMention]:
    """"Guatemala City Teleonce Television in Spanish 0400 GMT": a monitored broadcaster after
    its town. Read off the words (the NER often runs the town into the name)."""
    k = next((t.i for t in doc[i:end] if t.lower_ == "in"), None)
    if k is None or k + 2 >= len(doc) or not doc[k + 1].is_title or not doc[k + 2].like_num:
        return
    for size in (3, 2, 1):
        if i + size >= k:
            continue
        place = ctx.gaz.lookup(doc[i:i + size].text)
        if place is not None and place.type in STATES:
            town = doc[i:i + size]
            name = doc[i + size:k]
            if all(t.is_title or t.text.isupper() or t.text == "-" or t.like_num for t in name):
                p = Mention(town.text, town.start_char, town.end_char, place.type, country=place.country,
                            key=place.label)
                o = Mention(name.text, name.start_char, name.end_char, "Organization", key=name.text)
                yield rel(o, "basedIn", p, 0.5, doc[k])
            return

def _dateline_relations(ctx, sent, ms, rel) -> Iterator[RelationMention]:
    """"BANGKOK, Thailand (AP) --", "Sofia, February 15 (BTA)", "Paris AFP in English": the place
    a story was filed from, within its region, and the news agency that has a desk there
    (basedIn at 0.5: a bureau, not necessarily the head office)."""
    doc = sent.doc
    i, end = sent.start, min(sent.end, sent.start + 16)
    if doc[i].text == "(" and i + 2 < end and doc[i + 2].text == ")":
        i += 3  # "(Text)"
    code = next((t.i for t in doc[i:end] if WIRE_CODE.match(t.text)), None)
    if code is not None:
        i = code + 1  # a monitoring service's story code ("AU0202111694") before the dateline
        yield from _broadcast(ctx, doc, i, min(sent.end, i + 10), rel)
    place = ms.get(i)
    first = doc[i] if i < end else None
    if (place is None or place.type not in STATES) and first is not None and (first.is_title or first.is_upper):
        # "DAYTON, Ohio (AP)", "Saint-Gall, Switzerland (AFP)": a town the NER missed; the
        # agency in brackets after it (required below) makes this a dateline
        k = i
        while k < end and k - i < 4 and (doc[k].is_title or doc[k].is_upper or doc[k].text == "-") \
                and doc[k].is_alpha or k < end and doc[k].text == "-":
            k += 1
        if i < k and k + 1 < end and doc[k].text == "," and ms.get(k + 1) is not None \
                and ms[k + 1].type in ("Location", "Country"):
            town = doc[i:k]
            place = Mention(town.text, town.start_char, town.end_char, "City",
                            key=town.text.title() if town.text.isupper() else town.text)
            ms = {**ms, **{t: place for t in range(i, k)}}
    if place is None or place.type not in STATES:
        return
    i = _mention_end(i, place, ms)
    outer = None
    if i + 1 < end and doc[i].text == "," and ms.get(i + 1) is not None and ms[i + 1].type in STATES:
        outer = ms[i + 1]
        i = _mention_end(i + 1, outer, ms)
    agency = None
    skipped = 0
    while i < end and skipped < 5 and (doc[i].text == "," or doc[i].ent_type_ in ("DATE", "CARDINAL")
                                         or doc[i].like_num):
        i += 1
        skipped += 1
    if i + 2 < end and doc[i].text == "(" and ms.get(i + 1) is not None:
        agency = ms[i + 1]
        k = _mention_end(i + 1, agency, ms)
        if k >= end or doc[k].text != ")":
            agency = None
    elif i + 1 < end and (doc[i].text == "(" or doc[i].is_upper):
        # "(ITAR-TASS)", "TASS --": an agency's name in capitals, bracketed or before a dash;
        # "Osaka YOMIURI SHIMBUN": a paper's name in capitals after the town is the whole line
        k = i + (doc[i].text == "(")
        j = k
        while j < end and j - k < 4 and (doc[j].is_upper or doc[j].text == "-") and doc[j].text not in ("--", "-", ")") \
                or j < end and doc[j].text == "-" and j + 1 < end and doc[j + 1].is_upper:
            j += 1
        closing = ")" if doc[i].text == "(" else None
        alone = closing is None and j == sent.end and j - k > 1 and i - sent.start <= 3
        if k < j and (alone or j < end and (doc[j].text == closing
                                            or closing is None and doc[j].text in ("--", "—", "_"))):
            span = doc[k:j]
            agency = Mention(span.text, span.start_char, span.end_char, "Organization", key=span.text)
    if agency is None and outer is not None and first.text.isupper() and _bigger(outer, place) \
            and (i >= sent.end or doc[i].text in ("(", "_", "--", "—", "-") or doc[i].is_sent_end):
        yield rel(place, "locatedIn", outer, 0.75, first)  # "BLYTHE, Calif.": a dateline alone
        return
    if agency is None or agency.type not in ("Organization", "InternationalOrganization"):
        return
    if outer is not None and _bigger(outer, place):
        yield rel(place, "locatedIn", outer, 0.8, first)
    yield rel(agency, "basedIn", place, 0.5, first)
    if outer is not None:
        yield rel(agency, "basedIn", outer, 0.45, first)

def _home(ctx, person: Mention, place_tok, ms, rel, conf: float, trigger) -> Iterator[RelationMention]:
    """Residence (a town, a region) or citizenship (a country) of a person's home place,
    and of the larger place in "Grants, N.M."."""
    place = _place(place_tok, ms)
    person = _as_person(ctx, person)
    if place is None or person.type != "Person" or place is person:
        return
    yield rel(person, "citizenOf" if place.type == "Country" else "livesIn", place, conf, trigger)
    if place_tok.i in ms:
        outer = _comma_place(place_tok, place, ms)
        if outer is not None:
            yield rel(person, "citizenOf" if outer.type == "Country" else "livesIn", outer, round(conf - 0.05, 3), trigger)

def _person_not_place(ctx, m: Mention) -> Mention:
    words = m.text.split()
    if m.type == "Location" and len(words) <= 3 and not m.text.isupper() and all(w[:1].isupper() for w in words) \
            and not any(w.lower() in W.place_nouns or w.lower() in W.compass for w in words) \
            and ctx.gaz.lookup(m.key or m.text) is None:
        return dataclasses.replace(m, type="Person", country=None)
    return m

def _as_person(ctx, m: Mention) -> Mention:
    """Someone born, or with a home, is a person: a name the NER took for an organisation (and
    the gazetteer does not know as one) is read as a person's."""
    if m.type == "Organization" and m.country is None and ctx.gaz.lookup(m.key or m.text) is None \
            and not m.text.isupper():
        return dataclasses.replace(m, type="Person")
    return m

def _born(ctx, tok, ms, rel) -> Iterator[RelationMention]:
    """A birthplace. kg has no birth predicate; where someone was born is the place the text
    ties them to, so it is read as residence (citizenship for a country), with a
    confidence that says this is an inference (0.5, below a stated home)."""
    doc = tok.doc
    people = [m for c in tok.children if c.dep_ in PASS_SUBJ for m, _ in actors_of(ctx, c, ms)]
    # "the 34th President, Dwight D. Eisenhower, was born in ...": the name in apposition
    people += [ms[a.i] for c in tok.children if c.dep_ in PASS_SUBJ and c.i not in ms
               for a in c.subtree if a.dep_ == "appos" and a.i in ms and ms[a.i].type == "Person"][:1]
    if not people and tok.dep_ in ("acl", "amod", "relcl", "appos") and tok.head.i in ms:
        people = [ms[tok.head.i]]  # "Gordon Parks, born in Fort Scott"
    places = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
              for p in c.children if p.dep_ == "pobj"]
    # "was born Charles Holley in Lubbock": the parse hangs "in" on the birth name
    places += [p for n in tok.children if n.dep_ in ("oprd", "attr") for c in n.children
               if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"]
    if not places and tok.dep_ == "relcl" and tok.head.i in ms \
            and any(c.lower_ == "where" for c in tok.children):
        # "Rolling Fork, where Muddy Waters was born": the place the clause hangs on, whatever
        # the NER took it for
        place = ms[tok.head.i]
        if place.type not in STATES and ctx.gaz.lookup(place.key or place.text) is None:
            place = dataclasses.replace(place, type="Location")
            for i in range(len(doc)):
                if ms.get(i) is ms[tok.head.i]:
                    ms[i] = place
        if place.type in STATES:
            places = [tok.head]
    if not places:
        # "was born on Feb. 5, 1907, in Portland": the parse hangs "in" on the date
        k = next((t.i for t in doc[tok.i + 1:min(tok.i + 10, tok.sent.end)] if t.lower_ == "in"
                  or t.pos_ == "VERB"), None)
        if k is not None and doc[k].lower_ == "in" and doc[k].head.i != tok.i \
                and (doc[k].head.ent_type_ == "DATE" or doc[k].head.like_num):
            places = [p for p in doc[k].children if p.dep_ == "pobj"]
    # "Illinois-born Charlton Heston", "Illinois born Charlton Heston"
    before = doc[tok.i - 2] if tok.i > 1 and doc[tok.i - 1].text == "-" else doc[tok.i - 1] if tok.i else None
    if before is not None and before.i in ms and ms[before.i].type in STATES:
        after = next((ms[t.i] for t in doc[tok.i + 1:tok.i + 6] if t.i in ms), None)
        if after is not None and after.type == "Person":
            people, places = [after], [before]
    for person in people:
        for p in places:
            yield from _home(ctx, person, p, ms, rel, 0.5, tok)

def _hometown(ctx, tok, ms, rel) -> Iterator[RelationMention]:
    """"her hometown of Belen", "Beaumont, Richardson's hometown", "Roe's hometown, Belen"."""
    owners = [(m, f) for c in tok.children if c.dep_ == "poss" for m, f in actors_of(ctx, c, ms, role="actor")]
    places = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"]
    places += [c for c in tok.children if c.dep_ in ("appos", "compound") and c.i in ms]
    if tok.dep_ == "appos" and tok.head.i in ms:
        places.append(tok.head)
    elif tok.dep_ == "conj" and tok.head.i in ms:  # "in Tulsa, Oklahoma, Roe's hometown" read as a list
        first = tok.head
        while first.dep_ == "conj" and first.head.i in ms:
            first = first.head
        places.append(first)
    for person, f in owners:
        for p in places:
            yield from _home(ctx, person, p, ms, rel, round(0.7 * f, 3), tok)

def _title_relations(ctx, head, person: Mention, found, rel, ms=None) -> Iterator[RelationMention]:
    for relation, org, t in found:
        if org is not None:
            conf = 0.8 if ctx.gaz.title(t.text)[0] or t.dep_ == "appos" else 0.55
            yield rel(person, relation, org, conf, t)
            if relation == "livesIn" and ms is not None and org.type in ("City", "Location"):
                # "a native of Ely, Minn.", "a Boise, Idaho, lawyer": the state after the town too
                last = next((k for k in range(head.sent.end - 1, head.sent.start - 1, -1) if ms.get(k) is org), None)
                outer = _comma_place(head.doc[last], org, ms) if last is not None else None
                if outer is not None and outer is not person:
                    yield rel(person, "citizenOf" if outer.type == "Country" else "livesIn", outer,
                              round(conf - 0.05, 3), t)
            # A governor or mayor lives where they govern. A title naming a country gives
            # no citizenship: "US Ambassador X" may be a citizen, but the text does not say.
            if org.type in ("City", "Location") and relation in ("leaderOf", "worksFor"):
                yield rel(person, "livesIn", org, 0.6, t)
        else:
            actor = ctx.gaz.lookup(person.key or person.text)
            country = ctx.gaz.country(actor.country) if actor is not None and actor.country else None
            if country is not None:
                m = Mention(country.label, t.idx, t.idx + len(t.text), "Country",
                            country=country.country, key=country.label)
                yield rel(person, relation, m, 0.6, t)

def _person_preps(ctx, tok, person: Mention, ms, rel, found=()) -> Iterator[RelationMention]:
    """"Jane Roe of Springfield" (lives there), "Wang at the Institute of Mechanics" (works there)."""
    for n in tok.children:
        # "Ada Stern, an American, ...": a demonym in apposition
        if n.dep_ == "appos" and n.i in ms and ms[n.i].type == "Country" and ms[n.i] is not person \
                and ctx.gaz.demonym(n.text) is not None:
            yield rel(person, "citizenOf", ms[n.i], 0.6, n)  # a demonym may be ethnic ("a Serb")
    preps = [c for c in tok.children if c.dep_ == "prep"]
    preps += [c for n in tok.children if n.dep_ in ("appos", "amod", "npadvmod") and n.pos_ == "NUM"
              for c in n.children if c.dep_ == "prep"]  # "Jane Roe, 50, of Springfield"
    # "Roe, a Democrat from Springfield": where the apposition says a person comes from
    preps += [c for n in tok.children if n.dep_ == "appos" and n.pos_ in ("NOUN", "PROPN")
              and (n.i not in ms or ms[n.i].type == "Group")  # "Derwinski, a Republican from Chicago"
              and n.lemma_.lower() not in W.not_jobs for c in n.children if c.dep_ == "prep" and c.lower_ == "from"]
    # "Roe, an economist with Acme": works there
    for n in tok.children:
        if n.dep_ == "appos" and n.pos_ == "NOUN" and n.i not in ms and n.lemma_.lower() not in W.not_jobs:
            for c in n.children:
                if c.dep_ == "prep" and c.lower_ == "with":
                    for p in c.children:
                        if p.dep_ == "pobj" and p.i in ms and ms[p.i].type == "Organization" \
                                and ms[p.i] is not person:
                            yield rel(person, "worksFor", ms[p.i], 0.6, c)
    for c in preps:
        if c.lower_ not in ("of", "at", "from"):
            continue
        for p in c.children:
            if p.dep_ == "pobj" and p.i not in ms and p.pos_ == "NOUN" and c.lower_ in ("of", "at") \
                    and p.lemma_.lower() in W.org_nouns:
                # "Jane Roe of the Acme company", "Roe of the DEM's division of water"
                org = next((ms[g.i] for g in p.children if g.dep_ in ("compound", "poss", "nmod") and g.i in ms
                            and ms[g.i].type in ("Organization", "InternationalOrganization")), None)
                if org is not None and org is not person:
                    yield rel(person, "worksFor", org, 0.55, c)
            if p.dep_ != "pobj" or p.i not in ms:
                continue
            place = ms[p.i]
            if any(org is place for _, org, _ in found):
                continue  # "President Rouhani of Iran": the title already says what he is to Iran
            if c.lower_ in ("of", "from") and place.type in ("City", "Location"):
                yield rel(person, "livesIn", place, 0.65, c)
                outer = _comma_place(p, place, ms)
                if outer is not None:  # "of Bethany, Conn.": lives in Connecticut too
                    yield rel(person, "livesIn", outer, 0.6, c)
            elif c.lower_ in ("of", "from") and place.type == "Country":
                yield rel(person, "citizenOf", place, 0.6, c)
            elif c.lower_ in ("at", "of") and place.type == "Organization":
                yield rel(person, "worksFor", place, 0.6, c)

def _based(ctx, tok, ms, rel) -> Iterator[RelationMention]:
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in ("headquarters", "headquarter"):
        yield from _headquarters(ctx, tok, ms, rel)
    org_tok = tok.head if tok.dep_ in ("amod", "acl", "compound", "relcl") else None
    places = [c for c in tok.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod") and c.i in ms]
    places += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
               for p in c.children if p.dep_ == "pobj" and p.i in ms]
    if tok.i > 1 and tok.nbor(-1).text == "-" and tok.nbor(-2).i in ms:
        places.append(tok.nbor(-2))
    if org_tok is not None and org_tok.i not in ms and org_tok.dep_ == "appos" and org_tok.head.i in ms:
        org_tok = org_tok.head  # "Acme, a Berlin-based firm"
    if org_tok is not None and org_tok.i not in ms and org_tok.pos_ == "NOUN":
        # "the Yemen-based Houthi movement": the name modifies the noun "based" goes with
        org_tok = next((c for c in org_tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i in ms
                        and c.i > tok.i and ms[c.i].type in ("Organization", "Group")), org_tok)
    if org_tok is not None and org_tok.i in ms and ms[org_tok.i].type in ("Organization", "Group",
                                                                      "InternationalOrganization"):
        for p in places:
            if ms[p.i] is not ms[org_tok.i] and ms[p.i].type in STATES:
                yield rel(ms[org_tok.i], "basedIn", ms[p.i], 0.8, tok)

def _headquarters(ctx, tok, ms, rel) -> Iterator[RelationMention]:
    """"NRC headquarters in Rockville", "Acme, which has its headquarters in Tulsa"."""
    orgs = [ms[c.i] for c in tok.children if c.dep_ in ("compound", "poss") and c.i in ms]
    if not orgs:
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ == "PRON":
                verb = tok.head if tok.dep_ == "dobj" else None
                if verb is not None and verb.dep_ == "relcl" and verb.head.i in ms \
                        and any(s.lower_ in W.relative for s in verb.children if s.dep_ in SUBJ):
                    orgs = [ms[verb.head.i]]  # "Acme, which has its headquarters in Tulsa"
                else:
                    orgs = [m for m, _ in _pronoun(ctx, c, ms)]
    orgs = [o for o in orgs if o.type in ("Organization", "InternationalOrganization", "Group")]
    if not orgs:
        return
    places = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
              for p in c.children if p.dep_ == "pobj" and p.i in ms]
    places += [c for c in tok.children if c.dep_ in ("compound", "nmod") and c.i in ms
               and ms[c.i].type in STATES]  # "Acme's Tulsa headquarters"
    doc = tok.doc
    if not places and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "in":
        # "at NRC headquarters in nearby Rockville", the "in" hung on the verb
        places = [p for p in doc[tok.i + 1].children if p.dep_ == "pobj" and p.i in ms]
    for org in orgs:
        for p in places:
            place = ms[p.i]
            if place.type in STATES and place is not org:
                yield rel(org, "basedIn", place, 0.75, tok)
                outer = _comma_place(p, place, ms)
                if outer is not None:
                    yield rel(org, "basedIn", outer, 0.7, tok)

def _org_seat(ctx, tok, org: Mention, ms, rel) -> Iterator[RelationMention]:
    """"Acme, a Hong Kong construction firm", "Chicago's Field Museum", "the institute in Oslo"."""
    words = (org.key or org.text).split()
    if len(words) > 2 and "of" in words[1:-1] and words[0].lower() not in ("embassy", "consulate", "mission") \
            and not any(w.lower() in ("embassy", "consulate", "mission") for w in words):
        # "the Federal Home Loan Bank of San Francisco", "University of Iowa": a town in the name
        k = len(words) - 1 - words[::-1].index("of")
        town = ctx.gaz.lookup(" ".join(words[k + 1:]))
        if town is not None and town.type in ("City", "Location"):
            at = org.end - len(" ".join(words[k + 1:]))
            yield rel(org, "basedIn", Mention(town.label, at, org.end, town.type, country=town.country,
                                              key=town.label), 0.6, tok)
    # "U.S. Congress", "Haitian Parliament", "Algeria's Ettahadi party": the organisation carries
    # the country as its own attribute (see _national_bodies), and a legislature, a party or a
    # ministry sits in its country by what it is. Forces, firms and agencies act abroad, and an
    # embassy or a mission sits there: for them the attribute says enough.
    lowered = {w.lower().strip(".,") for w in words}
    if org.type == "Organization" and org.country and not lowered & W.diplomatic_posts \
            and words[-1].lower() in W.seated_bodies and _is_head_of(tok, org, ms):
        known = ctx.gaz.country(org.country)
        if known is not None:
            yield rel(org, "basedIn", Mention(known.label, org.start, org.end, "Country", country=known.country,
                                              key=known.label), 0.6, tok)
    for c in tok.children:
        if c.dep_ == "appos" and c.i not in ms and c.pos_ == "NOUN":
            for m in c.children:
                if m.dep_ in ("compound", "nmod", "amod") and m.i in ms and ms[m.i].type in STATES:
                    yield rel(org, "basedIn", ms[m.i], 0.7, c)
        elif c.dep_ == "poss" and c.i in ms and ms[c.i].type in ("City", "Location"):
            yield rel(org, "basedIn", ms[c.i], 0.65, c)
        elif c.dep_ == "prep" and c.lower_ == "of" and org.type == "Organization":
            # "Manufacturers Hanover Trust Co. of New York": a firm of a town
            for p in c.children:
                if p.dep_ == "pobj" and p.i in ms and ms[p.i].type in ("City", "Location") \
                        and _mention_start(p.i, ms[p.i], ms) == c.i + 1:
                    yield rel(org, "basedIn", ms[p.i], 0.6, c)
        elif c.dep_ == "prep" and c.lower_ == "in" and (
                tok.dep_ != "pobj"
                # "Dr. Farley of McGill University in Montreal": a person's body and its town
                or tok.head.lower_ in ("of", "at", "with") and tok.head.head.i in ms
                and ms[tok.head.head.i].type == "Person"
                # "Ted Lum, an economist with Harlow Partners in Chicago": the job of a person
                or tok.head.lower_ in ("at", "with") and tok.head.head.dep_ == "appos"
                and tok.head.head.pos_ == "NOUN" and tok.head.head.head.i in ms
                and ms[tok.head.head.head.i].type == "Person"):
            for p in c.children:
                if p.dep_ == "pobj" and p.i in ms and ms[p.i].type in ("City", "Location"):
                    yield rel(org, "basedIn", ms[p.i], 0.6, c)
                    outer = _comma_place(p, ms[p.i], ms)
                    if outer is not None:  # "in Providence, R.I."
                        yield rel(org, "basedIn", outer, 0.55, c)
        elif c.dep_ == "compound" and c.i in ms and ms[c.i].type in STATES and ms[c.i] is not org:
            yield rel(org, "basedIn", ms[c.i], 0.6, c)  # "the Moscow daily Izvestia"
        elif c.dep_ in ("compound", "nmod", "amod") and c.i not in ms and c.i < tok.i \
                and c.lemma_.lower() in W.org_nouns | W.press_nouns:
            # "the Tulsa firm Northwind Traders", "the Moscow daily Izvestia"
            for g in c.children:
                if g.dep_ in ("compound", "nmod") and g.i in ms and ms[g.i].type in ("City", "Location") \
                        and ms[g.i] is not org:
                    yield rel(org, "basedIn", ms[g.i], 0.6, c)

def _place_in(ctx, tok, place: Mention, ms, rel) -> Iterator[RelationMention]:
    """"Mosul, Iraq" and "Mosul in northern Iraq": a place in a larger one."""
    doc = tok.doc
    for c in tok.children:
        far = ms.get(c.i)
        if far is None or far is place or far.type not in STATES:
            continue
        if c.dep_ in ("appos", "npadvmod") and c.i > tok.i and doc[c.i - 1].text == "," \
                and _bigger(far, place):
            yield rel(place, "locatedIn", far, 0.8, tok)
    # the flat reading spaCy sometimes gives: "Bethany , Conn ." as siblings
    j = tok.i + 1
    k = j + 1
    while k < len(doc) and k - j <= 3 and k not in ms and (doc[k].lower_ in W.compass or doc[k].text == "-"
                                                            or "-" in doc[k].lower_ and all(
                w in W.compass for w in doc[k].lower_.split("-"))):
        k += 1  # "Mohammadia, south-east Algeria"
    if k < len(doc) and doc[j].text == "," and ms.get(k) is not None and ms.get(k) is not place:
        far_tok = doc[k]
        far = ms[k]
        if far.type in STATES and _bigger(far, place) and far_tok.dep_ not in ("conj",) \
                and (far_tok.head.i != tok.i or k > j + 1) \
                and not any(x.dep_ == "cc" for x in doc[tok.i:far_tok.i + 3]):
            yield rel(place, "locatedIn", far, 0.7, tok)
    in_tree = False
    holders = [tok]
    if tok.dep_ == "compound" and tok.head.i not in ms and tok.head.pos_ == "NOUN" and tok.head.is_lower:
        holders.append(tok.head)  # "the Sahara desert in Africa", "California's Sierra Nevada foothills"
    for c in (c for h in holders for c in h.children):
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in c.children:
                if p.dep_ == "pobj" and p.i in ms and ms[p.i].type in STATES and _bigger(ms[p.i], place):
                    in_tree = True
                    yield rel(place, "locatedIn", ms[p.i], 0.65, c)
        elif c.dep_ == "poss" and c.i in ms and ms[c.i].type in STATES and ms[c.i] is not place \
                and (_bigger(ms[c.i], place) or _site_of_city(ms[c.i], place, ctx.gaz)):
            yield rel(place, "locatedIn", ms[c.i], 0.7, c)  # "California's Sierra Nevada", "Beijing's Tiananmen Square"
    # "from Kassala in eastern Sudan", where the parse hangs "in" on another word
    j = _mention_end(tok.i, place, ms)
    if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "in":
        j += 1  # "Mosul, in northern Iraq"
    if not in_tree and j + 1 < len(doc) and doc[j].lower_ == "in" and doc[j].head.i != tok.i:
        k = j + 1
        while k < len(doc) and k - j <= 3 and k not in ms and (doc[k].lower_ in W.compass or doc[k].lower_ == "the"):
            k += 1
        if k + 1 < len(doc) and k not in ms and doc[k + 1].lower_ == "of" and (
                doc[k].lower_ in ("part", "parts", "region", "heart")
                or doc[k].lower_ in W.compass and doc[k - 1].lower_ == "the"):
            k += 2  # "in the eastern part of Rwanda", "in the north of Mali"
        far = ms.get(k)
        if far is not None and far is not place and far.type in STATES and _bigger(far, place):
            yield rel(place, "locatedIn", far, 0.6, doc[j])

def _alliance(ctx, tok, lemma, ms, rel) -> Iterator[RelationMention]:
    """"its alliance with the US", "the US-Japan alliance"."""
    if lemma == "partnership" and not any(c.lemma_.lower() in ("trade", "trading", "economic")
                                          for c in tok.children):
        return
    pred = "allyOf" if lemma == "alliance" else "tradesWith"
    holders = [m for c in tok.children if c.dep_ == "poss" for m, _ in _actor_of(ctx, c, ms, "actor", None)]
    others = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
              for p in c.children if p.dep_ == "pobj" for m, _ in actors_of(ctx, p, ms)]
    if not others and tok.dep_ == "dobj":
        # "keeping its alliance with the US", where the parse hangs "with" on the verb
        others = [m for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "with"
                  for p in c.children if p.dep_ == "pobj" for m, _ in actors_of(ctx, p, ms)]
    for h in holders:
        for o in others:
            if not _same(h, o) and h.type in ("Country", "Organization", "InternationalOrganization", "Group") \
                    and o.type in ("Country", "Organization", "InternationalOrganization", "Group"):
                yield rel(h, pred, o, 0.7, tok)

def _members(ctx, tok, ms, rel) -> Iterator[RelationMention]:
    """"G7 is an informal group of seven countries, the UK, the US, ...": each is a member."""
    body = next((ms[c.i] for c in tok.head.children if c.dep_ in SUBJ and c.i in ms), None)
    if body is None or body.type not in ("InternationalOrganization", "Organization"):
        return
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ != "of":
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            heads = _conjuncts(p) if p.i in ms else [x for a in p.children if a.dep_ in ("conj", "appos")
                                                     for x in _conjuncts(a)]
            heads += [x for a in p.children if a.dep_ == "prep" and a.lower_ == "including"
                      for q in a.children if q.dep_ == "pobj" for x in _conjuncts(q)]
            if p.i not in ms and p.lemma_.lower() not in ("country", "nation", "state", "economy", "member"):
                continue
            for h in heads:
                if h.i in ms and ms[h.i].type == "Country" and not _same(ms[h.i], body):
                    yield rel(ms[h.i], "memberOf", body, 0.7, tok)

def _roles(ctx, tok, lemma, ms, rel) -> Iterator[RelationMention]:
    pred = {"member": "memberOf", "ally": "allyOf", "partner": "tradesWith"}[lemma]
    if lemma == "partner" and not any(c.lemma_.lower() in ("trading", "trade", "economic")
                                      for c in tok.children):
        return
    other = _attached(tok, ms, ("poss", "compound", "amod", "nmod"), ("of",))
    if lemma == "ally" and tok.tag_ == "NNS":
        # "allies such as Germany", "its allies, including Japan": the owner's allies
        listed = [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("as", "including")
                  for p in c.children if p.dep_ == "pobj" for m, _ in actors_of(ctx, p, ms)]
        owner = [(m, 0.7 * f) for c in tok.children if c.dep_ == "poss" for m, f in _actor_of(ctx, c, ms, "actor", None)]
        if not owner and tok.dep_ == "dobj":  # "the US pressed allies such as Germany"
            owner = [(m, 0.6 * f) for c in tok.head.children if c.dep_ in SUBJ for m, f in actors_of(ctx, c, ms)]
        for o, conf in owner:
            for m in listed:
                if not _same(o, m) and o.type in COLLECTIVE and m.type in COLLECTIVE:
                    yield rel(m, "allyOf", o, round(conf, 3), tok)
        return
    holders: list[Mention] = []
    if tok.dep_ == "appos" and tok.head.i in ms:
        holders = [m for m, _ in actors_of(ctx, tok.head, ms)]
    elif tok.dep_ == "attr":
        holders = [m for c in tok.head.children if c.dep_ in SUBJ for m, _ in actors_of(ctx, c, ms)]
    elif tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ in ("VERB", "AUX"):
        # "as a close ally of Pyongyang, China holds sway"
        holders = [m for c in tok.head.head.children if c.dep_ in SUBJ for m, _ in actors_of(ctx, c, ms)]
    else:
        holders = [ms[c.i] for c in tok.children if c.dep_ == "appos" and c.i in ms]
        if not holders and tok.dep_ == "compound" and tok.head.i in ms:
            holders = [ms[tok.head.i]]
    for holder in holders:
        if other is not None and not _same(holder, other):
            yield rel(holder, pred, other, 0.75, tok)

def run(ctx, doc: Document, parsed) -> Iterator[RelationMention]:
    ms = find_mentions(ctx, parsed)
    _corroborate(ctx, ms)
    _national_bodies(ctx, parsed, ms)
    titles = affiliations(ctx, parsed, ms)
    for sent in parsed.sents:
        statics = list(static_relations(ctx, doc, sent, ms, titles))
        # "Niamey, Niger's capital": capitalOf says it; locatedIn would only repeat it
        capitals = {(_name(r.subject), _name(r.object)) for r in statics if r.predicate == "capitalOf"}
        for r in (*events(ctx, doc, sent, ms), *statics):
            if r.confidence >= MIN_CONFIDENCE and not (
                    r.predicate == "locatedIn" and (_name(r.subject), _name(r.object)) in capitals):
                yield r


# ==================================================================== helpers
def _bigger(outer: Mention, inner: Mention) -> bool:
    """Can ``outer`` contain ``inner``? A country contains its cities; nothing contains a country."""
    if inner.type == "Country":
        return False
    if outer.type == "Country":
        return inner.country is None or inner.country == outer.country
    if outer.type == "City":
        return False
    ranks = [int(rank[0]) if (rank := W.admin_rank.get((m.key or m.text).split()[-1].lower().strip(".,"))) else None
             for m in (outer, inner)]
    if None not in ranks and ranks[0] <= ranks[1]:
        return False  # "Loei Province, Nakhon Thai District": a district holds no province
    if inner.type == outer.type == "Location" and inner.country and outer.country:
        return False  # two known regions ("Pennsylvania, Rhode Island"): a list, not containment
    return inner.type in ("City", "Location") and (inner.country is None or outer.country is None
                                                   or inner.country == outer.country)


def _site_of_city(city: Mention, site: Mention, g: gaz.Gazetteer) -> bool:
    """"Beijing's Tiananmen Square": a city owns a site in it (a square, a park), never another
    known town or region."""
    return city.type == "City" and site.type == "Location" and g.lookup(site.key or site.text) is None \
        and (site.country is None or site.country == city.country)


def _age_follows(span) -> bool:
    """Is the span followed by an age in commas ("X, 50, of ...")?"""
    doc = span.doc
    j = span.end
    return j + 2 < len(doc) and doc[j].text == "," and doc[j + 2].text == "," and doc[j + 1].is_digit \
        and 0 < int(doc[j + 1].text) < 120


def _mention_start(i: int, m: Mention, ms) -> int:
    """The index of the first token of the mention that covers token i."""
    while i > 0 and ms.get(i - 1) is m:
        i -= 1
    return i


def _mention_end(i: int, m: Mention, ms) -> int:
    """The index after the last token of the mention that starts at token i."""
    while ms.get(i) is m:
        i += 1
    return i


def _two_field_body(span):
    """A body named after two fields, whole: "the Ministry of Trade and Industry" (not split at
    its "and"), "the School of Marine" + "and Atmospheric Science" (the NER cut it there).
    None for any other span."""
    doc = span.doc
    if not any(t.lower_ in ("of", "for") for t in span):
        return None
    if any(t.lower_ == "and" for t in span) and span[-1].lower_ in W.field_words:
        return span
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "and":
        return None
    end = span.end + 1
    while end < len(doc) and doc[end].is_title and doc[end].ent_type_ not in ("GPE", "ORG", "NORP"):
        end += 1
    return doc[span.start:end] if end > span.end + 1 and doc[end - 1].lower_ in W.field_words else None


def _split_coordination(span):
    """NER sometimes makes one entity of "Arnor, Osgiliath and Gondor": split it at commas and 'and'."""
    if not any(t.dep_ == "cc" or (t.text == "," and t.i > span.start) for t in span):
        return [span]
    if not any(t.dep_ == "conj" for t in span):
        return [span]
    parts, start = [], span.start
    for t in span:
        if t.dep_ == "cc" or t.text == ",":
            if t.i > start:
                parts.append(span.doc[start:t.i])
            start = t.i + 1
    if start < span.end:
        parts.append(span.doc[start:span.end])
    return parts


def _trim(span):
    """Drop leading determiners and trailing possessive markers or hyphen debris, a bracket left
    open ("the Free Trade Area (AfCFTA"), and "retired"/"former" before a name."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct
                           or doc[start].lower_ in W.voiding and start + 1 < end):
        start += 1
    opened = next((t.i for t in doc[start:end] if t.text == "("), None)
    if opened is not None and opened > start and not any(t.text == ")" for t in doc[opened:end]):
        end = opened
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].text in ("’s", "'s")
                           or doc[end - 1].pos_ in ("ADP", "CCONJ", "DET") and end - 1 > start):
        end -= 1
    return doc[start:end] if end > start else None




def _strip_title(text: str, g: gaz.Gazetteer) -> str:
    text = text.replace("’", "'").strip(" -–—'\"")
    text = text.removesuffix("'s")
    if g.lookup(text) is not None:
        return text  # "New York", "Prince Edward Island": a known name, not a title before one
    return " ".join(g.strip_titles(text.split(), protect=W.keep_capitalised)).strip(" -–—")


def _conjuncts(tok):
    out = [tok]
    stack = [tok]
    while stack and len(out) < 12:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj":
                after = c.right_edge.i + 1
                if tok.dep_ in ("dobj", "pobj") and after < len(c.doc) and c.doc[after].tag_ == "MD":
                    continue  # "defeated ISIS and Turkey would move in": a new clause's subject
                out.append(c)
                stack.append(c)
    return out


def _compound_span(tok) -> tuple[int, int]:
    start = tok.idx
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nmod") or (c.dep_ == "punct" and c.text == "-"):
            start = min(start, c.idx)
    return start, tok.idx + len(tok.text)




def _place(tok, ms) -> Mention | None:
    """The place a prepositional object names: "Kabul", "the city of Kirkuk", "the capital Juba"."""
    if tok.i in ms:
        m = ms[tok.i]
        return m if m.type in STATES else None
    if tok.lemma_.lower() in W.place_nouns:
        for c in tok.children:
            if c.dep_ in ("appos", "compound") and c.i in ms and ms[c.i].type in STATES:
                return ms[c.i]
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and p.i in ms and ms[p.i].type in STATES:
                        return ms[p.i]
        for c in tok.children:  # "the Israeli border town", "the Syrian capital"
            if c.dep_ in ("amod", "poss") and c.i in ms and ms[c.i].type == "Country":
                return ms[c.i]
    return None


def _comma_place(tok, place: Mention, ms) -> Mention | None:
    """The larger place in "Bethany, Conn." after the token of the smaller one."""
    end = tok.i
    while end + 1 < len(tok.doc) and ms.get(end + 1) is place:
        end += 1
    doc = tok.doc
    if end + 2 < len(doc) and doc[end + 1].text == "," and (end + 2) in ms:
        outer = ms[end + 2]
        if outer is not place and outer.type in STATES and _bigger(outer, place) \
                and doc[end + 2].dep_ != "conj":
            return outer
    return None


def _topic(tok) -> Mention:
    start, end = _compound_span(tok)
    text = tok.doc.text[start:end]
    return Mention(text, start, end, "Topic", key=text)


def _commitment(verb):
    """The word that commits the actor to a verb's act ("willing to", "pledged to"), if any."""
    node = verb
    for _ in range(3):
        if node.dep_ not in ("xcomp", "acomp") or node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() in W.commitments:
            return node
    return None


def _message_of(verb):
    """The message a participle describes when the parser hung it on a word after the message
    ("a statement on Facebook blaming ...", "a letter to the UN asking ..."): the dobj noun."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("acl", "pcomp"):
        return None
    node = verb.head
    for _ in range(3):
        if node.dep_ not in ("pobj", "prep") or node.head.i == node.i:
            break
        node = node.head
    if node is verb.head or node.lemma_.lower() not in W.message_nouns or node.dep_ != "dobj" or node.head.pos_ != "VERB":
        return None
    return node


def _called_for(verb) -> list:
    """The nouns of "called for G7 action", "for UN intervention": an act asked of the body
    named before it (not "called for an end to the war", which names no one)."""
    if verb.lemma_.lower() != "call":
        return []
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
            if p.dep_ == "pobj" and p.pos_ == "NOUN"
            and any(g.dep_ == "compound" and g.pos_ == "PROPN" and g.ent_type_ in ("ORG", "GPE", "NORP", "")
                    for g in p.children)]


def _is_dateline_place(tok, verb) -> bool:
    """Is the token the place of a wire dateline ("MOSCOW, March 3 (AP) -- ...")?"""
    return tok.i == tok.sent.start and tok.text.isupper() and len(tok.text) > 2 \
        and any(t.text in ("-", "--", "—", "–") for t in tok.doc[tok.i:verb.i])


def _own_subjects(verb) -> list:
    """The subject tokens of a verb, or of the verb it is coordinated with or complements."""
    node = verb
    for _ in range(4):
        subj = [c for c in node.children if c.dep_ in SUBJ]
        if subj or node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return subj
        node = node.head
    return []


def _announcement(verb):
    """The speech verb announcing what a verb says someone will do ("said it would lift the
    ban", "announced it will impose sanctions"): saying so expresses intent (CAMEO 03, 13)."""
    if not any(c.dep_ == "aux" and c.lower_ in W.intended_aux | {"would"} for c in verb.children):
        return None
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "ccomp" and node.head.lemma_.lower() in W.speech_verbs | W.demand_speech \
            and not any(c.dep_ == "neg" for c in node.head.children) \
            and not any(t.tag_ in ("WP", "WRB", "WDT") or t.lower_ in ("whether", "if")
                        for t in node.subtree if t.i < verb.i):
        return node.head  # not "did not announce whom they would support"
    return None


def _nominal_status(noun, negated: bool, modality: str) -> tuple[bool, str]:
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
    if mods & W.called_off_mods:
        return True, modality
    if mods & W.hypothetical_mods:
        return negated, "hypothetical"
    if mods & W.intended_mods and modality in ("asserted", "reported"):
        return negated, "intended"
    return negated, modality


def _conditional(verb, marks=("unless", "if")) -> bool:
    """Does the clause carry an "unless"/"if" condition (on itself or its governing verb)?"""
    for node in (verb, verb.head):
        for c in node.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children):
                return True
    return False


def _requires_compound(obj, et: EventType) -> bool:
    """"suspended aid deliveries": the object's compound is what the row requires."""
    return bool(et.requires) and any(c.dep_ == "compound" and c.lemma_.lower() in et.requires for c in obj.children)


def _is_own(verb, obj) -> bool:
    """Is the object the actor's own thing ("its troops", "their forces")? Then look further."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)


def _name(m: Mention) -> str:
    return (m.key or m.text).lower()


def _same(a: Mention, b: Mention) -> bool:
    return a is b or (a.key or a.text).lower() == (b.key or b.text).lower()


def _is_head_of(tok, m: Mention, ms) -> bool:
    """Is tok the syntactic head of its mention (its head lies outside the mention)?"""
    return tok.head.i == tok.i or ms.get(tok.head.i) is not m


def _prev_sent_start(tok) -> int:
    s = tok.sent.start
    return tok.doc[s - 1].sent.start if s > 0 else s


def _title_phrase(tok, ms=None) -> str:
    """"the acting Prime Minister of Iraq" → "acting prime minister": the words just before the
    title token back to the determiner or comma (read off the text, not the parse, which often
    splits "former vice-president" into separate appositions)."""
    doc = tok.doc
    words = [tok]
    i = tok.i - 1
    while i >= 0 and len(words) < 6 and (ms is None or i not in ms) and not doc[i].is_sent_end \
            and (doc[i].pos_ in ("ADJ", "NOUN", "PROPN") or doc[i].text == "-"):
        words.insert(0, doc[i])
        i -= 1
    return " ".join(w.lower_ for w in words).replace(" - ", "-")


def _bare(noun) -> bool:
    """A department named by a bare noun ("of marketing", "of daytime programs"), not a place
    or a thing ("of the Clara Barton camp")."""
    return not any(c.dep_ in ("det", "poss") or c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children)


def _passive_agents(verb) -> list:
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


@dataclasses.dataclass(frozen=True)
class Rules:
    lex: Lexicon
    gaz: gaz.Gazetteer


_INSTANCES: dict[int, Rules] = {}


@register("rules")
def extract(doc: Document, parsed, gazetteer: gaz.Gazetteer | None = None) -> Iterator[RelationMention]:
    """Rules over spaCy's dependency parse with kg's event lexicon and gazetteer (the default)."""
    g = gazetteer or gaz.default()
    inst = _INSTANCES.get(id(g))
    if inst is None or inst.gaz is not g:
        inst = _INSTANCES[id(g)] = Rules(load_lexicon(), g)
    yield from run(inst, doc, parsed)
