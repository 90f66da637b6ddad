// chromium.mjs: what the page benchmarks (page.mjs, pagetimeline.mjs) share
// about the Chromium they drive — its CPU time, read from /proc, and
// settle(), which waits for a new window to go quiet before the page is
// opened in it.
import fs from "node:fs";

const TICK = 100; // Linux USER_HZ

// cpuTicks maps each descendant of pid (for these scripts: Chromium's browser,
// renderer, GPU and utility processes) to its user + system CPU ticks.
export function cpuTicks(pid) {
  const kids = new Map();
  const ticks = new Map();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const f = st.slice(st.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(f[1]);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(d));
      ticks.set(Number(d), Number(f[11]) + Number(f[12]));
    } catch { /* gone */ }
  }
  const out = new Map();
  const walk = (p) => { out.set(p, ticks.get(p) || 0); for (const k of kids.get(p) || []) walk(k); };
  for (const k of kids.get(pid) || []) walk(k);
  return out;
}

// cpuSince is the CPU time, in ms, the processes used since the snapshot
// `before`: a process that started since counts whole, one that ended since
// drops out (its last moments are lost, so this errs low, never negative).
export function cpuSince(pid, before) {
  let sum = 0;
  for (const [p, t] of cpuTicks(pid)) sum += Math.max(0, t - (before.get(p) || 0));
  return (sum * 1000) / TICK;
}

// settle waits until Chromium (the processes below pid) has used under 20 ms
// of CPU in each of three 200 ms windows in a row, or maxMs has passed, and
// resolves to the ms waited. Why: since Chromium 15x (Debian's 156 here)
// every new window — each fresh context the benchmarks open — starts a
// "WebUI Top Renderer" that loads the omnibox popup
// (chrome://omnibox-popup.top-chrome: 150–200 scripts, 0.7–1.3 s of CPU over
// 1–4 s). Opening the page at once made that browser work run during the
// page's start on the same two cores, and counted it in the page's CPU. A
// reader's window is open long before they open lede; the page's cost is
// what follows. LEDE_SETTLE=0 skips the wait (the figures before the
// thirteenth round).
export async function settle(pid, maxMs = 8000) {
  if (process.env.LEDE_SETTLE === "0") return 0;
  const t0 = Date.now();
  let quiet = 0;
  let snap = cpuTicks(pid);
  while (quiet < 3 && Date.now() - t0 < maxMs) {
    await new Promise((r) => setTimeout(r, 200));
    const used = cpuSince(pid, snap);
    snap = cpuTicks(pid);
    quiet = used < 20 ? quiet + 1 : 0;
  }
  return Date.now() - t0;
}

// inject is the script page.mjs's siblings add to each new page (it runs in
// the page, before its own scripts): it marks the page's progress in
// globalThis.__tl — the Web Worker made and its messages, DOMContentLoaded,
// #results shown and the next frame, the resource and paint timings — and
// pastes text and clicks Analyse at DOMContentLoaded, as a reader who pastes
// at once would. __tl.done is set once the marks are in.
export function inject(text) {
  const T = (globalThis.__tl = {});
  const mark = (k) => { if (!(k in T)) T[k] = performance.now(); };
  const W = globalThis.Worker;
  globalThis.Worker = class extends W {
    constructor(...a) {
      mark("worker-new");
      super(...a);
      this.addEventListener("message", (e) => { if (e.data && e.data.type) mark("msg-" + e.data.type); });
    }
    postMessage(m, ...r) {
      if (m && m.type) mark("post-" + m.type);
      return super.postMessage(m, ...r);
    }
  };
  document.addEventListener("DOMContentLoaded", () => {
    mark("dcl");
    const results = document.getElementById("results");
    new MutationObserver((_, obs) => {
      if (results.hidden) return;
      obs.disconnect();
      mark("shown");
      requestAnimationFrame(() => {
        mark("frame");
        for (const e of performance.getEntriesByType("resource")) {
          const f = e.name.split("/").pop();
          T["req-" + f] = e.startTime;
          T["got-" + f] = e.responseEnd;
        }
        for (const e of performance.getEntriesByType("paint")) T[e.name] = e.startTime;
        T.done = true;
      });
    }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ["hidden"] });
    document.getElementById("input").value = text;
    document.getElementById("analyze").click();
  });
}
