// widget.mjs defines <lede-analyzer>, the embeddable widget:
//
//	<script type="module" src="https://example.org/lede/widget.mjs"></script>
//	<lede-analyzer></lede-analyzer>                      a paste box
//	<lede-analyzer for="#article" compact></lede-analyzer>   "In this article" card for an element
//	<lede-analyzer api="https://…/analyze"></lede-analyzer>  use a lede HTTP endpoint
//
// Attributes: for / selector (a CSS selector of a host element to analyse,
// when it first scrolls into view; add `manual` to wait for a click),
// compact (the short sidebar card), api (POST to a lede endpoint instead of
// running the engine here), heading (the card's title).
//
// It lives in Shadow DOM, so the host's CSS cannot reach inside and its own
// CSS cannot leak out. Theme it with custom properties (--lede-accent,
// --lede-bg, --lede-fg, --lede-muted, --lede-border, --lede-radius,
// --lede-font) and ::part(card | heading | input | button | chip | group |
// summary | notice | error | status). It loads the engine (lede.mjs, found beside this
// file through import.meta.url, and through it the worker and the wasm) on
// first use, not with the page — its button says how much that downloads —
// and tells the page about each result with a `lede:result` event whose
// detail is the report. element.analyze() runs it from script.
import { h, groupEntities, inArticle, panelTopics } from "./view.mjs";

// engineBytes is what the engine downloads on first use (lede.mjs, its
// worker, the Go runtime and lede.wasm), gzip-compressed, as a server that
// compresses sends it. cmd/lede-dist writes the number in from the files it
// builds; in an unbuilt checkout the placeholder stays and no size is shown.
const engineBytes = Number("__LEDE_ENGINE_BYTES__");
const engineSize = engineBytes > 0 ? (engineBytes / 1e6).toFixed(1) + " MB" : "";
const downloadNote = engineSize ? " (downloads " + engineSize + " once)" : "";

// engine is the import of lede.mjs, started on the first local analysis and
// shared by every widget on the page.
let engine = null;
function loadEngine() {
  if (!engine) {
    engine = import("./lede.mjs");
    engine.catch(() => { engine = null; });
  }
  return engine;
}
// engineLoaded: once one analysis has run here, the engine is in the page and
// buttons no longer announce a download.
let engineLoaded = false;

async function analyzeLocal(text, options) {
  const lede = await loadEngine();
  const report = await lede.analyze(text, options);
  engineLoaded = true;
  return report;
}

const css = `
:host {
  all: initial; display: block; contain: content;
  --_accent: var(--lede-accent, #1d4ed8); --_bg: var(--lede-bg, #ffffff); --_fg: var(--lede-fg, #111827);
  --_muted: var(--lede-muted, #4b5563); --_border: var(--lede-border, #d1d5db); --_radius: var(--lede-radius, 10px);
  font: 15px/1.5 var(--lede-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif); color: var(--_fg);
}
@media (prefers-color-scheme: dark) {
  :host { --_bg: var(--lede-bg, #111827); --_fg: var(--lede-fg, #e5e7eb); --_muted: var(--lede-muted, #a3adbd); --_border: var(--lede-border, #374151); --_accent: var(--lede-accent, #3b82f6); }
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.card { background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); padding: .9rem 1rem; }
.heading { font-size: 1rem; font-weight: 700; margin: 0 0 .5rem; }
textarea { width: 100%; min-height: 7rem; font: 14px/1.45 ui-monospace, monospace; color: var(--_fg); background: transparent; border: 1px solid var(--_border); border-radius: calc(var(--_radius) * .6); padding: .5rem; resize: vertical; }
button { font: inherit; cursor: pointer; border-radius: calc(var(--_radius) * .6); }
.go { margin-top: .5rem; background: var(--_accent); color: #fff; border: 1px solid var(--_accent); padding: .35rem .9rem; font-weight: 600; }
.go:disabled { opacity: .6; cursor: progress; }
:focus-visible { outline: 3px solid #c2410c; outline-offset: 2px; }
.status { color: var(--_muted); font-size: .85rem; margin: .4rem 0 0; }
.status:empty { display: none; }
.error { color: #b91c1c; font-size: .9rem; margin: .4rem 0 0; }
.notice { color: #92400e; font-size: .88rem; margin: .4rem 0 0; }
.summary { margin: .6rem 0; }
.group { margin: .55rem 0 0; }
.group-name { font-size: .78rem; text-transform: uppercase; letter-spacing: .05em; color: var(--_muted); margin: 0 0 .25rem; font-weight: 600; }
ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .3rem; }
.chip { display: inline-flex; align-items: center; gap: .3rem; padding: .1rem .55rem; border-radius: 999px; border: 1px solid var(--_border); font-size: .88rem; }
.chip .n { font-size: .75rem; color: var(--_muted); font-variant-numeric: tabular-nums; }
.person { border-style: solid; border-color: #1d4ed8; }
.place { border-style: dashed; border-color: #15803d; }
.organization { border-style: double; border-width: 3px; border-color: #7e22ce; }
.other, .topic { border-style: dotted; }
.figures { display: block; font-size: .88rem; margin: 0; }
.figures li { display: block; margin: .15rem 0; }
.fig { font-weight: 700; }
.foot { margin: .6rem 0 0; font-size: .75rem; color: var(--_muted); }
`;

const sheet = typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype ? new CSSStyleSheet() : null;
if (sheet) sheet.replaceSync(css);

export class LedeAnalyzer extends HTMLElement {
  static get observedAttributes() { return ["for", "selector", "compact", "api", "heading"]; }

  constructor() {
    super();
    this._root = this.attachShadow({ mode: "open" });
    if (sheet) this._root.adoptedStyleSheets = [sheet];
    else this._root.append(h("style", { text: css }));
    this._report = null;
    this._busy = null;
    this._observer = null;
  }

  /** report is the last result, or null. */
  get report() { return this._report; }

  get _target() { return this.getAttribute("for") || this.getAttribute("selector"); }

  connectedCallback() { this._build(); }

  disconnectedCallback() {
    if (this._observer) this._observer.disconnect();
    this._observer = null;
  }

  attributeChangedCallback() {
    if (this.isConnected) this._build();
  }

  _build() {
    if (this._observer) this._observer.disconnect();
    this._observer = null;
    const compact = this.hasAttribute("compact");
    const target = this._target;
    const title = this.getAttribute("heading") || (compact || target ? "In this article" : "Analyse an article");
    this._status = h("p", { class: "status", part: "status", role: "status" });
    this._error = h("p", { class: "error", part: "error", role: "alert", hidden: true });
    this._out = h("div", { class: "out" });
    this._input = null;
    this._button = null;
    const card = h("section", { class: "card", part: "card", "aria-label": title }, h("h2", { class: "heading", part: "heading", text: title }));
    if (!target) {
      this._input = h("textarea", { part: "input", "aria-label": "Article text or HTML to analyse", placeholder: "Paste a news article…" });
      this._input.addEventListener("keydown", (e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          this.analyze().catch(() => {});
        }
      });
      card.append(this._input);
    }
    if (!target || this.hasAttribute("manual")) {
      this._button = h("button", { type: "button", class: "go", part: "button", text: this._label() });
      this._button.addEventListener("click", () => this.analyze().catch(() => {}));
      card.append(this._button);
    }
    card.append(this._status, this._error, this._out);
    this._root.replaceChildren(card);
    if (this._report) this._render(this._report);
    // An element of the host page is analysed when the widget first comes
    // into view: the engine loads on first use, not with the page.
    if (target && !this.hasAttribute("manual") && !this._report) {
      if (typeof IntersectionObserver === "function") {
        this._observer = new IntersectionObserver((entries) => {
          if (entries.some((en) => en.isIntersecting)) {
            this._observer.disconnect();
            this._observer = null;
            this.analyze().catch(() => {});
          }
        });
        this._observer.observe(this);
      } else {
        this.analyze().catch(() => {});
      }
    }
  }

  // _label is the button's text: with the download it will cause, until the
  // engine is in the page (api= mode downloads no engine).
  _label() {
    const base = this._target ? "Show what this article is about" : "Analyse";
    return engineLoaded || this.hasAttribute("api") ? base : base + downloadNote;
  }

  // _text is what to analyse: the target element's text, or the paste box.
  _text() {
    const sel = this._target;
    if (!sel) return this._input ? this._input.value : "";
    let el = null;
    try {
      el = this.ownerDocument.querySelector(sel);
    } catch {
      throw new Error("lede-analyzer: for=\"" + sel + "\" is not a valid CSS selector");
    }
    if (!el) throw new Error("lede-analyzer: no element on this page matches for=\"" + sel + "\"");
    return el.innerText || el.textContent || "";
  }

  /**
   * analyze runs the analysis (of `input` if given, else of the paste box or
   * the target element), shows it, emits `lede:result` and resolves to the
   * report. It rejects, and shows the message, for input lede refuses.
   */
  async analyze(input) {
    const run = (async () => {
      this._error.hidden = true;
      const api = this.getAttribute("api");
      this._status.textContent = api || engineLoaded ? "Analysing…" : "Loading the engine" + (engineSize ? " (" + engineSize + ")" : "") + " and analysing…";
      if (this._button) this._button.disabled = true;
      try {
        const text = typeof input === "string" ? input : this._text();
        const report = api ? await viaAPI(api, text) : await analyzeLocal(text, { offsets: "utf16" });
        this._report = report;
        this._render(report);
        this._status.textContent = "";
        this.dispatchEvent(new CustomEvent("lede:result", { detail: report, bubbles: true, composed: true }));
        return report;
      } catch (err) {
        this._status.textContent = "";
        this._error.textContent = err && err.message ? err.message : String(err);
        this._error.hidden = false;
        this.dispatchEvent(new CustomEvent("lede:error", { detail: { message: this._error.textContent }, bubbles: true, composed: true }));
        throw err;
      } finally {
        if (this._button) {
          this._button.disabled = false;
          this._button.textContent = this._label();
        }
      }
    })();
    this._busy = run;
    return run;
  }

  _render(report) {
    const compact = this.hasAttribute("compact");
    const parts = [];
    // "lede reads English; this looks like German: …": said first, as text.
    for (const n of report.notices || []) parts.push(h("p", { class: "notice", part: "notice", role: "status", text: n.message }));
    if (!compact && report.summary && report.summary.length) {
      const s = report.summary.slice().sort((a, b) => a.start - b.start).slice(0, 3);
      parts.push(h("p", { class: "summary", part: "summary", text: s.map((x) => x.text).join(" ") }));
    }
    const limit = compact ? 6 : 12;
    for (const g of groupEntities(report)) {
      parts.push(group(g.name, g.entities.slice(0, limit).map((e) => [e.name, e.count, g.type])));
    }
    // topics only: the names among the keyphrases (kind "name") are in the
    // entity groups above; in the panel's order, each with its mentions in
    // the body, as on the page (web/app.mjs renderKeyphrases; the names too:
    // view.mjs groupEntities)
    const topics = panelTopics(report).slice(0, compact ? 6 : 10);
    if (topics.length) parts.push(group("Topics", topics.map((k) => [k.text, k.count, "topic"])));
    // the article's figures, as on the page (not a date in the other headlines)
    const figs = (report.figures || []).filter(inArticle(report));
    if (!compact && figs.length) {
      parts.push(h("div", { class: "group", part: "group" }, h("p", { class: "group-name", text: "Figures" }),
        h("ul", { class: "figures" }, figs.slice(0, 8).map((f) => h("li", {}, h("span", { class: "fig", text: f.text }), f.about ? " — " + f.about : "")))));
    }
    if (!parts.length) parts.push(h("p", { class: "status", text: "No people, places or topics found." }));
    parts.push(h("p", { class: "foot", text: "Analysed by lede" + (this.getAttribute("api") ? "" : ", in your browser") + "." }));
    this._out.replaceChildren(...parts);
  }
}

function group(name, items) {
  return h("div", { class: "group", part: "group" },
    h("p", { class: "group-name", text: name }),
    h("ul", { "aria-label": name }, items.map((it) => h("li", {},
      h("span", { class: "chip " + it[2], part: "chip chip-" + it[2] }, it[0], h("span", { class: "n", "aria-label": it[1] + " mentions", text: String(it[1]) }))))));
}

// viaAPI asks a lede HTTP endpoint (POST /analyze) instead of the local engine.
async function viaAPI(url, text) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text: text, options: { offsets: "utf16" } }),
  });
  let body = null;
  try {
    body = await res.json();
  } catch {
    throw new Error("the lede service at " + url + " answered HTTP " + res.status + " without a report");
  }
  if (!res.ok || (body && typeof body.error === "string")) throw new Error((body && body.error) || "the lede service answered HTTP " + res.status);
  return body;
}

if (!customElements.get("lede-analyzer")) customElements.define("lede-analyzer", LedeAnalyzer);
