// sw.js makes the page work offline. lede-dist fills in VERSION (a hash of
// every precached file) and PRECACHE (the app shell, the engine and its
// runtime). Installing caches the new version; activating deletes every
// other lede cache, so an update replaces the old files instead of piling up.
const VERSION = "__LEDE_VERSION__";
const PRECACHE = ["__LEDE_PRECACHE__"];
const CACHE = "lede-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((p) => new Request(p, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("lede-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Cache first for the precached files (they change only with VERSION);
// everything else, such as the widget demo, goes to the network.
self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  const key = req.mode === "navigate" && new URL(req.url).pathname === new URL("./", self.location).pathname ? "./" : req;
  // Only read the cache if it still exists: an older worker finishing a
  // request after a newer version deleted its cache must not re-create it.
  event.respondWith(
    caches.has(CACHE)
      .then((has) => (has ? caches.open(CACHE).then((c) => c.match(key, { ignoreSearch: true })) : undefined))
      .then((hit) => hit || fetch(req)),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "version") event.source.postMessage({ type: "lede-version", version: VERSION });
});
