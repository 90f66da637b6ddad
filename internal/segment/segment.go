// Package segment splits the blocks of a Document into sentences and tokens.
package segment

import "github.com/lede-news/lede/internal/doc"

// Segment fills d.Sentences and d.Tokens for every block that is not boilerplate.
// PLACEHOLDER: replaced by issue 3 work.
func Segment(d *doc.Document) {}
