// Package quote — PLACEHOLDER, replaced by its issue's work.
package quote

import "github.com/lede-news/lede/internal/doc"

// Annotate annotates d. PLACEHOLDER.
func Annotate(d *doc.Document) {}
