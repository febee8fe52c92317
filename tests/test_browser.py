"""The dashboard in a real headless browser: Debian's chromium driven by chromium-driver.

A uvicorn server runs in a thread on 127.0.0.1 over the small store of ``test_server``;
each page is loaded and checked for real content (titles, highlighted marks, a chart's SVG,
the map's points), and the test clicks from the overview through to an article. One
screenshot goes to /tmp/newsprism-dashboard.png for a human to look at. Skipped when
chromium, chromedriver or selenium is missing (``make browsers`` installs them).
"""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .test_server import build_store

webdriver = pytest.importorskip("selenium.webdriver")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SCREENSHOT = Path("/tmp/newsprism-dashboard.png")
pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(DRIVER).exists()), reason="chromium not installed"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from newsprism.server import create_app

    db = build_store(tmp_path_factory.mktemp("browser") / "corpus.duckdb")
    port = _free_port()
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="newsprism-chromium-")
    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", f"--user-data-dir={profile}", "--window-size=1280,1600"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _wait(driver, css: str, timeout: float = 15.0) -> list:
    """Elements matching ``css`` once scripts have drawn them (charts and maps are async)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(lambda d: d.find_elements(By.CSS_SELECTOR, css))
    return driver.find_elements(By.CSS_SELECTOR, css)


def test_overview_click_through_to_an_article(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    assert "The corpus" in browser.find_element(By.TAG_NAME, "h1").text
    assert _wait(browser, ".chart svg"), "the articles-per-day chart did not draw"
    browser.find_element(By.CSS_SELECTOR, "a.story-link").click()
    assert "Lisbon dock strike" in _wait(browser, "h1")[0].text
    assert _wait(browser, ".chart svg") and _wait(browser, ".map path.place-point")
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "a.article-link")
                if "Lisbon" in a.text)  # fmt: skip
    link.click()
    assert _wait(browser, "h1.article-title")[0].text == "Lisbon dock strike halts ferries"
    marks = browser.find_elements(By.CSS_SELECTOR, ".body mark.quote.side-for")
    assert marks and "union leader" in (marks[0].get_attribute("title") or "")
    assert browser.find_elements(By.CSS_SELECTOR, ".body mark.ent-PERSON")
    assert _wait(browser, ".chart svg"), "the dates timeline did not draw"
    assert len(_wait(browser, ".map path.place-point")) == 1  # Lisbon, on the country outlines
    assert _wait(browser, ".map path.leaflet-interactive, .map svg path")
    browser.save_screenshot(str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000


@pytest.mark.parametrize(("path", "expect"), [
    ("/articles", "Articles"), ("/entities/e-sousa", "Marta Sousa"), ("/quotes", "Quotes"),
    ("/issues/Should the dock strike go on%3F", "Should the dock strike go on?"),
    ("/stories", "Stories"), ("/duplicates", "Duplicates"), ("/search?q=ferries", "Search"),
])  # fmt: skip
def test_pages_render_in_the_browser(server, browser, path, expect):
    from selenium.webdriver.common.by import By

    browser.get(server + path)
    assert expect in browser.find_element(By.TAG_NAME, "h1").text
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
    if path.startswith(("/entities/", "/issues/")):
        assert _wait(browser, ".chart svg")
    if path.startswith("/search"):
        assert _wait(browser, ".snippet mark")
