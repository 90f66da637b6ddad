package doclinks

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

var (
	linkRE   = regexp.MustCompile(`\]\(([^()\s]+)\)`)
	schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)
	headRE   = regexp.MustCompile(`^#{1,6} `)
)

// slug is GitHub's anchor for a heading line: the text lower-cased, code marks dropped, every
// character but letters, digits, '_', '-' and spaces removed, spaces made '-'.
func slug(heading string) string {
	t := strings.TrimSpace(strings.TrimLeft(heading, "#"))
	var b strings.Builder
	for _, r := range strings.ToLower(t) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestSlug(t *testing.T) {
	for _, c := range []struct{ heading, want string }{
		{"## Keyphrases (`./build.sh bench keyphrases`)", "keyphrases-buildsh-bench-keyphrases"},
		{"### Taggers' fixed rows (issue 11, fourth round)", "taggers-fixed-rows-issue-11-fourth-round"},
		{"### Profile-guided optimisation (issue 11): tried, not kept", "profile-guided-optimisation-issue-11-tried-not-kept"},
		{"#### The second half (`modern2.json`, q12a, 2026-12-06)", "the-second-half-modern2json-q12a-2026-12-06"},
		{"## Summary: the current figures", "summary-the-current-figures"},
		{"# Été → déjà", "été--déjà"},
	} {
		if got := slug(c.heading); got != c.want {
			t.Errorf("slug(%q) = %q, want %q", c.heading, got, c.want)
		}
	}
}

// stripCode blanks fenced blocks, where a "#" line is not a heading and a "[x](y)" is not a
// link, and, with spans set, inline code spans too (a heading keeps its code: GitHub's anchor
// reads the code's text).
func stripCode(text string, spans bool) []string {
	var out []string
	fenced := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			out = append(out, "")
			continue
		}
		if fenced {
			out = append(out, "")
			continue
		}
		if !spans {
			out = append(out, line)
			continue
		}
		parts := strings.Split(line, "`")
		for i := 1; i < len(parts); i += 2 {
			if i < len(parts)-1 { // an unclosed mark is literal
				parts[i] = ""
			}
		}
		out = append(out, strings.Join(parts, "`"))
	}
	return out
}

// anchors returns the anchors of a Markdown file's headings, numbered as GitHub numbers
// repeats (name, name-1, name-2 …).
func anchors(lines []string) map[string]bool {
	seen := map[string]int{}
	out := map[string]bool{}
	for _, l := range lines {
		if !headRE.MatchString(l) {
			continue
		}
		s := slug(l)
		if n := seen[s]; n > 0 {
			out[s+"-"+itoa(n)] = true
		} else {
			out[s] = true
		}
		seen[s]++
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	return string(d)
}

// markdown lists the repository's Markdown files, leaving out what is not the project's own:
// dependencies, build output and hidden folders.
func markdown(t *testing.T, root string) []string {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if p != root && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "dist" || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walking %s: %v", root, err)
	}
	return files
}

func TestRelativeLinksResolve(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("%s is not the module root (no go.mod): run the test from internal/doclinks", root)
	}
	files := markdown(t, root)
	if len(files) < 10 {
		t.Fatalf("found %d Markdown files under %s; expected the repository's docs", len(files), root)
	}
	cache := map[string]map[string]bool{}
	headings := func(p string) map[string]bool {
		if a, ok := cache[p]; ok {
			return a
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		cache[p] = anchors(stripCode(string(b), false))
		return cache[p]
	}
	links := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, f)
		for i, line := range stripCode(string(b), true) {
			for _, m := range linkRE.FindAllStringSubmatch(line, -1) {
				target := m[1]
				if schemeRE.MatchString(target) {
					continue
				}
				links++
				path, frag, _ := strings.Cut(target, "#")
				dest := f
				if path != "" {
					dest = filepath.Join(filepath.Dir(f), filepath.FromSlash(path))
				}
				if _, err := os.Stat(dest); err != nil {
					t.Errorf("%s:%d: link %q: no file %s; fix the path or restore the file", rel, i+1, target, dest)
					continue
				}
				if frag != "" && strings.HasSuffix(dest, ".md") && !headings(dest)[frag] {
					t.Errorf("%s:%d: link %q: no heading with anchor #%s in %s; point it at the heading's new anchor", rel, i+1, target, frag, filepath.Base(dest))
				}
			}
		}
	}
	if links == 0 {
		t.Fatal("no relative links found: the link pattern no longer matches the docs")
	}
}
