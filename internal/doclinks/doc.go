// Package doclinks holds no code: its test checks that every relative link in the
// repository's Markdown files resolves — the file exists and, for a link with a #fragment into
// a Markdown file, a heading of that file has that anchor as GitHub renders it. docs/ is read
// by newcomers through these links, and the figures in docs/benchmarks.md and
// docs/speed-log.md are cited from the other pages by anchor; a heading renamed or a section
// moved without its references would otherwise break silently.
package doclinks
