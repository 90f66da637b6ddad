// app.mjs is the page (index.html): it takes the reader's article, hands it
// to the engine through lede.mjs (which runs it in a Web Worker, so the page
// never freezes) and draws the report.
//
// Every string in a report comes from the reader's input, so it reaches the
// page through view.mjs's h() and text nodes, never as markup.
import { analyze, preload } from "./lede.mjs";
import { exampleArticle } from "./example.mjs";
import { h, byParagraph, groupEntities, inArticle, panelTopics, segments, titleSpan, toMarkdown, typeSingular } from "./view.mjs";

// The engine's limit (engine.MaxInputBytes). A bigger file is refused here,
// before it is read into the page, with the same advice the engine gives.
const maxFileBytes = 8 << 20;
// The text view draws at most this many characters, so that a huge paste
// cannot make the page slow to scroll; the analysis itself covers everything.
const maxShownChars = 400000;
// The lists draw at most this many rows each: a long paste's 26,000
// figures took the page's layout 11 s, frozen (docs/web.md, "Reader review,
// twelfth round"); the exports hold them all.
const maxRows = 300;

const $ = (id) => document.getElementById(id);
const ui = {
  input: $("input"), drop: $("drop"), analyzeBtn: $("analyze"), exampleBtn: $("example"),
  file: $("file"), clearBtn: $("clear"), progress: $("progress"), progressBar: $("progress-bar"),
  progressText: $("progress-text"), cancelBtn: $("cancel"), error: $("error"), results: $("results"),
  stats: $("stats"), summary: $("summary"), text: $("text"), selection: $("selection"),
  entities: $("entities"), keyphrases: $("keyphrases"), figures: $("figures"), quotes: $("quotes"),
  categories: $("categories"), related: $("related"), digest: $("digest"), offline: $("offline"),
  notices: $("notices"),
};

// state is the report on screen and the index from its items to the marks
// that show them in the text.
// hits counts, per item, the mentions drawn: a mention cut into pieces by
// another result's marks (an entity inside a keyphrase) is one place.
const state = { report: null, marks: new Map(), hits: new Map(), selected: null, selectedBtn: null, running: null, foreign: false };

// whenIdle holds what waits for the running analysis to end; idle() resolves
// at once when none runs.
const whenIdle = [];
const idle = () => new Promise((resolve) => (state.running ? whenIdle.push(resolve) : resolve()));

// ---- input -------------------------------------------------------------

ui.analyzeBtn.addEventListener("click", () => run());
ui.exampleBtn.addEventListener("click", () => {
  ui.input.value = exampleArticle;
  ui.input.scrollTop = 0;
  run();
});
ui.clearBtn.addEventListener("click", () => {
  ui.input.value = "";
  showError("");
  ui.results.hidden = true;
  state.report = null;
  ui.input.focus();
});
ui.cancelBtn.addEventListener("click", () => {
  if (state.running) state.running.abort();
});
document.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    run();
  }
});
// Start the engine as the page loads: it downloads, compiles and loads its
// models while the reader pastes, so the first result needs only the
// analysis. (The widget, on other people's pages, waits for first use.)
const engineReady = preload();
const specimen = fontSpecimen();

ui.file.addEventListener("change", () => {
  if (ui.file.files && ui.file.files[0]) readFile(ui.file.files[0]);
  ui.file.value = "";
});
// A file dropped anywhere on the page is read (instead of the browser
// navigating away to show it).
for (const ev of ["dragenter", "dragover"]) {
  document.addEventListener(ev, (e) => {
    e.preventDefault();
    ui.drop.classList.add("dragging");
  });
}
for (const ev of ["dragleave", "drop"]) {
  document.addEventListener(ev, () => ui.drop.classList.remove("dragging"));
}
document.addEventListener("drop", (e) => {
  e.preventDefault();
  const f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
  if (f) readFile(f);
  else if (e.dataTransfer) {
    // Dropped HTML or text is data: take its text form only.
    ui.input.value = e.dataTransfer.getData("text/html") || e.dataTransfer.getData("text/plain");
    run();
  }
});

async function readFile(f) {
  if (f.size > maxFileBytes) {
    showError("“" + f.name + "” is " + (f.size / 1048576).toFixed(1) + " MB; lede analyses up to 8 MB at a time. Open one article or page.");
    return;
  }
  try {
    // Blob.text() reads UTF-8 only; a file saved as UTF-16 ("Unicode" in
    // Windows editors) says so with a byte-order mark, and is decoded as
    // such, as the CLI and the API do (docs/security.md).
    const b = new Uint8Array(await f.arrayBuffer());
    const enc = b[0] === 0xff && b[1] === 0xfe ? "utf-16le" : b[0] === 0xfe && b[1] === 0xff ? "utf-16be" : "utf-8";
    ui.input.value = new TextDecoder(enc).decode(b);
  } catch (err) {
    showError("Could not read “" + f.name + "”: " + err.message);
    return;
  }
  run();
}

// ---- running the engine -----------------------------------------------

async function run() {
  const text = ui.input.value;
  if (state.running) state.running.abort();
  const ctl = new AbortController();
  state.running = ctl;
  showError("");
  const began = performance.now();
  let phase = "starting";
  let loaded = 0;
  let total = 0;
  const tick = () => {
    const secs = ((performance.now() - began) / 1000).toFixed(1);
    if (phase === "loading") {
      ui.progressText.textContent = "Loading the engine: " + mb(loaded) + (total ? " of " + mb(total) : "") + " (" + secs + " s)";
      if (total) {
        ui.progressBar.max = total;
        ui.progressBar.value = loaded;
      }
    } else if (phase === "analysing") {
      ui.progressBar.removeAttribute("value");
      ui.progressText.textContent = "Analysing " + text.length.toLocaleString("en") + " characters… " + secs + " s";
    } else {
      ui.progressBar.removeAttribute("value");
      ui.progressText.textContent = "Starting the engine… " + secs + " s";
    }
  };
  tick();
  ui.progress.hidden = false;
  ui.analyzeBtn.disabled = true;
  ui.analyzeBtn.setAttribute("aria-busy", "true");
  const timer = setInterval(tick, 200);
  try {
    const report = await analyze(text, {
      offsets: "utf16",
      signal: ctl.signal,
      onProgress: (p) => {
        phase = p.phase;
        if (p.phase === "loading") {
          loaded = p.loaded;
          total = p.total;
        }
        tick();
      },
    });
    if (state.running !== ctl) return;
    render(report);
  } catch (err) {
    if (state.running !== ctl) return;
    if (err && err.name === "AbortError") showError("Stopped. The engine restarts on the next analysis.");
    else showError("lede could not analyse this: " + (err && err.message ? err.message : String(err)));
  } finally {
    clearInterval(timer);
    if (state.running === ctl) {
      state.running = null;
      for (const fn of whenIdle.splice(0)) fn();
      ui.progress.hidden = true;
      ui.analyzeBtn.disabled = false;
      ui.analyzeBtn.removeAttribute("aria-busy");
    }
  }
}

function mb(n) {
  return (n / 1048576).toFixed(1) + " MB";
}

function showError(msg) {
  ui.error.textContent = msg;
  ui.error.hidden = !msg;
}

// fontSpecimen lays out, invisibly, a word in each typeface, size and weight
// the results use, while the engine starts. The first result's layout would
// otherwise find every one of them new: the browser then looks each font up
// (on Linux a round trip to its browser process per font and size), and
// while the engine's code is being optimised on the other threads those
// round trips wait for a core: 100-200 ms of the first result's time in
// headless Chromium on two cores (docs/web.md, "First visit"). Done now,
// they overlap the engine's start. It mirrors the results' markup class for
// class; web/e2e/startup.test.mjs fails if the example's results use a font that
// is not here. render() removes it.
function fontSpecimen() {
  const w = "Aa 1$%“”—·";
  const s = h("div", { class: "font-specimen", "aria-hidden": "true" },
    h("div", { class: "results-head" }, h("h2", { text: w }), h("p", { class: "stats", text: w }),
      h("div", { class: "export" }, h("button", { type: "button", tabindex: "-1", text: w }))),
    h("section", { class: "card summary" }, h("h3", { text: w }), h("p", { class: "summary-text", text: w })),
    h("div", { class: "text-head" }, h("ul", { class: "legend" }, h("li", {},
      h("span", { class: "hl hl-person", text: w }), h("span", { class: "hl hl-figure", text: w })))),
    h("div", { class: "text" }, h("p", { class: "article-title" }, w, h("mark", { class: "hl hl-figure", text: w })), h("p", { class: "article-meta", text: w }),
      h("p", {}, w, h("mark", { class: "hl hl-other", text: w }), h("mark", { class: "hl hl-figure", text: w }))),
    h("p", { class: "hint", text: w }),
    h("div", { class: "group" }, h("h4", {}, w, h("span", { class: "group-count", text: w })),
      h("ul", { class: "chips" }, h("li", {}, h("button", { type: "button", tabindex: "-1", class: "chip chip-person" }, w, h("span", { class: "count", text: "1" }))))),
    h("ol", { class: "ranks" }, h("li", {}, h("button", { type: "button", tabindex: "-1", class: "bar-row rank-row" },
      h("span", { class: "bar-label", text: w }), h("span", { class: "count", text: "1" })))),
    h("ul", { class: "bars" }, h("li", { class: "bar-row static" }, h("span", { class: "bar-label", text: w }), h("span", { class: "bar-value", text: "1" }))),
    h("table", { class: "figures" }, h("thead", {}, h("tr", {}, h("th", { text: w }))),
      h("tbody", {}, h("tr", {}, h("td", {}, w, h("button", { type: "button", tabindex: "-1", class: "link", text: w }))))),
    h("ul", { class: "quotes" }, h("li", {}, h("blockquote", {}, h("p", { text: w })), h("p", { class: "speaker", text: w }))),
    h("ol", { class: "related" }, h("li", {}, h("span", { class: "headline", text: w }),
      h("span", { class: "tags" }, h("span", { class: "tag", text: w })))));
  document.body.append(s);
  return s;
}

// ---- drawing the report -------------------------------------------------

// empty is what an empty panel says: its usual words, or, when the text is
// in a language lede's models do not read, that the panel was not filled.
function empty(usual) {
  return state.foreign ? "Not shown: lede reads English only." : usual;
}

// languageName names a language code in English ("de" is "German"), ""
// for undetermined text.
function languageName(code) {
  if (!code || code === "und") return "";
  if (code === "en") return "English";
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) || code;
  } catch {
    return code;
  }
}

function render(report) {
  specimen.remove();
  state.report = report;
  state.marks = new Map();
  state.hits = new Map();
  state.selected = null;
  state.selectedBtn = null;
  const st = report.stats || {};
  ui.stats.textContent = [
    (st.words || 0).toLocaleString("en") + " words",
    (st.paragraphs || 0) + " paragraphs",
    "about " + Math.max(1, Math.round(st.readingMinutes || 0)) + " min to read",
    (report.article.related || []).length + " other headlines",
    st.language === "en" ? "" : languageName(st.language),
  ].filter(Boolean).join(" · ");
  // The engine's notices ("lede reads English; this looks like German: …")
  // say what is not shown and why; they are text, like everything else.
  const notices = report.notices || [];
  ui.notices.textContent = notices.map((n) => n.message).join(" ");
  ui.notices.hidden = !notices.length;
  state.foreign = notices.some((n) => n.code === "language-unsupported");
  renderSummary(report);
  renderText(report);
  renderEntities(report);
  renderKeyphrases(report);
  renderFigures(report);
  renderQuotes(report);
  renderCategories(report);
  renderRelated(report);
  ui.selection.textContent = "";
  ui.results.hidden = false;
  ui.results.scrollIntoView({ block: "start" });
  $("results-heading").focus({ preventScroll: true });
}

function renderSummary(report) {
  const sents = (report.summary || []).slice().sort((a, b) => a.start - b.start);
  ui.summary.replaceChildren(sents.length
    ? h("p", { class: "summary-text" }, sents.map((s, i) => [i ? " " : "", s.text]))
    : h("p", { class: "empty", text: empty("No summary: the text is too short.") }));
}

// refKey names one item of the report (an entity, a figure, a keyphrase).
const refKey = (kind, i) => kind + ":" + i;

function renderText(report) {
  const text = report.text;
  const a = report.article;
  const marks = [];
  report.entities.forEach((e, i) => {
    for (const m of e.mentions || []) marks.push({ start: m.start, end: m.end, kind: "entity", type: e.type, key: refKey("e", i), label: typeSingular[e.type] + ": " + e.name });
  });
  report.figures.forEach((f, i) => marks.push({ start: f.start, end: f.end, kind: "figure", key: refKey("f", i), label: f.kind + (f.about ? ": " + f.about : "") }));
  // the panel's topics' mentions only: the names are the entity panel's,
  // and marking a name again would cut its entity's marks in two
  for (const k of panelTopics(report)) {
    for (const m of k.mentions || []) marks.push({ start: m.start, end: m.end, kind: "key", key: refKey("k", k.i), label: "keyphrase: " + k.text });
  }

  const nodes = [];
  const paras = a.paragraphs && a.paragraphs.length ? a.paragraphs : [{ start: 0, end: text.length }];
  // the title with its marks where the text says it (view.mjs titleSpan)
  const ts = titleSpan(report);
  let title = a.title ? h("p", { text: a.title }) : null;
  if (ts) title = paragraph(text, ts.start, ts.end, byParagraph([ts], marks)[0]);
  if (title) nodes.push(title), title.classList.add("article-title");
  const meta = [a.byline, a.published].filter(Boolean).join(" · ");
  if (meta) nodes.push(h("p", { class: "article-meta", text: meta }));
  // Each paragraph says its language (the engine's paragraphLanguages), so
  // that a screen reader pronounces a German paragraph as German; one in
  // another language than the article's is marked as such.
  const langs = (report.stats && report.stats.paragraphLanguages) || [];
  const docLang = report.stats && report.stats.language;
  // each paragraph is cut against its own marks only (view.mjs byParagraph)
  const own = byParagraph(paras, marks);
  let shown = 0;
  let cut = false;
  paras.forEach((p, i) => {
    if (cut || shown > maxShownChars) {
      cut = true;
      return;
    }
    shown += p.end - p.start;
    const el = paragraph(text, p.start, p.end, own[i]);
    const code = langs[i];
    if (code && code !== "und") {
      el.lang = code;
      if (code !== docLang) {
        el.classList.add("other-language");
        el.title = languageName(code) || code;
      }
    }
    nodes.push(el);
  });
  if (cut) nodes.push(h("p", { class: "hint", text: "The text above stops after " + maxShownChars.toLocaleString("en") + " characters; the lists cover the whole article." }));
  ui.text.replaceChildren(...nodes);
}

// paragraph draws text[start:end] with its marks: each piece of text gets one
// <mark> whose classes say what covers it (an entity's type, a figure, a
// keyphrase), so overlapping results stay visible together.
function paragraph(text, start, end, marks) {
  const p = h("p");
  for (const seg of segments(start, end, marks)) {
    const piece = text.slice(seg.start, seg.end);
    if (!seg.refs.length) {
      p.append(piece);
      continue;
    }
    const cls = ["hl"];
    const ent = seg.refs.find((m) => m.kind === "entity");
    if (ent) cls.push("hl-" + ent.type);
    if (seg.refs.some((m) => m.kind === "figure")) cls.push("hl-figure");
    if (seg.refs.some((m) => m.kind === "key")) cls.push("hl-key");
    const el = h("mark", { class: cls.join(" "), title: Array.from(new Set(seg.refs.map((m) => m.label))).join("\n") }, piece);
    const keys = new Set(seg.refs.map((m) => m.key));
    for (const k of keys) {
      if (!state.marks.has(k)) state.marks.set(k, []);
      state.marks.get(k).push(el);
    }
    for (const m of seg.refs) {
      if (!state.hits.has(m.key)) state.hits.set(m.key, new Set());
      state.hits.get(m.key).add(m);
    }
    // A click on a highlight selects what it shows: the entity first, then
    // the figure, then the keyphrase.
    const pick = ent || seg.refs.find((m) => m.kind === "figure") || seg.refs[0];
    el.addEventListener("click", () => {
      const btn = document.querySelector('[data-ref="' + pick.key + '"]');
      if (btn) select(pick.key, btn, pick.label);
    });
    p.append(el);
  }
  return p;
}

// select lights up every mention of one item (or clears it when it is
// chosen again) and scrolls the first mention into view.
function select(key, btn, label) {
  for (const el of document.querySelectorAll("mark.active")) el.classList.remove("active");
  if (state.selectedBtn) state.selectedBtn.setAttribute("aria-pressed", "false");
  if (state.selected === key) {
    state.selected = null;
    state.selectedBtn = null;
    ui.selection.textContent = "";
    return;
  }
  state.selected = key;
  state.selectedBtn = btn;
  btn.setAttribute("aria-pressed", "true");
  const els = state.marks.get(key) || [];
  for (const el of els) el.classList.add("active");
  const n = state.hits.has(key) ? state.hits.get(key).size : 0;
  ui.selection.textContent = n
    ? label + " — " + n + (n === 1 ? " place" : " places") + " highlighted in the text"
    : label + " — not in the text shown";
  if (els.length) els[0].scrollIntoView({ block: "center", behavior: "smooth" });
}

function chip(key, label, name, count, cls) {
  const btn = h("button", { type: "button", class: "chip " + cls, "aria-pressed": "false", "data-ref": key },
    h("span", { class: "chip-name", text: name }),
    h("span", { class: "count", "aria-label": count + (count === 1 ? " mention" : " mentions"), text: String(count) }));
  btn.addEventListener("click", () => select(key, btn, label));
  return btn;
}

function renderEntities(report) {
  const groups = groupEntities(report);
  // names said only outside the article (the other headlines) are counted
  // in the digest below, not here
  const outside = around(groups.outside, "name");
  if (!groups.length) {
    ui.entities.replaceChildren(h("p", { class: "empty", text: empty("No names found.") }), outside);
    return;
  }
  ui.entities.replaceChildren(...groups.map((g) => h("div", { class: "group" },
    h("h4", {}, h("span", { class: "swatch hl hl-" + g.type, "aria-hidden": "true" }), g.name + " ", h("span", { class: "group-count", text: "(" + g.entities.length + ")" })),
    h("ul", { class: "chips" }, g.entities.map((e) => {
      const other = (e.aliases || []).filter((x) => x !== e.name);
      const c = chip(refKey("e", e.i), e.name, e.name, e.count, "chip-" + g.type);
      if (other.length) c.title = "Also: " + other.join(", ");
      return h("li", {}, c);
    })))), outside);
}

function bar(value, max, cls) {
  const pct = max > 0 ? Math.max(2, Math.round((100 * value) / max)) : 0;
  return h("span", { class: "bar " + (cls || ""), "aria-hidden": "true" }, h("span", { class: "fill", style: { width: pct + "%" } }));
}

// The keyphrase panel shows the topics in the panel's order (panelTopics),
// numbered, each with the places it lights up in the text (as a name's chip
// does); phrases that are only a name (kind "name") are the entity panel's.
// No bar: the panel is a ranking, not a measure. Its order is not the
// scores' (it spaces lone words out), so bars of the scores would grow and
// shrink down the list, and bars kept from growing said nothing (docs/web.md,
// "The keyphrase panel: a ranked list"). Each keeps its index in the report
// so its highlights stay linked.
function renderKeyphrases(report) {
  const ks = panelTopics(report);
  if (!ks.length) {
    ui.keyphrases.replaceChildren(h("p", { class: "empty", text: empty("No key phrases found.") }));
    return;
  }
  ui.keyphrases.replaceChildren(h("ol", { class: "ranks" }, ks.map((k) => {
    const btn = h("button", { type: "button", class: "bar-row rank-row", "aria-pressed": "false", "data-ref": refKey("k", k.i) },
      h("span", { class: "bar-label", text: k.text }),
      h("span", { class: "count", "aria-label": k.count + (k.count === 1 ? " mention" : " mentions"), text: String(k.count) }));
    btn.addEventListener("click", () => select(refKey("k", k.i), btn, "“" + k.text + "”"));
    return h("li", {}, btn);
  })));
}

// around says how many of a list's items were left out because the text
// says them only outside the article (the other headlines, menus), or
// nothing: they would light up nothing in it.
function around(n, what) {
  return n ? h("p", { class: "hint", text: n + " more " + what + (n === 1 ? " appears" : "s appear") + " only around the article: in the other headlines or menus." }) : "";
}

function renderFigures(report) {
  const inArt = inArticle(report);
  const fs = report.figures.map((f, i) => ({ ...f, i })).filter(inArt);
  const note = around(report.figures.length - fs.length, "figure");
  if (!fs.length) {
    ui.figures.replaceChildren(h("p", { class: "empty", text: empty("No figures found.") }), note);
    return;
  }
  ui.figures.replaceChildren(h("table", { class: "figures" },
    h("caption", { class: "visually-hidden", text: "Numbers in the article and what each measures" }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Figure" }), h("th", { scope: "col", text: "Kind" }), h("th", { scope: "col", text: "Measures" }))),
    h("tbody", {}, fs.slice(0, maxRows).map((f) => {
      const btn = h("button", { type: "button", class: "link", "aria-pressed": "false", "data-ref": refKey("f", f.i), text: f.text });
      btn.addEventListener("click", () => select(refKey("f", f.i), btn, f.text));
      return h("tr", {}, h("td", {}, btn), h("td", { text: f.kind }), h("td", { text: f.about || "—" }));
    }))), more(fs.length, "figures"), note);
}

// more says what a list leaves out past maxRows, or nothing.
function more(n, what) {
  return n > maxRows ? h("p", { class: "hint", text: "The first " + maxRows + " of " + n.toLocaleString("en") + " " + what + "; the JSON and Markdown exports hold them all." }) : "";
}

function renderQuotes(report) {
  const qs = report.quotes.filter(inArticle(report));
  const note = around(report.quotes.length - qs.length, "quotation");
  if (!qs.length) {
    ui.quotes.replaceChildren(h("p", { class: "empty", text: empty("No quotations found.") }), note);
    return;
  }
  ui.quotes.replaceChildren(h("ul", { class: "quotes" }, qs.slice(0, maxRows).map((q) => h("li", {},
    h("blockquote", {}, h("p", { text: "“" + q.text + "”" })),
    h("p", { class: "speaker", text: q.speaker ? "— " + q.speaker : "— speaker not named" })))), more(qs.length, "quotations"), note);
}

function renderCategories(report) {
  const cs = report.categories;
  if (!cs.length) {
    ui.categories.replaceChildren(h("p", { class: "empty", text: empty("No category fits with confidence.") }));
    return;
  }
  const max = Math.max(...cs.map((c) => c.score));
  ui.categories.replaceChildren(h("ul", { class: "bars" }, cs.map((c) => h("li", { class: "bar-row static" },
    h("span", { class: "bar-label", text: c.label }), bar(c.score, max, "bar-cat"), h("span", { class: "bar-value", text: c.score.toFixed(2) })))));
}

function renderRelated(report) {
  const rs = report.article.related || [];
  if (!rs.length) {
    ui.related.replaceChildren(h("p", { class: "empty", text: "No list of other headlines around this article." }));
    ui.digest.replaceChildren();
    return;
  }
  ui.related.replaceChildren(h("ol", { class: "related" }, rs.map((r) => h("li", {},
    h("span", { class: "headline", text: r.text }),
    (r.categories || []).length ? h("span", { class: "tags" }, r.categories.map((c) => h("span", { class: "tag", text: c.label }))) : null))));
  const d = report.digest;
  const cats = d && d.categories ? d.categories.slice(0, 8) : [];
  const ents = d && d.entities ? d.entities.slice(0, 8) : [];
  const chart = (title, items) => {
    if (!items.length) return null;
    const max = Math.max(...items.map((x) => x.count));
    return h("div", { class: "digest-chart" }, h("h4", { text: title }), h("ul", { class: "bars" }, items.map((x) => h("li", { class: "bar-row static" },
      h("span", { class: "bar-label", text: x.name }), bar(x.count, max, "bar-digest"), h("span", { class: "bar-value", text: String(x.count) })))));
  };
  ui.digest.replaceChildren(...[
    chart("Topics across these headlines", cats),
    chart("Names across these headlines", ents),
  ].filter(Boolean));
}

// ---- export -------------------------------------------------------------

function baseName() {
  const t = (state.report && state.report.article.title) || "article";
  return "lede-" + (t.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "article");
}

function download(name, type, body) {
  const url = URL.createObjectURL(new Blob([body], { type: type }));
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function copy(text, what, btn) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // file:// and older browsers: copy through a hidden text area.
    const ta = h("textarea", { class: "visually-hidden", "aria-hidden": "true" });
    ta.value = text;
    document.body.append(ta);
    ta.select();
    document.execCommand("copy");
    ta.remove();
  }
  const was = btn.textContent;
  btn.textContent = "Copied ✓";
  ui.selection.textContent = what + " copied to the clipboard";
  setTimeout(() => { btn.textContent = was; }, 1500);
}

const json = () => JSON.stringify(state.report, null, 2) + "\n";
$("copy-md").addEventListener("click", (e) => copy(toMarkdown(state.report), "Markdown", e.currentTarget));
$("copy-json").addEventListener("click", (e) => copy(json(), "JSON", e.currentTarget));
$("save-md").addEventListener("click", () => download(baseName() + ".md", "text/markdown", toMarkdown(state.report)));
$("save-json").addEventListener("click", () => download(baseName() + ".json", "application/json", json()));

// ---- offline -------------------------------------------------------------

// The page registers its service worker when it is served over HTTP(S); the
// one-file build (data-onefile) needs none. Installing it downloads every
// file again (the engine too) into its cache, so it waits until the engine
// has started and no analysis is running: on a first visit it must not
// compete with the first result.
if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol) && !document.documentElement.hasAttribute("data-onefile")) {
  engineReady.then(idle).then(() => navigator.serviceWorker.register("sw.js")).then(() => navigator.serviceWorker.ready).then(() => {
    ui.offline.textContent = "It is saved for offline use.";
  }).catch(() => {});
}

// For tests and scripts: the report on screen.
globalThis.ledeReport = () => state.report;
