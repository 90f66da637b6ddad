package engine

import (
	"strings"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/entity"
	"github.com/lede-news/lede/internal/pos"
	"github.com/lede-news/lede/internal/segment"
)

// Stage builds the document of a keyphrase benchmark's file, whose first
// line is the title and the rest the body, and runs the passes the
// keyphrases depend on, skipping article extraction: the "stage" rows of
// bench/keyphrases and the ranker's trainer (cmd/train-keyphrases) score the
// keyphrase pass alone this way. With paras, a body whose lines are indented
// (the AP and WSJ files: one paragraph a line) gets one block per line;
// other bodies (hard-wrapped FT, LA, SJMN text) stay one block, which
// segmentation splits into sentences.
func Stage(text string, paras bool) *doc.Document {
	d := &doc.Document{Text: text}
	nl := strings.IndexByte(text, '\n')
	if nl < 0 {
		nl = len(text)
	}
	d.Title = strings.TrimSpace(text[:nl])
	d.Blocks = append(d.Blocks, doc.Block{Span: doc.Span{Start: 0, End: nl}, Role: doc.Title})
	if nl < len(text) {
		if paras && indented(text[nl+1:]) {
			start := nl + 1
			for _, line := range strings.SplitAfter(text[nl+1:], "\n") {
				if t := strings.TrimSpace(line); t != "" {
					off := start + strings.Index(line, t)
					d.Blocks = append(d.Blocks, doc.Block{Span: doc.Span{Start: off, End: off + len(t)}, Role: doc.Body})
				}
				start += len(line)
			}
		} else {
			d.Blocks = append(d.Blocks, doc.Block{Span: doc.Span{Start: nl + 1, End: len(text)}, Role: doc.Body})
		}
	}
	segment.Segment(d)
	pos.Tag(d)
	entity.Annotate(d)
	return d
}

// indented reports whether most non-empty lines start with white space.
func indented(body string) bool {
	n, in := 0, 0
	for _, line := range strings.Split(body, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		n++
		if line[0] == ' ' || line[0] == '\t' {
			in++
		}
	}
	return n > 0 && in*10 >= n*8
}
