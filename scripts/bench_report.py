"""The benchmark's results and their rendering as BENCHMARKS.md: every figure comes from the run."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bench_browser import Finding
from bench_build import BuildRun, Measured, SearchIndex
from bench_weight import NOTHING, Weight

MIB = 1024 * 1024
KB = 1000  # page weights are in kB (1,000 bytes), as the 100 KB target and browsers' tools count them
HOOK_EVENTS = ("config", "files", "env", "page_markdown", "page_content", "post_page", "post_template")  # every build event our hooks handle (on_startup and on_serve come before any build)
WEIGHT_KINDS = ("HTML", "CSS", "JavaScript", "Fonts", "Images", "Search index and data", "Other")
SEARCH_INDEX = "search/search_index.json"

# The targets of issue 6.
MAX_PER_PARTNER_GROWTH = 1.2
MAX_OURS_OVER_PLAIN = 1.2
MAX_BUILD_SECONDS = 60
MAX_PEAK_BYTES = 1024 * MIB
MAX_CHECK_SECONDS = 1
MAX_HOOKS_SHARE = 0.10
MAX_PREVIEW_SECONDS = 2
MAX_PAGE_GZIP = 100 * KB


@dataclass(frozen=True)
class Machine:
    cores: int
    memory_bytes: int
    cpu: str
    system: str
    load: tuple[float, float, float]


@dataclass
class SizeResult:
    """Everything measured for one data set."""

    label: str  # "real", or the number of synthetic partners
    partners: dict[str, str]
    ours: list[BuildRun] = field(default_factory=list)  # first builds: no compiled templates kept from before
    rebuilds: list[BuildRun] = field(default_factory=list)  # ours again, templates kept (measured for the real data)
    plain: list[BuildRun] = field(default_factory=list)
    zensical: list[Measured] = field(default_factory=list)
    zensical_refusal: str = ""  # why Zensical would not build this data set, in its own words
    core: list[dict[str, float]] = field(default_factory=list)
    check: list[Measured] = field(default_factory=list)
    pages: int = 0
    site_bytes: int = 0
    plain_site_bytes: int = 0
    search: SearchIndex | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"real data ({len(self.partners)})" if self.label == "real" else f"{len(self.partners):,} synthetic"


@dataclass(frozen=True)
class WeightedPage:
    """One page's weight: declared by its HTML, fetched on load, and added when search is used."""

    name: str
    url: str
    declared: dict[str, Weight]
    on_load: tuple[dict[str, Weight], list[str]]
    on_search: tuple[dict[str, Weight], list[str]] | None
    undeclared: list[str]  # fetched on load though the HTML does not name it: started by the theme's script


@dataclass
class Report:
    started: dt.datetime
    machine: Machine
    versions: dict[str, str]
    runs: int
    seed: int
    zensical_note: str
    browser: bool
    sizes: list[SizeResult] = field(default_factory=list)
    small_pages: int = 0
    small_page_cpu: float = 0.0
    small_page_wall: float = 0.0
    source: str = ""  # the commit measured (see bench.source_state)
    pages: list[WeightedPage] = field(default_factory=list)
    preview: list[float] = field(default_factory=list)
    finished_load: tuple[float, float, float] = (0.0, 0.0, 0.0)


# --- Figures from the runs ---------------------------------------------------------------------------


def median(values: Iterable[float]) -> float:
    values = list(values)
    return statistics.median(values) if values else float("nan")


def wall(runs: list[BuildRun]) -> float:
    return median(run.process.wall for run in runs)


def cpu(runs: list[BuildRun]) -> float:
    return median(run.process.cpu for run in runs)


def peak(runs: list[BuildRun]) -> float:
    return median(run.process.peak_bytes for run in runs)


def hooks_share(runs: list[BuildRun]) -> float:
    """The share of the build, timed inside the build process, that our hook handlers take."""
    return median(run.hooks_total / run.build_seconds for run in runs)


def per_partner(size: SizeResult, base: SizeResult, measure: Callable[[list[BuildRun]], float], which: str) -> float:
    """Seconds each partner adds to a build, from the smallest synthetic data set to this one."""
    added = len(size.partners) - len(base.partners)
    return (measure(getattr(size, which)) - measure(getattr(base, which))) / added


def total(weights: dict[str, Weight], *, without: Iterable[str] = ()) -> Weight:
    result = NOTHING
    for kind, weight in weights.items():
        if kind not in without:
            result += weight
    return result


# --- Formatting ------------------------------------------------------------------------------------


def seconds(value: float) -> str:
    return f"{value:.2f}" if value < 100 else f"{value:.0f}"


def millis(value: float) -> str:
    return f"{value * 1000:.2f}"


def mib(value: float) -> str:
    return f"{value / MIB:.0f}"


def kb(value: float) -> str:
    return f"{value / KB:.1f}"


def mb(value: float) -> str:
    return f"{value / (KB * KB):.2f}"


def ratio(value: float) -> str:
    return f"{value:.2f}×"


def percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; the first column left-aligned, the others right-aligned."""
    lines = ["| " + " | ".join(header) + " |", "| --- |" + " ---: |" * (len(header) - 1)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def verdict(met: bool) -> str:
    return "met" if met else "**not met**"


# --- Sections ----------------------------------------------------------------------------------------


def conditions(report: Report) -> str:
    machine = report.machine
    tools = ", ".join(f"{name} {number}" for name, number in report.versions.items())
    zensical = f" Zensical: {report.zensical_note}." if report.zensical_note else ""
    load = lambda values: " / ".join(f"{value:.2f}" for value in values)  # noqa: E731
    return (
        f"Measured on {report.started:%Y-%m-%d} (started {report.started:%H:%M} UTC) by `scripts/bench`, on "
        f"{machine.cores} cores ({machine.cpu}), {machine.memory_bytes / (1024 * MIB):.1f} GiB of memory, {machine.system}.\n\n"
        f"Source: {report.source or 'not recorded'}. Versions: {tools}.{zensical}\n\n"
        f"Each figure is the median of {report.runs} runs (synthetic data seed {report.seed}). Load average over 1 / 5 / 15 "
        f"minutes: {load(report.machine.load)} at the start, {load(report.finished_load)} at the end, of which the benchmark's "
        "own builds, one core busy, make about 1. Other work on the machine stretches a build's wall time more than its "
        "CPU time (user + system), so both are given, and the per-partner costs and ratios are computed from CPU time. "
        f"Runs of the same synthetic build in this run differed in CPU time by up to {percent(largest_spread(report))}: "
        "read differences smaller than that as noise. Each build of ours is a first build, as on a fresh checkout (CI's "
        "case): it compiles every template, the theme's and ours, with none kept in `.cache/` from an earlier build. The "
        "real site is also rebuilt straight after, as a preview rebuilds it, reusing them (\"rebuilt\" below).\n"
    )


def largest_spread(report: Report) -> float:
    """The largest difference in CPU time between runs of the same synthetic build, as a share of their median."""
    spreads = [
        (max(cpus) - min(cpus)) / median(cpus)
        for size in synthetic(report)
        for runs in (size.ours, size.plain)
        if len(cpus := [run.process.cpu for run in runs]) > 1
    ]
    return max(spreads, default=0.0)


def build_figures(runs: list[BuildRun]) -> list[str]:
    """Wall and CPU time, peak memory, our hooks' seconds and their share: a row of the builds table."""
    return [seconds(wall(runs)), seconds(cpu(runs)), mib(peak(runs)), seconds(median(run.hooks_total for run in runs)), percent(hooks_share(runs))]


def builds(report: Report) -> str:
    rows = []
    for size in report.sizes:
        assert size.search is not None
        rows.append([size.name, f"{size.pages:,}", *build_figures(size.ours), mb(size.site_bytes), mb(size.search.bytes)])
        if size.rebuilds:  # the same site again: its pages and sizes are the first build's
            rows.append([f"{size.name}, rebuilt", "", *build_figures(size.rebuilds), "", ""])
    header = ["Data set", "Pages", "Build wall (s)", "Build CPU (s)", "Peak memory (MiB)", "Our hooks (s)", "Hooks share of build", "site/ (MB)", "Search index (MB)"]
    return table(header, rows)


def side_by_side(report: Report) -> str:
    rows = []
    for size in report.sizes:
        zensical = [seconds(median(m.wall for m in size.zensical)), seconds(median(m.cpu for m in size.zensical)), mib(median(m.peak_bytes for m in size.zensical))] if size.zensical else ["–"] * 3
        rows.append([
            size.name, seconds(wall(size.ours)), seconds(wall(size.plain)), ratio(wall(size.ours) / wall(size.plain)),
            seconds(cpu(size.ours)), seconds(cpu(size.plain)), ratio(cpu(size.ours) / cpu(size.plain)), mib(peak(size.plain)), *zensical,
        ])
    header = ["Data set", "Ours wall (s)", "Plain wall (s)", "Ours/plain wall", "Ours CPU (s)", "Plain CPU (s)", "Ours/plain CPU", "Plain peak (MiB)", "Zensical wall (s)", "Zensical CPU (s)", "Zensical peak (MiB)"]
    refusals = "".join(f"\nZensical refused the {size.name} data set: {size.zensical_refusal}\n" for size in report.sizes if size.zensical_refusal)
    return table(header, rows) + refusals


def synthetic(report: Report) -> list[SizeResult]:
    return [size for size in report.sizes if size.label != "real"]


def per_partner_costs(report: Report) -> str:
    sizes = synthetic(report)
    base, rows = sizes[0], []
    for size in sizes[1:]:
        ours, plain = per_partner(size, base, cpu, "ours"), per_partner(size, base, cpu, "plain")
        rows.append([
            size.name, millis(ours), millis(plain), ratio(ours / plain),
            millis(per_partner(size, base, wall, "ours")), millis(per_partner(size, base, wall, "plain")),
        ])
    text = f"Each partner's cost is the build's growth from {base.name} partners to each size, divided by the partners added.\n\n"
    text += table(["Data set", "Ours CPU (ms a partner)", "Plain CPU (ms a partner)", "Ours/plain", "Ours wall (ms a partner)", "Plain wall (ms a partner)"], rows)
    if len(sizes) >= 3:
        middle, last = sizes[-2], sizes[-1]
        growth = per_partner(last, base, cpu, "ours") / per_partner(middle, base, cpu, "ours")
        text += f"\nOurs, per partner at {last.name} over {middle.name}: {ratio(growth)} (CPU).\n"
    if report.small_pages:
        text += (
            f"\nThe engine alone, for a one-paragraph page out of the nav ({report.small_pages:,} of them added to the plain real site): "
            f"{millis(report.small_page_cpu)} ms CPU, {millis(report.small_page_wall)} ms wall a page.\n"
        )
    if len(sizes) >= 2:
        last = sizes[-1]
        partners = len(last.partners)
        text += (
            f"\nWhat the engine itself allows at {last.name}: {partners:,} partner pages cost {seconds(partners * per_partner(last, base, cpu, 'plain'))} s "
            f"of CPU in the plain twin (no hooks at all)"
        )
        if report.small_pages:
            text += f", and would cost {seconds(partners * report.small_page_cpu)} s if each held one paragraph"
        text += f"; the full-build target is {MAX_BUILD_SECONDS} s.\n"
    return text


def hooks_and_check(report: Report) -> str:
    rows = []
    for size in report.sizes:
        events = [seconds(median(run.hooks.get(event, 0.0) for run in size.ours)) for event in HOOK_EVENTS]
        core = [seconds(median(timing[key] for timing in size.core)) for key in ("parse_seconds", "load_seconds", "render_seconds")]
        check = [seconds(median(m.wall for m in size.check)), seconds(median(m.cpu for m in size.check))]
        rows.append([size.name, *events, *core, *check])
    header = ["Data set", *(f"on_{event} (s)" for event in HOOK_EVENTS), "PyYAML's parser alone (s)", "load_compact (s)", "rendering (s)", "scripts/check wall (s)", "scripts/check CPU (s)"]
    return (
        "Seconds in each hook event of the build (all of our hook files), then our core's calls timed on their own in a fresh "
        "process, then `scripts/check` run as an editor runs it (interpreter start-up and imports included). PyYAML's parser "
        "alone: libyaml reading the data files into events, with no values made; a floor under any loader built on PyYAML, "
        "ours included (load_compact).\n\n" + table(header, rows)
    )


def search(report: Report) -> str:
    rows = []
    for size in report.sizes:
        index = size.search
        assert index is not None
        count = len(size.partners)
        found = "; ".join(f"#{f.rank}" if f.rank else "not shown" for f in size.findings) or "–"
        first = seconds(max(f.seconds for f in size.findings)) if size.findings else "–"
        rows.append([
            size.name, mb(index.bytes), kb(index.bytes / count), kb(index.partner_bytes / count), percent(index.repeated_bytes / index.bytes),
            mb(index.bytes - index.repeated_bytes), f"{index.titled:,} of {count:,}", found, first,
        ])
    header = ["Data set", "Index (MB)", "Index per partner (kB)", "Partner entries per partner (kB)", "Repeated partner text", "Index without it (MB)", "Partners indexed by name", "Rank of sampled names", "Slowest first result (s)"]
    return (
        "Repeated partner text: sections of partner pages whose text stands on more than one partner page (what signing "
        "commits a partner to), as a share of the index. Rank: where the partner's page came in the results when its "
        "name was typed into search in Chromium, for the first, middle and last partner; the time runs from opening "
        "the home page in a fresh browser to the first result, so it includes downloading and indexing the index.\n\n" + table(header, rows)
    )


def weights(report: Report) -> str:
    rows = []
    for page in report.pages:
        on_load, _ = page.on_load
        cells = [f"{kb(on_load[kind].raw)} / {kb(on_load[kind].gzip)}" if kind in on_load else "–" for kind in WEIGHT_KINDS]
        everything, no_index = total(on_load), total(on_load, without=("Search index and data",))
        search_adds = kb(total(page.on_search[0]).gzip) if page.on_search else "–"
        rows.append([f"{page.name} (`/{page.url}`)", *cells, f"{kb(everything.raw)} / **{kb(everything.gzip)}**", f"{kb(no_index.gzip)}", search_adds])
    header = ["Page", *(f"{kind} (kB)" for kind in WEIGHT_KINDS), "Total raw / gzip (kB)", "Without the index, gzip (kB)", "Using search adds, gzip (kB)"]
    source = "fetched by Chromium while each page loads (until the network is idle)" if report.browser else "named by each page's HTML and stylesheets"
    undeclared = sorted({url for page in report.pages for url in page.undeclared})
    text = f"What each page of the real site loads, {source}, weighed from the built files: raw / gzip-compressed (level 6; a resource that gzip does not shrink counts raw).\n\n"
    text += table(header, rows)
    if undeclared:
        text += "\nFetched on load though no page's HTML names them (the theme's script starts them): " + ", ".join(f"`{url}`" for url in undeclared) + ".\n"
    return text


def preview(report: Report) -> str:
    values, real = report.preview, report.sizes[0]
    return (
        f"With `mkdocs serve` running on a copy of the real site, the time from saving `data/partners.yml` with a partner renamed "
        f"to the partner's page being served with the new name: median {seconds(median(values))} s over {len(values)} edits "
        f"(fastest {seconds(min(values))} s, slowest {seconds(max(values))} s). A rebuild is a full build: for comparison, "
        f"a first build of the real site takes {seconds(wall(real.ours))} s"
        + (f", a rebuild {seconds(wall(real.rebuilds))} s" if real.rebuilds else "")
        + f", and a build of its plain twin with no hooks {seconds(wall(real.plain))} s (median wall, the tables above).\n"
    )


def targets(report: Report) -> str:
    sizes = synthetic(report)
    base, last = sizes[0], sizes[-1]
    real = report.sizes[0]
    rows = []
    if len(sizes) >= 3:
        middle = sizes[-2]
        growth = per_partner(last, base, cpu, "ours") / per_partner(middle, base, cpu, "ours")
        rows.append([f"Per-partner cost at {last.name} within {MAX_PER_PARTNER_GROWTH}× of {middle.name}", ratio(growth), verdict(growth <= MAX_PER_PARTNER_GROWTH)])
    if len(sizes) >= 2:
        over = per_partner(last, base, cpu, "ours") / per_partner(last, base, cpu, "plain")
        rows.append([f"Per-partner cost within {MAX_OURS_OVER_PLAIN}× of a plain page (at {last.name})", ratio(over), verdict(over <= MAX_OURS_OVER_PLAIN)])
    rows.append([f"Full build at {last.name} under {MAX_BUILD_SECONDS} s", f"{seconds(wall(last.ours))} s wall, {seconds(cpu(last.ours))} s CPU", verdict(cpu(last.ours) < MAX_BUILD_SECONDS)])
    rows.append([f"Peak memory at {last.name} under 1 GiB", f"{mib(peak(last.ours))} MiB", verdict(peak(last.ours) < MAX_PEAK_BYTES)])
    check = median(m.wall for m in last.check)
    rows.append([f"`scripts/check` at {last.name} under {MAX_CHECK_SECONDS} s", f"{seconds(check)} s", verdict(check < MAX_CHECK_SECONDS)])
    for kind, runs in (("first build", real.ours), ("rebuild", real.rebuilds)):
        if runs:
            share = hooks_share(runs)
            rows.append([f"Real site, {kind}: our hooks under {percent(MAX_HOOKS_SHARE)} of the build", percent(share), verdict(share < MAX_HOOKS_SHARE)])
    rows.append([f"Preview updated within {MAX_PREVIEW_SECONDS} s of saving", f"{seconds(median(report.preview))} s", verdict(median(report.preview) < MAX_PREVIEW_SECONDS)])
    for page in report.pages:
        weight = total(page.on_load[0]).gzip
        rows.append([f"{page.name} under 100 kB gzip in total", f"{kb(weight)} kB", verdict(weight < MAX_PAGE_GZIP)])
    index_on_load = [page.name for page in report.pages if SEARCH_INDEX in page.undeclared]
    rows.append(["Search index loaded only when search is used", f"loaded on opening: {', '.join(index_on_load)}" if index_on_load else "not loaded on opening", verdict(not index_on_load)])
    assert last.search is not None
    indexed = last.search.titled == len(last.partners) and all(f.rank == 1 for f in last.findings)
    rows.append([f"Partners findable by name at {last.name}", f"{last.search.titled:,} of {len(last.partners):,} indexed by name; sampled ranks {', '.join(str(f.rank) for f in last.findings) or '–'}", verdict(indexed)])
    return "Time targets are judged on CPU time (see the conditions above).\n\n" + table(["Target (issue 6)", "Measured", "Verdict"], rows)


def render(report: Report) -> str:
    """BENCHMARKS.md."""
    sections = [
        "# Benchmarks\n\nWritten by `scripts/bench` (`make bench`); do not edit by hand: run it again.\n",
        "## Conditions\n\n" + conditions(report),
        "## Targets\n\n" + targets(report),
        "## Builds\n\nOur site, built by `mkdocs build` with our hooks and theme, at each size. Peak memory is the build process's maximum resident set.\n\n" + builds(report),
        "## The engine's own limit, side by side\n\n"
        "Plain: the same pages, taken from our renderer's Markdown and written out as files, built by the same MkDocs and theme with "
        "no hooks, partner and principle pages out of the navigation as in our site. Zensical: `zensical build --clean` of the same plain pages.\n\n"
        + side_by_side(report) + "\n" + per_partner_costs(report),
        "## Our hooks and the data check\n\n" + hooks_and_check(report),
        "## Search\n\n" + search(report),
        "## Page weight\n\n" + weights(report),
        "## Preview\n\n" + preview(report),
    ]
    return "\n".join(sections)
