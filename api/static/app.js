// benchclaims dashboard: plain JS over the REST API (no framework, no build step, works offline).
// Every piece of text from the API is put on the page with textContent, never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const SVG_NS = "http://www.w3.org/2000/svg";
const state = { benchmark: null, board: null, setting: null, reviewKey: sessionStorage.getItem("benchclaims-key") };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function getJSON(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await res.json(); } catch (_) { /* not JSON */ }
  if (!res.ok) {
    const err = new Error((body && typeof body.detail === "string") ? body.detail : `HTTP ${res.status}`);
    err.status = res.status;
    err.body = body;
    throw err;
  }
  return body;
}

const fmtNum = (v) => (v === null || v === undefined) ? "" : String(Math.round(v * 1000) / 1000);
const fmtValue = (row) => {
  let s = fmtNum(row.value);
  if (row.value_high !== null && row.value_high !== undefined) s += "–" + fmtNum(row.value_high);
  if (row.unit === "%") s += "%";
  else if (row.unit && row.unit !== "score") s += " " + row.unit;
  return s;
};

function setMessage(id, text, suggestions = [], onPick = null) {
  const box = $(id);
  box.replaceChildren();
  if (!text) return;
  box.append(text);
  if (suggestions.length) {
    box.append(" Did you mean ");
    suggestions.forEach((s, i) => {
      if (i) box.append(", ");
      box.append(el("button", { type: "button", class: "link", text: s, onclick: () => onPick(s) }));
    });
    box.append("?");
  }
}

// ---- benchmark picker -------------------------------------------------------------------

async function loadNames() {
  const [benchmarks, models] = await Promise.all([getJSON("/api/benchmarks"), getJSON("/api/models")]);
  const list = $("bench-list");
  const seen = new Set();
  for (const b of benchmarks) {
    for (const name of [b.name, ...(b.aliases || [])]) {
      if (seen.has(name)) continue;
      seen.add(name);
      list.append(el("option", { value: name, label: name === b.name ? `${b.claims} claims` : `alias of ${b.name}` }));
    }
  }
  const chips = $("bench-chips");
  const top = [...benchmarks].sort((a, b) => b.claims - a.claims).slice(0, 12);
  for (const b of top) {
    chips.append(el("button", { type: "button", class: "chip", "data-benchmark": b.name,
      onclick: () => showBenchmark(b.name) }, b.name, el("span", { class: "count", text: String(b.claims) })));
  }
  const mlist = $("model-list");
  for (const m of models) mlist.append(el("option", { value: m.name }));
  const claims = benchmarks.reduce((n, b) => n + b.claims, 0);
  $("stats").textContent = `${benchmarks.length} benchmarks · ${models.length} models · ${claims} benchmark claims`;
}

// ---- leaderboard ------------------------------------------------------------------------

async function showBenchmark(name, setting = null) {
  name = name.trim();
  if (!name) return;
  $("bench-input").value = name;
  setMessage("bench-message", "Loading…");
  const params = new URLSearchParams({ benchmark: name });
  if (setting) params.set("setting", setting);
  let board;
  try {
    board = await getJSON(`/api/leaderboard?${params}`);
  } catch (err) {
    $("board").hidden = true;
    $("beats").hidden = true;
    const sugg = (err.body && err.body.suggestions) || [];
    setMessage("bench-message", `No benchmark called “${name}”.`, sugg, (s) => showBenchmark(s));
    return;
  }
  // the API answers a page of the board (the first 100 rows by default): say when there are more
  const more = board.rows_total > board.rows.length ? `Showing the first ${board.rows.length} of ${board.rows_total} models.` : "";
  setMessage("bench-message", more);
  state.benchmark = board.benchmark;
  state.board = board;
  state.setting = setting;
  history.replaceState(null, "", `#benchmark=${encodeURIComponent(name)}${setting ? "&setting=" + encodeURIComponent(setting) : ""}`);
  for (const chip of document.querySelectorAll(".chip")) {
    chip.classList.toggle("active", chip.dataset.benchmark === board.benchmark);
  }
  renderBoard(board, name);
  showHistory(board.benchmark);
}

// ---- best value over time (plotly.js, served by this server from the plotly package) ------

let plotlyLoading = null;
function loadPlotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!plotlyLoading) {
    plotlyLoading = new Promise((resolve, reject) => {
      const script = el("script", { src: "/vendor/plotly.min.js" });
      script.addEventListener("load", () => resolve(window.Plotly));
      script.addEventListener("error", () => reject(new Error("plotly.js could not be loaded")));
      document.head.append(script);
    });
  }
  return plotlyLoading;
}

async function showHistory(benchmark) {
  const box = $("history");
  let hist;
  try {
    hist = await getJSON(`/api/history?benchmark=${encodeURIComponent(benchmark)}`);
  } catch (_) {
    box.hidden = true;
    return;
  }
  if (!hist.steps.length) { box.hidden = true; return; }
  box.hidden = false;
  $("history-title").textContent = hist.benchmark;
  const unit = hist.unit === "%" ? "%" : hist.unit && hist.unit !== "score" ? ` ${hist.unit}` : "";
  const axis = [hist.metric || "value", hist.unit && hist.unit !== "score" ? `(${hist.unit})` : ""].join(" ").trim();
  try {
    const Plotly = await loadPlotly();
    await Plotly.newPlot($("history-chart"), [{
      x: hist.steps.map((s) => s.date), y: hist.steps.map((s) => s.value),
      text: hist.steps.map((s) => s.model), customdata: hist.steps.map((s) => s.claim_id),
      mode: "lines+markers+text", textposition: "top left", line: { shape: "hv" },
      hovertemplate: "%{text}<br>%{y}" + unit + "<br>%{x}<br>claim %{customdata}<extra></extra>",
    }], {
      margin: { t: 10, r: 20, b: 40, l: 60 }, height: 260,
      xaxis: { title: { text: "date" }, type: "date" },
      yaxis: { title: { text: axis }, autorange: hist.higher_is_better ? true : "reversed" },
    }, { displayModeBar: false, responsive: true });
    $("history-chart").on("plotly_click", (ev) => { const p = ev.points && ev.points[0]; if (p) openClaim(p.customdata); });
  } catch (err) {
    $("history-chart").replaceChildren(el("p", { class: "message", text: err.message }));
  }
}

function renderBoard(board, asked) {
  $("board").hidden = false;
  $("beats").hidden = false;
  $("board-title").textContent = board.benchmark;
  const bits = [];
  if (asked && asked.toLowerCase() !== board.benchmark.toLowerCase()) bits.push(`asked for “${asked}”`);
  if (board.members && board.members.length > 1) bits.push(`family of ${board.members.join(", ")}`);
  if (board.metric) bits.push(`metric: ${board.metric}`);
  bits.push(board.higher_is_better ? "higher is better" : "lower is better");
  bits.push(`${board.rows.length} model${board.rows.length === 1 ? "" : "s"}`);
  $("board-sub").textContent = bits.join(" · ");

  const select = $("setting-select");
  select.replaceChildren(el("option", { value: "", text: board.setting ? "all settings" : "best of any setting" }));
  const settings = new Set([...(board.other_settings || [])]);
  if (board.setting) settings.add(board.setting);
  for (const s of [...settings].sort()) {
    const opt = el("option", { value: s, text: s });
    if (s === board.setting) opt.selected = true;
    select.append(opt);
  }
  select.disabled = settings.size === 0;

  const csv = new URLSearchParams({ benchmark: board.benchmark });
  $("csv-link").href = `/api/export.csv?${csv}`;
  $("csv-link").setAttribute("download", `${board.benchmark.replace(/[^A-Za-z0-9._-]+/g, "_")}.csv`);

  drawChart(board);
  const body = $("board-table").querySelector("tbody");
  body.replaceChildren();
  if (!board.rows.length) {
    body.append(el("tr", {}, el("td", { colspan: "7", class: "empty", text: "No scores recorded for this benchmark yet." })));
  }
  for (const row of board.rows) body.append(boardRow(row, board));
  $("beats-input").placeholder = board.rows.length ? `a model, e.g. ${board.rows[board.rows.length - 1].model}` : "a model";
}

// The number a quote states, marked so a reviewer's eye lands on it (first match only).
function quoteNode(text, value, claimId) {
  const q = el("q");
  if (claimId !== null && claimId !== undefined) {
    // a click opens the claim in the paragraph it was read from
    q.className = "open";
    q.title = "Open in its source";
    q.tabIndex = 0;
    q.addEventListener("click", () => openClaim(claimId));
    q.addEventListener("keydown", (e) => { if (e.key === "Enter") openClaim(claimId); });
  }
  const num = value === null || value === undefined ? null : fmtNum(value).replace(".", "\\.");
  const m = num ? new RegExp(`(?<![\\d.])${num}(?:\\.0+)?(?![\\d])`).exec(text) : null;
  if (!m) { q.textContent = text; return q; }
  q.append(text.slice(0, m.index), el("mark", { text: m[0] }), text.slice(m.index + m[0].length));
  return q;
}

function reviewButtons(src) {
  if (!state.reviewKey || src.claim_id === null || src.claim_id === undefined) return null;
  const box = el("span", { class: "review-actions" });
  for (const [status, label, title] of [["verified", "✓", "Mark verified"], ["rejected", "✗", "Reject (never counted)"],
                                          ["unreviewed", "↺", "Back to unreviewed"]]) {
    if (status === src.review_status) continue;
    box.append(el("button", { type: "button", class: `mini ${status}`, title, text: label,
      onclick: () => review(src.claim_id, status) }));
  }
  return box;
}

function sourceLine(src, value) {
  const line = el("div", { class: "src" },
    el("span", { text: src.source + (src.section ? ` › ${src.section}` : "") }));
  if (src.review_status && src.review_status !== "unreviewed") {
    line.append(" ", el("span", { class: `badge ${src.review_status}`, text: src.review_status }));
  }
  const buttons = reviewButtons(src);
  if (buttons) line.append(buttons);
  return line;
}

function quoteCell(sources, value, total, moreUrl) {
  const cell = el("td", { class: "quote" });
  if (!sources || !sources.length) return cell;
  const first = sources[0];
  cell.append(quoteNode(first.quote, first.value ?? value, first.claim_id), sourceLine(first, value));
  const count = Math.max(total ?? sources.length, sources.length);
  if (count > 1) {
    const more = el("details", {}, el("summary", { text: `+${count - 1} more` }));
    for (const s of sources.slice(1)) {
      more.append(el("div", { class: "more" }, quoteNode(s.quote, s.value ?? value, s.claim_id), sourceLine(s, value)));
    }
    if (moreUrl && count > sources.length) {
      // the server sends a few sources per row; the rest are one click away
      more.append(el("div", { class: "more" }, el("a", { href: moreUrl, text: `all ${count} claims (JSON)` })));
    }
    cell.append(more);
  }
  return cell;
}

// ---- a claim in its source -----------------------------------------------------------------

// The quote inside its paragraph, highlighted, with the model, benchmark and value it names underlined.
function markedContext(text, start, end, claim) {
  const box = $("claim-context");
  box.replaceChildren(text.slice(0, start));
  const quote = text.slice(start, end);
  const mark = el("mark", { class: "quote" });
  const spans = [];
  for (const [name, cls] of [[claim.model, "span-model"], [claim.benchmark, "span-benchmark"],
                             [claim.value !== null && claim.value !== undefined ? fmtNum(claim.value) : null, "span-value"]]) {
    if (!name) continue;
    const at = quote.indexOf(name);
    if (at >= 0 && !spans.some(([a, b]) => at < b && a < at + name.length)) spans.push([at, at + name.length, cls]);
  }
  spans.sort((x, y) => x[0] - y[0]);
  let pos = 0;
  for (const [a, b, cls] of spans) {
    mark.append(quote.slice(pos, a), el("span", { class: cls, text: quote.slice(a, b) }));
    pos = b;
  }
  mark.append(quote.slice(pos));
  box.append(mark, text.slice(end));
  mark.scrollIntoView({ block: "center" });
}

async function openClaim(claimId) {
  const panel = $("claim-panel");
  let claim;
  try {
    claim = await getJSON(`/api/claims/${claimId}`);
  } catch (err) {
    setMessage("bench-message", `Claim ${claimId} could not be opened: ${err.message}`);
    return;
  }
  const what = claim.kind === "score"
    ? `${claim.model} · ${claim.benchmark || "(no benchmark named)"} · ${fmtNum(claim.value)}${claim.unit === "%" ? "%" : claim.unit && claim.unit !== "score" ? " " + claim.unit : ""}`
    : `${claim.model} ${claim.relation} ${claim.baseline}${claim.benchmark ? " on " + claim.benchmark : ""}`;
  $("claim-title").textContent = what;
  $("claim-meta").textContent = `${claim.source}${claim.section ? " › " + claim.section : ""} · claim ${claim.id} · ${claim.review_status}`;
  $("claim-json").href = `/api/claims/${claim.id}`;
  markedContext(claim.context.text, claim.context.start, claim.context.end, claim);
  $("claim-document").onclick = () => openDocument(claim);
  const reviews = $("claim-reviews");
  reviews.replaceChildren();
  try {
    for (const e of await getJSON(`/api/claims/${claim.id}/reviews`)) {
      reviews.append(el("li", { text: `${e.at}: ${e.previous} → ${e.status}${e.reviewer ? " by " + e.reviewer : ""}${e.note ? " (" + e.note + ")" : ""}` }));
    }
  } catch (_) { /* no history to show */ }
  panel.hidden = false;
  $("claim-close").focus();
}

// The whole document, with the same highlight (offsets are into the stored text).
async function openDocument(claim) {
  try {
    const doc = await getJSON(`/api/documents/${claim.document_id}`);
    $("claim-meta").textContent = `${doc.title || doc.source}${doc.url ? " · " + doc.url : ""}${doc.published ? " · " + doc.published : ""} · claim ${claim.id}`;
    markedContext(doc.text, claim.start, claim.end, claim);
  } catch (err) {
    $("claim-meta").textContent = `The document could not be opened: ${err.message}`;
  }
}

// ---- rejected claims: never counted, never lost -------------------------------------------

async function showRejected() {
  const list = $("rejected-list");
  list.replaceChildren();
  let page;
  try {
    page = await getJSON("/api/claims?review_status=rejected&sort=-id&limit=100");
  } catch (err) {
    list.append(el("li", { text: `Could not list rejected claims: ${err.message}` }));
    return;
  }
  if (!page.items.length) list.append(el("li", { class: "empty", text: "No claim has been rejected." }));
  for (const c of page.items) {
    const what = c.kind === "score" ? `${c.model} · ${c.benchmark || "—"} · ${fmtNum(c.value)}` : `${c.model} ${c.relation} ${c.baseline}`;
    const item = el("li", {}, el("strong", { text: what }), " ", quoteNode(c.quote, c.value, c.id),
      el("span", { class: "src", text: c.source }));
    const back = reviewButtons({ claim_id: c.id, review_status: "rejected" });
    if (back) item.append(back);
    list.append(item);
  }
}

function toggleRejected() {
  const box = $("rejected");
  box.hidden = !box.hidden;
  $("rejected-toggle").textContent = box.hidden ? "Show rejected" : "Hide rejected";
  $("rejected-toggle").setAttribute("aria-expanded", String(!box.hidden));
  if (!box.hidden) showRejected();
}

// ---- review (needs the server's API key; kept for this tab only) -------------------------

async function review(claimId, status) {
  const res = await fetch(`/api/claims/${claimId}`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json", "X-API-Key": state.reviewKey },
    body: JSON.stringify({ review_status: status }),
  });
  if (!res.ok) {
    let detail = `HTTP ${res.status}`;
    try { detail = (await res.json()).detail || detail; } catch (_) { /* keep the status */ }
    setMessage("review-message", `Review not saved: ${detail}`);
    return;
  }
  setMessage("review-message", `Claim ${claimId} marked ${status}.`);
  if (state.benchmark) showBenchmark($("bench-input").value || state.benchmark, state.setting);
  if (!$("rejected").hidden) showRejected();
}

function setReviewKey(key) {
  state.reviewKey = key || null;
  if (key) sessionStorage.setItem("benchclaims-key", key); else sessionStorage.removeItem("benchclaims-key");
  $("review-toggle").textContent = key ? "Stop reviewing" : "Review claims";
  $("review-form").hidden = true;
  setMessage("review-message", key ? "Review mode: ✓ verify, ✗ reject, ↺ undo on each quote." : "");
  if (state.board) renderBoard(state.board, $("bench-input").value);
}

function boardRow(row, board) {
  const value = el("td", { class: "num value", text: fmtValue(row) });
  if (row.conflict) {
    const all = (row.values || []).map(fmtNum).join(" / ");
    value.append(el("span", { class: "flag", title: `Sources disagree: ${all}`, text: "⚠" }));
  }
  const model = el("td", { class: "model" },
    el("button", { type: "button", class: "link", title: "Who beats this model?", text: row.model,
      onclick: () => { $("beats-input").value = row.model; showBeats(row.model); } }));
  if (row.benchmark && row.benchmark !== board.benchmark) model.append(el("div", { class: "src", text: row.benchmark }));
  return el("tr", { "data-model": row.model },
    el("td", { class: "num rank", text: String(row.rank) }),
    model,
    value,
    el("td", { text: [row.setting, row.metric !== board.metric ? row.metric : null].filter(Boolean).join(" · ") }),
    el("td", { class: "num", text: String(row.support) }),
    el("td", {}, el("span", { class: `badge ${row.review_status}`, text: row.review_status })),
    quoteCell(row.sources, row.value, row.sources_total, row.more_sources));
}

const clip = (text, n) => (text.length > n ? text.slice(0, n - 1) + "…" : text);

function drawChart(board) {
  const chart = $("chart");
  chart.replaceChildren();
  const rows = board.rows.slice(0, 10);
  if (!rows.length) { chart.setAttribute("height", "0"); return; }
  const width = chart.parentElement.clientWidth || 900;
  const labelW = Math.min(240, Math.max(120, width * 0.26));
  const barH = 24, gap = 8, top = 6, valueW = 70;
  const height = top + rows.length * (barH + gap);
  chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
  chart.setAttribute("width", String(width));
  chart.setAttribute("height", String(height));
  const values = rows.map((r) => r.value);
  const max = Math.max(...values), min = Math.min(0, ...values);
  const span = (max - min) || 1;
  const plotW = width - labelW - valueW;
  const maxChars = Math.max(6, Math.floor((labelW - 14) / 7.5));  // ~7.5 px per character at 13 px
  rows.forEach((r, i) => {
    const y = top + i * (barH + gap);
    // Lower-is-better boards (FID, WER) rank the shortest bar first; the bar still shows the value.
    const w = Math.max(2, ((r.value - min) / span) * plotW);
    const g = svg("g", { class: i === 0 ? "bar best" : "bar" });
    g.append(svg("title", {}, `${r.model}: ${fmtValue(r)}`));
    g.append(svg("text", { x: labelW - 10, y: y + barH / 2 + 5, "text-anchor": "end", class: "label" },
      clip(r.model, maxChars)));
    g.append(svg("rect", { x: labelW, y, width: w, height: barH, rx: 4 }));
    g.append(svg("text", { x: labelW + w + 8, y: y + barH / 2 + 5, class: "val" }, fmtValue(r)));
    chart.append(g);
  });
}

// ---- who beats X --------------------------------------------------------------------------

async function showBeats(model) {
  model = model.trim();
  if (!model || !state.benchmark) return;
  $("beats-model-label").textContent = model;
  setMessage("beats-message", "Loading…");
  const table = $("beats-table");
  let result;
  try {
    result = await getJSON(`/api/beats?${new URLSearchParams({ model, benchmark: state.benchmark })}`);
  } catch (err) {
    table.hidden = true;
    const sugg = (err.body && err.body.suggestions) || [];
    const what = err.body && err.body.kind === "benchmark" ? "benchmark" : "model";
    setMessage("beats-message", `No ${what} called “${err.body && err.body.name ? err.body.name : model}”.`, sugg,
      (s) => { $("beats-input").value = s; showBeats(s); });
    return;
  }
  const body = table.querySelector("tbody");
  body.replaceChildren();
  if (!result.rows.length) {
    table.hidden = true;
    setMessage("beats-message", `No model is recorded as beating ${result.model} on ${result.benchmark}.`);
    return;
  }
  setMessage("beats-message", `${result.rows.length} model${result.rows.length === 1 ? "" : "s"} beat ${result.model} on ${result.benchmark}.`);
  table.hidden = false;
  for (const r of result.rows) {
    body.append(el("tr", {},
      el("td", { class: "model", text: r.model }),
      el("td", { class: "num", text: fmtNum(r.value) }),
      el("td", { class: "num", text: fmtNum(r.baseline_value) }),
      el("td", { class: "num", text: r.margin === null || r.margin === undefined ? "" : "+" + fmtNum(r.margin) }),
      el("td", {}, el("span", { class: `badge how-${r.how}`, text: r.how })),
      quoteCell(r.evidence, r.value, r.evidence_total, r.more_evidence)));
  }
  $("beats").scrollIntoView({ behavior: "smooth", block: "nearest" });
}

// ---- wiring ---------------------------------------------------------------------------------

$("bench-form").addEventListener("submit", (e) => { e.preventDefault(); showBenchmark($("bench-input").value); });
$("beats-form").addEventListener("submit", (e) => { e.preventDefault(); showBeats($("beats-input").value); });
$("setting-select").addEventListener("change", (e) => { if (state.benchmark) showBenchmark(state.benchmark, e.target.value || null); });
$("review-toggle").addEventListener("click", () => {
  if (state.reviewKey) { setReviewKey(null); return; }
  $("review-form").hidden = false;
  $("review-key").focus();
});
$("review-form").addEventListener("submit", (e) => { e.preventDefault(); setReviewKey($("review-key").value.trim()); });
if (state.reviewKey) setReviewKey(state.reviewKey);
window.addEventListener("resize", () => { if (state.board) drawChart(state.board); });
$("claim-close").addEventListener("click", () => { $("claim-panel").hidden = true; });
$("rejected-toggle").addEventListener("click", toggleRejected);
document.addEventListener("keydown", (e) => { if (e.key === "Escape") $("claim-panel").hidden = true; });

loadNames().catch((err) => setMessage("bench-message", `Could not load the benchmark list: ${err.message}`));
const hash = new URLSearchParams(location.hash.slice(1));
if (hash.get("benchmark")) showBenchmark(hash.get("benchmark"), hash.get("setting"));
