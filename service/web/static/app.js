/* econcheck page: sends the text to this service's /v1/check and /v1/figures and shows the answer.
   Everything shown is built from the JSON with DOM calls (never innerHTML), so nothing in an
   article can become markup. Decimals arrive as strings and are only ever rounded as strings. */
(() => {
  "use strict";

  // Worst first: the order of the findings list and of the summary.
  const VERDICTS = ["impossible", "inconsistent", "minor_discrepancy", "unverifiable", "consistent"];
  const LABELS = {
    impossible: "Impossible",
    inconsistent: "Inconsistent",
    minor_discrepancy: "Minor discrepancy",
    unverifiable: "Unverifiable",
    consistent: "Consistent",
  };
  const MEANINGS = {
    impossible: "cannot be true whatever the rounding",
    inconsistent: "the figures do not agree",
    minor_discrepancy: "off by a little more than rounding allows",
    unverifiable: "too imprecise to tell",
    consistent: "the figures agree",
  };
  const STORE_TEXT = "econcheck.text";
  // The API key lives in sessionStorage: gone with the tab, never written to disk by the page.
  const STORE_KEY = "econcheck.key";
  const STORE_FORMAT = "econcheck.format";
  const MAX_FILE_BYTES = 10 * 1024 * 1024;
  const SHOWN_PLACES = 4;

  const $ = (id) => document.getElementById(id);
  let busy = false;
  let current = null; // {text, check, figures, order}
  let selected = -1;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  // ---- numbers: exact decimal strings, rounded and grouped for reading ----

  function roundDecimal(text, places) {
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
    if (!match) return text; // "Infinity" and anything unexpected is shown as sent
    const [, sign, whole, fraction = ""] = match;
    if (fraction.length <= places) return text;
    let digits = BigInt(whole + fraction.slice(0, places));
    if (fraction.charCodeAt(places) >= 53) digits += 1n; // half away from zero, on the digits
    const padded = digits.toString().padStart(places + 1, "0");
    const head = padded.slice(0, padded.length - places);
    const tail = padded.slice(padded.length - places).replace(/0+$/, "");
    return sign + head + (tail ? "." + tail : "");
  }

  function readable(text) {
    if (text === null || text === undefined) return "—";
    const rounded = roundDecimal(text, SHOWN_PLACES);
    const match = /^(-?)(\d+)(\.\d+)?$/.exec(rounded);
    if (!match) return rounded;
    const grouped = match[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return (match[1] ? "−" : "") + grouped + (match[3] || "");
  }

  function exactly(text) {
    const shown = readable(text);
    return el("span", { title: text && shown !== text ? "exactly " + text : null, text: shown });
  }

  function range(pair) {
    if (!pair || (pair.low === null && pair.high === null)) return el("span", { text: "—" });
    if (pair.low === pair.high) return exactly(pair.low);
    return el("span", {}, exactly(pair.low), " to ", exactly(pair.high));
  }

  // ---- saving the text in this browser ----

  function restore() {
    try {
      const text = localStorage.getItem(STORE_TEXT);
      const format = localStorage.getItem(STORE_FORMAT);
      if (text) $("text").value = text;
      if (format === "plain" || format === "markdown") $("format").value = format;
    } catch (_) {
      /* storage blocked (private mode, policy): the page works without it */
    }
  }

  let saveTimer = 0;
  function saveSoon() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 250);
  }

  function save() {
    try {
      localStorage.setItem(STORE_TEXT, $("text").value);
      localStorage.setItem(STORE_FORMAT, $("format").value);
    } catch (_) {
      /* full or blocked: losing the copy is better than failing the check */
    }
  }

  // ---- files: chosen or dropped ----

  async function openFile(file) {
    if (!file) return;
    if (!/\.(txt|md|markdown|text)$/i.test(file.name)) {
      showError(`“${file.name}” is not a .txt or .md file, so it was not opened.`, "");
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      showError(`“${file.name}” is too large to open here (over 10 MB). Check it in parts.`, "");
      return;
    }
    $("text").value = await file.text();
    $("format").value = /\.(md|markdown)$/i.test(file.name) ? "markdown" : "plain";
    save();
    clearError();
    say(`Opened ${file.name}. Press Check to check it.`);
  }

  function listenForDrops() {
    const zone = $("drop");
    // A file dropped anywhere else would make the browser leave the page and lose the text.
    for (const type of ["dragover", "drop"]) {
      window.addEventListener(type, (event) => event.preventDefault());
    }
    zone.addEventListener("dragover", () => zone.classList.add("dragging"));
    zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
    zone.addEventListener("drop", (event) => {
      zone.classList.remove("dragging");
      const files = event.dataTransfer && event.dataTransfer.files;
      if (files && files.length) openFile(files[0]);
    });
  }

  // ---- talking to the service ----

  class PageError extends Error {
    constructor(message, detail) {
      super(message);
      this.detail = detail || "";
    }
  }

  function apiKey() {
    return $("key").value.trim();
  }

  function askForKey() {
    $("key-box").hidden = false;
  }

  function keepKey() {
    try {
      if (apiKey()) sessionStorage.setItem(STORE_KEY, apiKey());
      else sessionStorage.removeItem(STORE_KEY);
    } catch (_) {
      // storage refused (private mode): the key still works until the page is reloaded
    }
  }

  function restoreKey() {
    let key = null;
    try {
      key = sessionStorage.getItem(STORE_KEY);
    } catch (_) {
      key = null;
    }
    if (key) {
      $("key").value = key;
      askForKey();
    }
  }

  async function postJSON(path, body) {
    let response;
    try {
      const headers = { "Content-Type": "application/json", Accept: "application/json" };
      const key = apiKey();
      if (key) headers.Authorization = `Bearer ${key}`;
      response = await fetch(path, { method: "POST", headers, body: JSON.stringify(body) });
    } catch (_) {
      throw new PageError(
        "The checking service could not be reached. Check your connection, or whether the " +
          "service is still running, and try again.",
      );
    }
    let payload = null;
    if ((response.headers.get("content-type") || "").includes("json")) {
      payload = await response.json().catch(() => null);
    }
    if (!response.ok) throw problemError(response.status, payload);
    if (!payload) {
      throw new PageError(`The service sent an answer this page cannot read (HTTP ${response.status}).`);
    }
    return payload;
  }

  // RFC 9457 problems from the API, said in plain words; the service's own words go underneath.
  function problemError(status, problem) {
    const slug = problem && typeof problem.type === "string" ? problem.type.split("/").pop() : "";
    const detail = problem && problem.detail ? String(problem.detail) : "";
    const technical = problem ? `${problem.title || "Error"} (HTTP ${status}): ${detail}` : `HTTP ${status}`;
    return new PageError(plainWords(slug, status, problem, detail), technical);
  }

  function plainWords(slug, status, problem, detail) {
    const limit = /over the limit of (\d+)/.exec(detail);
    const count = /^(\d+) characters/.exec(detail);
    if (slug === "text-too-long") {
      const has = count ? ` It has ${readable(count[1])} characters;` : "";
      const most = limit ? ` this service checks at most ${readable(limit[1])}.` : "";
      return `The text is too long to check in one go.${has}${most} Check the article in parts.`;
    }
    if (slug === "body-too-large" || status === 413) {
      const most = limit ? ` (at most ${readable(limit[1])} bytes)` : "";
      return `The text is too large to send to this service${most}. Check the article in parts.`;
    }
    if (slug === "invalid-body" || slug === "invalid-json" || status === 422 || status === 400) {
      const first = problem && problem.errors && problem.errors[0] ? problem.errors[0].message : detail;
      return `The service could not read this text: ${first || "it was not accepted"}. ` +
        "Remove any unusual characters (for example from a copied PDF) and try again.";
    }
    if (slug === "unauthorized" || status === 401) {
      askForKey();
      return apiKey()
        ? "This service did not accept the API key. Check it, or ask whoever runs the service."
        : "This service needs an API key. Enter it in the box below and check again.";
    }
    if (slug === "time-budget-exceeded") {
      return "The check took too long and was stopped. Try a shorter part of the text.";
    }
    if (status >= 500) {
      return `The service failed to check this text (HTTP ${status}). Try again in a moment.`;
    }
    return `The service refused this text (HTTP ${status}).`;
  }

  async function runCheck() {
    if (busy) return;
    const text = $("text").value;
    if (!text.trim()) {
      showError("There is no text to check yet. Paste an article into the box, or drop a .txt or .md file on it.", "");
      return;
    }
    const format = $("format").value;
    setBusy(true);
    clearError();
    save();
    keepKey();
    say("Checking…");
    try {
      const figures = postJSON("v1/figures", { text, format }).catch(() => null);
      const check = await postJSON("v1/check", { text, format });
      const listed = await figures; // only adds the figures outside claims: optional
      current = { text, check, figures: listed ? listed.figures : [], order: worstFirst(check.claims) };
      render();
      say(headline(check.summary) + " " + counts(check.summary));
    } catch (error) {
      current = null;
      $("result").hidden = true;
      say("");
      showError(error.message || "The check failed.", error.detail || String(error));
    } finally {
      setBusy(false);
    }
  }

  function setBusy(value) {
    busy = value;
    // Not `disabled`: a disabled button drops keyboard focus, and keyboard users lose their place.
    $("check").setAttribute("aria-busy", value ? "true" : "false");
    $("check").textContent = value ? "Checking…" : "Check";
  }

  function say(message) {
    $("status").textContent = message;
  }

  function showError(message, detail) {
    $("error-message").textContent = message;
    $("error-detail").textContent = detail ? "The service said: " + detail : "";
    $("error").hidden = false;
  }

  function clearError() {
    $("error").hidden = true;
    $("error-message").textContent = "";
    $("error-detail").textContent = "";
  }

  // ---- the result ----

  function rank(verdict) {
    const index = VERDICTS.indexOf(verdict);
    return index < 0 ? VERDICTS.length : index;
  }

  function worstFirst(claims) {
    const order = claims.map((_, index) => index);
    return order.sort(
      (a, b) => rank(claims[a].verdict) - rank(claims[b].verdict) || claims[a].span.start - claims[b].span.start || a - b,
    );
  }

  function plural(count, one, many) {
    return `${readable(String(count))} ${count === 1 ? one : many}`;
  }

  function headline(summary) {
    if (!summary.claims_checked) return "No claim here could be checked.";
    const worst = summary.worst;
    if (worst === "consistent") return `All ${plural(summary.claims_checked, "claim", "claims")} add up.`;
    const flagged = summary.verdicts[worst];
    return `Worst finding: ${LABELS[worst].toLowerCase()} (${plural(flagged, "claim", "claims")}).`;
  }

  function counts(summary) {
    const parts = VERDICTS.filter((v) => summary.verdicts[v]).map((v) => `${summary.verdicts[v]} ${LABELS[v].toLowerCase()}`);
    return `${plural(summary.figures_seen, "figure", "figures")} seen, ${plural(summary.claims_checked, "claim", "claims")} checked` +
      (parts.length ? ": " + parts.join(", ") + "." : ".");
  }

  function render() {
    const { check } = current;
    selected = -1;
    $("headline").textContent = headline(check.summary);
    renderSummary(check.summary);
    renderLegend();
    renderFindings();
    renderDocument();
    $("result").hidden = false;
  }

  function renderSummary(summary) {
    const items = [
      el("li", { id: "figures-seen", text: plural(summary.figures_seen, "figure seen", "figures seen") }),
      el("li", { text: `${readable(String(summary.figures_in_claims))} in claims` }),
      el("li", { id: "claims-checked", text: plural(summary.claims_checked, "claim checked", "claims checked") }),
      el("li", { text: `${readable(String(summary.claims_recognised))} recognised` }),
    ];
    for (const verdict of VERDICTS) {
      const count = summary.verdicts[verdict] || 0;
      items.push(
        el("li", { class: `count-${verdict}${count ? "" : " zero"}`, "data-verdict": verdict },
          el("span", { class: `icon-${verdict}`, "aria-hidden": "true" }),
          `${count} ${LABELS[verdict].toLowerCase()}`),
      );
    }
    $("summary").replaceChildren(...items);
  }

  function renderLegend() {
    const items = VERDICTS.map((verdict) =>
      el("li", {}, el("span", { class: `fig v-${verdict}`, text: LABELS[verdict] }), ` ${MEANINGS[verdict]}`),
    );
    items.push(el("li", {}, el("span", { class: "fig v-none", text: "12.5" }), " a figure in no checked claim"));
    $("legend").replaceChildren(...items);
  }

  function renderFindings() {
    const { check, order } = current;
    if (!order.length) {
      $("findings").replaceChildren(
        el("li", { class: "no-findings", text: "No claim to check: no percent change, conversion, share or total was found whose figures could be compared." }),
      );
      return;
    }
    $("findings").replaceChildren(...order.map((index) => findingItem(check.claims[index], index)));
  }

  function findingItem(claim, index) {
    const snippet = claim.text.length > 140 ? claim.text.slice(0, 137) + "…" : claim.text;
    const button = el(
      "button",
      {
        type: "button",
        id: `finding-${index}`,
        class: `finding v-${claim.verdict}`,
        "data-index": index,
        "data-verdict": claim.verdict,
        "aria-expanded": "false",
        "aria-controls": `detail-${index}`,
      },
      el("span", { class: `badge icon-${claim.verdict}`, text: LABELS[claim.verdict] || claim.verdict }),
      el("span", { class: "snippet", text: snippet }),
      el("span", { class: "where", text: `${claim.rule} ${claim.name} · line ${claim.line}, column ${claim.column}` }),
    );
    const detail = el("div", { id: `detail-${index}`, class: "detail", role: "region", "aria-label": `Arithmetic of finding ${claim.rule}`, hidden: true });
    return el("li", {}, button, detail);
  }

  function detailBody(claim) {
    const rows = [
      ["Verdict", `${LABELS[claim.verdict]}: ${MEANINGS[claim.verdict]}`],
      ["Rule", `${claim.rule} ${claim.name} (${claim.kind.replace(/_/g, " ")})`],
      ["Arithmetic", el("code", { text: claim.expression })],
      ["Stated range", range(claim.stated)],
      ["Computed range", range(claim.computed)],
      ["Point value", exactly(claim.computed.point)],
      ["Gap", claim.gap === null ? "—" : exactly(claim.gap)],
      ["Likely mistake", claim.diagnosis ? claim.diagnosis.message || claim.diagnosis.code.replace(/_/g, " ") : "none identified"],
      ["Assumptions", claim.assumptions.length ? el("ul", {}, ...claim.assumptions.map((a) => el("li", { text: a }))) : "none"],
      ["Figures", el("ul", {}, ...claim.figures.map(figureLine))],
      ["Where", `line ${claim.line}, column ${claim.column}`],
    ];
    const list = el("dl", {});
    for (const [term, value] of rows) list.append(el("dt", { text: term }), el("dd", {}, value));
    const parts = [el("p", { class: "explanation", text: claim.explanation }), list];
    // Only agreement is weakened by a wide range: a claim outside even that range is clearly off.
    if (claim.weak && claim.verdict === "consistent") parts.push(el("p", { class: "weak", text: "A weak check: the figures are so rounded that the range is wide, so agreement says little." }));
    return parts;
  }

  function figureLine(figure) {
    return el("li", {}, `“${figure.text}” as ${figure.role.replace(/_/g, " ")}: `, range(figure));
  }

  // ---- the text with its figures marked ----

  // Every figure once, by span: claim figures carry the claims they are in; the rest none.
  function figureMarks() {
    const { check, figures } = current;
    const byKey = new Map();
    check.claims.forEach((claim, index) => {
      for (const figure of claim.figures) {
        const key = `${figure.span.start}:${figure.span.end}`;
        if (!byKey.has(key)) byKey.set(key, { start: figure.span.start, end: figure.span.end, text: figure.text, claims: [] });
        const claims = byKey.get(key).claims;
        if (!claims.includes(index)) claims.push(index);
      }
    });
    for (const figure of figures) {
      const key = `${figure.span.start}:${figure.span.end}`;
      if (!byKey.has(key)) byKey.set(key, { start: figure.span.start, end: figure.span.end, text: figure.text, claims: [] });
    }
    const sorted = [...byKey.values()].sort((a, b) => a.start - b.start || b.claims.length - a.claims.length || b.end - a.end);
    const kept = [];
    for (const mark of sorted) { // overlapping spans: the one in claims wins, else the first
      const last = kept[kept.length - 1];
      if (!last || mark.start >= last.end) kept.push(mark);
      else if (mark.claims.length && !last.claims.length) kept[kept.length - 1] = mark;
    }
    return kept;
  }

  function worstOf(indices) {
    const verdicts = indices.map((i) => current.check.claims[i].verdict);
    return verdicts.sort((a, b) => rank(a) - rank(b))[0] || "none";
  }

  function markElement(mark) {
    const verdict = worstOf(mark.claims);
    const where = { "data-start": mark.start, "data-end": mark.end };
    if (!mark.claims.length) {
      return el("span", { class: "fig v-none", title: "a figure read, in no checked claim", ...where });
    }
    const rules = mark.claims.map((i) => current.check.claims[i].rule).join(", ");
    return el("mark", {
      class: `fig v-${verdict}`,
      role: "button",
      tabindex: "0",
      "data-verdict": verdict,
      "data-claims": mark.claims.join(" "),
      ...where,
      "aria-label": `${mark.text}: ${LABELS[verdict]} (${rules}). Press Enter for the arithmetic.`,
    });
  }

  function renderDocument() {
    const { text, check } = current;
    const marks = figureMarks();
    const spans = check.claims.map((claim, index) => ({ start: claim.span.start, end: claim.span.end, index }));
    const cuts = new Set([0, text.length]);
    for (const item of [...marks, ...spans]) cuts.add(item.start).add(item.end);
    const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
    const root = $("document");
    const out = document.createDocumentFragment();
    let m = 0;
    let open = null; // the element of the figure being filled
    for (let i = 0; i + 1 < points.length; i += 1) {
      const [a, b] = [points[i], points[i + 1]];
      while (m < marks.length && marks[m].end <= a) { m += 1; open = null; }
      const inMark = m < marks.length && marks[m].start <= a && b <= marks[m].end;
      if (inMark && !open) { open = markElement(marks[m]); out.append(open); }
      if (!inMark) open = null;
      const covering = spans.filter((s) => s.start <= a && b <= s.end).map((s) => s.index);
      const piece = covering.length
        ? el("span", { class: "claim-text", "data-c": covering.join(" "), text: text.slice(a, b) })
        : document.createTextNode(text.slice(a, b));
      (open || out).append(piece);
    }
    root.replaceChildren(out);
  }

  // ---- choosing a finding ----

  function select(index, { scroll = true } = {}) {
    if (!current || index === selected) return;
    if (selected >= 0) {
      const previous = $(`finding-${selected}`);
      previous.setAttribute("aria-expanded", "false");
      $(`detail-${selected}`).hidden = true;
      $(`detail-${selected}`).replaceChildren();
    }
    selected = index;
    $(`finding-${index}`).setAttribute("aria-expanded", "true");
    const detail = $(`detail-${index}`);
    detail.replaceChildren(...detailBody(current.check.claims[index]));
    detail.hidden = false;
    for (const node of document.querySelectorAll(".claim-text.selected, .fig.figure-selected")) {
      node.classList.remove("selected", "figure-selected");
    }
    for (const node of document.querySelectorAll(`.claim-text[data-c~="${index}"]`)) node.classList.add("selected");
    const marks = document.querySelectorAll(`.fig[data-claims~="${index}"]`);
    for (const node of marks) node.classList.add("figure-selected");
    if (scroll && marks.length) reveal(marks[0]);
  }

  // Scrolls the text's own box only: moving the whole window would take a keyboard user away
  // from the findings list (at phone width the text has no box of its own and nothing moves).
  function reveal(node) {
    const box = $("document");
    if (box.scrollHeight <= box.clientHeight) return;
    const top = node.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - 40) {
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    }
  }

  function onFindingsKey(event) {
    const buttons = [...document.querySelectorAll(".finding")];
    const at = buttons.indexOf(document.activeElement);
    if (at < 0) return;
    const moves = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const target = buttons[Math.max(0, Math.min(buttons.length - 1, moves[event.key]))];
    target.focus();
  }

  function openFromMark(mark) {
    const claims = mark.dataset.claims.split(" ").map(Number);
    const first = current.order.find((index) => claims.includes(index)); // its worst claim
    select(first, { scroll: false });
    const button = $(`finding-${first}`);
    button.focus({ preventScroll: true });
    button.scrollIntoView({ block: "nearest" });
  }

  function listenToResult() {
    const list = $("findings");
    const pick = (event) => {
      const button = event.target.closest(".finding");
      if (button) select(Number(button.dataset.index));
    };
    list.addEventListener("click", pick);
    list.addEventListener("focusin", pick);
    list.addEventListener("keydown", onFindingsKey);
    const doc = $("document");
    doc.addEventListener("click", (event) => {
      const mark = event.target.closest("mark.fig");
      if (mark) openFromMark(mark);
    });
    doc.addEventListener("keydown", (event) => {
      const mark = event.target.closest("mark.fig");
      if (mark && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        openFromMark(mark);
      }
    });
  }

  // ---- downloads, built from the answer as received ----

  const CSV_COLUMNS = [
    ["rule", (c) => c.rule],
    ["name", (c) => c.name],
    ["kind", (c) => c.kind],
    ["verdict", (c) => c.verdict],
    ["line", (c) => c.line],
    ["column", (c) => c.column],
    ["start", (c) => c.span.start],
    ["end", (c) => c.span.end],
    ["text", (c) => c.text],
    ["figures", (c) => c.figures.map((f) => `${f.role}=${f.text}`).join("; ")],
    ["expression", (c) => c.expression],
    ["stated_low", (c) => c.stated.low],
    ["stated_high", (c) => c.stated.high],
    ["computed_low", (c) => c.computed.low],
    ["computed_high", (c) => c.computed.high],
    ["computed_point", (c) => c.computed.point],
    ["gap", (c) => c.gap],
    ["weak", (c) => (c.weak ? "true" : "false")],
    ["assumptions", (c) => c.assumptions.join("; ")],
    ["diagnosis", (c) => (c.diagnosis ? c.diagnosis.code : "")],
    ["diagnosis_message", (c) => (c.diagnosis ? c.diagnosis.message : "")],
    ["explanation", (c) => c.explanation],
  ];

  function csvCell(value) {
    let text = value === null || value === undefined ? "" : String(value);
    // A spreadsheet would run a cell starting with = + - @ as a formula; numbers stay numbers.
    if (/^[=+\-@\t\r]/.test(text) && !/^[-+]?\d+(\.\d+)?$/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  function toCSV(claims) {
    const lines = [CSV_COLUMNS.map(([name]) => name).join(",")];
    for (const claim of claims) lines.push(CSV_COLUMNS.map(([, get]) => csvCell(get(claim))).join(","));
    return "\ufeff" + lines.join("\r\n") + "\r\n"; // the mark tells spreadsheets it is UTF-8
  }

  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = el("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // ---- start ----

  function start() {
    restore();
    restoreKey();
    $("key").addEventListener("change", keepKey);
    $("key").addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        keepKey();
        runCheck();
      }
    });
    $("text").addEventListener("input", saveSoon);
    $("format").addEventListener("change", save);
    $("text").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        runCheck();
      }
    });
    $("file").addEventListener("change", (event) => openFile(event.target.files[0]));
    $("check").addEventListener("click", runCheck);
    $("download-json").addEventListener("click", () => {
      if (current) download("econcheck-result.json", "application/json", JSON.stringify(current.check, null, 2) + "\n");
    });
    $("download-csv").addEventListener("click", () => {
      if (current) download("econcheck-result.csv", "text/csv;charset=utf-8", toCSV(current.check.claims));
    });
    window.addEventListener("pagehide", save);
    listenForDrops();
    listenToResult();
    document.documentElement.dataset.ready = "true";
  }

  start();
})();
