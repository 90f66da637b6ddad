// Package digest — PLACEHOLDER, replaced by its issue's work.
package digest

import "github.com/lede-news/lede/internal/doc"

// Annotate annotates d. PLACEHOLDER.
func Annotate(d *doc.Document) {}
