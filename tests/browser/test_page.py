"""The page in a real browser against the real server: what a fact-checker sees and can do.

Expected verdicts come from the same server's `/v1/check`, never from a table here, so the page
is held to showing exactly what the API says. Each state is saved as a screenshot under
`tests/artifacts/browser/`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from itertools import pairwise
from typing import Any

import httpx
import pytest

from tests.browser.conftest import MAX_TEXT_CHARS, TESTS, eventually

pytestmark = pytest.mark.browser

BORDER = "The border runs 2,670 kilometers (1,640 miles)."
# One claim of each flagged kind and one that holds, in text order: consistent, minor
# discrepancy, inconsistent, impossible.
MIXED = (
    "Pakistan's ICT exports rose 19.78 percent to $2.61 billion from $2.18 billion.\n"
    "Remittances rose 9.3 percent to $1,907.3 million from $1,744.1 million.\n"
    "The border runs 2,670 kilometers (1,640 miles).\n"
    "Software consultancy saw a decrease of 180 per cent, from US $3.394 million to US $3.333 million.\n"
)
# The README's screenshot; refreshed by `ECONCHECK_UPDATE_DOCS=1 pytest tests/browser`.
DOCS_SCREENSHOT = TESTS.parent / "docs" / "page.png"
SEVERITY = ["impossible", "inconsistent", "minor_discrepancy", "unverifiable", "consistent"]


def api_check(server: str, text: str) -> dict[str, Any]:
    response = httpx.post(f"{server}/v1/check", json={"text": text}, timeout=30)
    response.raise_for_status()
    body: dict[str, Any] = response.json()
    return body


def check(page: Any, text: str) -> None:
    page.fill("#text", text)
    page.click("#check")
    page.wait_for_selector("#result:not([hidden])")


def mark_verdicts(page: Any) -> dict[str, str]:
    """The text of every marked figure that is part of a claim, with its verdict class."""
    marks = page.eval_on_selector_all(
        "mark.fig",
        "nodes => nodes.map(n => [n.textContent, [...n.classList].find(c => c.startsWith('v-'))])",
    )
    return {text: verdict.removeprefix("v-") for text, verdict in marks}


def test_seed_article_shows_every_claim_figure_consistent(page, server, seed_text, artifacts):
    expected = api_check(server, seed_text)
    check(page, seed_text)
    page.screenshot(path=artifacts / "seed-checked.png", full_page=True)

    figures = {f["text"] for claim in expected["claims"] for f in claim["figures"]}
    marked = mark_verdicts(page)
    assert set(marked) == figures
    assert set(marked.values()) == {"consistent"}
    findings = page.eval_on_selector_all(".finding", "ns => ns.map(n => n.dataset.verdict)")
    assert findings == [c["verdict"] for c in expected["claims"]]
    summary = expected["summary"]
    assert page.text_content("#figures-seen") == f"{summary['figures_seen']} figures seen"
    assert page.text_content("#claims-checked") == f"{summary['claims_checked']} claims checked"
    assert page.text_content("#headline") == f"All {summary['claims_checked']} claims add up."


def test_seed_article_marks_figures_outside_claims_too(page, server, seed_text):
    """Every figure read is marked once; words a claim reads (a weekday, "climb") are too."""
    listed = httpx.post(f"{server}/v1/figures", json={"text": seed_text}, timeout=30).json()
    spans = {(f["span"]["start"], f["span"]["end"]) for f in listed["figures"]}
    for claim in api_check(server, seed_text)["claims"]:
        spans.update((f["span"]["start"], f["span"]["end"]) for f in claim["figures"])
    check(page, seed_text)
    marked = page.eval_on_selector_all(
        "#document .fig", "ns => ns.map(n => [+n.dataset.start, +n.dataset.end, n.textContent])"
    )
    assert all(seed_text[start:end] == text for start, end, text in marked)
    assert all(a[1] <= b[0] for a, b in pairwise(marked))  # in order, apart
    assert {(start, end) for start, end, _ in marked} <= spans
    # A figure overlapping another (a month inside "June 2026") shares its mark.
    assert all(any(s < e2 and s2 < e for s2, e2, _ in marked) for s, e in spans)
    assert page.locator("#document .fig.v-none").count() >= 1


def test_a_finding_opens_its_explanation_with_the_arithmetic(page, server, seed_text, artifacts):
    claims = api_check(server, seed_text)["claims"]
    check(page, seed_text)
    first = page.locator(".finding").first
    first.click()
    index = int(first.get_attribute("data-index"))
    detail = page.locator(f"#detail-{index}")
    detail.wait_for(state="visible")
    page.screenshot(path=artifacts / "seed-explanation.png", full_page=True)

    assert first.get_attribute("aria-expanded") == "true"
    assert claims[index]["explanation"] in detail.text_content()
    terms = detail.locator("dt").all_text_contents()
    for term in ("Stated range", "Computed range", "Point value", "Likely mistake", "Assumptions"):
        assert term in terms
    assert detail.locator("code").text_content() == claims[index]["expression"]
    selected = page.locator(".claim-text.selected").all_text_contents()
    assert "".join(selected) == claims[index]["text"]


def test_the_border_conversion_is_flagged_inconsistent(page, server, artifacts):
    [claim] = api_check(server, BORDER)["claims"]
    check(page, BORDER)
    page.locator(".finding").first.click()
    page.screenshot(path=artifacts / "border-inconsistent.png", full_page=True)

    assert claim["verdict"] == "inconsistent"
    assert mark_verdicts(page) == {
        "2,670 kilometers": "inconsistent",
        "1,640 miles": "inconsistent",
    }
    assert page.get_attribute(".finding", "data-verdict") == "inconsistent"
    assert "inconsistent" in page.text_content("#headline")
    stated = page.locator(".detail dt:text-is('Stated range') + dd").text_content()
    assert stated == "1,635 to 1,645"
    label = page.get_attribute("mark.fig", "aria-label")
    assert label.startswith("2,670 kilometers: Inconsistent (EC201)")


def test_a_weak_agreement_is_called_weak_and_a_weak_disagreement_is_not(page, server):
    """Both claims have a range over 15 points wide: agreeing with it says little, falling outside
    it is still a clear miss (DOMAIN §B.5's resolution flag)."""
    text = (
        "Exports rose 10% to $12 billion from $10 billion.\n"
        "Imports rose 50% to $15 billion from $13 billion.\n"
    )
    claims = api_check(server, text)["claims"]
    assert [(c["verdict"], c["weak"]) for c in claims] == [
        ("consistent", True),
        ("inconsistent", True),
    ]
    check(page, text)
    for verdict, shown in (("consistent", 1), ("inconsistent", 0)):
        finding = page.locator(f".finding[data-verdict='{verdict}']")
        finding.click()
        detail = page.locator(f"#detail-{finding.get_attribute('data-index')}")
        detail.wait_for(state="visible")
        assert detail.locator(".weak").count() == shown, verdict


def test_findings_are_listed_worst_first_and_marked_by_more_than_colour(page, server, artifacts):
    claims = api_check(server, MIXED)["claims"]
    check(page, MIXED)
    page.screenshot(path=artifacts / "mixed-verdicts.png", full_page=True)

    listed = page.eval_on_selector_all(".finding", "ns => ns.map(n => n.dataset.verdict)")
    assert listed == sorted((c["verdict"] for c in claims), key=SEVERITY.index)
    assert len(set(listed)) == 4
    styles = page.eval_on_selector_all(
        "mark.fig",
        """ns => ns.map(n => [n.dataset.verdict, getComputedStyle(n, '::before').content,
                              getComputedStyle(n).textDecorationStyle])""",
    )
    by_verdict = {verdict: (icon, line) for verdict, icon, line in styles}
    icons = [icon for icon, _ in by_verdict.values()]
    lines = [line for _, line in by_verdict.values()]
    assert len(by_verdict) == 4 and len(set(icons)) == 4 and len(set(lines)) == 4
    assert all(icon not in ("none", "normal", '""') for icon in icons)


def test_clicking_a_marked_figure_opens_its_finding(page, artifacts):
    check(page, MIXED)
    page.locator("mark.fig", has_text="1,640 miles").click()
    page.screenshot(path=artifacts / "mixed-explanation.png", full_page=True)
    if os.environ.get("ECONCHECK_UPDATE_DOCS") == "1":
        shutil.copyfile(artifacts / "mixed-explanation.png", DOCS_SCREENSHOT)
    focused = page.evaluate("document.activeElement.dataset.verdict")
    assert focused == "inconsistent"
    assert page.locator(".detail:not([hidden])").count() == 1


def test_keyboard_only_path_reaches_the_findings(page, artifacts):
    order = []
    for _ in range(4):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id"))
        if order[-1] == "text":
            page.keyboard.type(BORDER)
    assert order == ["text", "file", "format", "check"]
    page.keyboard.press("Enter")
    page.wait_for_selector("#result:not([hidden])")
    page.keyboard.press("Tab")
    focused = page.evaluate("[...document.activeElement.classList]")
    assert "finding" in focused
    assert page.get_attribute(".finding", "aria-expanded") == "true"
    assert page.locator(".detail:not([hidden])").count() == 1
    page.screenshot(path=artifacts / "keyboard-finding.png", full_page=True)


def test_arrow_keys_move_between_findings(page):
    check(page, MIXED)
    page.focus(".finding")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.dataset.verdict")
    page.keyboard.press("End")
    last = page.evaluate("document.activeElement.dataset.verdict")
    assert (second, last) == ("inconsistent", "consistent")
    assert page.locator(".finding[aria-expanded='true']").count() == 1


def test_an_oversized_text_is_refused_in_plain_words(page, seed_text, artifacts):
    too_long = (seed_text + "\n") * (MAX_TEXT_CHARS // len(seed_text) + 1)
    check_error(page, too_long)
    page.screenshot(path=artifacts / "error-too-long.png", full_page=True)

    message = page.text_content("#error-message")
    assert message.startswith("The text is too long to check in one go.")
    assert f"this service checks at most {MAX_TEXT_CHARS:,}" in message
    assert page.is_hidden("#result")
    assert page.input_value("#text") == too_long


def test_a_text_the_service_cannot_read_is_refused_in_plain_words(page, artifacts):
    page.evaluate("document.getElementById('text').value = 'Exports rose \\ud800 percent.'")
    page.click("#check")
    page.wait_for_selector("#error:not([hidden])")
    page.screenshot(path=artifacts / "error-invalid.png", full_page=True)
    message = page.text_content("#error-message")
    assert message.startswith("The service could not read this text: ")
    assert "lone surrogate" in message


def check_error(page: Any, text: str) -> None:
    page.fill("#text", text)
    page.click("#check")
    page.wait_for_selector("#error:not([hidden])")


def test_an_empty_text_asks_for_one_without_calling_the_service(page):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    check_error(page, "   ")
    assert "There is no text to check yet." in page.text_content("#error-message")
    assert requests == []


def test_the_text_survives_a_reload(page):
    page.fill("#text", BORDER)
    page.select_option("#format", "markdown")
    eventually(page, f"localStorage.getItem('econcheck.text') === {json.dumps(BORDER)}")
    page.reload()
    page.wait_for_selector("html[data-ready='true']")
    assert page.input_value("#text") == BORDER
    assert page.input_value("#format") == "markdown"


def test_a_dropped_markdown_file_fills_the_text_box(page):
    data_transfer = page.evaluate_handle(
        """() => { const dt = new DataTransfer();
                   dt.items.add(new File(['## Border\\n\\n' + arguments[0]], 'border.md'));
                   return dt; }""".replace("arguments[0]", json.dumps(BORDER))
    )
    page.dispatch_event("#drop", "drop", {"dataTransfer": data_transfer})
    eventually(page, "document.getElementById('text').value.length > 0")
    assert page.input_value("#text") == f"## Border\n\n{BORDER}"
    assert page.input_value("#format") == "markdown"
    page.click("#check")
    page.wait_for_selector("#result:not([hidden])")
    assert set(mark_verdicts(page).values()) == {"inconsistent"}


def test_a_chosen_file_that_is_not_text_is_refused(page, tmp_path):
    sheet = tmp_path / "figures.xlsx"
    sheet.write_bytes(b"PK\x03\x04")
    page.set_input_files("#file", str(sheet))
    page.wait_for_selector("#error:not([hidden])")
    assert "is not a .txt or .md file" in page.text_content("#error-message")
    assert page.input_value("#text") == ""


def test_the_result_downloads_as_json_and_csv(page, server):
    expected = api_check(server, MIXED)
    check(page, MIXED)
    with page.expect_download() as as_json:
        page.click("#download-json")
    downloaded = json.loads(as_json.value.path().read_text(encoding="utf-8"))
    assert downloaded["claims"] == expected["claims"]
    assert downloaded["summary"] == expected["summary"]

    with page.expect_download() as as_csv:
        page.click("#download-csv")
    assert as_csv.value.suggested_filename == "econcheck-result.csv"
    rows = list(csv.DictReader(io.StringIO(as_csv.value.path().read_text(encoding="utf-8-sig"))))
    assert [(r["rule"], r["verdict"], r["text"]) for r in rows] == [
        (c["rule"], c["verdict"], c["text"]) for c in expected["claims"]
    ]
    assert [r["computed_point"] for r in rows] == [
        c["computed"]["point"] for c in expected["claims"]
    ]


def test_the_page_fits_a_phone(phone_page, artifacts):
    check(phone_page, MIXED)
    phone_page.locator(".finding").first.click()
    phone_page.screenshot(path=artifacts / "phone.png", full_page=True)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    findings = phone_page.locator(".findings-panel").bounding_box()
    document = phone_page.locator(".document-panel").bounding_box()
    assert document["y"] >= findings["y"] + findings["height"]  # stacked, not side by side
    assert phone_page.locator("#check").bounding_box()["height"] >= 44


CONTRAST = """
ns => ns.map(n => {
  const rgb = c => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => {
    const f = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let back = n;
  while (back && rgb(getComputedStyle(back).backgroundColor)[3] === 0) back = back.parentElement;
  const fg = lum(rgb(getComputedStyle(n).color));
  const bg = lum(rgb(back ? getComputedStyle(back).backgroundColor : 'rgb(255,255,255)'));
  return [n.className, (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05)];
})
"""


def test_text_has_readable_contrast(page):
    """WCAG AA: at least 4.5:1 for the text of findings, marks, summary, help and errors."""
    check(page, MIXED)
    page.locator(".finding").first.click()
    selectors = (
        ".finding .badge, .finding .where, .fig, .summary li, .help, .detail dt, .detail dd, button"
    )
    ratios = page.eval_on_selector_all(selectors, CONTRAST)
    check_error(page, "  ")
    ratios += page.eval_on_selector_all(".error-message, .error-detail", CONTRAST)
    low = [(name, round(ratio, 2)) for name, ratio in ratios if ratio < 4.5]
    assert len(ratios) > 20 and low == []
