// view.mjs holds what the page (app.mjs) and the widget (widget.mjs) both
// need to show a report: a DOM builder that only ever sets text (never
// markup), the entity grouping, the cutting of text into highlighted
// segments, and the Markdown export.
//
// Everything a report holds came from the reader's input, so it is put on
// the page with textContent / text nodes only. h() has no way to set HTML.

export const typeOrder = ["person", "place", "organization", "other"];
export const typeNames = { person: "People", place: "Places", organization: "Organisations", other: "Other names" };
export const typeSingular = { person: "person", place: "place", organization: "organisation", other: "other name" };

/**
 * h creates an element. props: class, text (textContent), on<event>
 * handlers, style (an object of CSS properties), anything else becomes an
 * attribute. Children are nodes or strings (strings become text nodes).
 */
export function h(tag, props, ...children) {
  const e = document.createElement(tag);
  if (props) {
    for (const k of Object.keys(props)) {
      const v = props[k];
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = String(v);
      else if (k === "style") Object.assign(e.style, v);
      else if (k.startsWith("on") && typeof v === "function") e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : String(v));
    }
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    e.append(typeof c === "string" || typeof c === "number" ? String(c) : c);
  }
  return e;
}

/**
 * titleSpan returns {start, end} of the article's title where the text
 * says it before the body, or null (no title, or none found there: it is
 * then drawn as plain text). The report gives the title as a string only;
 * the page draws it with its marks like a paragraph, so that a name or a
 * figure said only in the headline lights up and counts.
 */
export function titleSpan(report) {
  const a = report.article || {};
  const ps = a.paragraphs || [];
  if (!a.title || !ps.length) return null;
  const k = report.text.lastIndexOf(a.title, ps[0].start - a.title.length);
  return k < 0 ? null : { start: k, end: k + a.title.length };
}

/**
 * inArticle returns a test of whether a mention {start, end} lies in the
 * article the page draws with highlights: its title (titleSpan) and body
 * paragraphs. A report without paragraphs is all body. The report's
 * entities count their mentions in the whole input (the other headlines
 * and menus of a pasted page too: docs/report.md), and a chip that says 12
 * beside a name lit up in six places, or a name that lights up nothing,
 * misleads the reader.
 */
export function inArticle(report) {
  const body = (report.article && report.article.paragraphs) || [];
  if (!body.length) return () => true;
  const t = titleSpan(report);
  const ps = t ? [t, ...body] : body;
  return (m) => {
    // the last paragraph that starts at or before m (they are in text
    // order): a long paste has thousands, and its names tens of thousands
    // of mentions
    let lo = 0;
    let hi = ps.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (ps[mid].start <= m.start) lo = mid;
      else hi = mid;
    }
    return m.start >= ps[lo].start && m.end <= ps[lo].end;
  };
}

/**
 * groupEntities returns [{type, name, entities}] in typeOrder, each entity
 * with its index i in report.entities and count, its mentions in the body
 * (inArticle), busiest first; a name only said outside the article (in
 * the other headlines: the digest's business) is left out, and outside
 * says how many were.
 */
export function groupEntities(report) {
  const inBody = inArticle(report);
  const all = (report.entities || []).map((e, i) => ({ ...e, i, count: (e.mentions || []).filter(inBody).length }));
  const shown = all.filter((e) => e.count > 0);
  const groups = [];
  for (const t of typeOrder) {
    const list = shown.filter((e) => (typeOrder.includes(e.type) ? e.type : "other") === t);
    list.sort((a, b) => b.count - a.count || b.salience - a.salience);
    if (list.length) groups.push({ type: t, name: typeNames[t], entities: list });
  }
  groups.outside = all.length - shown.length;
  return groups;
}

/**
 * panelTopics returns the report's topics for the keyphrase panel, in the
 * panel's order, each with its index i in report.keyphrases and count, its
 * mentions in the body (inArticle): those with a
 * "panel" place (the engine spaces lone words such as "trade" out there,
 * while the list itself is ranked by score alone; docs/keyphrases.md). A
 * report without places (an older engine behind an API) gives its first 15
 * topics.
 */
export function panelTopics(report) {
  const inBody = inArticle(report);
  const ks = (report.keyphrases || []).map((k, i) => ({ ...k, i, count: (k.mentions || []).filter(inBody).length })).filter((k) => k.kind !== "name");
  if (!ks.some((k) => k.panel > 0)) return ks.slice(0, 15);
  return ks.filter((k) => k.panel > 0).sort((a, b) => a.panel - b.panel);
}

/**
 * segments cuts text[from:to] at every mark boundary. marks are
 * {start, end, ref}; the result is [{start, end, refs}] covering the range,
 * refs being the marks that cover each piece (empty for plain text).
 */
export function segments(from, to, marks) {
  const inRange = marks.filter((m) => m.end > from && m.start < to && m.end > m.start);
  const cuts = new Set([from, to]);
  for (const m of inRange) {
    cuts.add(Math.max(from, m.start));
    cuts.add(Math.min(to, m.end));
  }
  const points = Array.from(cuts).sort((a, b) => a - b);
  inRange.sort((a, b) => a.start - b.start);
  const out = [];
  let active = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i];
    const e = points[i + 1];
    active = active.filter((m) => m.end > s);
    while (next < inRange.length && inRange[next].start <= s) {
      if (inRange[next].end > s) active.push(inRange[next]);
      next++;
    }
    out.push({ start: s, end: e, refs: active.slice() });
  }
  return out;
}

/**
 * byParagraph returns, for each of paras ({start, end}, in text order, not
 * overlapping), the marks that overlap it, each list in start order. Cutting
 * every paragraph against every mark (segments filters what it is given)
 * froze the page for seconds on a long paste: 600 paragraphs drawn times
 * 150,000 marks (docs/web.md, "Reader review, twelfth round"). Marks are
 * sorted in place.
 */
export function byParagraph(paras, marks) {
  marks.sort((x, y) => x.start - y.start);
  const out = [];
  let from = 0; // marks before it end before this paragraph, and the next
  for (const p of paras) {
    while (from < marks.length && marks[from].end <= p.start) from++;
    const own = [];
    for (let j = from; j < marks.length && marks[j].start < p.end; j++) if (marks[j].end > p.start) own.push(marks[j]);
    out.push(own);
  }
  return out;
}

// md escapes text for Markdown so that a headline cannot become a link,
// heading or table cell break.
function md(s) {
  return String(s).replace(/\s+/g, " ").replace(/([\\`*_{}[\]()<>#+|!~]|^-|^\d+\.)/g, "\\$1");
}

function fmt(x, digits) {
  return typeof x === "number" ? x.toFixed(digits) : "";
}

/** toMarkdown writes a report as a short Markdown document. */
export function toMarkdown(report) {
  const a = report.article || {};
  const out = [];
  out.push("# " + md(a.title || "Article analysis"));
  const meta = [a.byline, a.published].filter(Boolean).map(md);
  if (meta.length) out.push("", "_" + meta.join(" · ") + "_");
  const summary = (report.summary || []).slice().sort((x, y) => x.start - y.start);
  if (summary.length) {
    out.push("", "## Summary", "");
    for (const s of summary) out.push("- " + md(s.text));
  }
  const groups = groupEntities(report);
  if (groups.length) {
    out.push("", "## Entities");
    for (const g of groups) {
      out.push("", "### " + g.name, "");
      for (const e of g.entities) {
        const other = (e.aliases || []).filter((x) => x !== e.name);
        out.push("- " + md(e.name) + " (" + e.count + (e.count === 1 ? " mention" : " mentions") + (other.length ? "; also " + other.map(md).join(", ") : "") + ")");
      }
    }
  }
  if ((report.keyphrases || []).length) {
    out.push("", "## Key phrases", "");
    report.keyphrases.forEach((k, i) => out.push((i + 1) + ". " + md(k.text) + " (" + fmt(k.score, 2) + ")"));
  }
  if ((report.figures || []).length) {
    out.push("", "## Figures", "", "| Figure | Kind | Measures |", "| --- | --- | --- |");
    for (const f of report.figures) out.push("| " + md(f.text) + " | " + f.kind + " | " + md(f.about || "") + " |");
  }
  if ((report.quotes || []).length) {
    out.push("", "## Quotes", "");
    for (const q of report.quotes) out.push("> " + md(q.text) + (q.speaker ? " — " + md(q.speaker) : ""), "");
    out.pop();
  }
  if ((report.categories || []).length) {
    out.push("", "## Categories", "");
    for (const c of report.categories) out.push("- " + md(c.label) + " (" + fmt(c.score, 2) + ")");
  }
  const related = a.related || [];
  if (related.length) {
    out.push("", "## Other headlines", "");
    for (const r of related) {
      const cats = (r.categories || []).map((c) => md(c.label));
      out.push("- " + md(r.text) + (cats.length ? " — " + cats.join(", ") : ""));
    }
  }
  for (const n of report.notices || []) out.push("", "> " + md(n.message));
  const st = report.stats;
  if (st) {
    out.push("", "---", "", st.words + " words, " + st.sentences + " sentences, " + st.paragraphs + " paragraphs, about " + Math.max(1, Math.round(st.readingMinutes)) + " min to read. Analysed with lede.");
  }
  return out.join("\n") + "\n";
}
