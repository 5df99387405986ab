"""Figures: numbers with what they count, money, percentages, approximations and ranges."""

from __future__ import annotations

from conftest import SAMPLE, shared_path
from newsgraph.model import Figure


def figures_of(analyse, text: str) -> dict[str, Figure]:  # type: ignore[no-untyped-def]
    return {f.text: f for f in analyse(text).figures}


def test_approximate_count_with_unit(analyse) -> None:  # type: ignore[no-untyped-def]
    fig = figures_of(analyse, "Some 12,500 refugees crossed the border.")["Some 12,500"]
    assert (fig.value, fig.unit, fig.approximate, fig.kind) == (12500, "refugees", True, "count")


def test_lower_bound(analyse) -> None:  # type: ignore[no-untyped-def]
    fig = figures_of(analyse, "At least 30 fishing boats sank in the storm.")["At least 30"]
    assert fig.low == 30 and fig.unit == "fishing boats"


def test_unit_inside_quote_marks(analyse) -> None:  # type: ignore[no-untyped-def]
    fig = figures_of(analyse, "The city hired 450 “street wardens” last summer.")["450"]
    assert fig.unit == "street wardens"


def test_vague_amount_is_a_range(analyse) -> None:  # type: ignore[no-untyped-def]
    fig = figures_of(analyse, "Rebels seized hundreds of rifles from the depot.")["hundreds of"]
    assert (fig.value, fig.low, fig.high, fig.unit) == (None, 200, 999, "rifles")


def test_money_with_scale(analyse) -> None:  # type: ignore[no-untyped-def]
    fig = figures_of(analyse, "The merger is valued at $3.2 billion.")["$3.2 billion"]
    assert (fig.kind, fig.currency, fig.value) == ("money", "USD", 3.2e9)


def test_money_with_currency_word(analyse) -> None:  # type: ignore[no-untyped-def]
    fig = figures_of(analyse, "The bank lent 9.9 billion yuan to farmers.")["9.9 billion yuan"]
    assert (fig.currency, fig.value) == ("CNY", 9.9e9)


def test_percent(analyse) -> None:  # type: ignore[no-untyped-def]
    figs = figures_of(analyse, "Inflation reached 7.25% while wages rose 2 percent.")
    assert figs["7.25%"].kind == "percent" and figs["7.25%"].value == 7.25
    assert figs["2 percent"].value == 2


def test_number_words(analyse) -> None:  # type: ignore[no-untyped-def]
    figs = figures_of(analyse, "Twelve miners and two million voters were counted.")
    assert figs["Twelve"].value == 12 and figs["Twelve"].unit == "miners"
    assert figs["two million"].value == 2e6


def test_compound_number_words_through_the_library(analyse) -> None:  # type: ignore[no-untyped-def]
    figs = figures_of(analyse, "Officials counted two hundred fifty thousand ballots on Monday.")
    assert figs["two hundred fifty thousand"].value == 250000


def test_number_words_joined_by_and(analyse) -> None:  # type: ignore[no-untyped-def]
    figs = figures_of(analyse, "The army sent one hundred and twenty soldiers to the border.")
    fig = figs["one hundred and twenty"]
    assert (fig.value, fig.unit) == (120, "soldiers")


def test_french_number_words() -> None:
    from newsgraph.stages.figures.numerals import words_to_number

    assert words_to_number("deux cent cinquante mille", "fr") == 250000
    assert words_to_number("quatre-vingt-dix", "fr") == 90


def test_range_between(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The repairs will cost between $12 million and $20 million."
    fig = figures_of(analyse, text)["between $12 million and $20 million"]
    assert (fig.low, fig.high, fig.value) == (12e6, 20e6, None)


def test_years_are_not_figures(analyse) -> None:  # type: ignore[no-untyped-def]
    figs = figures_of(analyse, "The law passed in 2019 and was repealed in March 2021.")
    assert not figs


def test_names_are_not_figures(analyse) -> None:  # type: ignore[no-untyped-def]
    figs = figures_of(analyse, "The airline flies the Boeing 787 and fought COVID-19.")
    assert not figs


def test_pronoun_one_is_not_a_figure(analyse) -> None:  # type: ignore[no-untyped-def]
    figs = figures_of(analyse, "One of the guards said no one had entered.")
    assert not figs


def test_seed_article(analyse) -> None:  # type: ignore[no-untyped-def]
    text = shared_path("samples", SAMPLE.name).read_text(encoding="utf-8")
    figs = figures_of(analyse, text)
    assert (figs["Some 90,000"].value, figs["Some 90,000"].unit) == (90000, "people")
    assert figs["at least 200"].unit == "gang groups" and figs["at least 200"].low == 200
    assert figs["6,700"].unit == "blue helmets"
    assert figs["dozens of"].unit == "agents" and figs["dozens of"].approximate


def test_model_number_before_a_singular_noun_is_a_name(analyse) -> None:  # type: ignore[no-untyped-def]
    figs = figures_of(analyse, "The carrier ordered five new 737 aircraft and retired the 717 jet.")
    assert "five" in figs and "717" not in figs


def test_hyphen_range_is_one_figure(analyse) -> None:  # type: ignore[no-untyped-def]
    figs = figures_of(analyse, "The jet seats 200-250 people and sales fell 15-20% this year.")
    assert (figs["200-250"].low, figs["200-250"].high, figs["200-250"].unit) == (200, 250, "people")
    assert figs["15-20%"].kind == "percent" and figs["15-20%"].value is None
    assert not figures_of(analyse, "He flew a Boeing 737-800 through the 2010-11 season.")


def test_a_decimal_is_never_cut_to_its_integer_part(analyse) -> None:  # type: ignore[no-untyped-def]
    figs = figures_of(analyse, "The 1.8GHz chip earned 4.5p a share; 2.5 million were sold.")
    assert set(figs) == {"2.5 million"}


def test_a_change_to_a_new_level_is_not_a_range(analyse) -> None:  # type: ignore[no-untyped-def]
    figs = figures_of(
        analyse, "Crude closed up $2.80 to $51.15 and claims rose 32,000 to 1.41 million."
    )
    assert {"$2.80", "$51.15", "32,000", "1.41 million"} <= set(figs)
    figs = figures_of(analyse, "They forecast a 3% to 3.5% improvement for children aged 10 to 13.")
    assert figs["3% to 3.5%"].low == 3 and figs["10 to 13"].high == 13
