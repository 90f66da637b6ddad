// args.mjs: the command line the side-by-side speed scripts share
// (page.mjs, workerd.mjs): [-n N] [--rows-only] LABEL=DIST... — each LABEL=DIST
// a build directory made by `go run ./cmd/lede-dist -out DIST`; none means
// this checkout's dist/.
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

// parseBuilds reads argv; n is the default run count, script the name for
// the usage line. A malformed argument prints the usage and exits 2.
export function parseBuilds(argv, n, script) {
  const out = { n, rowsOnly: false, builds: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "-n") out.n = Number(argv[++i]);
    else if (argv[i] === "--rows-only") out.rowsOnly = true;
    else if (argv[i].includes("=")) {
      const at = argv[i].indexOf("=");
      out.builds.push({ label: argv[i].slice(0, at), dir: path.resolve(argv[i].slice(at + 1)) });
    } else {
      console.error(`usage: node bench/speed/${script} [-n N] [--rows-only] LABEL=DIST...`);
      process.exit(2);
    }
  }
  if (!out.builds.length) out.builds.push({ label: "this build", dir: path.join(root, "dist") });
  return out;
}
