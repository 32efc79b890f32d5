"""Controlled vocabularies of the facts table: codes stored in data/, labels shown to people."""

from __future__ import annotations

from dataclasses import dataclass

from partners.i18n import N_, _


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary: the code stored in the CSV, its label and what it means."""

    code: str
    label: str  # in English, as written here; shown through _() (labels(), described())
    description: str


CATEGORIES: tuple[Term, ...] = (
    Term(
        "arms",
        N_("Weapons and munitions"),
        N_("Weapons, ammunition, missiles, drones and their parts, sold, supplied or promised."),
    ),
    Term(
        "exercises",
        N_("Joint exercises"),
        N_(
            "Military exercises held together, or hosted for the other's forces; no arms change "
            "hands."
        ),
    ),
    Term(
        "economic",
        N_("Economic ties"),
        N_("Oil purchases, dependence on trade with Russia, transit routed through Russia."),
    ),
    Term(
        "sanctions",
        N_("Sanctions circumvention"),
        N_("Banking integration and trade rerouted to get around Western sanctions."),
    ),
    Term(
        "diplomatic",
        N_("Diplomatic cover"),
        N_(
            "UN votes, refusal to condemn, endorsements, state visits, repeating Kremlin "
            "narratives."
        ),
    ),
    Term(
        "territory",
        N_("Territory and bases"),
        N_(
            "A staging ground for attacks, training grounds, supply points, hosting Russian forces."
        ),
    ),
    Term(
        "troops",
        N_("Troops and military workers"),
        N_("Soldiers, sappers or military builders sent to fight or work in Russia's war."),
    ),
)

# The kinds from the strongest to the weakest, as the map ranks them when it colours a country by
# the strongest kind documented for it: fighting in the war, then arming it, then hosting its
# forces, training with them, keeping its economy going against sanctions, trading with it, and
# words and votes. An order of the kinds, not a measure: it answers "who arms Russia?" with the
# darkest colours and "who only backs it in words?" with the palest.
STRENGTH: tuple[str, ...] = (
    "troops",
    "arms",
    "territory",
    "exercises",
    "sanctions",
    "economic",
    "diplomatic",
)

# Codes that old links may still carry, and what they mean now. "military" held both weapons and
# joint exercises until readers took it to mean weapons alone; it was split in two.
FORMER_CATEGORIES: dict[str, tuple[str, ...]] = {
    "military": ("arms", "exercises"),
    "military supplies": ("arms", "exercises"),  # its label, as links carried it
}

DIRECTIONS: tuple[Term, ...] = (
    Term("to_russia", N_("To Russia"), N_("Support the country gives to Russia.")),
    Term("from_russia", N_("From Russia"), N_("Support Russia gives to the country.")),
    Term("mutual", N_("Mutual"), N_("A tie that runs both ways.")),
)

# Ordered strongest first: the order is what "strongest evidence" means in profiles.
EVIDENCE: tuple[Term, ...] = (
    Term(
        "public_record",
        N_("Public record"),
        N_(
            "An official act or an event on the public record: a UN vote, a state visit, an "
            "exercise."
        ),
    ),
    Term(
        "official_statement",
        N_("Government statement"),
        N_("What a government or its officials said, or a state news agency reported."),
    ),
    Term(
        "media_report",
        N_("Media report"),
        N_("A newspaper, broadcaster or analyst reporting it, often citing unnamed sources."),
    ),
    Term(
        "disputed",
        N_("Disputed"),
        N_("The accused party denies the claim itself (North Korea denies the shell shipments)."),
    ),
)

DATE_PRECISIONS: tuple[Term, ...] = (
    Term("day", N_("Day"), N_("The event date is known to the day (YYYY-MM-DD).")),
    Term("month", N_("Month"), N_("Only the month is known (YYYY-MM).")),
    Term("year", N_("Year"), N_("Only the year is known (YYYY).")),
    Term(
        "ongoing",
        N_("Ongoing"),
        N_("A continuing state of affairs; the date (YYYY-MM) is when the source described it."),
    ),
    Term("undated", N_("Undated"), N_("The article gives no date; event_date is left empty.")),
)

OUTLET_KINDS: tuple[Term, ...] = (
    Term(
        "news_outlet",
        N_("News outlet"),
        N_("A newspaper, broadcaster or news site in its own right."),
    ),
    Term("wire", N_("News agency"), N_("A wire service whose stories other outlets republish.")),
    Term(
        "state_media",
        N_("State news agency"),
        N_("A news agency that speaks for its government (IRNA, KCNA): the state's own voice."),
    ),
    Term(
        "government", N_("Government"), N_("A government, ministry or official body of one state.")
    ),
    Term(
        "intergovernmental",
        N_("Intergovernmental body"),
        N_("An organisation of states: the UN, NATO, the EU, the G7."),
    ),
    Term("think_tank", N_("Think tank"), N_("A research institute that analyses policy.")),
)

VOTES: tuple[Term, ...] = (
    Term("yes", N_("Yes"), N_("Voted in favour of the resolution.")),
    Term("no", N_("No"), N_("Voted against the resolution.")),
    Term("abstain", N_("Abstain"), N_("Abstained.")),
    Term(
        "absent",
        N_("Absent"),
        N_(
            "Recorded in none of the three lists: did not vote, including members without a vote "
            "under Article 19 of the UN Charter (arrears)."
        ),
    ),
)


def codes(vocabulary: tuple[Term, ...]) -> list[str]:
    """Return the codes of a vocabulary, in its order."""
    return [term.code for term in vocabulary]


def labels(vocabulary: tuple[Term, ...]) -> dict[str, str]:
    """Return a code -> label mapping for a vocabulary, in the reader's language."""
    return {term.code: _(term.label) for term in vocabulary}


def descriptions(vocabulary: tuple[Term, ...]) -> dict[str, str]:
    """Return a code -> description mapping for a vocabulary, in the reader's language."""
    return {term.code: _(term.description) for term in vocabulary}


# Why a domain is never cited (data/blocked_domains.csv).
BLOCK_KINDS: tuple[Term, ...] = (
    Term(
        "propaganda",
        N_("Propaganda"),
        N_("State propaganda or a propaganda network, some with names that mimic real outlets."),
    ),
    Term(
        "mirror",
        N_("Mirror or copy"),
        N_("A mirror, proxy or staging copy of a real outlet's page."),
    ),
    Term(
        "content_farm", N_("Content farm"), N_("An aggregator or content farm republishing others.")
    ),
)

# Whether a fact is support the atlas counts, or context a source gives that is not support.
SUPPORT: tuple[Term, ...] = (
    Term(
        "yes",
        N_("Support"),
        N_("Support for the war, or Russia's for the country: counted and painted."),
    ),
    Term(
        "no",
        N_("Context, not support"),
        N_(
            "Something a source reports beside the support it documents (a mediator's role, "
            "Russian troops leaving a country): shown on the country page with why, never counted."
        ),
    ),
)

# Who says so: whether the country itself acknowledged a fact, another government or an
# international body stated it on the record, or only media (or analysts, or data) report it.
SAID_BY: tuple[Term, ...] = (
    Term(
        "self",
        N_("The country itself"),
        N_(
            "The country acknowledged it, or it is the country's own act on the record (a vote, a "
            "visit, a treaty, its customs figures); for what Russia gives, Russia's own act or "
            "word."
        ),
    ),
    Term(
        "other_state",
        N_("Another government"),
        N_(
            "Another government or an international body stated it on the record (the US, NATO, "
            "South Korea, Ukraine…), and the country itself has not acknowledged it.",
        ),
    ),
    Term(
        "media",
        N_("Media"),
        N_("Media or analysts report it, citing unnamed officials, documents or trade data."),
    ),
)

# The languages of the sources, by ISO 639-1 code; add one here when a source needs it.
LANGUAGES: tuple[Term, ...] = tuple(
    Term(code, name, N_("The page is in this language."))
    for code, name in (
        ("en", N_("English")),
        ("pl", N_("Polish")),
        ("uk", N_("Ukrainian")),
        ("ru", N_("Russian")),
        ("de", N_("German")),
        ("fr", N_("French")),
        ("es", N_("Spanish")),
        ("ko", N_("Korean")),
        ("is", N_("Icelandic")),
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
