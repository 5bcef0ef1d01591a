"""Where a person's titles are written: the words before a name, the nouns after it, and what each is of.

"Canadian Prime Minister Justin Trudeau", "FAA Administrator Jo Marsh", "Sen. Jo Marsh,
R-Utah", "Adil Abdul-Mahdi, the acting Prime Minister of Iraq", "Ada Stern, who is
president of Acme": the words of each title, its token and the body or place it is of, as
:mod:`.titles` reads them; :mod:`.posts` says what relation each makes.
"""

from __future__ import annotations

from ...model import Mention
from .context import BODIES, COLLECTIVE
from .deps import MODIFIER, SUBJ, attached, mention_start
from .geography import place
from .unnamed_bodies import correct_body_before
from .words import W

# What a title may be of: a body, a place or (for personal staff) a person; not a topic.
HOLDERS = (*COLLECTIVE, "Person")


def title_of(phrase: str, linker) -> tuple[str | None, str | None]:
    """(relation to an organisation, to a country) of the title a phrase ends with."""
    found = linker.title_relations(phrase)
    if found is None and phrase.endswith("s") and len(phrase) > 3:
        found = linker.title_relations(phrase[:-1])  # "Presidents Buhari of Nigeria and Talon of Benin"
    return found or (None, None)


def title_phrase(tok, ms=None) -> str:
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

# ---------------------------------------------------------------- titles before the name
def _title_words(head, first, ms, linker) -> tuple[list, int]:
    """The words just before a name that may be its title, and the index before them."""
    doc = head.doc
    words: list = []
    i = first - 1
    if i >= 2 and i in ms:
        # "US Ambassador to Germany Richard Grenell": the host country is no employer
        k = mention_start(i, ms[i], ms) - 1
        if k >= 1 and doc[k].lower_ == "to" and linker.is_title(doc[k - 1].text):
            i = k - 1
    while i >= 0 and len(words) < 7 and i not in ms and not doc[i].is_sent_end and (
            doc[i].pos_ in ("NOUN", "PROPN", "ADJ", "PUNCT") and doc[i].text not in (",", "(", ")", '"', "``", "''")
            # "Secretary of State", "trade and industry commissioner"
            or words and i > 0 and doc[i].lower_ == "of" and linker.is_title(doc[i - 1].text)
            or words and i > 0 and doc[i].lower_ == "and" and doc[i - 1].pos_ == "NOUN"
            and words[0].pos_ == "NOUN"):
        words.insert(0, doc[i])
        i -= 1
    of = next((k for k, w in enumerate(words) if w.lower_ == "of"), None)
    if of is not None and not title_of(" ".join(w.lower_ for w in words), linker)[0]:
        words = words[:of]  # "Secretary of Transportation": the title is "Secretary"
    return words, i


def titles_before(head, first, ms, linker) -> list:
    """"Canadian Prime Minister Justin Trudeau", "CNTP Secretary Luis Cobos"."""
    doc = head.doc
    merged = _title_ending_a_name(head, first, ms, linker)
    if merged:
        return merged
    words, i = _title_words(head, first, ms, linker)
    phrase = " ".join(w.lower_ for w in words).replace(" - ", "-")
    if not words or title_of(phrase, linker) == (None, None):
        of_place = _title_of_place_before(head, first, ms, linker)
        if of_place or not words:
            return of_place or _plural_title(head, ms, linker)
    found = []
    if i >= 1 and doc[i].tag_ == "POS" and i - 1 in ms and title_of(phrase, linker) != (None, None):
        i -= 1  # "Northamptonshire's chief constable Nick Adderley": the body or place it is of
    unnamed = correct_body_before(head, i, words, ms, linker, title_of(phrase, linker))
    org, words = _body_before(head, i, words, ms, linker)
    if org is None and unnamed is not None:  # "Assipen Director X": a body the NER did not tag
        org, words = unnamed, [w for w in words if w.idx >= unnamed.end]
        phrase = " ".join(w.lower_ for w in words).replace(" - ", "-")
    if org is None and len(words) > 1 and words[0].is_upper and words[0].is_alpha and len(words[0]) > 1 \
            and not linker.is_title(words[0].text) and linker.demonym(words[0].text) is None:
        # "CNTP Secretary Luis Cobos": an acronym the NER left untagged names the body
        org = Mention(words[0].text, words[0].idx, words[0].idx + len(words[0]), "Organization", key=words[0].text)
        words = words[1:]
        phrase = " ".join(w.lower_ for w in words).replace(" - ", "-")
    of_org = attached(head, ms, (), ("of",), types=COLLECTIVE)
    if org is None:  # "King Hassan of Morocco"
        org = of_org
    elif of_org is not None and of_org.type in BODIES and org.type == "Country" \
            and linker.demonym(doc[i].text) is not None:
        org = of_org  # "Polish leader X of the Law and Justice Party" leads the party, not Poland
    of = next((k for k, w in enumerate(words) if w.lower_ == "of"), None)
    if of_org is not None and org is not of_org and len(words) > 1 and of is None \
            and linker.is_title(words[-1].lower_) \
            and title_of(" ".join(w.lower_ for w in words[:-1]), linker)[0]:
        # "AU chairperson President el-Sisi of Egypt": two titles, two organisations
        found.append((words[-1].lower_, words[-1], of_org))
        phrase, words = " ".join(w.lower_ for w in words[:-1]), words[:-1]
    if words:
        found.append((phrase, words[of - 1] if of else words[-1], org))
    return found + _title_and_title(head, i, ms, linker) if found else found


def _title_and_title(head, i: int, ms, linker) -> list:
    """"Conservative Party leader and Prime Minister X": a first title of a body, joined by
    "and" to the title just before the name, is the name's too."""
    doc = head.doc
    if i < 2 or doc[i].lower_ != "and" or i - 1 in ms or doc[i].sent != head.sent:
        return []
    words, k = _title_words(head, i, ms, linker)
    phrase = " ".join(w.lower_ for w in words)
    if not words or "and" in phrase.split() or title_of(phrase, linker) == (None, None):
        return []
    org, words = _body_before(head, k, words, ms, linker)
    return [(phrase, words[-1], org)] if org is not None and words else []


def _title_ending_a_name(head, first, ms, linker) -> list:
    """"FAA Administrator Jo Marsh": the NER ran the body and the title into one name; the
    title is the name's last word, the body the acronym before it ("Detective Inspector X"
    is one title)."""
    doc = head.doc
    j = first - 1
    org = ms.get(j)
    if org is None or org.type != "Organization" or doc[j].sent != head.sent \
            or linker.known(org.key or org.text) is not None:
        return []
    start = mention_start(j, org, ms)
    if j - start not in (1, 2) or not linker.is_title(doc[j].text) or linker.is_title(doc[start:j].text) \
            or title_of(doc[j].lower_, linker)[0] is None \
            or not all(t.is_upper and len(t.text) > 1 for t in doc[start:j]):
        return []
    body = doc[start:j]
    return [(doc[j].lower_, doc[j], Mention(body.text, body.start_char, body.end_char, "Organization", key=body.text))]


def _body_before(head, i: int, words: list, ms, linker) -> tuple[Mention | None, list]:
    """The body or place named just before a title (its last token is ``i``), if the title is
    of it, and the title's words (none when a word before the body voids it)."""
    doc = head.doc
    if not (i >= 0 and i in ms and doc[i].sent == head.sent and ms[i].type in COLLECTIVE):
        return None, words
    org = ms[i]
    start = mention_start(i, org, ms)
    if start > 0 and doc[start - 1].lower_ in W.voiding:
        return None, []  # "retired FBI agent": no longer works there
    if start > 0 and doc[start - 1].lower_ == "and":
        return None, words  # "Police and Crime Commissioner": part of the title
    if linker.is_title(f"{doc[start:i + 1].text} {words[0].text}"):
        return None, words  # "State Senator X": the NER's name is a word of the title
    return org, words


def _title_of_place_before(head, first, ms, linker) -> list:
    """"Mayor of Koszalin Piotr Jedlinski", "First Minister of Scotland Nicola Sturgeon": a title
    of a place or body just before the name."""
    doc = head.doc
    j = first - 1
    while j > first - 3 and j > 0 and j not in ms and doc[j].pos_ == "PROPN" and doc[j].is_title \
            and not doc[j].ent_type_ and not linker.is_title(doc[j].text):
        j -= 1  # "Mayor of London Sadiq Khan" with only "Khan" tagged
    org = ms.get(j)
    if org is None or org.type not in COLLECTIVE or doc[j].sent != head.sent:
        return []
    k = mention_start(j, org, ms) - 1
    k -= k > 0 and doc[k].lower_ == "the"
    if k < 1 or doc[k].lower_ != "of" or k - 1 in ms:
        return []
    words, _ = _title_words(head, k, ms, linker)
    phrase = " ".join(w.lower_ for w in words).replace(" - ", "-")
    if not words or title_of(phrase, linker) == (None, None):
        return []
    return [(phrase, words[-1], org)]


def _plural_title(head, ms, linker) -> list:
    """"Presidents Buhari of Nigeria and Talon of Benin": the plural title covers both."""
    doc = head.doc
    if not (head.dep_ == "conj" and head.head.i in ms and ms[head.head.i].type == "Person"):
        return []
    lead = head.head
    j = lead.i
    while j > 0 and ms.get(j - 1) is ms[lead.i]:
        j -= 1
    if j > 0 and j - 1 not in ms and doc[j - 1].lower_.endswith("s") and title_of(doc[j - 1].lower_, linker)[0]:
        org = attached(head, ms, (), ("of",), types=COLLECTIVE)
        if org is not None:
            return [(doc[j - 1].lower_, doc[j - 1], org)]
    return []


def designation(head, person, ms) -> tuple | None:
    """"Jo Marsh, R-Utah," "Tom Barr (D-Fla.)": a party's initial and a state after a name, as
    US news writes its legislators; (the initial's token, the state) or None."""
    found = party_initial(head, person, ms)
    if found is not None:
        initial, after = found
        state = ms.get(after.i)
        if state is not None and state.type in ("Location", "City"):
            return initial, state
    return None


def party_initial(head, person, ms) -> tuple | None:
    """"Jo Marsh (D-CA)", "Jo Marsh, R-Texas,": (the party's initial, the token after its
    hyphen) after a name, or None."""
    doc = head.doc
    end = head.i + 1
    while ms.get(end) is person:
        end += 1
    if end + 3 < len(doc) and doc[end].text in (",", "(") and doc[end + 1].text in W.party_initials \
            and doc[end + 2].text == "-":
        return doc[end + 1], doc[end + 3]
    return None


# ---------------------------------------------------------------- titles after the name
def appositions(head, person, first, ms, linker) -> list:
    """Title nouns beside the name: "Adil Abdul-Mahdi, the acting Prime Minister of Iraq"; "the
    minister, Wang Yi"; "Xi is the president of China"; "Ada Stern, who is president of Acme"."""
    doc = head.doc
    own = [doc[k] for k in range(first, min(len(doc), head.i + 8)) if ms.get(k) is person]  # (made if in the name)
    # every word of the name: the parser sometimes splits "Ada Stern" into two subjects
    appos = [c for t in own for c in t.children if c.dep_ == "appos" and c.i not in ms]
    # "Karadzic, leader of the Bosnian Serbs and vice-president of the Writers' Union"
    # ("vice-president" parsed as an apposition of "leader"; a list of titles after a past one
    # is past too: "X, former Foreign Secretary, mayor of London")
    appos += [cc for c in appos for cc in c.children if cc.i not in ms and cc.pos_ in ("NOUN", "PROPN")
              and (cc.dep_ == "conj" or cc.dep_ == "appos" and not _voided(c, ms, linker))]
    # "X, a professor of history and director of the Hoover Institution": the parser makes the
    # second title a conjunct of the first one's object
    appos += [cc for c in appos for prep in c.children if prep.dep_ == "prep"
              for p in prep.children if p.dep_ == "pobj" and p.i not in ms
              for cc in p.children if cc.dep_ == "conj" and cc.i not in ms and cc.pos_ == "NOUN"
              and title_of(cc.lower_, linker) != (None, None)]
    if head.dep_ == "appos" and head.head.i not in ms and head.head.pos_ in ("NOUN", "PROPN") \
            and not (head.head.dep_ == "appos" and ms.get(head.head.head.i) is not None
                     and ms[head.head.head.i].type == "Person"):
        appos.append(head.head)  # "the minister, Wang Yi" (but "X, the mayor of Y, Z" is X's title)
    elif head.dep_ == "appos" and head.head.dep_ == "pobj" and head.head.head.lower_ in ("of", "for") \
            and head.head.head.head.i not in ms and head.head.head.head.pos_ == "NOUN" \
            and title_of(head.head.head.head.lower_, linker) != (None, None) \
            and not (head.head.head.head.dep_ == "appos" and ms.get(head.head.head.head.head.i) is not None
                     and ms[head.head.head.head.head.i].type == "Person"):
        # "the mayor of Paris, Anne Hidalgo", parsed with the name beside "Paris"
        appos.append(head.head.head.head)
    elif head.dep_ == "appos" and head.head.i in ms and ms[head.head.i].type != "Person":
        # "speaking to AFP, the president of X, Ali Said": the title between two names in
        # apposition is the later name's (after a person's name it is that person's)
        appos += [c for c in head.head.children if c.dep_ == "appos" and c.i not in ms and c.pos_ == "NOUN"
                  and c.i < head.i and title_of(c.lower_, linker) != (None, None)
                  and not any(ms.get(k) is not None and ms[k].type == "Person" for k in range(c.i, first))]
    if first >= 4 and doc[first - 1].text == "," and first - 2 in ms and ms[first - 2].type in BODIES:
        # "the deputy secretary of the Foreign Ministry, John Miller" parsed without the apposition
        k = mention_start(first - 2, ms[first - 2], ms) - 1
        k -= doc[k].lower_ == "the"
        if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].pos_ == "NOUN" and k - 1 not in ms \
                and title_of(doc[k - 1].lower_, linker)[0] is not None and doc[k - 1] not in appos:
            appos.append(doc[k - 1])
    appos += _title_comma_name(head, person, first, appos, ms, linker)
    if head.dep_ in ("nmod", "compound") and head.head.i not in ms and head.head.pos_ == "NOUN" \
            and head.head.i > head.i and any(doc[k].text == "," for k in range(head.i + 1, head.head.i)):
        appos.append(head.head)  # "Ada Stern, spokeswoman for X" parsed with the name modifying the job
    # "Xi is the president of China", "Dole's wife, Elizabeth, is a native of Salisbury"
    subject = head if head.dep_ in SUBJ else head.head if head.dep_ == "appos" and head.head.dep_ in SUBJ \
        and head.head.i not in ms else None
    if subject is not None:
        appos += [c for c in subject.head.children if c.dep_ == "attr" and c.i not in ms
                  and subject.head.lemma_ == "be"]
    appos += [a for a in serving_as(subject) if a.i not in ms] if subject is not None else []
    # "Ada Stern, who is president of Acme"
    appos += [a for t in own for r in t.children if r.dep_ == "relcl" and r.lemma_ == "be"
              and r.tag_ in ("VBZ", "VBP")  # "who was Trump's envoy until December": no longer
              and any(s.dep_ in SUBJ and s.lower_ in W.relative for s in r.children)
              for a in r.children if a.dep_ == "attr" and a.i not in ms]
    return appos


def _title_comma_name(head, person, first: int, appos: list, ms, linker) -> list:
    """"According to the El Paso mayor, Dee Margo, police ...": a title with its determiner, a
    comma, then the name closed by a comma, which the parser did not make an apposition (it
    took the name for the next clause's subject): the title is the name's."""
    doc = head.doc
    end = first
    while end < len(doc) and ms.get(end) is person:
        end += 1
    if first < 3 or doc[first - 1].text != "," or end >= len(doc) or doc[end].text != ",":
        return []
    t = doc[first - 2]
    if t.i in ms or t.pos_ != "NOUN" or t in appos or title_of(t.lower_, linker) == (None, None) \
            or not any(d.dep_ in ("det", "poss") for d in t.children) \
            or t.dep_ == "appos" and ms.get(t.head.i) is not None and ms[t.head.i].type == "Person":
        return []  # ("X, the mayor, Y": the title is X's)
    return [t]


def serving_as(subject) -> list:
    """"X is currently serving as the junior Senator from New York", "Y serves as the party's
    chairman": the title nouns after "as" on a serving verb (``serving_verbs``) in the present
    (not "X served as chair until 2011": no longer) whose subject the token is."""
    verb = subject.head
    if subject.dep_ not in SUBJ or verb.lemma_.lower() not in W.serving_verbs or not (
            verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "VBG" and any(
                a.dep_ == "aux" and a.tag_ in ("VBZ", "VBP") for a in verb.children)):
        return []
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
            for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]


def with_of(t, phrase: str, linker) -> str:
    """"chief of staff", "secretary of state" after a name: the title goes on past "of"."""
    doc = t.doc
    if t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "of" and linker.is_title(f"{t.lower_} of {doc[t.i + 2].lower_}"):
        return f"{phrase} of {doc[t.i + 2].lower_}"
    return phrase


def _voided(t, ms, linker) -> bool:
    """Is a title noun voided by a word before it ("former Foreign Secretary")?"""
    return title_of(t.lower_, linker) != (None, None) and title_of(title_phrase(t, ms), linker) == (None, None)


def apposition_org(t, person, ms) -> Mention | None:
    """The body a title noun after the name is of: "spokeswoman for the Sierra Club"."""
    org = attached(t, ms, MODIFIER, ("of", "for", "at"), types=HOLDERS)
    if org is None and t.dep_ == "conj" and not any(c.dep_ == "prep" for c in t.children):
        # "X, a jeweler and president of Acme": the parse hangs "of Acme" on the first title
        org = next((ms[p.i] for c in t.head.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at")
                    and c.i > t.i for p in c.children if p.dep_ == "pobj" and p.i in ms
                    and ms[p.i].type in HOLDERS and ms[p.i] is not person), None)
    if org is None and not _unit_owner(t, ms, COLLECTIVE):
        # "an official in the ministry", "a lawyer from Acme" (but "commander of US forces in
        # Vietnam" commands the forces, not Vietnam: see below)
        org = attached(t, ms, (), ("from", "in"), types=HOLDERS)
    if org is not None and org.type in ("Group", "Country", "Organization") \
            and any(c.dep_ == "amod" and ms.get(c.i) is org for c in t.children):
        # "the Democratic chairman of the committee": the body it is of, not the adjective
        org = attached(t, ms, (), ("of",), types=COLLECTIVE) or org
    if org is person:  # the name itself modifies the job noun: look behind a preposition
        org = attached(t, ms, ("poss",), ("of", "for", "at", "from", "in"), types=HOLDERS)
    if org is None and t.lemma_.lower() in W.personal_staff:
        org = attached(t, ms, (), ("to",), types=HOLDERS)  # "an aide to Senator Bob Kerrey"
    if org is None:
        # "leader of the main opposition party, the Civic Forum": the body named in apposition
        # to the kind of body the title is of
        org = next((ms[a.i] for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at")
                    for p in c.children if p.dep_ == "pobj" and p.i not in ms and p.pos_ == "NOUN"
                    and p.lemma_.lower() in W.org_nouns | W.membership_bodies
                    for a in p.children if a.dep_ == "appos" and a.i in ms and ms[a.i].type in BODIES), None)
    if org is None:
        # "mayor of the Polish city of Gdansk": the place a place noun names
        # (not the country a part of it is named by: "leader of the Serb republic in Bosnia",
        # "governor of the Chinese province" leads no country)
        org = next((where for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj" and p.i not in ms
                    for where in [place(p, ms)] if where is not None
                    and not (where.type == "Country" and p.lemma_.lower() in W.country_part_nouns)), None)
    if org is None:
        # "an engineer with the USDA's research service": the body that owns the unit named
        org = _unit_owner(t, ms, BODIES)
    if org is None:
        # "vice president of marketing for Acme", "head of research at the institute": the
        # body behind the department
        org = next((ms[q.i] for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj" and p.i not in ms and p.pos_ == "NOUN"
                    and (_bare(p) or p.lemma_.lower() in W.board_nouns)  # not "of the Barton camp at X"
                    for d in p.children if d.dep_ == "prep" and (d.lower_ in ("for", "at", "with") or
                                                                 d.lower_ == "of" and p.lemma_.lower() in
                                                                 W.board_of_nouns)
                    for q in d.children if q.dep_ == "pobj" and q.i in ms
                    and ms[q.i].type in BODIES), None)
    if org is None:
        org = _unit_of_body(t, ms)
    return org


def _unit_of_body(t, ms) -> Mention | None:
    """"project manager of the local chapter of the Sierra Club", "a staff member of the planning
    department at Acme": the body a unit named by a common noun (statics.tsv, unit_nouns) is
    part of."""
    return next((ms[q.i] for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                 for p in c.children if p.dep_ == "pobj" and p.i not in ms and p.lemma_.lower() in W.unit_nouns
                 for d in p.children if d.dep_ == "prep" and d.lower_ in ("of", "at", "for", "with")
                 for q in d.children if q.dep_ == "pobj" and q.i in ms and ms[q.i].type in BODIES), None)


def _unit_owner(t, ms, types) -> Mention | None:
    """"an engineer with the USDA's research service", "commander of U.S. forces": the body
    that owns the unit a title is of."""
    return next((ms[g.i] for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "with")
                 for p in c.children if p.dep_ == "pobj" and p.i not in ms and p.pos_ == "NOUN"
                 for g in p.children if g.dep_ in ("poss", "compound") and g.i in ms
                 and ms[g.i].type in types), None)


def _bare(noun) -> bool:
    """A department named by a bare noun ("of marketing", "of daytime programs"), not a place
    or a thing ("of the Clara Barton camp")."""
    return not any(c.dep_ in ("det", "poss") or c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children)
