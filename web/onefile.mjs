// onefile.mjs exists only inside dist/lede.html, the one-file build: it tells
// lede.mjs to start the worker from the source embedded in the page and to
// take the engine from the page too (gzipped, base64). The worker decodes it
// and compiles it as the browser's DecompressionStream inflates it, so the
// page's main thread only reads the text. Nothing is fetched, so it works
// from file://.
configure({
  worker: () => {
    const src = document.getElementById("lede-worker-src").textContent;
    return new Worker(URL.createObjectURL(new Blob([src], { type: "text/javascript" })));
  },
  wasm: async () => ({ gzipBase64: document.getElementById("lede-wasm").textContent.trim() }),
});
