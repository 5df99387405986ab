"""A news outlet speaks only what it reports in its own name, never its sources' words."""

from __future__ import annotations

from newsgraph.model import Article


def _speakers(art: Article) -> list[str | None]:
    return [e.name if (e := art.entity(q.speaker)) else None for q in art.quotes]


def test_an_outlet_reporting_in_its_own_name_speaks(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("Reuters reported that the talks had collapsed after a week.")
    assert _speakers(art) == ["Reuters"]


def test_the_person_who_told_an_outlet_speaks(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse('"This will suddenly decrease," shop owner Hayriye Evren, told Associated Press.')
    assert _speakers(art) == ["Hayriye Evren"]


def test_an_outlets_spokesman_is_not_the_outlet(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("A BBC spokesman said the programme would return in the spring.")
    assert "BBC" not in _speakers(art)


def test_a_person_apposed_to_a_described_role_speaks(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("The BBC's home affairs correspondent, Daniel Sandford, said it was a U-turn.")
    assert _speakers(art) == ["Daniel Sandford"]


def test_they_is_never_the_newspaper(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("The Malaysia Sun spoke to the company. They said the plant would close.")
    assert "Malaysia Sun" not in _speakers(art)
