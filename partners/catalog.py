"""The loaded atlas and the lookups every page derives from it, built once and then read-only."""

from __future__ import annotations

from partners import load, present, profile


class Catalog:
    """The atlas with its country index, full profile and per-country lookups.

    Built once per process (and per change of a data file) and shared by every session, so a
    country page is plain dictionary lookups, not DataFrame filtering. Treat it as read-only.
    """

    def __init__(self, atlas: load.Atlas, stamp: tuple = ()):
        self.atlas = atlas
        self.stamp = stamp
        self.index = present.country_index(atlas.countries, atlas.shapes)
        self.profile = profile.build_profile(
            atlas.facts, atlas.countries, atlas.votes, atlas.resolutions
        )
        self.facts_by_country: dict[str, list] = {}
        for fact in atlas.facts.itertuples(index=False):
            self.facts_by_country.setdefault(fact.iso3, []).append(fact)
        self.votes_by_country: dict[str, dict[str, str]] = {}
        for vote in atlas.votes.itertuples(index=False):
            self.votes_by_country.setdefault(vote.iso3, {})[vote.symbol] = vote.vote
        self.resolutions = list(atlas.resolutions.itertuples(index=False))  # adoption order
        self.resolution_labels = {
            r.symbol: present.resolution_label(r.symbol, r.adopted, r.short_title)
            for r in self.resolutions
        }
        self.picker_options = list(self.index.index)
        self.picker_names = self.index["name"].to_dict()

    def votes_of(self, iso3: str) -> list[tuple[object, str]]:
        """(resolution row, vote) for every resolution in adoption order; 'absent' if unlisted."""
        votes = self.votes_by_country.get(iso3, {})
        return [(row, votes.get(row.symbol, "absent")) for row in self.resolutions]
