"""Word lists the events stage reads: factuality cues, quantity nouns, pronouns, type families.

Data, not logic: the rules in ``events.py`` and ``event_factuality.py`` only look words up here.
"""

from __future__ import annotations

# Auxiliaries and governing verbs that say an event has not happened yet but is intended.
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
PLAN_VERBS = frozenset(
    {
        "plan", "intend", "schedule", "aim", "expect", "prepare", "decide", "seek", "want",
        "hope", "try", "attempt", "mean", "set", "propose", "consider", "agree", "threaten",
        "ask", "urge", "call", "demand", "order", "request", "need", "wish", "be going",
    }
)  # fmt: skip
# Governors after which the embedded event is promised rather than merely planned.
PROMISE_VERBS = frozenset({"promise", "pledge", "vow", "offer", "commit", "guarantee", "swear"})
PROMISE_NOUNS = frozenset({"promise", "pledge", "commitment", "offer", "vow", "guarantee"})
# Governors whose complement did happen ("managed to", "began to") — not an intention.
IMPLICATIVE_VERBS = frozenset(
    {"manage", "begin", "start", "continue", "help", "succeed", "keep", "resume", "choose", "dare"}
)
# Attempts count as the act in PLOVER ("successful and attempted assassinations").
ATTEMPT_WORDS = frozenset({"attempt", "try", "bid", "plot"})
# Governors whose complement did not happen.
NEGATING_VERBS = frozenset({"fail", "refuse", "decline", "neglect", "avoid", "stop", "cease"})
DENIAL_VERBS = frozenset({"deny", "refute"})
NEGATION_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
# Modal auxiliaries and conditional markers: the event is only possible.
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should", "must", "can"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Reporting verbs: "said it would withdraw" reports a plan (backshifted "will").
SPEECH_VERBS = frozenset(
    {"say", "announce", "tell", "state", "declare", "report", "add", "claim", "confirm", "insist"}
)

# Types whose mode is the content of the act, often told in its complement clause.
CONTENT_TYPES = frozenset({"THREATEN", "REQUEST", "REJECT"})
# Heads of quantity phrases looked through to find what is counted ("dozens of agents").
QUANTITY_NOUNS = frozenset(
    {
        "dozen", "hundred", "thousand", "million", "number", "group", "team", "contingent",
        "unit", "battalion", "company", "batch", "couple", "handful", "score", "lot", "wave",
        "convoy", "shipment", "package", "kind", "type", "series", "delegation", "force",
        # measures: "handed over 700 kg of medicine"
        "kg", "kilogram", "kilo", "ton", "tonne", "pound", "litre", "liter", "gallon", "barrel",
        "bag", "sack", "box", "crate", "truckload", "planeload", "shipload", "consignment",
        "quantity", "amount",
    }
)  # fmt: skip
# Verbs that are PLOVER triggers only with a nominal object ("denied the request", "sought
# help", "recalled its envoy"); with a clause they mark factuality ("denied that...") or
# intention ("seeks to..."), and "recalled" alone is remembering.
NEEDS_NOUN_OBJECT = frozenset({"deny", "seek", "refute", "recall", "accept"})
# Head nouns that carry the event of the noun modifying them ("a mediation mission", "rescue
# efforts"), unlike "asylum quotas" or "opposition parties", which name no event.
CARRIER_NOUNS = QUANTITY_NOUNS | frozenset({
    "mission", "effort", "operation", "process", "campaign", "attempt", "bid", "initiative",
    "programme", "program", "project", "drive", "package", "plan", "work", "activity", "action",
})  # fmt: skip
# Objects that turn a release or hand-over into publishing ("released a statement", "a letter
# handed over to the UN") rather than freeing people or ceding something.
INFORMATION_NOUNS = frozenset({
    "statement", "report", "figure", "data", "detail", "news", "information", "document",
    "result", "list", "letter", "note", "message", "video", "footage", "image", "photo",
    "picture", "recording", "tape", "transcript", "study", "survey", "poll", "album", "film",
    "song", "record", "book", "version", "plan", "proposal", "paper", "memo", "email",
    "e-mail", "file", "evidence", "name", "text", "copy", "guideline", "estimate", "forecast",
})  # fmt: skip
INFORMATION_VERBS = frozenset({"release", "hand over", "hand"})
# "attacked the plan as vacuous": an attack in words (ACCUSE), not in arms.
VERBAL_ATTACK_VERBS = frozenset({"attack", "slam", "blast", "hit out", "savage", "lambast"})
# Proposing is an offer (AGREE) only when put to someone or when it names an act: a domestic
# policy proposal ("proposals for maternity pay") is no event between actors.
PROPOSAL_WORDS = frozenset({"propose", "proposal"})
PROPOSAL_CONTENT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "prep", "acl", "compound", "relcl"})
# Words of bodily harm or armed force: an attack told with them is an assault, not criticism.
VIOLENCE_WORDS = frozenset({
    "kill", "wound", "injure", "hurt", "dead", "die", "death", "casualty", "blood", "hospital",
    "troops", "soldier", "militant", "rebel", "insurgent", "fighter", "army", "militia",
    "gunman", "attacker", "weapon", "raid", "fire", "assault", "violence", "violent", "force",
})  # fmt: skip
# Who can attack in words: people, parties and governments named, or a personal pronoun.
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you"})
ABSTRACT_OBJECTS = frozenset({
    "plan", "policy", "proposal", "pledge", "decision", "remark", "comment", "claim", "idea",
    "budget", "bill", "law", "report", "record", "stance", "handling", "approach", "strategy",
    "scheme", "reform", "speech", "statement", "manifesto", "move", "deal", "ruling", "view",
    "cost", "way",
})  # fmt: skip

# Event nouns inside fixed phrases that are not events: "in charge of".
IDIOM_PREPOSITION = {"charge": "in", "demand": "in", "call": "on", "order": "in"}
# What one meets without meeting anyone: a requirement fulfilled ("meet the targets", "make ends
# meet") or a reception ("met with disapproval"), so no consultation. Not "demands": PLOVER
# codes "would not meet the demands" as a refusal, which the negated meeting becomes.
MEET_NON_PARTNERS = frozenset({
    "need", "target", "rule", "concern", "cost", "deadline", "requirement", "standard",
    "criterion", "criteria", "goal", "expectation", "obligation", "condition", "challenge",
    "end", "forecast", "estimate", "commitment", "objective", "threshold", "quota", "test",
    "limit", "bill", "payment", "shortfall", "criticism", "disapproval", "opposition",
    "resistance", "approval", "success", "failure", "scepticism", "skepticism", "anger",
    "hostility", "derision", "silence", "response", "reaction",
})  # fmt: skip
# Determiners that make singular "demand" a claim made ("a demand for an apology", "this
# demand"); without one, or with "the", it is the economy's ("domestic demand", "the demand
# for oil").
CLAIM_DETERMINERS = frozenset({"a", "an", "this", "that", "every", "each", "another"})
# Warnings that threaten only when they name an act ("warned police would disperse the
# rallies", "warned of strikes unless ..."); otherwise they forecast ("warned costs could rise").
WARNING_WORDS = frozenset({"warn", "warning"})
# A charge that is a price or a cost, not an accusation: "landing charges", "a restructuring
# charge of $80m", "the rates they charge".
FEE_MODIFIERS = frozenset({
    "restructuring", "tax", "landing", "remittance", "roaming", "service", "bank", "interest",
    "impairment", "congestion", "handling", "booking", "transaction", "exit", "admission",
    "user", "prescription", "parking", "call", "one-time", "exceptional", "writedown",
})  # fmt: skip
FEE_NOUNS = frozenset({
    "rate", "tariff", "price", "fee", "tax", "interest", "premium", "commission", "rent",
    "fare", "toll", "levy",
})  # fmt: skip
CURRENCY_WORDS = frozenset({
    "$", "£", "€", "¥", "euro", "euros", "dollar", "dollars", "pound", "pounds", "yen",
})  # fmt: skip
# Words opening an indirect question ("asked if she was a member", "asked why he left").
QUESTION_WORDS = frozenset({
    "if", "whether", "why", "what", "how", "when", "where", "who", "whom", "which",
})  # fmt: skip
# Prepositions whose bare singular object is a subject matter ("spent £3bn on asylum", "progress
# on debt relief", "a row over aid and trade"), not an act that took place.
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
# Verbs after which 'on' + noun is a state one is in ("remain on hunger strike", "were on patrol").
ON_STATE_VERBS = frozenset({"be", "remain", "stay", "go", "continue", "keep"})
# Definite descriptions that stand for the nearest earlier entity of these types.
ANAPHORIC_NOUNS: dict[str, frozenset[str]] = {
    "country": frozenset({"GPE"}),
    "nation": frozenset({"GPE"}),
    "government": frozenset({"GPE"}),
    "kingdom": frozenset({"GPE"}),
    "republic": frozenset({"GPE"}),
    "company": frozenset({"ORG"}),
    "group": frozenset({"ORG"}),
    "organization": frozenset({"ORG"}),
    "organisation": frozenset({"ORG"}),
}
# Prepositions that introduce the recipient of an event.
TARGET_PREPS = ("against", "with", "on", "to", "at", "toward", "towards", "upon", "from", "for")
NOUN_TARGET_PREPS = ("against", "with", "on", "to", "toward", "towards", "upon")
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout"})

# Pronouns and the entity types they may refer to (spaCy labels and MEANTIME labels).
PERSON_TYPES = frozenset({"PERSON", "PER"})
GROUP_TYPES = frozenset({"ORG", "GPE", "NORP", "LOC", "PRO", "MIX", "FAC"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
PRONOUN_TYPES: dict[str, frozenset[str]] = {
    "he": PERSON_TYPES,
    "she": PERSON_TYPES,
    "him": PERSON_TYPES,
    "her": PERSON_TYPES,
    "his": PERSON_TYPES,
    "it": GROUP_TYPES,
    "its": GROUP_TYPES,
    "they": GROUP_TYPES | PERSON_TYPES,
    "them": GROUP_TYPES | PERSON_TYPES,
    "their": GROUP_TYPES | PERSON_TYPES,
}

# Verbs that reverse the event named by their object: lifting a curfew is a concession,
# cutting aid a sanction, banning a rally coercion ("called off the strike").
CANCEL_VERBS = frozenset(
    {
        "cancel", "call off", "lift", "revoke", "end", "rescind", "repeal", "drop", "ease",
        "relax", "suspend", "scrap", "abandon", "remove",
    }
)  # fmt: skip
CUT_VERBS = frozenset(
    {
        "cut", "reduce", "halt", "freeze", "suspend", "stop", "end", "cancel", "prohibit", "ban",
        "block", "withhold", "restrict", "curtail", "scrap", "call off",
    }
)  # fmt: skip
SUPPRESS_VERBS = frozenset(
    {
        "prevent", "ban", "block", "stop", "forbid", "prohibit", "break up", "disperse",
        "outlaw", "suppress", "crush", "quell",
    }
)  # fmt: skip
# Verbs that start, resume or continue the event their object names ("renewed negotiations").
ASPECTUAL_VERBS = frozenset(
    {"renew", "resume", "restart", "continue", "begin", "start", "reopen", "open", "launch"}
)
# Verbs whose subject, when they take no object, undergoes the event rather than does it
# (PropBank's Arg1: "sales fell", "the jetliner crashed", "the accident occurred").
UNACCUSATIVE_VERBS = frozenset({
    "happen", "occur", "fall", "rise", "crash", "die", "increase", "decrease", "decline",
    "drop", "grow", "collapse", "expire", "sink", "soar", "plunge", "surge", "tumble", "slump",
    "remain", "stay", "exist", "improve", "worsen", "deteriorate", "shrink", "fluctuate",
    "break", "burn", "explode", "freeze", "melt", "stall", "slide", "climb", "jump", "double",
    "triple", "halve", "stem", "result",
})  # fmt: skip
# Nouns that are a verb's object though introduced by a preposition ("took to the streets",
# "went on strike", "put on alert").
PREPOSITIONAL_OBJECTS = frozenset({"street", "strike", "alert"})
# Particles a parse may attach as prepositions ("handed over medicine").
PARTICLE_PREPS = frozenset({"over", "off", "out", "up", "down"})
# Modal auxiliaries that turn a reported clause into a demand ("said Iraq must cooperate").
DEMAND_AUX = frozenset({"must", "should"})
DEMAND_SPEECH_VERBS = SPEECH_VERBS | frozenset(
    {"reiterate", "stress", "demand", "insist", "urge", "argue", "warn", "write", "believe"}
)
# Verbs of state or cognition: 'should' with them predicts or judges ("this should mean lower
# prices", "voters should know by now"), it asks no one to act.
DEMAND_STATE_VERBS = frozenset({
    "be", "have", "know", "mean", "believe", "think", "realise", "realize", "understand",
    "expect", "seem", "appear", "remain", "deserve", "symbolise", "symbolize", "reflect",
    "cost", "matter", "exist", "happen", "feel", "find", "hear",
})  # fmt: skip
# Subjects that can be asked to do nothing: expletives and demonstratives ("there should be",
# "this should mean").
DEMAND_INANIMATE_SUBJECTS = frozenset({"there", "this", "that", "these", "those", "which", "what"})
# A share of those polled is no speaker making a demand ("47% believe she should resign",
# "nearly half those surveyed said he should return").
POLL_WORDS = frozenset({
    "%", "percent", "cent", "half", "majority", "minority", "quarter", "third", "poll",
    "polled", "surveyed", "survey", "respondent",
})  # fmt: skip

# PLOVER type families: cooperation reversed or refused, conflict threatened.
COOPERATIVE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})
CONFLICT_TYPES = frozenset({"PROTEST", "COERCE", "SANCTION", "ASSAULT", "THREATEN", "MOBILIZE"})
# What a planned or hypothetical conflict event threatens, as a THREATEN mode.
THREAT_MODES: dict[tuple[str, str | None], str | None] = {
    ("ASSAULT", None): "violence",
    ("COERCE", "arrest"): "arrest",
    ("COERCE", "deport"): "expel",
    ("COERCE", None): "restrict",
    ("SANCTION", "expel"): "expel",
    ("SANCTION", "withdraw"): "relations",
    ("SANCTION", None): "restrict",
    ("PROTEST", None): "restrict",
}
THREAT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})
