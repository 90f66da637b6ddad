// onefile.mjs exists only inside dist/lede.html, the one-file build: it tells
// lede.mjs to start the worker from the source embedded in the page and to
// take the engine from the page too (gzipped, base64), decompressed by the
// browser's DecompressionStream. Nothing is fetched, so it works from file://.
configure({
  worker: () => {
    const src = document.getElementById("lede-worker-src").textContent;
    return new Worker(URL.createObjectURL(new Blob([src], { type: "text/javascript" })));
  },
  wasm: async () => {
    const el = document.getElementById("lede-wasm");
    const bin = atob(el.textContent.trim());
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer();
  },
});
