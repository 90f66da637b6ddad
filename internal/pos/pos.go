// Package pos — PLACEHOLDER, replaced by its issue's work.
package pos

import "github.com/lede-news/lede/internal/doc"

// Tag annotates d. PLACEHOLDER.
func Tag(d *doc.Document) {}
