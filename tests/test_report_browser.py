"""The report in a real browser: headless Chromium loads it, shows the summary and the
removed blocks, filters by rule and by name, runs no injected script, fetches nothing,
and leaves a screenshot in ``build/report-screenshot.png``.

Needs the Playwright Python package (the ``test`` extra) and a system Chromium
(``apt-get install chromium chromium-driver``; ``.ci/run`` installs it when it can).
Playwright's own browser downloads are not used: ``$CHROMIUM`` or ``chromium`` on the
``PATH`` is launched instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from tests.conftest import ROOT
from tests.test_cli_corpus import SAMPLES
from tests.test_report import HOSTILE_HTML, HOSTILE_NAME

#: Where the screenshot of the loaded report is kept (``build/`` is git-ignored).
SCREENSHOT = ROOT / "build" / "report-screenshot.png"
#: Chromium switches for a quiet, private, headless run in a container.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM") or next(
        (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p),
        None)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed: pip install -e '.[test]'")
    executable = chromium_path()
    if executable is None:
        pytest.skip("no system Chromium (apt-get install chromium chromium-driver, "
                    "or set $CHROMIUM to a Chromium binary)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=executable, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900})
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("inputs")
    for sample in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(sample, root / sample.name)
    (root / HOSTILE_NAME).write_bytes(HOSTILE_HTML)
    (root / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    out = tmp_path_factory.mktemp("run") / "out"
    result = CliRunner().invoke(main, ["clean", str(root), "-o", str(out), "-j", "0", "-q",
                                       "--report"], catch_exceptions=False)
    assert result.exit_code == 1  # broken.png
    return out / "report.html"


def test_report_renders_filters_and_stays_offline(browser: Any, report: Path) -> None:
    page = browser.new_page()
    requests: list[str] = []
    problems: list[str] = []

    def on_dialog(dialog: Any) -> None:
        problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    def on_console(message: Any) -> None:
        if message.type == "error":
            problems.append(f"console: {message.text}")

    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", on_dialog)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("console", on_console)
    page.goto(report.as_uri())

    # the summary
    assert page.locator("#summary .card").first.inner_text().split() == ["7", "documents"]
    assert page.locator("#summary svg.chart").count() == 4
    assert page.locator("#failures").inner_text().count("broken.png") == 1
    docs = page.locator("section.doc")
    assert docs.count() == 7 and page.locator("#shown-count").inner_text() == "7"

    # a removed block: struck through, coloured by its rule, the rule shown on hover
    block = page.locator("li.removed", has_text="Most Read").first
    block.scroll_into_view_if_needed()
    assert block.is_visible()
    style = block.evaluate("e => [getComputedStyle(e.querySelector('del')).textDecorationLine,"
                           " getComputedStyle(e).borderLeftColor]")
    assert style[0] == "line-through" and style[1] not in ("rgba(0, 0, 0, 0)", "")
    tag = block.locator(".tag")
    assert not tag.is_visible()
    block.hover()
    assert tag.is_visible() and tag.inner_text() == "sections / sections.end-marker"
    assert "sections.end-marker" in str(block.get_attribute("title"))

    # filter by rule: only documents with that rule stay, its blocks are outlined
    option = page.locator("#rule-filter option", has_text="promos.read-more")
    page.select_option("#rule-filter", str(option.get_attribute("value")))
    visible = [d for d in docs.all() if d.is_visible()]
    assert 0 < len(visible) < 7
    assert page.locator("#shown-count").inner_text() == str(len(visible))
    matches = page.locator("li.removed.match")
    assert matches.count() > 0 and all("promos.read-more" in str(m.get_attribute("title"))
                                       for m in matches.all())
    matches.first.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOT.with_name("report-screenshot-filtered.png")))

    # clicking a rule in the rules table filters too; "all rules" brings everything back
    page.locator("button.rule-pick", has_text="sections.end-marker").click()
    assert page.locator("#rule-filter").input_value() != ""
    page.select_option("#rule-filter", "")
    assert sum(d.is_visible() for d in docs.all()) == 7

    # search by file name
    page.fill("#name-search", "003_BD3")
    shown = [str(d.get_attribute("data-name")) for d in docs.all() if d.is_visible()]
    assert len(shown) == 1 and shown[0].endswith("/003_bd339752a15f362f.txt")
    page.fill("#name-search", "")

    # hostile text is shown as text and ran nothing
    hostile = page.locator("section.doc", has_text="window.pwned=3")
    assert hostile.count() == 1 and "<script>window.pwned=2</script>" in hostile.inner_text()
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert problems == []
    assert requests and all(url.startswith("file://") for url in requests)

    page.evaluate("window.scrollTo(0, 0)")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000
    page.close()
