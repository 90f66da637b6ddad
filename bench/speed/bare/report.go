// Package bare is the floor of issue 11's start-up figures: the smallest Go
// WebAssembly programs that meet lede's JavaScript boundaries, with none of
// lede's code behind them.
//
//   - bench/speed/bare/engine stands in for wasm/lede (the page's, the
//     widget's and Node's engine): it registers ledeAnalyze(input, options)
//     and blocks;
//   - bench/speed/bare/worker stands in for wasm/worker (the Cloudflare
//     Worker): it registers ledeWorker {serve, maxBody, instance} for the
//     same worker.mjs glue and answers POST /analyze and GET /healthz.
//
// Both answer every analysis with Report: a report with the fields of a real
// one and nothing found, so that lede.mjs, the page (which draws its "No
// names found." state) and the benchmarks' checks take it as they take
// lede's. What a bare build costs on a path (bench/speed/baredist.sh builds
// one; ./build.sh bench speed measures it beside lede) is then what Go's
// wasm port, V8 and the glue cost before lede's own code adds anything:
// docs/speed-log.md, "The floor: a bare Go wasm, fourteenth round".
//
// Only syscall/js and this package are linked: no fmt, strconv or
// encoding/json, which would make the floor heavier than Go's own.
package bare

// Report appends to dst the JSON report of an analysis that found nothing in
// input: input as its text (escaped, so that the string crossed into Go and
// back costs what it costs lede), every list empty, the stats zero and the
// language undetermined. Its fields are the engine's (report_test.go checks
// them against engine.AnalyzeJSON), offsets "utf16", the engine's default.
func Report(dst []byte, input string) []byte {
	dst = append(dst, `{"text":"`...)
	dst = appendEscaped(dst, input)
	return append(dst, `","article":{"title":null,"byline":null,"published":null,"body":"","paragraphs":[],"sentences":[],"related":[],"boilerplate":[]},`+
		`"keyphrases":[],"entities":[],"figures":[],"quotes":[],"categories":[],"summary":[],"digest":null,`+
		`"stats":{"characters":0,"words":0,"sentences":0,"paragraphs":0,"readingMinutes":0,"language":"und","languageConfidence":0,"paragraphLanguages":[],"supported":true},`+
		`"notices":[],"offsets":"utf16"}`...)
}

// appendEscaped appends s as the inside of a JSON string. A string from
// JavaScript reaches Go as valid UTF-8 (syscall/js encodes lone surrogates
// as U+FFFD), so only the quote, the backslash and control characters need
// escaping.
func appendEscaped(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	return append(dst, s[start:]...)
}
