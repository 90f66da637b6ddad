// Package entity — PLACEHOLDER, replaced by its issue's work.
package entity

import "github.com/lede-news/lede/internal/doc"

// Annotate annotates d. PLACEHOLDER.
func Annotate(d *doc.Document) {}
