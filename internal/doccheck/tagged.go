package doccheck

import (
	"strings"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/pos"
	"github.com/lede-news/lede/internal/segment"
)

// Tagged is the document the engine's later passes see for plain text, as
// the fuzz targets of those passes need it: text made valid UTF-8 (as the
// engine does), one block a line (doc.NewText), segmented and tagged.
func Tagged(text string) *doc.Document {
	d := doc.NewText(strings.ToValidUTF8(text, "\uFFFD"))
	segment.Segment(d)
	pos.Tag(d)
	return d
}
