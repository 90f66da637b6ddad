// Package embedlit builds a main package with its //go:embed variables
// turned into string literals, for the page's wasm (cmd/lede-dist).
//
// Why: a //go:embed directive needs `import _ "embed"`, package embed
// imports io/fs, io/fs imports time, and time's package variables call
// internal/godebug, whose init links its GODEBUG parser, internal/bisect and
// the runtime's metrics table. lede reads no GODEBUG setting and no time;
// in wasm those cost about 33 KB of brotli (docs/speed-log.md, "Page
// size, twelfth round", gives the build and the bytes). The same bytes as a
// literal (`var modelData = []byte("...")`) are laid out by the compiler as
// static data, as the embedded file was: nothing is copied at start.
//
// The repository keeps //go:embed (the model files stay the trainers'
// output, byte for byte, and every other build and test reads them as
// before); only the build that asks for it (Overlay, passed to go build as
// -overlay) sees the rewritten files.
package embedlit

import (
	"bytes"
	"errors"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Overlay writes into tmp a rewritten copy of every Go file of the packages
// pkg links (GOOS=js GOARCH=wasm, module in dir) that holds a //go:embed
// variable, and an overlay file mapping each original to its copy, and
// returns the overlay file's path (for go build -overlay) and the files it
// rewrote. A //go:embed it cannot turn into a literal (embed.FS, a pattern
// of more than one file) is an error: the build would keep package embed.
func Overlay(dir, pkg, tmp string) (string, []string, error) {
	cmd := exec.Command("go", "list", "-deps", "-f",
		`{{if .EmbedFiles}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}{{"\n"}}{{end}}{{end}}`, pkg)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return "", nil, errors.New("go list -deps " + pkg + ": " + err.Error())
	}
	var replace bytes.Buffer
	var done []string
	for i, path := range strings.Fields(string(out)) {
		src, err := os.ReadFile(path)
		if err != nil {
			return "", nil, err
		}
		if !bytes.Contains(src, []byte("//go:embed")) {
			continue
		}
		lit, err := Rewrite(path, src)
		if err != nil {
			return "", nil, err
		}
		to := filepath.Join(tmp, strconv.Itoa(i)+"_"+filepath.Base(path))
		if err := os.WriteFile(to, lit, 0o644); err != nil {
			return "", nil, err
		}
		if replace.Len() > 0 {
			replace.WriteByte(',')
		}
		replace.WriteString(strconv.Quote(path) + ":" + strconv.Quote(to))
		done = append(done, path)
	}
	overlay := filepath.Join(tmp, "overlay.json")
	err = os.WriteFile(overlay, []byte(`{"Replace":{`+replace.String()+"}}\n"), 0o644)
	return overlay, done, err
}

// Rewrite returns the Go file at path (its source src) with each variable
// under a //go:embed directive given the named file's bytes as a literal
// (a string or []byte), and the import of package embed dropped.
func Rewrite(path string, src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	directives := map[*ast.Comment]bool{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			doc := v.Doc
			if doc == nil && len(g.Specs) == 1 {
				doc = g.Doc
			}
			if doc == nil {
				continue
			}
			for _, c := range doc.List {
				name, ok := strings.CutPrefix(c.Text, "//go:embed ")
				if !ok {
					continue
				}
				name = strings.TrimSpace(name)
				if len(v.Names) != 1 || len(v.Values) != 0 || strings.ContainsAny(name, " *?[") {
					return nil, errors.New(path + ": //go:embed " + name + ": only a single file into one string or []byte variable becomes a literal")
				}
				data, err := os.ReadFile(filepath.Join(filepath.Dir(path), name))
				if err != nil {
					return nil, err
				}
				lit := &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(string(data))}
				switch t := v.Type.(type) {
				case *ast.Ident:
					if t.Name != "string" {
						return nil, errors.New(path + ": //go:embed " + name + " into a " + t.Name + ": only string and []byte become literals")
					}
					v.Values = []ast.Expr{lit}
				case *ast.ArrayType:
					if el, ok := t.Elt.(*ast.Ident); !ok || t.Len != nil || el.Name != "byte" {
						return nil, errors.New(path + ": //go:embed " + name + ": only string and []byte become literals")
					}
					v.Values = []ast.Expr{&ast.CallExpr{Fun: v.Type, Args: []ast.Expr{lit}}}
				default:
					return nil, errors.New(path + ": //go:embed " + name + ": only string and []byte become literals")
				}
				v.Type = nil
				directives[c] = true
			}
		}
	}
	groups := f.Comments[:0]
	for _, g := range f.Comments {
		kept := g.List[:0]
		for _, c := range g.List {
			if !directives[c] {
				kept = append(kept, c)
			}
		}
		g.List = kept
		if len(kept) > 0 {
			groups = append(groups, g)
		}
	}
	f.Comments = groups
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok {
			if g.Doc != nil && len(g.Doc.List) == 0 {
				g.Doc = nil
			}
			for _, s := range g.Specs {
				if v, ok := s.(*ast.ValueSpec); ok && v.Doc != nil && len(v.Doc.List) == 0 {
					v.Doc = nil
				}
			}
		}
	}
	imports := f.Imports[:0]
	for _, im := range f.Imports {
		if im.Path.Value != `"embed"` {
			imports = append(imports, im)
			continue
		}
		if im.Name == nil || im.Name.Name != "_" {
			return nil, errors.New(path + `: imports "embed" by name (embed.FS?): only a blank import can go`)
		}
	}
	f.Imports = imports
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			specs := g.Specs[:0]
			for _, s := range g.Specs {
				if s.(*ast.ImportSpec).Path.Value != `"embed"` {
					specs = append(specs, s)
				}
			}
			g.Specs = specs
		}
	}
	var out bytes.Buffer
	if err := format.Node(&out, fset, f); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
