"""The quotes stage on small hand-built documents: kinds, cues, speakers and their entities."""

from __future__ import annotations

import re

import pytest

from newsgraph.model import Article, Entity, Mention, Quote
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings
from newsgraph.stages import quotes


def person(text: str, eid: str, name: str, titles: tuple[str, ...] = ()) -> Entity:
    """A PERSON entity with a mention at every occurrence of ``name`` in ``text``."""
    spans = [Mention(m.start(), m.end(), name) for m in re.finditer(re.escape(name), text)]
    return Entity(id=eid, name=name, type="PERSON", mentions=spans, titles=list(titles))


@pytest.fixture
def extract(pipeline: Pipeline, settings: Settings):  # type: ignore[no-untyped-def]
    """Run only the quotes stage, over hand-made entities."""

    def _extract(text: str, *entities: Entity) -> list[Quote]:
        article = Article(id="t", text=text, entities=list(entities))
        quotes.run(article, pipeline.nlp(text), settings, pipeline.words)
        return article.quotes

    return _extract


def test_direct_quote_with_speaker_before_the_verb(extract) -> None:  # type: ignore[no-untyped-def]
    (q,) = extract("“The bridge will open in May,” Ortiz said on Monday.")
    assert (q.kind, q.text, q.cue, q.speaker_text) == (
        "direct",
        "The bridge will open in May",
        "said",
        "Ortiz",
    )


def test_inverted_attribution_names_the_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    (q,) = extract('"We have no plans to raise taxes," said Mayor Karen Holt.')
    assert q.cue == "said" and q.speaker_text == "Mayor Karen Holt"


def test_speaker_offsets_point_at_the_mention(extract) -> None:  # type: ignore[no-untyped-def]
    text = "“Prices will keep rising this year,” he added."
    (q,) = extract(text)
    assert text[q.speaker_start : q.speaker_end] == "he"
    assert text[q.cue_start : q.cue_end] == "added"


def test_quote_split_by_its_attribution_shares_the_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    text = "“We tried everything we could,” said Lena Park. “It was not enough for them.”"
    first, second = extract(text)
    assert second.text.startswith("It was not enough")
    assert (second.speaker_text, second.cue_start) == ("Lena Park", first.cue_start)


def test_cue_before_the_quote(extract) -> None:  # type: ignore[no-untyped-def]
    (q,) = extract("Governor Amy Chen told reporters: “We will rebuild every school in the state.”")
    assert q.cue == "told" and q.speaker_text == "Governor Amy Chen"


def test_mismatched_closing_mark_keeps_the_attribution(extract) -> None:  # type: ignore[no-untyped-def]
    text = "“Our partners are joining the effort right now “added the official in Lima."
    (q,) = extract(text)
    assert q.text == "Our partners are joining the effort right now"
    assert (q.cue, q.speaker_text) == ("added", "the official")


def test_scare_quotes_and_titles_are_not_quotes(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The gang leader, alias “Barbecue”, watched “The Godfather” with the “blue helmets”."
    assert extract(text) == []


def test_quoted_fragment_in_reported_speech_is_mixed(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The army is now carrying out “targeted raids,” Colonel Ruiz added."
    (q,) = extract(text)
    assert q.kind == "mixed" and "targeted raids" in q.text and q.speaker_text == "Colonel Ruiz"


def test_reported_speech_after_said(extract) -> None:  # type: ignore[no-untyped-def]
    (q,) = extract("Ana Costa said that the talks would resume next week.")
    assert (q.kind, q.text, q.speaker_text) == (
        "indirect",
        "the talks would resume next week",
        "Ana Costa",
    )


def test_reported_clause_before_said(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Peru is already part of the coalition, said Foreign Minister Luis Vega."
    (q,) = extract(text)
    assert q.text == "Peru is already part of the coalition"
    assert q.speaker_text == "Foreign Minister Luis Vega"


def test_according_to_names_the_source(extract) -> None:  # type: ignore[no-untyped-def]
    (q,) = extract("According to the ministry, the economy grew by three percent last year.")
    assert q.cue == "According to" and q.speaker_text == "the ministry"
    assert q.text.startswith("the economy grew")


def test_told_keeps_the_subject_not_the_audience(extract) -> None:  # type: ignore[no-untyped-def]
    (q,) = extract("Tom Reyes told the BBC that the company would close two plants.")
    assert q.speaker_text == "Tom Reyes" and q.cue == "told"


def test_pronoun_resolves_to_nearest_person_before(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mara Ilves met Jon Berg in Oslo. Berg spoke first.\n\n“We agreed on the text,” he added."
    )
    (q,) = extract(text, person(text, "e1", "Mara Ilves"), person(text, "e2", "Berg"))
    assert q.speaker_text == "he" and q.speaker == "e2"


def test_description_resolves_by_title(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Minister Sara Lind met Paul Roy. Roy left early.\n\n"
        "“The deal is signed and final,” the minister said."
    )
    lind = person(text, "e1", "Sara Lind", titles=("Minister",))
    (q,) = extract(text, lind, person(text, "e2", "Roy"))
    assert q.speaker == "e1"


def test_named_speaker_links_to_its_entity(extract) -> None:  # type: ignore[no-untyped-def]
    text = "“The vote was fair and open,” Nils Ek said."
    (q,) = extract(text, person(text, "e9", "Nils Ek"))
    assert q.speaker == "e9"


def test_speakers_inside_quotes_are_skipped(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Ida Moe spoke.\n\n“I never met Carl Dahl in my life,” she said."
    (q,) = extract(text, person(text, "e1", "Ida Moe"), person(text, "e2", "Carl Dahl"))
    assert q.speaker == "e1"


def test_broken_marks_do_not_lose_other_quotes(extract) -> None:  # type: ignore[no-untyped-def]
    text = "“This one never closes.\n\n“The budget is balanced at last,” Rita Vos said."
    found = extract(text)
    assert any(q.speaker_text == "Rita Vos" and "budget" in q.text for q in found)


def test_empty_or_odd_text_gives_no_quotes(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract('" “ ” "') == []


def test_speaker_is_never_a_name_inside_the_quote(extract) -> None:  # type: ignore[no-untyped-def]
    text = "“I hold in the highest esteem Senator Dan Wu,” Kim said, “and I always will.”"
    assert {q.speaker_text for q in extract(text)} == {"Kim"}


def test_parenthetical_attribution_names_its_subject(extract) -> None:  # type: ignore[no-untyped-def]
    (q,) = extract("The new bridge, Ana Ruiz said, will not open before the end of May.")
    assert (q.kind, q.speaker_text, q.cue) == ("indirect", "Ana Ruiz", "said")


def test_long_quoted_tail_of_reported_clause_is_mixed(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Dan Lee said he holds his roots in rural Ohio “very near and dear to my heart.”"
    (q,) = extract(text)
    assert q.kind == "mixed" and q.text.startswith("he holds") and q.speaker_text == "Dan Lee"


def test_speech_reported_inside_a_quote_is_not_a_second_quote(extract) -> None:  # type: ignore[no-untyped-def]
    text = "“My father said we would never leave this town again,” Eva Holm told reporters."
    (q,) = extract(text)
    assert q.kind == "direct" and q.speaker_text == "Eva Holm"


def test_topic_of_a_speech_verb_is_reported_content(extract) -> None:  # type: ignore[no-untyped-def]
    (q,) = extract("Senator Jo Hart complained about the dour tone of the primary campaign.")
    assert (q.kind, q.text, q.speaker_text) == (
        "indirect",
        "the dour tone of the primary campaign",
        "Senator Jo Hart",
    )


def test_relative_pronoun_speaker_links_to_its_antecedent(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Voters met Rosa Diaz, who said the plant would reopen in the spring."
    (q,) = extract(text, person(text, "e3", "Rosa Diaz"))
    assert (q.speaker_text, q.speaker) == ("who", "e3")


def test_description_with_a_demonym_goes_to_the_titled_person(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse(
        "Her counterpart, Togolese Defence Minister Edem Adjovi, agreed on Monday.\n\n"
        "“No country can fight these gangs alone. The pirates do not respect borders,” "
        "added the Togolese minister."
    )
    (quote,) = art.quotes
    assert art.entity(quote.speaker).name == "Edem Adjovi"  # type: ignore[union-attr]


def test_description_followed_by_a_name_goes_to_that_name(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse(
        "Togolese Defence Minister Edem Adjovi spoke first.\n\n"
        "Benin's Foreign Minister, Rosine Houngbédji, said her government would decide soon."
    )
    (quote,) = art.quotes
    assert art.entity(quote.speaker).name == "Rosine Houngbédji"  # type: ignore[union-attr]


def test_plural_description_is_not_the_last_person_named(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse(
        "Defence Minister Edem Adjovi spoke on Monday.\n\n"
        "Officials said attacks in Togolese waters fell by 30% in April."
    )
    (quote,) = art.quotes
    assert (quote.speaker_text, quote.speaker) == ("Officials", None)


def test_that_clause_of_a_speech_noun_is_reported_content(extract) -> None:  # type: ignore[no-untyped-def]
    (q,) = extract("Critics dismissed Senator Ana Lee's claim that the county vote was rigged.")
    assert (q.kind, q.cue, q.text, q.speaker_text) == (
        "indirect",
        "claim",
        "the county vote was rigged",
        "Senator Ana Lee",
    )


def test_a_relative_clause_on_a_speech_noun_is_no_content(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("He repeated the claim that he made on Monday in the capital.") == []


def test_a_named_report_gives_its_source(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Critics seized on a Daily Ledger report that the mayor had spent the fund on travel."
    (q,) = extract(text)
    assert (q.cue, q.speaker_text) == ("report", "Daily Ledger")
    assert q.text == "the mayor had spent the fund on travel"


def test_quote_after_that_with_the_clause_running_on_is_mixed(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ana Ruiz spoke at length, saying that “race still matters” in America, "
        "including how people are treated in schools and courts."
    )
    (q,) = extract(text)
    assert q.kind == "mixed" and q.text.endswith("schools and courts")
    assert q.speaker_text == "Ana Ruiz"


def test_quote_right_after_that_is_mixed(extract) -> None:  # type: ignore[no-untyped-def]
    # PolNeAR's content opens with 'that': the reported clause, not the quotation alone
    (q,) = extract("Ana Lee said that “the plan will fail before the end of the year.”")
    assert (q.kind, q.speaker_text) == ("mixed", "Ana Lee")
    assert q.text.startswith("“the plan will fail")


def test_quote_right_after_the_cue_stays_direct(extract) -> None:  # type: ignore[no-untyped-def]
    (q,) = extract("Ana Lee said “the plan will fail before the end of the year.”")
    assert (q.kind, q.speaker_text) == ("direct", "Ana Lee")


def test_paragraph_after_a_colon_cue_without_marks_is_reported(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The vote was close.\n\nThe governor added:\n\n"
        "It is typical of the council. They know nothing, but the talk never stops.\n\nIt ended."
    )
    (q,) = extract(text)
    assert (q.cue, q.speaker_text) == ("added", "The governor")
    assert q.text == "It is typical of the council. They know nothing, but the talk never stops."


def test_what_was_noted_is_reported_content(extract) -> None:  # type: ignore[no-untyped-def]
    (q,) = extract("In her book, Mara Ilves noted the sharp rise in food prices.")
    assert (q.kind, q.cue, q.text) == ("indirect", "noted", "the sharp rise in food prices")


def test_what_a_speaker_points_to_is_reported_content(extract) -> None:  # type: ignore[no-untyped-def]
    (q,) = extract("The fund pointed to the slow rise in wages across the region.")
    assert (q.cue, q.speaker_text, q.text) == (
        "pointed",
        "The fund",
        "the slow rise in wages across the region",
    )


def group(text: str, eid: str, name: str, kind: str = "ORG", *also: str) -> Entity:
    """An organisation or place with a mention at every occurrence of its name (and ``also``)."""
    spans = [
        Mention(m.start(), m.end(), form)
        for form in (name, *also)
        for m in re.finditer(re.escape(form), text)
    ]
    return Entity(id=eid, name=name, type=kind, mentions=spans)


def test_according_to_a_titled_person_is_the_person(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The truce will hold until March, according to AU Commissioner for Peace and "
        "Security Amara Diallo, who signed the deal with President Omar Sesay."
    )
    au = group(text, "e1", "African Union", "ORG", "AU")
    sesay = person(text, "e3", "Omar Sesay")
    (q,) = extract(text, au, person(text, "e2", "Amara Diallo"), sesay)
    assert q.text == "The truce will hold until March"
    assert q.speaker_text == "AU Commissioner for Peace and Security Amara Diallo"
    assert q.speaker == "e2"


def test_a_description_with_an_apposed_name_is_that_person(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Judge Rita Moss ruled on Monday. A lawyer for the newspaper, Dan Ode, "
        "said no decision had been made about an appeal."
    )
    (q,) = extract(text, person(text, "e1", "Rita Moss"), person(text, "e2", "Dan Ode"))
    assert (q.speaker_text, q.speaker) == ("A lawyer for the newspaper, Dan Ode", "e2")


def test_a_description_goes_to_the_organisation_it_names(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Nigerian Navy sent two frigates to the gulf on Monday.\n\n"
        "The Senate must still approve the deployment, which will cost about $12 million "
        "a year, according to the navy."
    )
    navy = group(text, "e1", "Nigerian Navy")
    senate = group(text, "e2", "Senate")
    (q,) = extract(text, navy, senate)
    assert (q.speaker_text, q.speaker) == ("the navy", "e1")


def test_a_description_with_no_matching_organisation_has_no_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The Nigerian Navy sent two frigates.\n\nThe cost will rise, according to the ministry."
    (q,) = extract(text, group(text, "e1", "Nigerian Navy"))
    assert (q.speaker_text, q.speaker) == ("the ministry", None)


def test_a_bare_surname_goes_to_the_person_named_in_full(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rear Admiral Chidi Okafor visited the port on Tuesday.\n\n"
        "“We will patrol these waters every day until the attacks stop,” "
        "Okafor told reporters at the naval base."
    )
    chidi = Entity(id="e1", name="Chidi Okafor", type="PERSON", mentions=[Mention(13, 25, "x")])
    (q,) = extract(text, chidi)
    assert (q.speaker_text, q.speaker) == ("Okafor", "e1")


def test_parenthetical_cue_is_cut_out_of_the_content(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The museum, Mr. Obama said, would open in 2021."
    (q,) = extract(text, person(text, "e1", "Obama"))
    assert (q.kind, q.text, q.cue, q.speaker) == (
        "indirect",
        "The museum ... would open in 2021",
        "said",
        "e1",
    )


def test_a_time_after_a_speech_verb_is_not_what_was_said(extract) -> None:  # type: ignore[no-untyped-def]
    (q,) = extract("The new plant, the company said on Monday, will hire 300 workers by June.")
    assert q.text == "The new plant ... will hire 300 workers by June"


def test_a_demonym_in_a_description_does_not_take_the_quote(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Nigerian Navy sent two frigates on Monday.\n\n"
        "The mission will last a year, according to the Nigerian navy."
    )
    navy = group(text, "e1", "Nigerian Navy")
    nigeria = group(text, "e2", "Nigeria", "NORP", "Nigerian")
    (q,) = extract(text, navy, nigeria)
    assert q.speaker == "e1"


def test_the_head_of_the_speaker_phrase_names_the_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Two frigates will sail by June, Nigerian Navy chief Rear Admiral Ifeoma Okafor said."
    navy = group(text, "e1", "Nigerian Navy")
    (q,) = extract(text, navy, person(text, "e2", "Ifeoma Okafor"))
    assert q.speaker == "e2"


def test_a_title_before_two_people_names_neither_alone(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The talks will resume, according to Commissioner for Trade Ana Sol and Ken Ode."
    trade = group(text, "e1", "Trade")
    (q,) = extract(text, trade, person(text, "e2", "Ana Sol"), person(text, "e3", "Ken Ode"))
    assert q.speaker != "e3"


def test_passive_speech_verb_subject_is_not_the_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Rosa Maier was told that her visa application had been refused."
    (q,) = extract(text, person(text, "e1", "Rosa Maier"))
    assert q.cue == "told" and q.speaker_text is None and q.speaker is None


def test_passive_speech_verb_takes_its_agent(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The plant will close next year, it was announced by Hugo Brandt on Friday."
    (q,) = extract(text, person(text, "e1", "Hugo Brandt"))
    assert q.speaker_text == "Hugo Brandt" and q.speaker == "e1"


def test_reported_speech_between_quotes_names_the_next_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“We will not raise taxes this year,” said Omar Haddad.\n\n"
        "Lucia Ferri told reporters that she doubted the promise. "
        "“Nobody believes a word of it any more.”"
    )
    first, second = extract(
        text, person(text, "e1", "Omar Haddad"), person(text, "e2", "Lucia Ferri")
    )[::2]
    assert first.speaker == "e1"
    assert second.text.startswith("Nobody believes")
    assert (second.speaker_text, second.speaker) == ("Lucia Ferri", "e2")


def test_pronoun_cue_between_quotes_keeps_the_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“We will not raise taxes,” Omar Haddad said after meeting Lucia Ferri. "
        "He said the plan was final. “Nobody can change it now, not even the banks.”"
    )
    quotes = extract(text, person(text, "e1", "Omar Haddad"), person(text, "e2", "Lucia Ferri"))
    last = quotes[-1]
    assert last.text.startswith("Nobody can") and last.speaker == "e1"


def test_adding_after_reported_clause_is_the_reporters(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pedro Salas said the mayor had spoken with great honesty, adding: "
        "“She listened to every family in the room that day.”"
    )
    quotes = extract(text, person(text, "e1", "Pedro Salas"))
    direct = next(q for q in quotes if q.kind == "direct")
    assert direct.cue == "adding" and direct.speaker_text == "Pedro Salas"


def test_continue_to_is_no_reported_speech(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The council will continue to fund the library until the end of next year."
    assert extract(text) == []


def test_continued_still_cues_a_quotation(extract) -> None:  # type: ignore[no-untyped-def]
    (q,) = extract("“We will keep the library open every day,” the mayor continued.")
    assert (q.kind, q.cue, q.speaker_text) == ("direct", "continued", "the mayor")


def test_cue_after_a_full_stop_belongs_to_the_next_sentence(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mayor Ines Roth said: “The new bridge will open to traffic in the spring.” "
        "Critics have warned that the budget is far too small."
    )
    direct = next(q for q in extract(text) if q.kind == "direct")
    assert direct.cue == "said" and direct.speaker_text == "Mayor Ines Roth"


def test_pronoun_cue_after_a_full_stop_still_names_the_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Minister Ana Ruiz hosted the ceremony. “This is the best day for the navy in ten long "
        "years.” She said the ships would sail in May."
    )
    direct = next(q for q in extract(text) if q.kind == "direct")
    assert (direct.cue, direct.speaker_text) == ("said", "She")


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Lee says the new tax “would be a terrible blow to the small farms of the valley.”",
            "the new tax “would be",
            "says",
        ),
        (
            "Minister Ana Ruiz called the deal “the best day for the navy in ten long years.”",
            "the deal “the best",
            "called",
        ),
    ],
)
def test_a_quotation_the_cue_reports_from_before_its_mark_is_mixed(  # type: ignore[no-untyped-def]
    extract, text, content, cue
) -> None:
    # PolNeAR's content opens before the mark: one mixed quote, no direct one
    (quote,) = extract(text)
    assert (quote.kind, quote.text[: len(content)], quote.cue) == ("mixed", content, cue)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # acl on a noun under 'at': the subject of 'said'
            "“We will get there,” Ortiz said at a recent news conference announcing that her "
            "department was suing the state.",
            "Ortiz",
        ),
        (  # pcomp under 'by': the subject of 'responded'
            "Mayor Karen Holt responded to the council on Monday night by saying the plan was "
            "dead.",
            "Mayor Karen Holt",
        ),
    ],
)
def test_subjectless_participle_takes_the_subject_of_its_clause(extract, text, speaker) -> None:  # type: ignore[no-untyped-def]
    (q,) = [q for q in extract(text) if q.cue in ("announcing", "saying")]
    assert q.speaker_text == speaker


def test_cue_after_a_long_apposition(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“The levy will be repaid within a decade,” Marta Ilves, a senior fellow at the Baltic "
        "Institute and a former adviser to one of the ministries drafting the budget, said."
    )
    (q,) = extract(text, person(text, "p1", "Marta Ilves"))
    assert (q.cue, q.speaker) == ("said", "p1")


def test_cue_after_a_title_with_a_participle(extract) -> None:  # type: ignore[no-untyped-def]
    (q,) = extract("“The port will reopen next week for all ships,” retired admiral Jon Ode said.")
    assert q.cue == "said"


def test_called_for_reports_what_was_asked(extract) -> None:  # type: ignore[no-untyped-def]
    quotes_ = extract("The mayor called for closing the old bridge to all heavy trucks.")
    assert [q.text for q in quotes_] == ["closing the old bridge to all heavy trucks"]


def test_called_x_y_reports_the_whole_small_clause(extract) -> None:  # type: ignore[no-untyped-def]
    quotes_ = extract("The senator called the plan a disaster for working families.")
    assert [q.text for q in quotes_] == ["the plan a disaster for working families"]


def test_a_line_opened_by_a_speaker_and_a_colon(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Ortiz: The bridge will stay closed until May.\n\nThe city council met on Monday."
    (q,) = extract(text, person(text, "p1", "Ortiz"))
    assert (q.text, q.cue, q.speaker, q.speaker_text) == (
        "The bridge will stay closed until May.",
        ":",
        "p1",
        "Ortiz",
    )


def test_a_label_that_names_no_one_is_no_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("Correction: An earlier version of this article misspelled a name.") == []


def test_quote_after_a_colon_takes_the_subject_of_the_clause_before(pipeline: Pipeline) -> None:
    text = (
        "The rally was loud.\n\nLocal student Jared Potts echoed:\n\n"
        "“He speaks his mind, and I think that might be what the country needs.”"
    )
    article = Article(id="t", text=text)
    pipeline.run_stages(article, pipeline.nlp(text))
    assert [(q.kind, q.speaker_text) for q in article.quotes] == [
        ("direct", "Local student Jared Potts")
    ]


def test_according_to_a_document_is_the_source_of_what_was_said(extract) -> None:  # type: ignore[no-untyped-def]
    text = "“We will win this state,” Walker said, according to an Associated Press account."
    (q,) = extract(text, person(text, "p1", "Walker"))
    assert q.speaker_text == "an Associated Press account"


def test_according_to_officials_keeps_the_one_who_said(extract) -> None:  # type: ignore[no-untyped-def]
    text = "“We will win this state,” Walker said, according to two officials."
    (q,) = extract(text, person(text, "p1", "Walker"))
    assert q.speaker_text == "Walker"


def test_object_with_its_predicate_is_what_was_shown(extract) -> None:  # type: ignore[no-untyped-def]
    (q,) = extract("A Monmouth poll out Monday showed Clinton with a healthy lead over Sanders.")
    assert q.text == "Clinton with a healthy lead over Sanders"
    assert q.speaker_text == "A Monmouth poll"


@pytest.mark.parametrize(
    "text",
    [
        "Talks stall.\n\nLONDON (Reuters) - Donald Trump said he was unlikely to meet the British "
        "prime minister before the summit in June.\n",
        "Paris (AFP) – Senator Ana Ruiz has criticised the budget plan, saying that the new "
        "taxes would hurt farmers.\n",
    ],
)
def test_the_subject_past_a_dateline_the_parse_made_a_second_subject_speaks(  # type: ignore[no-untyped-def]
    analyse, text
) -> None:
    # the parse gives the verb two subjects, the dateline's place first
    art = analyse(text)
    assert art.quotes and all(q.speaker_text for q in art.quotes)
    assert not any(q.speaker_text in ("LONDON", "Paris") for q in art.quotes)


def test_a_passive_thought_cue_without_agent_is_its_subjects_view(extract) -> None:  # type: ignore[no-untyped-def]
    # a speech verb in the passive names the hearer ('He was asked'); a belief names its holder
    (quote,) = extract("Republican senators are split on whether to hold hearings this year.")
    assert quote.speaker_text == "Republican senators"
    (asked,) = extract("He was asked whether the senators would hold hearings this year.")
    assert asked.speaker_text is None
    accused = extract("Ekpo is accused of running the largest smuggling network in the gulf.")
    assert all(q.speaker_text is None for q in accused)  # the target, not the accuser


@pytest.mark.parametrize(
    "text",
    [
        "If the deal fails, Lee said, “the farmers of the valley will lose everything they own.”",
        "There was, she said, “an implicit bargain between the workers and the mill owners.”",
    ],
)
def test_a_quotation_going_on_with_a_sentence_begun_before_the_cue_is_mixed(  # type: ignore[no-untyped-def]
    extract, text
) -> None:
    # a comma and a lower-case word after the mark: the sentence began before it
    assert [q.kind for q in extract(text)] == ["mixed"]
    assert [q.kind for q in extract("Lee said, “We will win this fight for the farmers.”")] == [
        "direct"
    ]
