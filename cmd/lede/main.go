// Command lede analyses news articles from the command line and serves the
// page and the HTTP API.
//
//	lede analyze [--input auto|text|html] [--offsets utf16|utf8|codepoint] [FILE|-]
//	lede analyze --jsonl [flags] < in.jsonl
//	lede serve [--addr 127.0.0.1:8080] [--dir dist] [--max-analyses N]
//
// Errors print one line on stderr and exit with status 1.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/lede-news/lede/internal/engine"
)

const usage = `lede — a news-article analyzer

usage:
  lede analyze [flags] [FILE|-]        one input (file or stdin) -> one JSON report on stdout
  lede analyze --jsonl [flags] < in.jsonl
                                       lines {"id":..,"text"|"html":".."} -> one report per line
  lede serve [--addr 127.0.0.1:8080] [--dir dist] [--max-analyses N]
                                       serves the page in DIR and the HTTP API (POST /analyze);
                                       N analyses at once (default 2 per CPU), 503 past that

analyze flags:
  --input auto|text|html               input kind (default: detected)
  --offsets utf16|utf8|codepoint       unit of every start/end (default utf16, as JavaScript)
  --jsonl                              many inputs, one JSON object a line
`

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "lede:", err)
		os.Exit(1)
	}
}

func run(args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New("no command given; try 'lede analyze FILE' or 'lede help'")
	}
	switch args[0] {
	case "analyze":
		return analyze(args[1:], stdin, stdout)
	case "serve":
		return serve(args[1:])
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return fmt.Errorf("unknown command %q; the commands are analyze and serve ('lede help')", args[0])
}

func analyze(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var opt engine.Options
	fs.StringVar(&opt.Input, "input", "auto", "")
	fs.StringVar(&opt.Offsets, "offsets", "utf16", "")
	jsonl := fs.Bool("jsonl", false, "")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%v ('lede help' lists the flags)", err)
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	if *jsonl {
		if fs.NArg() > 0 {
			return errors.New("--jsonl reads standard input; give no file")
		}
		return analyzeLines(stdin, out, opt)
	}
	var in io.Reader = stdin
	switch fs.NArg() {
	case 0:
	case 1:
		if name := fs.Arg(0); name != "-" {
			f, err := os.Open(name)
			if err != nil {
				return fmt.Errorf("cannot read the input: %v", err)
			}
			defer f.Close()
			in = f
		}
	default:
		return errors.New("analyze takes one FILE (or - for standard input); use --jsonl for many")
	}
	data, err := io.ReadAll(io.LimitReader(in, engine.MaxInputBytes+1))
	if err != nil {
		return fmt.Errorf("cannot read the input: %v", err)
	}
	if len(data) > engine.MaxInputBytes {
		// Only the limit and one byte were read: say "over", not a size.
		return fmt.Errorf("the input is over %d MB; lede analyses up to %d MB at a time: give it one article or page", engine.MaxInputBytes>>20, engine.MaxInputBytes>>20)
	}
	r, err := engine.Analyze(string(data), opt)
	if err != nil {
		return err
	}
	b, err := engine.Marshal(r)
	if err != nil {
		return err
	}
	out.Write(b)
	out.WriteByte('\n')
	return nil
}

// analyzeLines handles --jsonl: a bad line yields {"id":..,"error":".."} and
// the run goes on.
func analyzeLines(stdin io.Reader, out *bufio.Writer, opt engine.Options) error {
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 1<<20), engine.MaxInputBytes*2)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		out.Write(analyzeLine(line, n, opt))
		out.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading --jsonl input: %v (lines may be up to %d MB)", err, engine.MaxInputBytes>>19)
	}
	return nil
}

func analyzeLine(line string, n int, opt engine.Options) []byte {
	var req struct {
		ID   any     `json:"id"`
		Text *string `json:"text"`
		HTML *string `json:"html"`
	}
	fail := func(msg string) []byte {
		b, _ := json.Marshal(struct {
			ID    any    `json:"id"`
			Error string `json:"error"`
		}{req.ID, msg})
		return b
	}
	if err := json.Unmarshal([]byte(line), &req); err != nil {
		return fail(fmt.Sprintf("line %d is not a JSON object {\"id\":..,\"text\":\"..\"}: %v", n, err))
	}
	o := opt
	var input string
	switch {
	case req.Text != nil:
		input = *req.Text
		if o.Input == "auto" || o.Input == "" {
			o.Input = "text"
		}
	case req.HTML != nil:
		input, o.Input = *req.HTML, "html"
	default:
		return fail(fmt.Sprintf("line %d has neither \"text\" nor \"html\"", n))
	}
	r, err := engine.Analyze(input, o)
	if err != nil {
		return fail(err.Error())
	}
	r.ID = req.ID
	b, err := engine.Marshal(r)
	if err != nil {
		return fail(err.Error())
	}
	return b
}
