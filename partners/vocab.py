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

OUTLETS: tuple[Term, ...] = (
    Term(
        "tvn24", "tvn24.pl (the article itself)", "Stated by the article without naming a source."
    ),
    Term(
        "new_york_times", "The New York Times", "Attributed by the article to the New York Times."
    ),
    Term("le_parisien", "Le Parisien", "Attributed by the article to Le Parisien."),
    Term("reuters", "Reuters", "Attributed by the article to Reuters."),
    Term("pap", "PAP (Polish Press Agency)", "Attributed by the article to PAP."),
    Term("sky_news", "Sky News", "Attributed by the article to Sky News."),
    Term("cnn", "CNN", "Attributed by the article to CNN."),
    Term("irna", "IRNA (Iranian state news agency)", "Attributed by the article to IRNA."),
    Term("kcna", "KCNA (North Korean state news agency)", "Attributed by the article to KCNA."),
    Term("deutsche_welle", "Deutsche Welle", "Attributed by the article to Deutsche Welle."),
    Term("pism", "PISM (Polish Institute of International Affairs)", "Attributed to PISM."),
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


# The facts table's coded fields and the vocabulary each takes; scripts/update_package.py writes
# these codes into datapackage.json as the fields' enums, so the two cannot drift.
FACT_FIELDS: dict[str, tuple[Term, ...]] = {
    "category": CATEGORIES,
    "direction": DIRECTIONS,
    "evidence": EVIDENCE,
    "date_precision": DATE_PRECISIONS,
    "outlet": OUTLETS,
    "un_vote": VOTES,
}
