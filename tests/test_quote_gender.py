"""Pronoun speakers agree in gender with the person they name, as the article states it."""

from __future__ import annotations

from newsgraph.model import Entity, Mention
from test_quotes import extract, person  # the same quotes-only runner and hand-made people

__all__ = ["extract", "person"]


def test_she_skips_a_man_named_later(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lina Sato met Omar Vance in Lima. Vance said his team would stay.\n\n"
        "“We will share everything we learn,” she added."
    )
    (q,) = [
        q
        for q in extract(text, person(text, "e1", "Lina Sato"), person(text, "e2", "Vance"))
        if q.kind == "direct"
    ]
    assert (q.speaker_text, q.speaker) == ("she", "e1")


def test_honorifics_give_the_gender(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Ms. Ito spoke before Mr. Berg.\n\n“The plan is late and over budget,” she said."
    (q,) = extract(text, person(text, "e1", "Ito"), person(text, "e2", "Berg"))
    assert q.speaker == "e1"


def test_gendered_title_gives_the_gender(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Dana Ruiz met Kim Ott.\n\n“The vote will be held in May,” he said."
    ruiz = person(text, "e1", "Dana Ruiz", titles=("Chairman",))
    ott = person(text, "e2", "Kim Ott", titles=("Spokeswoman",))
    (q,) = extract(text, ruiz, ott)
    assert q.speaker == "e1"


def test_an_object_pronoun_says_nothing_of_the_subject(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Eli Park praised her at the rally.\n\n“We will win this state in November,” he said."
    (q,) = extract(text, person(text, "e1", "Eli Park"))
    assert q.speaker == "e1"


def test_no_person_of_that_gender_leaves_the_speaker_open(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Mr. Berg spoke first.\n\n“The plan is late and over budget,” she said."
    (q,) = extract(text, person(text, "e2", "Berg"))
    assert (q.speaker_text, q.speaker) == ("she", None)


def test_the_spokeswoman_skips_a_man(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Ana Holt spoke before Mr. Berg.\n\n“The plan is late,” the spokeswoman said."
    (q,) = extract(text, person(text, "e1", "Ana Holt"), person(text, "e2", "Berg"))
    assert q.speaker == "e1"


def test_a_shared_family_name_is_no_evidence(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Ana Vik met Per Vik. Vik said he was tired.\n\n“We will be back next year,” she said."
    spans = [(0, 7), (text.index("Vik said"), text.index("Vik said") + 3)]
    ana = Entity("e1", "Ana Vik", "PERSON", [Mention(a, b, text[a:b]) for a, b in spans])
    found = extract(text, ana, person(text, "e2", "Per Vik"))
    assert [q.speaker for q in found if q.kind == "direct"] == ["e1"]
