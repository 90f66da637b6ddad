// Package figure — PLACEHOLDER, replaced by its issue's work.
package figure

import "github.com/lede-news/lede/internal/doc"

// Annotate annotates d. PLACEHOLDER.
func Annotate(d *doc.Document) {}
