package figure

import "strings"

// The word lists below are read-only after init. Lookups go through lookup,
// which lower-cases into a stack buffer, so no string is allocated per token.

// currencySymbols maps a currency sign to its ISO 4217 code. "$" alone is
// read as US dollars and "¥" as yen; a letter prefix glued to the sign
// ("A$", "HK$", "C$", "US$") overrides it (see dollarPrefixes).
var currencySymbols = map[string]string{
	"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR", "₽": "RUB",
	"₺": "TRY", "₪": "ILS", "฿": "THB", "₫": "VND", "₱": "PHP", "₦": "NGN", "₴": "UAH",
}

// dollarPrefixes are the letters glued before "$" that name another dollar.
var dollarPrefixes = map[string]string{
	"us": "USD", "u.s.": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "can": "CAD",
	"hk": "HKD", "s": "SGD", "nz": "NZD", "nt": "TWD", "r": "BRL", "mx": "MXN",
}

// currencyCodes are ISO codes (and "Rs") written as words before or after a number.
var currencyCodes = map[string]string{
	"usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "rmb": "CNY", "krw": "KRW",
	"inr": "INR", "rs": "INR", "rs.": "INR", "chf": "CHF", "cad": "CAD", "aud": "AUD", "hkd": "HKD",
	"sgd": "SGD", "rub": "RUB", "brl": "BRL", "mxn": "MXN", "zar": "ZAR", "sek": "SEK", "nok": "NOK",
	"dkk": "DKK", "try": "TRY", "twd": "TWD",
}

// currencyWords follow a number: "350 billion won", "5 cents". factor
// converts to the currency's main unit (cents are hundredths of a dollar).
type currencyWord struct {
	code   string
	factor float64
}

var currencyWords = map[string]currencyWord{
	"dollar": {"USD", 1}, "dollars": {"USD", 1}, "euro": {"EUR", 1}, "euros": {"EUR", 1},
	"yen": {"JPY", 1}, "yuan": {"CNY", 1}, "renminbi": {"CNY", 1}, "won": {"KRW", 1},
	"rupee": {"INR", 1}, "rupees": {"INR", 1}, "peso": {"MXN", 1}, "pesos": {"MXN", 1},
	"ruble": {"RUB", 1}, "rubles": {"RUB", 1}, "rouble": {"RUB", 1}, "roubles": {"RUB", 1},
	"franc": {"CHF", 1}, "francs": {"CHF", 1}, "lira": {"TRY", 1}, "shekel": {"ILS", 1}, "shekels": {"ILS", 1},
	"cent": {"USD", 0.01}, "cents": {"USD", 0.01}, "pence": {"GBP", 0.01}, "penny": {"GBP", 0.01},
	"sterling": {"GBP", 1},
}

// scales multiply the number before them. The one-letter forms ("5m",
// "$2b", "10k") are only read as scales glued to a number in a money
// figure, where "m" cannot be metres.
var scales = map[string]float64{
	"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "lakh": 1e5, "crore": 1e7,
}

var shortScales = map[string]float64{"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12}

// numberWords are spelled-out cardinals.
var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}

// vagueCounts are "hundreds of workers": a quantity with no exact value.
var vagueCounts = map[string]bool{
	"dozens": true, "scores": true, "hundreds": true, "thousands": true, "millions": true,
	"billions": true, "tens": true,
}

var ordinalWords = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
	"eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000, "millionth": 1e6,
}

// timeUnits are durations: "72-year alliance", "in two months". The value
// is the singular unit.
var timeUnits = map[string]string{
	"year": "year", "years": "year", "yr": "year", "yrs": "year", "month": "month", "months": "month",
	"week": "week", "weeks": "week", "day": "day", "days": "day", "hour": "hour", "hours": "hour",
	"minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute", "second": "second",
	"seconds": "second", "decade": "decade", "decades": "decade", "century": "century",
	"centuries": "century", "quarter": "quarter", "quarters": "quarter",
}

// measureUnits are physical units, mapped to a short canonical name.
var measureUnits = map[string]string{
	"km": "km", "kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km",
	"mile": "mile", "miles": "mile", "meter": "m", "meters": "m", "metre": "m", "metres": "m",
	"foot": "ft", "feet": "ft", "ft": "ft", "inch": "inch", "inches": "inch", "cm": "cm", "mm": "mm",
	"kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg", "gram": "g", "grams": "g",
	"pound": "lb", "pounds": "lb", "lb": "lb", "lbs": "lb", "ounce": "oz", "ounces": "oz", "oz": "oz",
	"ton": "ton", "tons": "ton", "tonne": "tonne", "tonnes": "tonne",
	"barrel": "barrel", "barrels": "barrel", "bpd": "barrel/day", "gallon": "gallon", "gallons": "gallon",
	"liter": "l", "liters": "l", "litre": "l", "litres": "l", "acre": "acre", "acres": "acre",
	"hectare": "ha", "hectares": "ha", "mph": "mph", "kph": "km/h", "knots": "knot", "knot": "knot",
	"degree": "degree", "degrees": "degree", "celsius": "°C", "fahrenheit": "°F",
	"mw": "MW", "megawatt": "MW", "megawatts": "MW", "gw": "GW", "gigawatt": "GW", "gigawatts": "GW",
	"kw": "kW", "kilowatt": "kW", "kilowatts": "kW", "kwh": "kWh", "twh": "TWh", "gwh": "GWh",
	"gb": "GB", "tb": "TB", "mb": "MB", "gigabytes": "GB", "terabytes": "TB", "megabytes": "MB",
}

// months maps month names and their abbreviations (with or without the
// period) to 1..12.
var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

// weekdays maps day names to time.Weekday numbers (Sunday = 0).
var weekdays = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// mayBeWeekday is false for a word that is no key of weekdays, told
// without the map probe: every key ends in "day" (TestWordGuards).
func mayBeWeekday(w string) bool {
	n := len(w)
	return n >= 6 && w[n-1]|0x20 == 'y'
}

// mayBeRelativeDay is false for a word that is no key of relativeDays,
// told without the map probe: every key begins with 't' or 'y'
// (TestWordGuards).
func mayBeRelativeDay(w string) bool {
	return w != "" && (w[0]|0x20 == 't' || w[0]|0x20 == 'y')
}

// relativeDays are days named relative to the article's date.
var relativeDays = map[string]int{"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}

// timeZones may follow a clock time and belong to it.
var timeZones = map[string]bool{
	"et": true, "est": true, "edt": true, "ct": true, "cst": true, "cdt": true, "pt": true, "pst": true,
	"pdt": true, "mt": true, "gmt": true, "utc": true, "bst": true, "cet": true, "cest": true, "kst": true,
	"jst": true, "ist": true, "aest": true, "hkt": true, "sgt": true,
}

// stopWords end a noun phrase: determiners, prepositions, conjunctions,
// pronouns, auxiliaries and the like.
var stopWords = set(`a an the this that these those of in on at to for from by with as and or but nor
	than then so if is are was were be been being has have had will would could should may might must
	can do does did not no its it it's their his her our your my me him them us we they he she i you
	which who whom whose what when where while after before since until about over under into onto
	per each more less most least up down out off also only just even still yet all both some any
	such very according between among through during against despite without within amid via
	including compared versus vs around nearly almost roughly some about approximately there here
	how why because though although whether either neither another other others own same every
	again ago back away now currently already usually often never always last next earlier later
	today yesterday tomorrow tonight rather apiece instead alone together outside inside beyond near
	across along toward towards behind above below beneath upon past throughout`)

// lowerStops end a noun phrase only in lower case: "130 miles north of
// Manila" but "North Korea".
var lowerStops = set(`north south east west northeast northwest southeast southwest northward
	southward eastward westward ahead long wide high deep tall away old thick`)

// verbStems are verbs common around figures ("rose to 5%", "spends 2.3%"):
// verbs (words_gen.go) holds them with their inflections, written out by
// TestWordTables, the only reader of this list (a constant, so that the
// start builds nothing from it). Nouns that are also verbs
// ("increase", "cut") are listed: they only stop a phrase where a verb
// can stand, never as the first word after a figure.
const verbStems = `rise fall grow climb jump drop slip slide surge soar plunge tumble sink dip edge
	gain lose decline increase decrease reach hit total amount come stand boost lift raise cut reduce
	lower trim spend pay cost earn make sell buy invest owe borrow lend pledge offer give take receive
	send ship export import produce post report say tell expect plan want seek need demand agree
	propose estimate forecast project account represent kill injure wound arrest detain deploy
	station employ hire fire lay leave affect displace evacuate attend vote approve reject sign
	announce add double triple halve top exceed surpass hold keep remain stay become allocate
	earmark provide contribute collect raise allow consider`

var irregularVerbs = set(`rose risen fell fallen grew grown came stood stands lost sold bought paid
	made gave given took taken sent said told held kept became spent won left laid hit cut set put
	let shut brought built caught dealt drew driven fought found got gotten hung heard led meant met
	ran read saw seen shot stuck struck swept taught thought threw understood wrote written`)

// speechOrModal marks the word before an infinitive: "to raise", "will pay".
var infinitiveMarkers = set(`to will would could should may might must can shall did does do not`)

// functionCaps are capitalised words that may stand right before a number
// without making it part of a name ("In 2026", "About 300 people").
var functionCaps = set(`in on at for about over under nearly some the by to with of and than from
	since until after before around almost roughly only just all another and or but as its their
	his her our up down this that these those more less fewer least most at`)

// yearCues make a four-digit number outside 1900-2100 a year ("in 1776").
var yearCues = set(`in since by until from of before after during circa c. year`)

// futureCues in a sentence make a bare weekday the next such day.
var futureCues = set(`will shall 'll ’ll scheduled expected due upcoming plans planned planning set
	going next later slated`)

// approximators stand between a verb and its figure: "rose by nearly 5%".
var approximators = set(`about nearly almost roughly around some over under only just up down
	approximately more less than at least most as much many worth valued priced estimated an a the
	another additional extra further total`)

// countCues before a bare four-digit number make it a count: "about 2000 troops".
var countCues = set(`about nearly almost roughly around some over under than approximately least
	only just all estimated`)

// set is never inlined: inlined into the twenty package variables that
// call it, its loop made this package's init one large function that V8
// recompiles with its optimising compiler at start-up for a single run
// (docs/web.md, "Where the first result's time goes").
//
//go:noinline
func set(words string) map[string]bool {
	fs := strings.Fields(words)
	m := make(map[string]bool, len(fs)) // sized once: no growth, no rehash
	for _, w := range fs {
		m[w] = true
	}
	return m
}

// verbs are the verb forms a figure's clause is read by (verbStems with
// their regular inflections, and irregularVerbs), and startWords the words
// a figure can start with (the keys of the lists match consults, so that
// any other word costs one lookup): both are map literals in
// words_gen.go, and startFilter is laid out there too, so that the start
// iterates no map and builds no string for them (docs/speed-log.md,
// "Package inits and the start, fourteenth round"). TestWordTables checks
// them against the lists they come from; go test ./internal/figure -run
// TestWordTables -update rewrites the file.

// startFilter (words_gen.go) has, for every start word, bit
// letterIndex(last byte) of [length][letterIndex(first byte)] set: a word
// whose bit is clear is no start word, known without the map probe, which
// in wasm hashes the word with the slow portable hash. It lets through
// about one word in ten.

// letterIndex is 0–25 for a letter of either case, 26 for any other byte.
func letterIndex(c byte) int {
	if c |= 0x20; 'a' <= c && c <= 'z' {
		return int(c - 'a')
	}
	return 26
}

// isStartWord is in(startWords, w), most words answered by startFilter.
func isStartWord(w string) bool {
	return mayStart(w) && in(startWords, w)
}

// mayStart reports whether startFilter lets w through to the map: false
// only for a word that is no start word.
func mayStart(w string) bool {
	n := len(w)
	return n == 0 || n >= len(startFilter) || startFilter[n][letterIndex(w[0])]&(1<<letterIndex(w[n-1])) != 0
}

// lower writes the ASCII-lower-cased s into buf and returns it; words
// longer than buf are returned as-is (they match no list).
func lower(buf []byte, s string) []byte {
	if len(s) > len(buf) {
		return nil
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(s)]
}

// in reports whether the lower-cased s is in m, without allocating.
func in(m map[string]bool, s string) bool {
	var buf [24]byte
	b := lower(buf[:], s)
	return b != nil && m[string(b)]
}

func lookupF(m map[string]float64, s string) (float64, bool) {
	var buf [24]byte
	b := lower(buf[:], s)
	if b == nil {
		return 0, false
	}
	v, ok := m[string(b)]
	return v, ok
}

func lookupS(m map[string]string, s string) (string, bool) {
	var buf [24]byte
	b := lower(buf[:], s)
	if b == nil {
		return "", false
	}
	v, ok := m[string(b)]
	return v, ok
}

func lookupI(m map[string]int, s string) (int, bool) {
	var buf [24]byte
	b := lower(buf[:], s)
	if b == nil {
		return 0, false
	}
	v, ok := m[string(b)]
	return v, ok
}
