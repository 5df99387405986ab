"""Time expressions: spans, TIMEX3 types and values resolved against the publication date."""

from __future__ import annotations

from conftest import SAMPLE, shared_path
from newsgraph.model import TimeExpr


def times_of(analyse, text: str, published: str | None = "2024-10-10") -> dict[str, TimeExpr]:  # type: ignore[no-untyped-def]
    return {t.text: t for t in analyse(text, published=published).times}


def test_month_day_in_past_tense_is_the_last_one_before_publication(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The treaty was signed on October 3 in Geneva.")
    assert times["October 3"].value == "2024-10-03"
    assert times["October 3"].anchor == "published"


def test_month_day_after_publication_in_past_tense_is_last_year(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The company collapsed on December 20 after weeks of losses.")
    assert times["December 20"].value == "2023-12-20"


def test_last_month_day(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The minister resigned last March 10, aides said.")
    assert times["last March 10"].value == "2024-03-10"


def test_explicit_date_needs_no_anchor(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The dam opened on July 4, 1998, to great fanfare.")
    assert times["July 4, 1998"].value == "1998-07-04"
    assert times["July 4, 1998"].anchor is None


def test_yesterday_and_tomorrow(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "Talks ended yesterday and will resume tomorrow.")
    assert times["yesterday"].value == "2024-10-09"
    assert times["tomorrow"].value == "2024-10-11"


def test_weekday_follows_tense(analyse) -> None:  # type: ignore[no-untyped-def]
    past = times_of(analyse, "The council voted on Tuesday to close the mine.")
    future = times_of(analyse, "The council will vote on Tuesday on the mine.")
    assert past["Tuesday"].value == "2024-10-08"  # 2024-10-10 is a Thursday
    assert future["Tuesday"].value == "2024-10-15"


def test_years_ago_and_next_month(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The plant closed two years ago and a new one opens next month.")
    assert times["two years ago"].value == "2022"
    assert times["next month"].value == "2024-11"


def test_this_week_is_an_iso_week(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "Prices rose sharply this week in the capital.")
    assert times["this week"].value == "2024-W41"


def test_beginning_of_a_year_keeps_the_modifier_in_the_span(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "At the beginning of 2019, the festival moved north.")
    assert times["the beginning of 2019"].value == "2019"


def test_range_is_two_expressions(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The survey ran from 2004 to 2017 in six provinces.")
    assert times["2004"].value == "2004" and times["2017"].value == "2017"


def test_until_month_year(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The licence was extended until October 2025 by the regulator.")
    assert times["October 2025"].value == "2025-10"


def test_durations(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The strike lasted three weeks; the siege took several days.")
    assert (times["three weeks"].type, times["three weeks"].value) == ("DURATION", "P3W")
    assert times["several days"].value == "PXD"


def test_present_reference(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The curfew has lasted since 2020 to the present.")
    assert times["the present"].value == "PRESENT_REF"


def test_quarter_and_season(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(
        analyse, "Sales fell in the first quarter of 2023 and recovered in summer 2023."
    )
    assert times["the first quarter of 2023"].value == "2023-Q1"
    assert times["summer 2023"].value == "2023-SU"


def test_clock_time_joined_with_weekday(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "Polls will close at 8 p.m. Friday across the state.")
    assert times["8 p.m. Friday"].value == "2024-10-11T20:00"
    assert times["8 p.m. Friday"].type == "TIME"


def test_ages_are_not_durations(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "A 44-year-old teacher was arrested in the town.")
    assert not times


def test_counted_four_digit_number_is_not_a_year(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "Police said 1500 protesters gathered outside.")
    assert "1500" not in times


def test_no_publication_date_keeps_unknown_year(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The bridge reopened on October 3 after repairs.", published=None)
    assert times["October 3"].value == "XXXX-10-03"
    assert times["October 3"].anchor is None


def test_no_publication_date_infers_reference_from_explicit_dates(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "On June 2, 2021, the port closed. It reopened yesterday, officials said."
    times = times_of(analyse, text, published=None)
    assert times["yesterday"].value == "2021-06-01"
    assert times["yesterday"].anchor == "inferred"


def test_a_day_without_year_takes_its_year_by_tense_from_the_inferred_date(analyse) -> None:  # type: ignore[no-untyped-def]
    said = "The firm said on January 15, 2008 that it {verb} the plant on April 24, workers said."
    past = times_of(analyse, said.format(verb="had closed"), published=None)["April 24"]
    future = times_of(analyse, said.format(verb="will close"), published=None)["April 24"]
    assert (past.value, past.anchor) == ("2007-04-24", "inferred")
    assert (future.value, future.anchor) == ("2008-04-24", "inferred")


def test_a_full_date_in_the_headline_dates_the_body(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The plant closed on April 24, workers said."
    art = analyse(text, published=None, title="Plant shut down, March 3, 2009")
    body = {t.text: t for t in art.times if t.field == "body"}
    assert (body["April 24"].value, body["April 24"].anchor) == ("2008-04-24", "inferred")


def test_an_inferred_publication_date_anchors_as_inferred(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The plant closed yesterday, workers said."
    art = analyse(text, published="2024-05-02", published_inferred=True)  # type: ignore[arg-type]
    times = {t.text: t for t in art.times}
    assert (times["yesterday"].value, times["yesterday"].anchor) == ("2024-05-01", "inferred")


def test_without_any_full_date_the_latest_past_year_dates_month_days(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "At the beginning of 2023, the minister offered help. The treaty was signed on "
        "October 3, and talks ended yesterday. The mission was renewed until October 2026."
    )
    times = times_of(analyse, text, published=None)
    assert (times["October 3"].value, times["October 3"].anchor) == ("2023-10-03", "inferred")
    assert times["yesterday"].value == "XXXX-XX-XX"  # a day needs a full reference date
    assert times["yesterday"].anchor is None


def test_seed_article_without_a_date_is_dated_by_its_latest_past_year(analyse) -> None:  # type: ignore[no-untyped-def]
    text = shared_path("samples", SAMPLE.name).read_text(encoding="utf-8")
    times = times_of(analyse, text, published=None)
    assert times["October 3"].value == "2024-10-03"
    assert times["last March 10"].value == "2024-03-10"
    assert times["October 3"].anchor == "inferred"


def test_seed_article(analyse) -> None:  # type: ignore[no-untyped-def]
    text = shared_path("samples", SAMPLE.name).read_text(encoding="utf-8")
    times = times_of(analyse, text, published="2024-10-10")
    assert times["the beginning of 2024"].value == "2024"
    assert times["last March 10"].value == "2024-03-10"
    assert times["October 3"].value == "2024-10-03"
    assert times["October 2025"].value == "2025-10"
    assert times["the present"].value == "PRESENT_REF"
    assert {"2004", "2017", "2023", "2022", "March 2022"} <= times.keys()


def test_spelled_out_year(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The station first aired in nineteen ninety-six, the host recalled.")
    assert times["nineteen ninety-six"].value == "1996"


def test_spelled_out_count_is_not_a_year(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "Some two thousand troops crossed the river.")
    assert not times


def test_holiday_resolves_to_its_day(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The family gathered on Thanksgiving, as every year.", "2023-12-01")
    assert times["Thanksgiving"].value == "2023-11-23"


def test_year_earlier_compares_the_same_quarter(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Profit rose in the third quarter of 2019 from a year earlier."
    assert times_of(analyse, text)["a year earlier"].value == "2018-Q3"


def test_frequency_adjective_is_not_a_set(analyse) -> None:  # type: ignore[no-untyped-def]
    assert "quarterly" not in times_of(analyse, "The board raised its quarterly dividend.")


def test_that_day_is_the_last_date_mentioned(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The levee broke on May 3, 2019. Later that day, crews arrived. The next day it rained."
    times = times_of(analyse, text)
    assert times["Later that day"].value == "2019-05-03"
    assert times["The next day"].value == "2019-05-04"


def test_the_weekend_is_the_one_just_past(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "Rebels shelled the city over the weekend.", "2024-10-14")
    assert times["the weekend"].value == "2024-W41-WE"


def test_the_weekend_in_future_tense_is_the_coming_one(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "Leaders will meet over the weekend.", "2024-10-14")
    assert times["the weekend"].value == "2024-W42-WE"


def test_the_year_ended_is_a_duration_and_for_the_year_is_this_year(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Sales for the year rose. It earned $5 million in the year ended June 30."
    years = [t for t in analyse(text, published="1989-10-30").times if t.text == "the year"]
    assert [(t.type, t.value) for t in years] == [("DATE", "1989"), ("DURATION", "P1Y")]


def test_holiday_without_tense_is_the_nearer_one(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "Prices since Thanksgiving Day are up 3 percent.", "2000-01-07")
    assert times["Thanksgiving Day"].value == "1999-11-25"


def test_postponed_until_weekday_points_ahead(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(
        analyse, "Officials postponed until Tuesday any action on the case.", "2000-03-30"
    )
    assert times["Tuesday"].value == "2000-04-04"


def test_year_earlier_in_a_later_sentence_compares_the_reported_quarter(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Profit rose 5% in the third quarter. A year earlier, the company lost money."
    times = times_of(analyse, text, "1989-10-26")
    assert times["A year earlier"].value == "1988-Q3"


def test_may_after_a_cue_is_the_month(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The case will be heard in May in the appeals court.", "2000-03-29")
    assert times["May"].value == "2000-05"


def test_the_end_of_the_year_is_this_year(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The plant will close by the end of the year.", "1989-10-30")
    assert times["the end of the year"].value == "1989"


def test_the_summer_is_this_years(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "Sales slowed during the summer, the company said.", "1989-10-26")
    assert times["the summer"].value == "1989-SU"


def test_every_morning_is_a_set_of_times_of_day(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "Traders meet every morning before the market opens.")
    assert times["every morning"].type == "SET"
    assert times["every morning"].value == "XXXX-XX-XXTMO"


def test_every_night_without_a_publication_date_does_not_fail(analyse) -> None:  # type: ignore[no-untyped-def]
    article = analyse("Guards patrol the port every night since 12 May 2003.", published=None)
    assert article.warnings == []
    assert "XXXX-XX-XXTNI" in {t.value for t in article.times}


def test_this_month_is_this_years_whatever_the_tense(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "With the election this September, the figures could not have come at a worse time."
    assert times_of(analyse, text, published="2024-02-05")["this September"].value == "2024-09"


def test_date_after_payable_or_effective_lies_ahead(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The board declared a dividend payable Dec. 7 to holders of record.")
    assert times["Dec. 7"].value == "2024-12-07"


def test_date_scheduled_for_lies_ahead(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The accession was planned for early December, an official said.")
    assert times["early December"].value.startswith("2024-12")


def test_until_points_at_the_nearest_occurrence(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The regulator gave the company until November to submit more data.")
    assert times["November"].value == "2024-11"


def test_a_verb_of_the_subject_does_not_point_ahead(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The job figures for September extended a surge in hiring.")
    assert times["September"].value == "2024-09"


def test_present_perfect_progressive_is_not_future(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Police have been searching for him since shortly after the Oct. 23 shooting."
    times = times_of(analyse, text, published="2025-05-06")
    assert times["Oct. 23"].value == "2024-10-23"


def test_soon_as_a_connective_or_in_narrative_is_no_time(analyse) -> None:  # type: ignore[no-untyped-def]
    assert "soon" not in times_of(analyse, "He was released soon after the hearing ended.")
    assert "soon" not in times_of(analyse, "The trickle of cash soon became a flood.")
    assert (
        times_of(analyse, "The ministry will soon publish the list.")["soon"].value == "FUTURE_REF"
    )


def test_a_second_before_a_noun_is_an_ordinal(analyse) -> None:  # type: ignore[no-untyped-def]
    assert not times_of(analyse, "It would be a second betrayal, his aunt said.")
    assert times_of(analyse, "The lights went out for a second.")["a second"].value == "PT1S"


def test_half_units_are_written_in_the_smaller_unit(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(
        analyse, "They lived in camps for 2 1/2 years and spent 5 1/2 hours in Nairobi."
    )
    assert times["2 1/2 years"].value == "P2Y6M"
    assert times["5 1/2 hours"].value == "PT5H30M"
    times = times_of(analyse, "A minute and a half later, the pilot called.")
    assert times["A minute and a half"].value == "PT1M30S"


def test_utc_clock_time_carries_the_zone(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "It leaves at 08:30 UTC and will land at 9 p.m. EST Friday.")
    assert times["08:30 UTC"].value == "2024-10-10T08:30Z"
    assert times["9 p.m. EST Friday"].value == "2024-10-11T21:00"  # ISO 8601 letters only UTC
    assert times_of(analyse, "GM filed at 12:00 GMT Monday.")["12:00 GMT Monday"].value == (
        "2024-10-07T12:00Z"
    )


def test_quarter_of_a_relative_year(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "In the first quarter of last year, GM had reported a loss.")
    assert times["the first quarter of last year"].value == "2023-Q1"
    assert "last year" not in times


def test_month_of_next_year_keeps_the_year_apart(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "Franchises won't be renewed after October of next year.")
    assert times["October"].value == "2025-10"
    assert times["next year"].value == "2025"


def test_a_year_before_a_plural_noun_is_still_a_year_unless_round(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "Leaders of the 1992 protests met. Police said 1500 people came.")
    assert times["1992"].value == "1992"
    assert "1500" not in times


def test_an_offset_after_a_story_event_is_a_duration(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "The bomb went off at dawn. Three days later, police made arrests.")
    assert times["Three days later"].type == "DURATION"
    assert times["Three days later"].value == "P3D"
    ago = times_of(analyse, "The plant closed two years ago.")
    assert ago["two years ago"].value == "2022"


def test_over_before_the_is_a_preposition_outside_the_span(analyse) -> None:  # type: ignore[no-untyped-def]
    times = times_of(analyse, "Sales fell over the past 20 years but rose over 20 months.")
    assert times["the past 20 years"].value == "P20Y"
    assert "over 20 months" in times
