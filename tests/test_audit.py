"""scripts/audit's choice of a page's median run (Lighthouse's own, through node) and what the audit page says of it.

Lighthouse itself runs only in `make audit`: these tests give it made-up reports.
"""

from __future__ import annotations

from running_scripts import load_script

audit = load_script("audit")


def report(first_paint: float, interactive: float, performance: float = 0.99, benchmark_index: float = 2000) -> dict:
    """A Lighthouse report with only what the audit reads."""
    return {
        "fetchTime": "2026-11-26T01:02:03.000Z",
        "lighthouseVersion": "13.5.0",
        "environment": {"hostUserAgent": "Chromium", "benchmarkIndex": benchmark_index},
        "configSettings": {"screenEmulation": {"width": 412, "height": 823}, "throttling": {"rttMs": 150, "throughputKbps": 1638.4, "cpuSlowdownMultiplier": 4}},
        "categories": {key: {"score": performance if key == "performance" else 1, "auditRefs": []} for key in audit.CATEGORIES},
        "audits": {"first-contentful-paint": {"numericValue": first_paint}, "interactive": {"numericValue": interactive}},
    }


def test_the_median_run_is_the_one_nearest_the_median_paint_and_interactive_times():
    slow, middle, fast = report(1900, 3100), report(1500, 2500), report(1000, 1900)
    assert audit.median_run([slow, fast, middle]) is middle
    assert audit.median_run([fast]) is fast


def test_the_audit_page_says_how_many_runs_each_score_is_the_median_of_and_how_fast_the_computer_was():
    runs = {"Mobile": {"Home page": ("", report(1500, 2500))}}
    text = audit.audit_page(runs, 3, [1480.4, 2061.2, 1702])
    assert "audited 3 times in each form factor" in text
    assert "between 1480 and 2061 over the runs" in text
    single = audit.audit_page(runs, 1, [2061.2])
    assert "times in each form factor" not in single and "at 2061 (its benchmark index" in single
