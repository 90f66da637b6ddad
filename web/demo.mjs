// demo.mjs is the host page's own script on the widget demo (demo.html), a
// file of its own so that the demo runs under the site's Content-Security-Policy,
// which allows no inline script.
// The host page hears each result as a lede:result event.
document.addEventListener("lede:result", (e) => {
  const who = e.target.id || "widget";
  document.getElementById("saw").textContent = "The host page received a lede:result event from #" + who + " with " + e.detail.entities.length + " names and " + e.detail.keyphrases.length + " key phrases.";
});
