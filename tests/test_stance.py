"""What "with Russia" means, and a country's class in each period, with the counts behind it."""

from __future__ import annotations

import pytest

from partners import stance

D19, D22, D24 = "2019-12-09", "2022-03-02", "2024-07-11"


def test_russia_s_own_votes_all_count_as_with_russia(atlas):
    russia = atlas.votes[atlas.votes["iso3"] == "RUS"]
    assert len(russia) == len(atlas.resolutions)
    assert {stance.ALIGNMENT[vote] for vote in russia["vote"]} == {"with"}


def test_the_opposite_of_russia_s_vote_counts_as_against_it(atlas):
    """Every resolution was adopted over Russia's No: a Yes on any of them is against Russia."""
    yes = atlas.votes[atlas.votes["vote"] == "yes"]
    assert not yes.empty and {stance.ALIGNMENT[v] for v in yes["vote"]} == {"against"}


@pytest.mark.parametrize(
    "votes, labels",
    [
        ([(D19, "no"), (D19, "no"), (D19, "yes")], ["mostly with Russia", "no votes", "no votes"]),
        (
            [(D22, "abstain"), (D22, "yes")],
            ["no votes", "mixed", "no votes"],
        ),  # half is no majority
        ([(D22, "absent")] * 3, ["no votes", "mostly absent", "no votes"]),  # absent throughout
        (
            [(D19, "yes"), (D22, "absent"), (D22, "absent"), (D22, "yes"), (D24, "yes")],
            ["mostly against Russia", "mostly absent", "mostly against Russia"],
        ),  # absent in one
        ([(D24, "no"), (D24, "abstain"), (D24, "yes")], ["no votes", "no votes", "mixed"]),
    ],
)
def test_a_period_class_needs_more_than_half_of_its_votes(votes, labels):
    assert [tally.label for tally in stance.tallies(votes)] == labels


def test_absences_are_counted_apart_never_dropped():
    tally = stance.tallies([(D22, "absent"), (D22, "yes"), (D22, "yes")])[1]
    assert tally.counts == {"with": 0, "abstained": 0, "against": 2, "absent": 1}
    assert tally.total == 3


def test_the_change_is_said_in_one_sentence_with_its_counts():
    text = stance.summary([(D19, "no"), (D22, "abstain"), (D22, "abstain"), (D22, "yes")])
    assert text == (
        "2019–2021: voted with Russia on 1 of 1 votes; "
        "2022–2023: abstained on 2 of 3 votes, voted against Russia on 1; 2024–2025: no resolution."
    )


@pytest.mark.parametrize(
    "day, label",
    [
        ("2019-09-17", "2019–2021"),
        ("2021-12-31", "2019–2021"),
        ("2022-01-01", "2022–2023"),
        ("2025-12-18", "2024–2025"),
    ],
)
def test_every_resolution_date_falls_in_one_period(day, label):
    assert stance.period_of(day).label == label


def test_every_shipped_resolution_is_in_a_period(atlas):
    assert all(stance.period_of(day) for day in atlas.resolutions["adopted"])


def test_the_share_that_did_not_condemn_russia_leaves_absences_out_of_its_base():
    tally = stance.tallies([(D22, "no"), (D22, "abstain"), (D22, "yes"), (D22, "absent")])[1]
    assert (tally.with_or_abstained, tally.present, tally.share) == (2, 3, 2 / 3)
    assert tally.counts_text() == "1 with Russia, 1 abstained, 1 against Russia, 1 absent"


def test_a_member_absent_throughout_a_period_has_no_share_and_is_mostly_absent():
    tally = stance.tallies([(D24, "absent")] * 3)[2]
    assert tally.share is None and tally.code == "absent" and tally.present == 0


def test_a_period_without_resolutions_has_no_class_and_no_share():
    tally = stance.tallies([(D19, "yes")])[2]
    assert (tally.code, tally.label, tally.share, tally.counts_text()) == (
        "none",
        "no votes",
        None,
        "no votes",
    )


def test_a_tie_between_two_ways_of_voting_is_mixed():
    tally = stance.tallies([(D19, "no"), (D19, "no"), (D19, "abstain"), (D19, "abstain")])[0]
    assert tally.code == "mixed"


def test_every_member_has_a_tally_in_every_period_from_the_shipped_votes(atlas):
    found = stance.tallies_by_country(atlas.votes, atlas.resolutions)
    assert len(found) == 193
    totals = [sum(t.total for t in tallies) for tallies in found.values()]
    assert set(totals) == {17}
    assert [t.total for t in found["UKR"]] == [6, 8, 3]


@pytest.mark.parametrize("text", ["2022-2023", "2022–2023", " 2022-2023 "])
def test_a_period_is_found_by_its_code_or_its_label(text):
    assert stance.find_period(text).label == "2022–2023"
