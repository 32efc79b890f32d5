"""The loaded atlas and the lookups every page derives from it, built once and then read-only."""

from __future__ import annotations

from partners import dates, figures, load, names, present, profile, stance, timeline


class Catalog:
    """The atlas with its country index, full profile and per-country lookups.

    Built once per process (and per change of a data file) and shared by every session, so a
    country page is plain dictionary lookups, not DataFrame filtering. Treat it as read-only.
    """

    def __init__(self, atlas: load.Atlas, stamp: tuple = ()):
        self.atlas = atlas
        self.stamp = stamp
        self.index = present.country_index(atlas.countries, atlas.shapes, atlas.territories)
        self.profile = profile.build_profile(
            atlas.support, atlas.countries, atlas.votes, atlas.resolutions
        )
        # Support facts by country, and apart the context a source gives that is not support.
        self.facts_by_country: dict[str, list] = {}
        for fact in atlas.support.itertuples(index=False):
            self.facts_by_country.setdefault(fact.iso3, []).append(fact)
        # Each fact's source line and link, and its denials as lines: written once here, so a
        # country page's rerun looks them up instead of searching the tables per card.
        self.source_lines = {
            f.fact_id: present.source_line(f, atlas.sources, atlas.outlets)
            for f in atlas.facts.itertuples(index=False)
        }
        self.source_links = {
            f.fact_id: present.source_link(f, atlas.sources)
            for f in atlas.facts.itertuples(index=False)
        }
        self.denial_lines: dict[str, list[str]] = {}
        for denial in atlas.denials.itertuples(index=False):
            line = present.denial_line(denial, atlas.sources, atlas.outlets)
            self.denial_lines.setdefault(denial.fact_id, []).append(line)
        self.context_by_country: dict[str, list] = {}
        for fact in atlas.context.itertuples(index=False):
            self.context_by_country.setdefault(fact.iso3, []).append(fact)
        # Each fact's date on the time axis (timeline.fact_dates), for ordering a timeline.
        self.fact_dates = dict(
            zip(
                atlas.facts["fact_id"], timeline.fact_dates(atlas.facts, atlas.sources), strict=True
            )
        )
        # When ended support ended: the date of the fact that records its end, as text.
        by_id = atlas.facts.set_index("fact_id")
        self.ended_on = {
            f.fact_id: dates.format_date(
                by_id.loc[f.ended_by, "event_date"], by_id.loc[f.ended_by, "date_precision"]
            )
            for f in atlas.facts.itertuples(index=False)
            if isinstance(f.ended_by, str)
        }
        self.votes_by_country: dict[str, dict[str, str]] = {}
        for vote in atlas.votes.itertuples(index=False):
            self.votes_by_country.setdefault(vote.iso3, {})[vote.symbol] = vote.vote
        # Every member's votes by period (stance.PERIODS order), with the counts behind them.
        self.tallies = stance.tallies_by_country(atlas.votes, atlas.resolutions)
        self.resolutions = list(atlas.resolutions.itertuples(index=False))  # adoption order
        self.resolution_labels = {
            r.symbol: present.resolution_label(r.symbol, r.adopted, r.short_title)
            for r in self.resolutions
        }
        # Short names on the resolution slider: 'Mar 2022 · ES-11/1'.
        self.resolution_ticks = {
            r.symbol: f"{dates.month_name(int(r.adopted[5:7]))[:3]} "
            f"{r.adopted[:4]} · {stance.short_symbol(r.symbol)}"
            for r in self.resolutions
        }
        # The colour each member has on the map's default view (support to Russia, to date).
        default = profile.build_profile(
            atlas.support,
            atlas.countries,
            atlas.votes,
            atlas.resolutions,
            profile.Filters(directions=("to_russia",), when=timeline.NOW),
        )
        classes, legend = figures.support_legend(default)
        colour = dict(zip(legend.codes, legend.colours, strict=True))
        self.default_colours = {code: colour[kind] for code, kind in classes.items()}
        self.directory = present.country_directory(self.index, self.profile)
        options, labels = names.picker_options(self.index, atlas.names)
        # The picker's texts, in order, and the country each opens. Texts rather than codes with
        # a format function: 800 options are formatted once here, not on every rerun.
        self.picker_texts = [labels[option] for option in options]
        self.picker_targets = {labels[option]: names.target(option) for option in options}
        # Names short enough to label a chart ('North Korea', 'Iran', 'Syria'): the shortest of
        # the atlas's name and Natural Earth's ADMIN and NAME, abbreviations ('Dem. Rep.') left out.
        short = self.index["name"].to_dict()
        kinds = atlas.names["source"].isin(["naturalearth:ADMIN", "naturalearth:NAME"])
        for code, name in zip(atlas.names["iso3"][kinds], atlas.names["name"][kinds], strict=True):
            if "." not in name and len(name) < len(short.get(code, name + " ")):
                short[code] = name
        self.short_names = short
        # Compare's choices: the name readers use first, its code, and the UN's name where that
        # differs, so that 'Turkey', 'Türkiye' and 'North Korea' are all found by typing them.
        self.compare_labels = {
            code: f"{short[code]} ({code})" + ("" if name == short[code] else f" · {name}")
            for code, name in self.index["name"].items()
        }
        # Compare's options: the UN members, and every other name of each as the map's picker
        # has it ('Chiny (CHN)'), so one search serves every page; the page turns a name chosen
        # into its member's code.
        member = self.index["member"].to_dict()
        self.compare_options = [
            o
            for o in options
            if member[names.target(o)]
            and o.partition(names.ALIAS_MARK)[2] != short[names.target(o)]  # already its label
        ]
        self.compare_texts = {
            o: self.compare_labels[o] if o in self.compare_labels else labels[o]
            for o in self.compare_options
        }
        # Each country's support by direction, each kind with its strongest evidence: the lines
        # its page and the country index show, worked out once here, not on every rerun.
        self.direction_lines = {
            code: present.direction_lines(facts) for code, facts in self.facts_by_country.items()
        }
        # What later sources change on each country's page, in one sentence.
        self.changes = {
            code: present.changes_since_article(
                self.facts_by_country.get(code, []),
                self.context_by_country.get(code, []),
                self.short_names[code],
                self.ended_on,
            )
            for code in set(self.facts_by_country) | set(self.context_by_country)
        }
        # Where each country's facts come from, in one sentence for the page's first screen.
        self.source_spans = {
            code: present.sources_span(
                [*self.facts_by_country.get(code, []), *self.context_by_country.get(code, [])],
                atlas.sources,
            )
            for code in self.changes
        }

    @property
    def documented(self) -> list[str]:
        """The countries with at least one fact, Russia (the subject) left out, by code."""
        return sorted(code for code in self.facts_by_country if code != profile.SUBJECT)

    def map_colour(self, iso3: str) -> str:
        """The colour a country has on the map's default view; a plain marker colour where
        the map paints it grey (or not at all), so that the locator still shows where it is."""
        colour = self.default_colours.get(iso3, figures.PALETTE.no_support)
        return figures.PALETTE.marker if colour == figures.PALETTE.no_support else colour

    def votes_of(self, iso3: str) -> list[tuple[object, str]]:
        """(resolution row, vote) for every resolution in adoption order; 'absent' if unlisted."""
        votes = self.votes_by_country.get(iso3, {})
        return [(row, votes.get(row.symbol, "absent")) for row in self.resolutions]
