"""Controlled vocabularies of the facts table: codes stored in data/, labels shown to people."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary: the code stored in the CSV, its label and what it means."""

    code: str
    label: str
    description: str


CATEGORIES: tuple[Term, ...] = (
    Term(
        "arms",
        "Weapons and munitions",
        "Weapons, ammunition, missiles, drones and their parts, sold, supplied or promised.",
    ),
    Term(
        "exercises",
        "Joint exercises",
        "Military exercises held together, or hosted for the other's forces; no arms change hands.",
    ),
    Term(
        "economic",
        "Economic ties",
        "Oil purchases, dependence on trade with Russia, transit routed through Russia.",
    ),
    Term(
        "sanctions",
        "Sanctions circumvention",
        "Banking integration and trade rerouted to get around Western sanctions.",
    ),
    Term(
        "diplomatic",
        "Diplomatic cover",
        "UN votes, refusal to condemn, endorsements, state visits, repeating Kremlin narratives.",
    ),
    Term(
        "territory",
        "Territory and bases",
        "A staging ground for attacks, training grounds, supply points, hosting Russian forces.",
    ),
    Term(
        "troops",
        "Troops and military workers",
        "Soldiers, sappers or military builders sent to fight or work in Russia's war.",
    ),
)

# Codes that old links may still carry, and what they mean now. "military" held both weapons and
# joint exercises until readers took it to mean weapons alone; it was split in two.
FORMER_CATEGORIES: dict[str, tuple[str, ...]] = {
    "military": ("arms", "exercises"),
    "military supplies": ("arms", "exercises"),  # its label, as links carried it
}

DIRECTIONS: tuple[Term, ...] = (
    Term("to_russia", "To Russia", "Support the country gives to Russia."),
    Term("from_russia", "From Russia", "Support Russia gives to the country."),
    Term("mutual", "Mutual", "A tie that runs both ways."),
)

# Ordered strongest first: the order is what "strongest evidence" means in profiles.
EVIDENCE: tuple[Term, ...] = (
    Term(
        "public_record",
        "Public record",
        "An official act or an event on the public record: a UN vote, a state visit, an exercise.",
    ),
    Term(
        "official_statement",
        "Government statement",
        "What a government or its officials said, or a state news agency reported.",
    ),
    Term(
        "media_report",
        "Media report",
        "A newspaper, broadcaster or analyst reporting it, often citing unnamed sources.",
    ),
    Term(
        "disputed",
        "Disputed",
        "The accused party denies the claim itself (North Korea denies the shell shipments).",
    ),
)

DATE_PRECISIONS: tuple[Term, ...] = (
    Term("day", "Day", "The event date is known to the day (YYYY-MM-DD)."),
    Term("month", "Month", "Only the month is known (YYYY-MM)."),
    Term("year", "Year", "Only the year is known (YYYY)."),
    Term(
        "ongoing",
        "Ongoing",
        "A continuing state of affairs; the date (YYYY-MM) is when the source described it.",
    ),
    Term("undated", "Undated", "The article gives no date; event_date is left empty."),
)

OUTLET_KINDS: tuple[Term, ...] = (
    Term("news_outlet", "News outlet", "A newspaper, broadcaster or news site in its own right."),
    Term("wire", "News agency", "A wire service whose stories other outlets republish."),
    Term(
        "state_media",
        "State news agency",
        "A news agency that speaks for its government (IRNA, KCNA): the state's own voice.",
    ),
    Term("government", "Government", "A government, ministry or official body of one state."),
    Term(
        "intergovernmental",
        "Intergovernmental body",
        "An organisation of states: the UN, NATO, the EU, the G7.",
    ),
    Term("think_tank", "Think tank", "A research institute that analyses policy."),
)

VOTES: tuple[Term, ...] = (
    Term("yes", "Yes", "Voted in favour of the resolution."),
    Term("no", "No", "Voted against the resolution."),
    Term("abstain", "Abstain", "Abstained."),
    Term(
        "absent",
        "Absent",
        "Recorded in none of the three lists: did not vote, including members without a vote "
        "under Article 19 of the UN Charter (arrears).",
    ),
)


def codes(vocabulary: tuple[Term, ...]) -> list[str]:
    """Return the codes of a vocabulary, in its order."""
    return [term.code for term in vocabulary]


def labels(vocabulary: tuple[Term, ...]) -> dict[str, str]:
    """Return a code -> label mapping for a vocabulary."""
    return {term.code: term.label for term in vocabulary}


# Why a domain is never cited (data/blocked_domains.csv).
BLOCK_KINDS: tuple[Term, ...] = (
    Term(
        "propaganda",
        "Propaganda",
        "State propaganda or a propaganda network, some with names that mimic real outlets.",
    ),
    Term("mirror", "Mirror or copy", "A mirror, proxy or staging copy of a real outlet's page."),
    Term("content_farm", "Content farm", "An aggregator or content farm republishing others."),
)

# Whether a fact is support the atlas counts, or context a source gives that is not support.
SUPPORT: tuple[Term, ...] = (
    Term(
        "yes", "Support", "Support for the war, or Russia's for the country: counted and painted."
    ),
    Term(
        "no",
        "Context, not support",
        "Something a source reports beside the support it documents (a mediator's role, Russian "
        "troops leaving a country): shown on the country page with why, never counted.",
    ),
)

# Who says so: whether the country itself acknowledged a fact, another government or an
# international body stated it on the record, or only media (or analysts, or data) report it.
SAID_BY: tuple[Term, ...] = (
    Term(
        "self",
        "The country itself",
        "The country acknowledged it, or it is the country's own act on the record (a vote, a "
        "visit, a treaty, its customs figures); for what Russia gives, Russia's own act or word.",
    ),
    Term(
        "other_state",
        "Another government",
        "Another government or an international body stated it on the record (the US, NATO, "
        "South Korea, Ukraine…), and the country itself has not acknowledged it.",
    ),
    Term(
        "media",
        "Media",
        "Media or analysts report it, citing unnamed officials, documents or trade data.",
    ),
)

# The languages of the sources, by ISO 639-1 code; add one here when a source needs it.
LANGUAGES: tuple[Term, ...] = tuple(
    Term(code, name, f"The page is in {name}.")
    for code, name in (
        ("en", "English"),
        ("pl", "Polish"),
        ("uk", "Ukrainian"),
        ("ru", "Russian"),
        ("de", "German"),
        ("fr", "French"),
        ("es", "Spanish"),
        ("ko", "Korean"),
        ("is", "Icelandic"),
    )
)

# The coded fields of each table and the vocabulary each takes; scripts/update_package.py writes
# these codes into datapackage.json as the fields' enums, so the two cannot drift.
CODED_FIELDS: dict[str, dict[str, tuple[Term, ...]]] = {
    "facts": {
        "category": CATEGORIES,
        "direction": DIRECTIONS,
        "evidence": EVIDENCE,
        "date_precision": DATE_PRECISIONS,
        "un_vote": VOTES,
        "is_support": SUPPORT,
        "said_by": SAID_BY,
    },
    "outlets": {"kind": OUTLET_KINDS},
    "sources": {"language": LANGUAGES},
    "blocked_domains": {"kind": BLOCK_KINDS},
}
