// example.mjs is the article behind "Try an example": written for lede (the
// people and companies are invented; the places are real), so it is free to
// use under the project's licence. It has what lede looks for: names that
// recur in shorter forms, money, percentages, counts, quotes with speakers,
// and a trailing list of other headlines.
export const exampleArticle = `Harbour Wind wins $2.4 billion contract for North Sea turbines off Aberdeen

By Fiona Mackay

Danish energy company Harbour Wind has won a $2.4 billion contract to build 120 offshore turbines east of Aberdeen, the largest renewable energy order in Scotland this year. Chief executive Anders Holm said the project would supply about 900,000 homes once it is complete in 2029.

The deal was signed in Edinburgh on Tuesday with Caledonian Power, the utility that will buy the electricity for 25 years. Shares in Harbour Wind rose 6.5% in Copenhagen after the announcement, while Caledonian Power gained 2.1% in London. Holm told reporters the company had “never been busier” and expected to hire 1,800 workers in Scotland, most of them at the port of Aberdeen.

The contract comes as electricity prices in the United Kingdom remain 40% above their level of five years ago. Energy minister Priya Sandhu called the agreement “a turning point for Scottish industry” and said the government would spend £300 million on new grid connections to carry the power south to England.

Not everyone welcomed the news. The Scottish Fishermen's Federation warned that the turbines would close about 15% of the grounds its members use for haddock and cod. “We were told about this at the last minute,” said Ewan Baird, who skippers a trawler out of Peterhead. Harbour Wind said it would pay £12 million into a fund for fishing communities.

Analysts at Nordbank expect the project to return about 7% a year. Holm said the first turbines would arrive by ship from Esbjerg in Denmark in the spring of 2027, and that Harbour Wind was already talking to Norway about a second site.


Scottish Ferry Operator Orders Four Electric Ships
Bank of England Holds Interest Rates Ahead of Budget
Copenhagen Tops European Cycling Index for Fifth Year
Oil Prices Slip as OPEC Weighs Output Increase
Edinburgh Festival Ticket Sales Hit Record High
Norway Approves Arctic Drilling Despite Climate Protests
UK Inflation Falls to 2.8% as Food Costs Ease
Aberdeen University Opens Hydrogen Research Centre
`;
