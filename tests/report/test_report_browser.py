"""The report opened in a real browser: Debian's headless Chromium loads it from disk, prints it to
PDF and takes a screenshot. The test checks the page count, that the page asked for nothing
outside its own file (Chromium's network log, with every host name mapped to a dead local port so
nothing can leave the machine; a control page proves the log shows a page's request), and that
the screenshot is not blank.

CI installs Chromium (`.ci/run`) and sets TESTAMENT_REQUIRE_CHROMIUM=1, so there the test fails
rather than skips when the browser is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from game.content.build import load_content
from game.persistence.codec import SaveData, make_header
from game.report.html import build_report
from game.session.headless import play_game

ROOT = Path(__file__).resolve().parents[2]
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")


def find_browser() -> str | None:
    found = next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None)
    if found is None and os.environ.get("TESTAMENT_REQUIRE_CHROMIUM"):
        pytest.fail("TESTAMENT_REQUIRE_CHROMIUM is set but no Chromium was found (.ci/run installs it)")
    return found


def page_requests(netlog: Path) -> list[str]:
    """URLs the page itself asked for, from Chromium's network log.

    The browser's own background traffic (time, component updates) is told apart by its network
    isolation key: only requests made on behalf of a page opened from a file carry `file://`.
    """
    import json

    text = netlog.read_text(encoding="utf-8").rstrip()
    if not text.endswith("}"):  # a log cut short when the browser exits: close the event list
        text = text.rstrip(",") + "]}"
    doc = json.loads(text)
    kinds = {number: name for name, number in doc["constants"]["logEventTypes"].items()}
    out = []
    for event in doc["events"]:
        params = event.get("params") or {}
        if kinds.get(event["type"]) == "URL_REQUEST_START_JOB" and "file://" in str(
            params.get("network_isolation_key", "")
        ):
            url = str(params.get("url", ""))
            if not url.startswith(("file:", "data:")):
                out.append(url)
    return out


# A headless Chromium that asks nothing of the network by itself (the network tests use them too).
QUIET_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--hide-scrollbars",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
]


def chromium(browser: str, profile: Path, netlog: Path, *args: str) -> subprocess.CompletedProcess:
    flags = [
        *QUIET_FLAGS,
        f"--user-data-dir={profile}",
        f"--log-net-log={netlog}",
        "--host-resolver-rules=MAP * 127.0.0.1:9",
    ]  # nothing may leave the machine, even while we look
    return subprocess.run([browser, *flags, *args], capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> Path:
    rs = load_content(ROOT / "data").ruleset
    record = play_game(rs, "scissors", 9, hash_turns=True)
    header = make_header(record.state, rs.content_hash, [], [f"{f}: AI" for f in rs.faction_ids], "2026-01-01T00:00:00")
    data = SaveData(
        header,
        record.state,
        list(record.actions),
        list(record.turn_hashes),
        {"humans": [], "levels": {}, "options": {}},
    )
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(build_report(rs, data), encoding="utf-8")
    return path


def test_the_report_prints_offline_in_chromium(report_file, tmp_path):
    browser = find_browser()
    if browser is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    control = tmp_path / "control.html"
    control.write_text("<p>control</p><img src='http://example.org/x.png'>")
    chromium(
        browser,
        tmp_path / "p0",
        tmp_path / "control.json",
        f"--screenshot={tmp_path / 'control.png'}",
        control.as_uri(),
    )
    assert page_requests(tmp_path / "control.json") == ["http://example.org/x.png"], (
        "the network log must show a page's request"
    )

    pdf = tmp_path / "report.pdf"
    out = chromium(
        browser,
        tmp_path / "p1",
        tmp_path / "pdf.json",
        f"--print-to-pdf={pdf}",
        "--no-pdf-header-footer",
        report_file.as_uri(),
    )
    assert pdf.is_file(), out.stderr[-2000:]
    shot = tmp_path / "report.png"
    chromium(
        browser,
        tmp_path / "p2",
        tmp_path / "shot.json",
        f"--screenshot={shot}",
        "--window-size=1200,1600",
        report_file.as_uri(),
    )
    assert shot.is_file()
    assert page_requests(tmp_path / "pdf.json") == [] and page_requests(tmp_path / "shot.json") == []

    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    # A whole game: the factions, the timeline, ten charts and the questions run to many pages,
    # but a runaway layout (a chart per page, an endless table) would run to many more.
    assert 4 <= pages <= 60, pages

    import pygame

    image = pygame.image.load(str(shot))
    width, height = image.get_size()
    assert (width, height) == (1200, 1600)
    colours = {tuple(image.get_at((x, y)))[:3] for x in range(0, width, 7) for y in range(0, height, 7)}
    assert len(colours) > 20, "the screenshot is blank"
    red_banner = image.get_at((width // 2, 60))[:3]
    assert red_banner[0] > 150 and red_banner[1] < 80, red_banner  # the report's own heading rendered
