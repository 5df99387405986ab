"""The events stage on small hand-built articles (entities and times placed by hand)."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Entity, Event, Mention, TimeExpr
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings
from newsgraph.stages import events
from newsgraph.stages.events.factuality import factuality_of
from newsgraph.stages.events.vocabulary import EventWords, build_event_words
from newsgraph.wordlists import WordLists


def _article(text: str, names: dict[str, str], times: dict[str, str]) -> Article:
    """An article with one entity per name (every occurrence) and the given time values."""
    art = Article(id="t", text=text, published="2024-10-10")
    for i, (name, kind) in enumerate(names.items(), 1):
        mentions, at = [], text.find(name)
        while at >= 0:
            mentions.append(Mention(at, at + len(name), name))
            at = text.find(name, at + 1)
        art.entities.append(Entity(id=f"e{i}", name=name, type=kind, mentions=mentions))
    for phrase, value in times.items():
        at = text.index(phrase)
        art.times.append(TimeExpr(phrase, at, at + len(phrase), "DATE", value))
    return art


@pytest.fixture(scope="module")
def vocab() -> EventWords:
    return WordLists().get(build_event_words)


@pytest.fixture
def extract(pipeline: Pipeline, settings: Settings):  # type: ignore[no-untyped-def]
    def _extract(
        text: str, names: dict[str, str] | None = None, times: dict[str, str] | None = None
    ) -> tuple[Article, list[Event]]:
        art = _article(text, names or {}, times or {})
        events.run(art, pipeline.nlp(text), settings, pipeline.words)
        return art, art.plover_events()  # every mention is in art.events

    return _extract


def _name(art: Article, entity_id: str | None) -> str | None:
    ent = art.entity(entity_id)
    return ent.name if ent is not None else None


def _only(evs: list[Event], trigger_word: str) -> Event:
    found = [e for e in evs if trigger_word in e.trigger]
    assert len(found) == 1, [e.trigger for e in evs]
    return found[0]


def test_verb_trigger_gets_plover_type_actor_and_target(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract("Norway accused Sweden of spying.", {"Norway": "GPE", "Sweden": "GPE"})
    ev = _only(evs, "accused")
    assert (ev.type, ev.mode) == ("ACCUSE", "allege")
    assert (_name(art, ev.actor), _name(art, ev.target)) == ("Norway", "Sweden")


def test_passive_agent_is_actor_and_subject_is_target(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract("Ecuador was attacked by Peru.", {"Ecuador": "GPE", "Peru": "GPE"})
    ev = _only(evs, "attacked")
    assert ev.type == "ASSAULT"
    assert (_name(art, ev.actor), _name(art, ev.target)) == ("Peru", "Ecuador")


def test_verb_object_pair_sets_type_and_mode(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract(
        "Chile sent hundreds of soldiers to Bolivia.", {"Chile": "GPE", "Bolivia": "GPE"}
    )
    ev = _only(evs, "sent")
    assert (ev.type, ev.mode) == ("MOBILIZE", "troops")
    assert _name(art, ev.target) == "Bolivia"


def test_phrasal_verb_trigger(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The unions called for new elections.")
    ev = _only(evs, "called")
    assert (ev.type, ev.mode) == ("REQUEST", "change")


def test_noun_phrase_under_light_verb_takes_its_subject(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract(
        "The government of Peru imposed a curfew in Lima.", {"Peru": "GPE", "Lima": "GPE"}
    )
    ev = _only(evs, "curfew")
    assert (ev.type, ev.mode) == ("COERCE", "curfew")
    assert _name(art, ev.actor) == "Peru"
    assert _name(art, ev.place) == "Lima"


def test_multiword_noun_trigger(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The prisoners began a hunger strike yesterday.")
    ev = _only(evs, "strike")
    assert (ev.type, ev.mode) == ("PROTEST", "hunger")


def test_time_governed_by_trigger_dates_the_event(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract(
        "Ghana signed the treaty on May 4, and Togo ratified it last year.",
        {"Ghana": "GPE", "Togo": "GPE"},
        {"May 4": "2024-05-04", "last year": "2023"},
    )
    assert (_only(evs, "signed").time, _only(evs, "signed").time_source) == (
        "2024-05-04",
        "expression",
    )
    assert _only(evs, "ratified").time == "2023"


def test_without_time_expression_the_publication_date_is_used(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("Mali expelled the French ambassador.", {"Mali": "GPE"})
    ev = _only(evs, "expelled")
    assert (ev.time, ev.time_source) == ("2024-10-10", "published")


def test_time_of_a_governing_clause_dates_an_embedded_event(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract(
        "The talks ended on June 2, after the signing of a pact between Laos and Vietnam.",
        {"Laos": "GPE", "Vietnam": "GPE"},
        {"June 2": "2024-06-02"},
    )
    assert _only(evs, "signing").time == "2024-06-02"


def test_between_phrase_gives_actor_and_target(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract(
        "They announced the signing of an accord between Laos and Vietnam.",
        {"Laos": "GPE", "Vietnam": "GPE"},
    )
    ev = _only(evs, "signing")
    assert (_name(art, ev.actor), _name(art, ev.target)) == ("Laos", "Vietnam")


def test_pronoun_subject_maps_to_nearest_compatible_entity(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract(
        "Maria Lopez met Oxfam staff in Quito. She criticized the ministry.",
        {"Maria Lopez": "PERSON", "Oxfam": "ORG", "Quito": "GPE"},
    )
    assert _name(art, _only(evs, "criticized").actor) == "Maria Lopez"


def test_the_country_refers_to_the_latest_country_named_or_implied(
    pipeline: Pipeline, settings: Settings
) -> None:
    text = "Chile praised Peru. Gangs roam Peruvian towns. The country asked for help."
    art = _article(text, {"Chile": "GPE", "Peru": "GPE", "Peruvian": "NORP"}, {})
    for ent, code in zip(art.entities, ("CHL", "PER", "PER"), strict=True):
        ent.country = code
    events.run(art, pipeline.nlp(text), settings, pipeline.words)
    assert _name(art, _only(art.events, "asked").actor) == "Peru"


def test_infinitive_after_a_noun_is_intended(pipeline: Pipeline, vocab: EventWords) -> None:
    doc = pipeline.nlp("The country requested help to assist the police.")
    assist = next(t for t in doc if t.text == "assist")
    assert factuality_of(assist, vocab) == "planned"


def test_negation_makes_event_negated(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("Peru did not attack Ecuador.", {"Peru": "GPE", "Ecuador": "GPE"})
    assert _only(evs, "attack").factuality == "negated"


def test_denial_of_an_event(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("Germany denied that it had attacked Austria.")
    assert _only(evs, "attacked").factuality == "denied"


def test_future_makes_event_planned(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The two leaders will meet in Geneva.")
    ev = _only(evs, "meet")
    assert ev.factuality == "planned"


def test_planned_conflict_act_is_a_threat(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract(
        "Brazil will impose sanctions on Venezuela.", {"Brazil": "GPE", "Venezuela": "GPE"}
    )
    ev = _only(evs, "impose")
    assert (ev.type, ev.mode, ev.factuality) == ("THREATEN", "restrict", "planned")
    assert (_name(art, ev.actor), _name(art, ev.target)) == ("Brazil", "Venezuela")


def test_lifting_a_restriction_is_a_concession(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The junta lifted the curfew on Friday.")
    assert _only(evs, "lifted").type == "CONCEDE"


def test_cutting_cooperation_is_a_sanction(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("Denmark suspended its aid to the region.")
    ev = _only(evs, "suspended")
    assert (ev.type, ev.mode) == ("SANCTION", "discontinue")


def test_banning_a_protest_is_coercion(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The governor banned the rally.")
    ev = _only(evs, "banned")
    assert (ev.type, ev.mode) == ("COERCE", "restrict")


def test_must_in_reported_speech_is_a_request_by_the_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract(
        "Canada said Mexico must release the detained journalists.",
        {"Canada": "GPE", "Mexico": "GPE"},
    )
    ev = _only(evs, "release")
    assert (ev.type, ev.mode, ev.factuality) == ("REQUEST", "yield", "happened")
    assert (_name(art, ev.actor), _name(art, ev.target)) == ("Canada", "Mexico")


def test_cooperation_that_will_not_happen_is_a_rejection(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The rebels will not meet the envoy.")
    ev = _only(evs, "meet")
    assert (ev.type, ev.mode, ev.factuality) == ("REJECT", "meet", "negated")


def test_protest_by_a_government_is_an_accusation(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("Japan protested the missile launch.", {"Japan": "GPE"})
    ev = _only(evs, "protested")
    assert (ev.type, ev.mode) == ("ACCUSE", "disapprove")


def test_plan_to_makes_event_planned(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The army plans to withdraw from the border.")
    assert _only(evs, "withdraw").factuality == "planned"


def test_promised_event_and_future_cooperation_recoded_as_agree(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("Spain will provide aid to Morocco.", {"Spain": "GPE", "Morocco": "GPE"})
    ev = _only(evs, "provide")
    assert (ev.type, ev.factuality) == ("AGREE", "planned")


def test_commitments_that_will_be_implemented_are_promised(
    pipeline: Pipeline, vocab: EventWords
) -> None:
    doc = pipeline.nlp("They offered commitments that will be implemented soon, she said.")
    implemented = next(t for t in doc if t.text == "implemented")
    assert factuality_of(implemented, vocab) == "promised"


def test_clause_of_a_future_event_is_future_too(pipeline: Pipeline, vocab: EventWords) -> None:
    doc = pipeline.nlp("The envoy will hold talks when he visits Cairo.")
    visits = next(t for t in doc if t.text == "visits")
    assert factuality_of(visits, vocab) == "planned"


def test_conditional_makes_event_hypothetical(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("If talks fail, the rebels could attack the capital.")
    assert _only(evs, "attack").factuality == "hypothetical"


def test_reported_would_is_planned(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("Officials said the army would withdraw its troops.")
    ev = _only(evs, "withdraw")
    assert (ev.type, ev.factuality) == ("CONCEDE", "planned")


def test_attempted_violence_is_the_act(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("Rebels made an attempt to assassinate the mayor.")
    ev = _only(evs, "assassinate")
    assert (ev.type, ev.mode, ev.factuality) == ("ASSAULT", "targeted", "happened")


def test_threat_mode_comes_from_what_is_threatened(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The militia threatened to shell the border towns.")
    ev = _only(evs, "threatened")
    assert (ev.type, ev.mode) == ("THREATEN", "violence")


def test_event_noun_takes_factuality_from_its_verb(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The navy would tighten the blockade of the port.")
    assert _only(evs, "blockade").factuality in ("hypothetical", "planned")


def test_resuming_a_named_event_is_that_event(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("Serbia and Kosovo resumed negotiations in Brussels.")
    assert _only(evs, "resumed").type == "CONSULT"


def test_purpose_clause_of_a_protest_is_not_a_threat(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("Farmers stopped work for a day to protest against the new tax.")
    ev = _only(evs, "protest")
    assert (ev.type, ev.factuality) == ("PROTEST", "planned")


def test_recall_without_an_object_is_remembering(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The old soldier recalled the war. He later recalled, smiling.")
    assert not [e for e in evs if e.trigger == "recalled" and e.trigger_start > 30]


def test_a_vow_of_violence_is_a_threat(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The rebels vowed to attack the capital.")
    ev = _only(evs, "vowed")
    assert (ev.type, ev.mode) == ("THREATEN", "violence")


def test_idiom_is_not_an_event(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The officer was in charge of protecting the convoy.")
    assert not [e for e in evs if "charge" in e.trigger]


def test_event_in_quotes_keeps_its_own_cues(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract('"We arrested twelve suspects," the minister said.')
    ev = _only(evs, "arrested")
    assert (ev.type, ev.mode, ev.factuality) == ("COERCE", "arrest", "happened")


def test_events_have_ids_sentences_and_offsets(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract("Kenya deployed police. Uganda condemned the raid.")
    assert [e.id for e in evs] == [f"v{i}" for i in range(1, len(evs) + 1)]
    for ev in evs:
        assert art.text[ev.trigger_start : ev.trigger_end] == ev.trigger
        assert ev.sentence_start is not None and ev.sentence_end is not None
        assert ev.sentence_start <= ev.trigger_start < ev.sentence_end


def test_text_without_events_gives_none(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("The weather was mild and the river was calm.")[1] == []


def test_a_promise_to_cooperate_is_one_agree_event(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract("Chile promised to send aid to Peru.", {"Chile": "GPE", "Peru": "GPE"})
    assert [(e.trigger, e.type) for e in evs] == [("promised", "AGREE")]
    assert (_name(art, evs[0].actor), _name(art, evs[0].target)) == ("Chile", "Peru")


def test_a_refusal_to_meet_is_one_reject_event(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The union refused to meet the employers on Friday.")
    assert [e.type for e in evs] == ["REJECT"]


def test_noun_inside_a_verb_phrase_is_not_a_second_event(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The dockers will go on strike next month.")
    assert len(evs) == 1 and "go on strike" in evs[0].trigger


def test_distinct_acts_in_one_sentence_are_kept(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("Police arrested and detained forty protesters.")
    assert [e.trigger for e in evs] == ["arrested", "detained"]


def test_event_ids_are_renumbered_in_text_order(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The union refused to meet the employers. Police later arrested two men.")
    assert [e.id for e in evs] == [f"v{n}" for n in range(1, len(evs) + 1)]


def test_participle_with_by_takes_the_agent_as_actor(pipeline: Pipeline, vocab: EventWords) -> None:
    from newsgraph.stages.events.arguments import actor_and_target

    doc = pipeline.nlp("The first plane, made by Airbus, was delivered to the airline.")
    made = next(t for t in doc if t.text == "made")
    actor, _ = actor_and_target(made, vocab)
    assert actor is not None and actor.text == "Airbus"


def test_a_measure_after_by_is_not_an_actor(pipeline: Pipeline, vocab: EventWords) -> None:
    from newsgraph.stages.events.arguments import actor_and_target

    doc = pipeline.nlp("The firm wanted to reduce costs by 30%.")
    reduce = next(t for t in doc if t.text == "reduce")
    actor, _ = actor_and_target(reduce, vocab)
    assert actor is not None and actor.text == "firm"


def test_subject_of_a_passive_controls_its_infinitive(
    pipeline: Pipeline, vocab: EventWords
) -> None:
    from newsgraph.stages.events.arguments import actor_and_target

    doc = pipeline.nlp("Penske was selected to purchase the factory.")
    purchase = next(t for t in doc if t.text == "purchase")
    actor, target = actor_and_target(purchase, vocab)
    assert actor is not None and actor.text == "Penske"
    assert target is not None and target.text == "factory"


def test_object_of_a_control_verb_does_the_infinitive(
    pipeline: Pipeline, vocab: EventWords
) -> None:
    from newsgraph.stages.events.arguments import actor_and_target

    doc = pipeline.nlp("The ministry hired a contractor to build the road.")
    build = next(t for t in doc if t.text == "build")
    actor, _ = actor_and_target(build, vocab)
    assert actor is not None and actor.text == "contractor"


@pytest.mark.parametrize(
    ("sentence", "verb", "undergoer"),
    [("Sales fell sharply in January.", "fell", "Sales"),
     ("The jetliner crashed into the ocean.", "crashed", "jetliner")],
)  # fmt: skip
def test_subject_of_an_unaccusative_verb_is_its_target(
    pipeline: Pipeline, vocab: EventWords, sentence: str, verb: str, undergoer: str
) -> None:
    from newsgraph.stages.events.arguments import actor_and_target

    doc = pipeline.nlp(sentence)
    actor, target = actor_and_target(next(t for t in doc if t.text == verb), vocab)
    assert actor is None
    assert target is not None and target.text == undergoer


def test_transitive_use_keeps_its_subject_as_actor(pipeline: Pipeline, vocab: EventWords) -> None:
    from newsgraph.stages.events.arguments import actor_and_target

    doc = pipeline.nlp("The company increased its prices.")
    actor, target = actor_and_target(next(t for t in doc if t.text == "increased"), vocab)
    assert actor is not None and actor.text == "company"
    assert target is not None and target.text == "prices"


@pytest.mark.parametrize(
    "text",
    [
        "Opposition parties say that will not happen.",
        "The asylum quotas are too low, the leader said.",
        "The minister insisted he did not know the date.",
        "He said he accepted that young people drank.",
        "News of the review was released on Monday.",
        "The first three sentences of the e-mail were spot on.",
        "A weight had been lifted off her shoulders.",
        "Councils have spent millions on asylum since 2001.",
        "The minister spoke about immigration and asylum.",
        "Little progress was made on debt relief.",
        "The firm failed to meet its sales targets.",
        "Families struggle to make ends meet.",
        "The plan met with disapproval from unions.",
        "Asked if she was a member, the minister said no.",
        "Growth slowed amid weaker global demand.",
        "Analysts expect rising demand for fuel.",
        "The extra demand that had driven sales has gone.",
        "The union warned that costs could outweigh the benefits.",
        "The firm issued a profit warning.",
        "Marsh took a pre-tax charge of $618m.",
        "Landing charges will rise.",
        "Airlines cut the rates they charge.",
        "The minister was asked about the report.",
        'He asked: "Why do we need this law?"',
    ],
)
def test_words_used_in_another_sense_are_no_events(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract(text)
    assert not evs, [(e.trigger, e.type) for e in evs]


def test_the_event_senses_of_the_same_words_stay(extract) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ("The union insisted on a pay rise.", "insisted", "REQUEST"),
        ("Rebels released the hostages on Friday.", "released", "RETREAT"),
        ("The court passed a life sentence.", "life sentence", "SANCTION"),
        ("The government lifted the curfew.", "lifted", "CONCEDE"),
        ("The league undertook a mediation mission.", "mediation", "CONSULT"),
        ("The rebels agreed on a ceasefire.", "ceasefire", "RETREAT"),
        ("Police cracked down on the protests.", "protests", "PROTEST"),
        ("Two prisoners remain on hunger strike.", "hunger strike", "PROTEST"),
        ("The minister met the union leaders.", "met", "CONSULT"),
        ("Kenya asked the council to send troops.", "asked", "REQUEST"),
        ("The union asked the court for an injunction.", "asked", "REQUEST"),
        ("He would not resign even if the chairman asked.", "asked", "REQUEST"),
        ("The union made a demand for higher pay.", "demand", "REQUEST"),
        ("The rebels repeated their demand that troops leave.", "demand", "REQUEST"),
        ("The EU repeated the demand for Turkey to recognise Cyprus.", "demand", "REQUEST"),
        ("Unions renewed the demand for an inquiry.", "demand", "REQUEST"),
        ("The union warned of strikes unless ministers relent.", "warned", "THREATEN"),
        ("The army issued a warning to the rebels.", "warning", "THREATEN"),
        ("He faces three charges of murder.", "charges", "ACCUSE"),
        ("Police charged two men with fraud.", "charged", "ACCUSE"),
    ]
    for text, trigger, kind in cases:
        _, evs = extract(text)
        assert _only(evs, trigger).type == kind, text


def test_attacking_a_plan_in_words_is_criticism(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The co-chairman attacked the pledges as vacuous.")
    assert (_only(evs, "attacked").type, _only(evs, "attacked").mode) == ("ACCUSE", "disapprove")
    _, evs = extract("Gunmen attacked the convoy near the border.")
    assert _only(evs, "attacked").type == "ASSAULT"


def test_the_it_of_an_extraposed_clause_does_nothing(extract) -> None:  # type: ignore[no-untyped-def]
    names = {"Acme": "ORG"}
    _, evs = extract("Acme held a meeting. It is important to support the rebels.", names)
    assert _only(evs, "support").actor is None
    _, evs = extract("Acme held a meeting. It would be possible to rescue the hostages.", names)
    assert _only(evs, "rescue").actor is None
    _, evs = extract("Acme held a meeting. It agreed to support the rebels.", names)
    assert _only(evs, "agreed").actor == "e1"


def test_should_predicting_or_judging_is_no_request(extract) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ("The minister said this should mean lower prices.", "mean"),
        ("The senator said voters should know the truth by now.", "know"),
        ("The mayor said there should be an inquiry.", "be"),
        ("Some 40% believe the king should resign.", "resign"),
        ("Nearly half of those surveyed said the envoy should return.", "return"),
    ]
    for text, trigger in cases:
        _, evs = extract(text)
        assert all(ev.type != "REQUEST" for ev in evs if ev.trigger == trigger), text


def test_should_asking_someone_to_act_stays_a_request(extract) -> None:  # type: ignore[no-untyped-def]
    for text, trigger in [
        ("The senator said the king should resign.", "resign"),
        ("The mayor said the law must be changed.", "changed"),
    ]:
        _, evs = extract(text)
        assert _only(evs, trigger).type == "REQUEST", text


def test_a_politicians_attack_on_a_party_is_criticism(extract) -> None:  # type: ignore[no-untyped-def]
    names = {"Jane Smith": "PERSON", "the Liberal Party": "ORG"}
    _, evs = extract("Jane Smith attacked the Liberal Party in a speech on Monday.", names)
    assert (_only(evs, "attacked").type, _only(evs, "attacked").mode) == ("ACCUSE", "disapprove")
    _, evs = extract('He attacked the minister, saying his record was "a shambles".')
    assert _only(evs, "attacked").type == "ACCUSE"


def test_an_armed_or_bodily_attack_stays_an_assault(extract) -> None:  # type: ignore[no-untyped-def]
    for text in [
        "Rebels attacked the Liberal Party office, killing two guards.",
        "The senator was attacked in a park.",
        "Gunmen attacked the minister's car.",
    ]:
        _, evs = extract(text)
        assert _only(evs, "attacked").type == "ASSAULT", text


def test_a_domestic_policy_proposal_is_no_offer(extract) -> None:  # type: ignore[no-untyped-def]
    for text, trigger in [
        ("The minister unveiled proposals for longer parental leave.", "proposals"),
        ("The bill proposes tighter controls on the sale of knives.", "proposes"),
    ]:
        _, evs = extract(text)
        assert all(ev.type != "AGREE" for ev in evs if ev.trigger == trigger), text


def test_proposing_cooperation_or_to_a_party_is_an_offer(extract) -> None:  # type: ignore[no-untyped-def]
    for text, trigger in [
        ("Iran proposed talks with the European Union.", "proposed"),
        ("The rebels made a proposal to Colombia.", "proposal"),
    ]:
        _, evs = extract(text, {"Iran": "GPE", "Colombia": "GPE"})
        assert _only(evs, trigger).type == "AGREE", text


def test_launching_an_attack_in_words_is_criticism(extract) -> None:  # type: ignore[no-untyped-def]
    names = {"Jane Smith": "PERSON"}
    _, evs = extract("Jane Smith launched an attack on the cost of the scheme.", names)
    assert _only(evs, "launched an attack").type == "ACCUSE"
    _, evs = extract("Rebels launched an attack on the army base.")
    assert _only(evs, "launched an attack").type == "ASSAULT"


def test_one_group_attacking_another_without_speech_stays_an_assault(extract) -> None:  # type: ignore[no-untyped-def]
    names = {"Ruritanian Front": "ORG", "Liberation Army": "ORG"}
    _, evs = extract("The Ruritanian Front attacked the Liberation Army on Monday.", names)
    assert _only(evs, "attacked").type == "ASSAULT"


def test_the_possessor_of_a_thing_supported_is_the_target(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract(
        "Portugal backed Turkey's efforts to join the union.", {"Portugal": "GPE", "Turkey": "GPE"}
    )
    assert _name(art, _only(evs, "backed").target) == "Turkey"


def test_in_a_joint_act_the_other_conjunct_is_the_partner(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract(
        "Jordan and Britain agreed to hold exercises.", {"Jordan": "GPE", "Britain": "GPE"}
    )
    ev = _only(evs, "agreed")
    assert (_name(art, ev.actor), _name(art, ev.target)) == ("Jordan", "Britain")


def test_threat_target_is_named_in_the_threatened_act(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract(
        "Chile threatened to cut off electricity to Peru.", {"Chile": "GPE", "Peru": "GPE"}
    )
    ev = _only(evs, "threatened")
    assert (ev.type, _name(art, ev.actor), _name(art, ev.target)) == ("THREATEN", "Chile", "Peru")


def test_demand_target_is_the_subject_of_its_that_clause(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract(
        "Amnesty demanded that the Sudanese government end curbs on the press.",
        {"Amnesty": "ORG", "Sudanese": "NORP"},
    )
    ev = _only(evs, "demanded")
    assert _name(art, ev.target) == "Sudanese"


def test_target_named_only_by_a_modifier(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract("Iran shelled Iraqi towns on Monday.", {"Iran": "GPE", "Iraqi": "NORP"})
    assert _name(art, _only(evs, "shelled").target) == "Iraqi"


def test_recognition_needs_an_actor_as_object(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("Brazil recognised Kosovo.", {"Brazil": "GPE", "Kosovo": "GPE"})
    assert [e.type for e in evs] == ["SUPPORT"]
    _, evs = extract("Brazil recognised the need for reform.", {"Brazil": "GPE"})
    assert evs == []


def test_a_pro_verb_demand_names_no_act(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract('"The same must be done in Haiti," the president said.')
    assert all(ev.type != "REQUEST" for ev in evs if ev.trigger == "done")
    _, evs = extract("The mayor said the council must do more to help the homeless.")
    assert _only(evs, "do").type == "REQUEST"


def test_the_act_asked_for_is_no_event_of_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract("The creditors asked the government to mediate.", {"the government": "ORG"})
    assert [e.type for e in evs] == ["REQUEST"]
    assert any(e.trigger == "mediate" and e.type is None for e in art.events)


def test_release_is_a_retreat_only_when_people_are_freed(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("Israel released 20 prisoners.", {"Israel": "GPE"})
    assert [(e.type, e.mode) for e in evs] == [("RETREAT", "release")]
    _, evs = extract("The release of the hostages ended the siege.")
    assert "RETREAT" in [e.type for e in evs]
    _, evs = extract("She was freed on Monday.")
    assert [e.type for e in evs] == ["RETREAT"]
    for text in (
        "Nintendo released its new DS console.",
        "The single, which was released on Monday, sold well.",
        "Figures released by the ministry show a rise.",
        "Delays to the release of new albums hit sales.",
    ):
        _, evs = extract(text, {"Nintendo": "ORG"})
        assert all(e.type != "RETREAT" for e in evs), text


def test_a_contest_won_is_no_assault(extract) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "The Reds beat Olympiakos 3-1 on Tuesday.",
        "Franz Ferdinand beat Morrissey to the music award.",
        "Yeading beat Slough in the second round.",
    ):
        art, evs = extract(text)
        assert evs == [], text
        assert any(e.trigger.startswith("beat") for e in art.events)  # still a mention
    _, evs = extract("Police beat the protesters to death after the match.")
    assert [e.type for e in evs] == ["ASSAULT"]


def test_a_common_noun_actor_takes_the_organisation_its_modifier_names(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract(
        "European Community foreign ministers agreed to send aid.", {"European Community": "ORG"}
    )
    assert _name(art, _only(evs, "agreed").actor) == "European Community"


def test_hosting_a_show_is_no_consultation(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("Tony Blair hosted the delegation in London.", {"Tony Blair": "PERSON"})
    assert [e.type for e in evs] == ["CONSULT"]
    _, evs = extract("Mr Brown is visiting Tanzania.", {"Brown": "PERSON", "Tanzania": "GPE"})
    assert [e.type for e in evs] == ["CONSULT"]
    for text in (
        "Rob Da Bank has been hosting the show since the DJ's death.",
        "Jamelia will host a Christmas Day concert.",
        "The e-mails tried to make people visit fake versions of the websites.",
    ):
        _, evs = extract(text, {"Rob Da Bank": "PERSON", "Jamelia": "PERSON"})
        assert all(e.type not in ("CONSULT", "AGREE") for e in evs), text


def test_coming_to_an_end_visits_no_one(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The minister came to Scotland.", {"Scotland": "GPE"})
    assert [e.type for e in evs] == ["CONSULT"]
    for text in (
        "The long-running series came to an end in 1989.",
        "His spell in charge came to an end after the World Cup.",
        "People come in person to the ranch.",
    ):
        _, evs = extract(text)
        assert evs == [], text


def test_an_attack_on_or_by_an_animal_or_a_message_is_no_assault(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("Gunmen shot two soldiers at the checkpoint.")
    assert [e.type for e in evs] == ["ASSAULT"]
    for text in (
        "Users can shoot deer from their computers.",
        "A computer virus strikes and files are deleted.",
        "E-mail security attacks remain unabated.",
        "People practise shooting at targets via the internet.",
    ):
        _, evs = extract(text)
        assert all(e.type != "ASSAULT" for e in evs), text


def test_talking_without_a_partner_is_no_consultation(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("The minister talked to the rebels.")
    assert [e.type for e in evs] == ["CONSULT"]
    _, evs = extract("The two sides talked for hours.")
    assert [e.type for e in evs] == ["CONSULT"]
    for text in (
        "I don't think we should talk about timing.",
        "Mourinho doesn't simply talk a good game.",
        "If he has to talk, he talks.",
    ):
        _, evs = extract(text, {"Mourinho": "PERSON"})
        assert all(e.type not in ("CONSULT", "AGREE") for e in evs), text


def test_a_message_sent_to_no_one_is_no_consultation(extract) -> None:  # type: ignore[no-untyped-def]
    _, evs = extract("Iran sent a message to Israel.", {"Iran": "GPE", "Israel": "GPE"})
    assert [e.type for e in evs] == ["CONSULT"]
    for text in (
        "People are not sending multimedia messages.",
        "Few users have sent a picture message.",
        "The council sends a clear message.",
    ):
        _, evs = extract(text)
        assert all(e.type != "CONSULT" for e in evs), text


def test_argument_span_starts_past_the_dateline(pipeline: Pipeline, settings: Settings) -> None:
    # the parse makes the dateline's place the subject, the name its apposition
    text = "WASHINGTON -- President Obama, visiting the museum on Saturday, said it would open."
    art = _article(text, {"Obama": "PERSON"}, {})
    art.dateline = Mention(0, 10, "WASHINGTON")
    events.run(art, pipeline.nlp(text), settings, pipeline.words)
    said = _only(art.events, "said")
    assert (_name(art, said.actor), said.actor_text) == ("Obama", "President Obama")
