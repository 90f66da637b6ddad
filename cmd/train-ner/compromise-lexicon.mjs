// compromise-lexicon.mjs prints the names in the lexicon of the npm package
// compromise (MIT licence; the version pinned in package-lock.json), one
// "TYPE<TAB>name" a line, sorted, for cmd/train-ner's gazetteer:
// PER-PART for first and last names, PER, LOC, ORG and MISC for whole names.
import nlp from 'compromise';

const lex = nlp.model().one.lexicon;
const map = [
  ['FemaleName', 'PER-PART'], ['MaleName', 'PER-PART'], ['FirstName', 'PER-PART'], ['LastName', 'PER-PART'],
  ['Person', 'PER'], ['City', 'LOC'], ['Country', 'LOC'], ['Region', 'LOC'], ['Place', 'LOC'],
  ['Organization', 'ORG'], ['SportsTeam', 'ORG'], ['Demonym', 'MISC'],
];
const out = [];
for (const [word, tags] of Object.entries(lex)) {
  const ts = [].concat(tags);
  for (const [tag, type] of map) {
    if (ts.includes(tag)) { out.push(`${type}\t${word}`); break; }
  }
}
out.sort();
process.stdout.write(out.join('\n') + '\n');
