"""The MCP Apps views in a real browser, fed by a real amigo-mcp.

Chromium (the machine's `chromium`, as Debian packages it) is driven by Playwright. The page is a
minimal host built on ext-apps' AppBridge (testing/views_host/): it connects over streamable
HTTP to `amigo-mcp serve --transport http` on its embedded sandbox with the demo data, calls a
tool as a model would, reads the tool's `ui://` resource and renders it in a sandboxed frame.
Each view is checked against the demo data; "make this version current" runs the rollback tool
through the host, the server asks its confirmation question (answered by the host), and the new
version shows up, with the host's client on either protocol era. Screenshots of each view, light
and dark, are written to a temporary folder; `UPDATE_SCREENSHOTS=1` writes them to docs/views/
instead, for the README.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    FrameLocator,
    Page,
    ViewportSize,
    expect,
    sync_playwright,
)

from testing.mcp_helpers import REPO, clean_env, serving_http
from testing.run_once import made_once

# The module keeps to one worker (tests/conftest.py): one browser and one server per run.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("views_browser")]

REFUNDS = "4f7a4de83714c227c4dbf894"  # "Refund requests": v2 adds the trigger below to v1
ADDED_IN_V2 = "user was charged twice"
DOUBLE_CHARGE = "a1992f6829c291e72b86b1ad"  # scenario: v2 changes the instructions
CONVERSATION = "23d646b299a25a43c8749b33"
NARROW: ViewportSize = {"width": 380, "height": 900}
WIDE: ViewportSize = {"width": 900, "height": 1100}
SNAP_HEIGHT = 1200
BACKGROUND = {"light": "rgb(255, 255, 255)", "dark": "rgb(30, 31, 34)"}
HOST = "host.html"


@pytest.fixture(scope="module")
def host_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The host page, built from testing/views_host/ with the views' pinned packages (once per
    test run for every worker)."""

    def build(folder: Path) -> None:
        script = REPO / "scripts" / "build_views.py"
        subprocess.run(
            [sys.executable, str(script), "--host", str(folder / HOST)], check=True, timeout=600
        )

    return (made_once(tmp_path_factory, "views-host", build) / HOST).read_text("utf-8")


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    """amigo-mcp over HTTP (with sessions, so that it can ask for confirmation mid-call)."""
    with serving_http(clean_env()) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """The machine's Chromium (Debian's `chromium`; .ci/run installs it), else Playwright's own,
    downloaded by `playwright install chromium` on first use where Playwright's servers can be
    reached."""
    chromium = shutil.which("chromium")
    if chromium is None:
        done = subprocess.run(
            [sys.executable, "-m", "playwright", "install", "chromium"],
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        if done.returncode != 0:
            pytest.fail(
                "Chromium is needed: apt-get install chromium, or let `playwright install "
                f"chromium` download Playwright's own (it failed):\n{done.stdout}{done.stderr}"
            )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        folder = REPO / "docs" / "views"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")


def open_view(
    browser: Browser,
    host_page: str,
    endpoint: str,
    tool: str,
    arguments: dict[str, Any],
    theme: str = "light",
    viewport: ViewportSize = WIDE,
    era: str = "legacy",
) -> tuple[Page, FrameLocator]:
    """A new page with the host, which calls `tool` and opens its view. `era`: the protocol the
    host's client speaks, "legacy" (2025-11-25: the server asks mid-call) or "auto" (2026-07-28:
    the question comes back as the call's answer)."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(endpoint))
    page = browser.new_page(viewport=viewport)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # The host page is served at the server's own origin, so its MCP requests are same-origin.
    page.route(
        f"{origin}/host", lambda route: route.fulfill(body=host_page, content_type="text/html")
    )
    page.goto(f"{origin}/host")
    page.evaluate("era => { host.era = era }", era)
    page.evaluate("([n, a, t]) => host.open(n, a, t)", [tool, arguments, theme])
    view = page.frame_locator("iframe")
    expect(view.locator("h1")).to_be_visible()
    assert not errors, errors
    return page, view


def background(view: FrameLocator) -> str:
    return str(view.locator("body").evaluate("body => getComputedStyle(body).backgroundColor"))


def fits(view: FrameLocator) -> bool:
    """No sideways scrolling of the whole view."""
    return bool(view.locator("html").evaluate("html => html.scrollWidth <= html.clientWidth + 1"))


def snap(page: Page, folder: Path, name: str) -> None:
    """A picture of the view, at most SNAP_HEIGHT pixels of it from the top. The window is made
    as tall as that first: a frame paints only what the window shows."""
    box = page.locator("iframe").bounding_box()
    assert box is not None and page.viewport_size is not None
    height = min(int(box["height"]), SNAP_HEIGHT)
    page.set_viewport_size({"width": page.viewport_size["width"], "height": height})
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), clip={"x": 0, "y": 0, "width": box["width"], "height": height})
    assert path.stat().st_size > 1000


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_behavior_set_history_shows_versions_and_their_differences(
    browser: Browser, host_page: str, endpoint: str, screenshots: Path, theme: str
) -> None:
    page, view = open_view(
        browser,
        host_page,
        endpoint,
        "list_dynamic_behavior_set_versions",
        {"dynamic_behavior_set_id": REFUNDS},
        theme,
    )
    # The set's name and state come from list_dynamic_behavior_sets, through the host.
    expect(view.locator("h1")).to_have_text("Dynamic behavior set: Refund requests")
    expect(view.locator("main > p.muted").first).to_contain_text("active")
    assert background(view) == BACKGROUND[theme]
    view.locator("#from").select_option("1")
    view.locator("#to").select_option("2")
    added = view.locator('section[aria-label="version 2"] .item[data-state="added"]')
    expect(added).to_have_count(1)
    expect(added).to_contain_text(ADDED_IN_V2)
    expect(
        view.locator('section[aria-label="version 1"] .item[data-state="removed"]')
    ).to_have_count(0)
    snap(page, screenshots, f"behavior-set-history-{theme}")
    page.close()


def test_scenario_history_marks_the_changed_fields(
    browser: Browser, host_page: str, endpoint: str, screenshots: Path
) -> None:
    for theme in ("light", "dark"):
        page, view = open_view(
            browser,
            host_page,
            endpoint,
            "list_simulation_scenario_versions",
            {"simulation_scenario_id": DOUBLE_CHARGE},
            theme,
        )
        expect(view.locator("h1")).to_have_text("Simulation scenario: Disputed double charge")
        assert background(view) == BACKGROUND[theme]
        view.locator("#from").select_option("1")
        view.locator("#to").select_option("2")
        # Instructions and start time changed, not the objective nor the opening.
        changed = view.locator('section[aria-label="version 2"] .item[data-state="changed"]')
        expect(changed).to_have_count(2)
        expect(changed.first).to_contain_text("ask for one")
        snap(page, screenshots, f"scenario-history-{theme}")
        page.close()


@pytest.mark.parametrize("era", ["legacy", "auto"])
def test_make_this_version_current_runs_the_rollback_through_the_host(
    browser: Browser, host_page: str, endpoint: str, era: str
) -> None:
    page, view = open_view(
        browser,
        host_page,
        endpoint,
        "list_simulation_scenario_versions",
        {"simulation_scenario_id": DOUBLE_CHARGE},
        viewport=NARROW,
        era=era,
    )
    assert fits(view)
    latest = int(view.locator("ol.timeline button").first.get_attribute("data-version") or 0)
    created = latest + 1
    view.locator('button[data-version="1"]').click()
    expect(view.locator("#make-current")).to_have_text("Make v1 current")
    # Reached with the keyboard alone: Tab until the button has the focus, then Enter.
    view.locator('button[data-version="1"]').focus()
    for _ in range(10):
        if view.locator("#make-current").evaluate("b => document.activeElement === b"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    status = view.locator("p.status")
    expect(status).to_have_text(f"v1 is current again, as v{created}.")
    calls = page.evaluate("host.calls")
    rollbacks = [
        call["arguments"] for call in calls if call["name"] == "rollback_simulation_scenario"
    ]
    assert rollbacks == [{"simulation_scenario_id": DOUBLE_CHARGE, "to_version": 1}]
    # The server asked its confirmation question, through the host, before anything was sent.
    (question,) = page.evaluate("host.questions")
    assert "Allow this call?" in question and "Disputed double charge" in question
    # Applied: the new version is current and has v1's content.
    expect(view.locator("ol.timeline .badge.current")).to_have_count(1)
    expect(view.locator(f'button[data-version="{created}"]')).to_contain_text("current")
    answer = page.evaluate(
        """async (id) => (await host.client.callTool({name: "list_simulation_scenario_versions",
        arguments: {simulation_scenario_id: id, version: "latest"}})).structuredContent""",
        DOUBLE_CHARGE,
    )
    (new,) = answer["simulation_scenario_versions"]
    assert new["version"] == created
    assert new["instructions"] == "Be polite but firm. Give the order number only when asked."
    page.close()


def test_a_declined_rollback_changes_nothing(
    browser: Browser, host_page: str, endpoint: str
) -> None:
    page, view = open_view(
        browser,
        host_page,
        endpoint,
        "list_dynamic_behavior_set_versions",
        {"dynamic_behavior_set_id": REFUNDS},
    )
    page.evaluate("host.answer = 'decline'")
    versions = view.locator("ol.timeline li").count()
    view.locator('button[data-version="1"]').click()
    view.locator("#make-current").click()
    expect(view.locator("p.status.error")).to_contain_text("declined")
    assert len(page.evaluate("host.questions")) == 1
    assert view.locator("ol.timeline li").count() == versions
    page.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_metric_results_table_charts_and_filters(
    browser: Browser, host_page: str, endpoint: str, screenshots: Path, theme: str
) -> None:
    page, view = open_view(
        browser, host_page, endpoint, "list_metric_evaluation_results", {"limit": 30}, theme
    )
    assert background(view) == BACKGROUND[theme]
    # Metric names come from list_metrics, through the host.
    satisfaction = view.locator("tbody tr", has_text="Customer satisfaction").filter(
        has_text=CONVERSATION
    )
    expect(satisfaction.first.locator("td.value")).to_have_text("1")
    kinds = view.locator("figure").evaluate_all("fs => fs.map(f => f.dataset.kind)")
    assert {"numerical", "boolean", "categorical"} <= set(kinds)
    snap(page, screenshots, f"metric-results-{theme}")
    # Filter by metric: only its rows and its chart are left.
    view.locator("#metric-filter").select_option(label="Issue resolved")
    rows = view.locator("tbody tr td:first-child").all_inner_texts()
    assert rows and all(text.startswith("Issue resolved") for text in rows)
    expect(view.locator("figure")).to_have_count(1)
    values = view.locator("tbody td.value").all_inner_texts()
    assert set(values) <= {"✓ met", "✗ not met", "n/a"}
    # Sort by value, both ways.
    view.locator('th button[data-column="value"]').click()
    expect(view.locator('th[aria-sort="ascending"]')).to_have_text("Value ▲")
    view.locator('th button[data-column="value"]').click()
    expect(view.locator('th[aria-sort="descending"]')).to_have_text("Value ▼")
    page.close()


@pytest.mark.parametrize("era", ["legacy", "auto"])
def test_fresh_metric_results_open_the_same_view(
    browser: Browser, host_page: str, endpoint: str, era: str
) -> None:
    page, view = open_view(
        browser,
        host_page,
        endpoint,
        "evaluate_metrics",
        {"metric_ids": ["2114782591d1f83a6e9f1c4f"], "conversation_id": CONVERSATION},
        viewport=NARROW,
        era=era,
    )
    # evaluate_metrics asks first (it stores a result), through the host, in either era.
    assert len(page.evaluate("host.questions")) == 1
    row = view.locator("tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("td").nth(1)).to_have_text(CONVERSATION)
    expect(row.locator("td.value")).to_have_text("1")
    assert fits(view)
    page.close()
