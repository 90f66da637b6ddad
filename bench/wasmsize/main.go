// Command wasmsize prints what each Go package costs in the page's engine
// (wasm/lede compiled with GOOS=js GOARCH=wasm, or another main package: -pkg), raw and after brotli.
//
//	go run ./bench/wasmsize                    # build ./wasm/lede here (models as literals, as cmd/lede-dist does since internal/embedlit) and measure it
//	go run ./bench/wasmsize -dir ../base       # the same for another checkout
//	go run ./bench/wasmsize -pkg ./wasm/worker # the Cloudflare worker instead of the page's engine
//	go run ./bench/wasmsize -wasm x.wasm       # an existing build (not stripped with -s)
//	go run ./bench/wasmsize -parts             # only code, each model, other data (faster)
//	go run ./bench/wasmsize -tierup trace.txt  # V8's TurboFan compiles, by function (below)
//
// `go tool nm` does not read wasm, so the tool reads the module itself: the
// name section names every function, the code section gives its body. A
// package's code is the concatenation of its functions' bodies; its brotli
// figure is that concatenation compressed alone (so the column sums to more
// than the whole, which compresses across packages). The data section is
// split into the embedded files (found by their bytes in the memory image the
// segments lay out, since the linker drops runs of zeros) and the rest
// (type descriptors, the pc-line tables, string constants).
//
// -tierup reads the output of `node --trace-wasm-compilation-times` run on
// the same code (the dist's stripped build keeps the function indices) and
// lists the functions V8 re-compiled with TurboFan, by compile time, named.
//
// Brotli is Node's zlib (quality 11, the default), the same as the build's
// size checks; node must be on PATH.
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/lede-news/lede/internal/embedlit"
)

func main() {
	dir := flag.String("dir", ".", "the module to build the package from")
	pkg := flag.String("pkg", "./wasm/lede", "the main package to build and measure (with -wasm: the package that file was built from, whose dependencies name the functions)")
	wasmFile := flag.String("wasm", "", "measure this wasm file instead of building one (it must keep its name section: no -ldflags=-s)")
	minBr := flag.Int("min", 1024, "packages under this many brotli bytes are summed into one row")
	parts := flag.Bool("parts", false, "print only the module's parts (code, each model, other data), not each package")
	tierup := flag.String("tierup", "", "print the TurboFan compiles of this `node --trace-wasm-compilation-times` output, by function, instead of sizes")
	top := flag.Int("top", 30, "with -tierup, how many functions to list")
	flag.Parse()
	if err := run(*dir, *pkg, *wasmFile, *minBr, *parts, *tierup, *top); err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
}

type group struct {
	name  string
	funcs int
	raw   int
	br    int
	data  []byte
}

func run(dir, pkg, wasmFile string, minBr int, parts bool, tierup string, top int) error {
	tmp, err := os.MkdirTemp("", "wasmsize")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if wasmFile == "" {
		wasmFile = filepath.Join(tmp, "lede.wasm")
		args := []string{"build", "-trimpath"}
		if _, err := os.Stat(filepath.Join(dir, "internal", "embedlit")); err == nil && pkg == "./wasm/lede" {
			// as that checkout's cmd/lede-dist builds it: the //go:embed
			// models as literals (a checkout from before embedlit embeds them)
			overlay, _, err := embedlit.Overlay(dir, pkg, tmp)
			if err != nil {
				return err
			}
			args = append(args, "-overlay", overlay)
		}
		cmd := exec.Command("go", append(args, "-o", wasmFile, pkg)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build %s in %s: %v", pkg, dir, err)
		}
	}
	b, err := os.ReadFile(wasmFile)
	if err != nil {
		return err
	}
	m, err := parse(b)
	if err != nil {
		return err
	}
	if tierup != "" {
		f, err := os.Open(tierup)
		if err != nil {
			return err
		}
		defer f.Close()
		cs, err := readTierUp(f)
		if err != nil {
			return err
		}
		printTierUp(os.Stdout, m, cs, top)
		return nil
	}
	pkgs := linkedPackages(dir, pkg)
	groups := map[string]*group{}
	for i, body := range m.bodies {
		name := m.names[m.imported+i]
		p := pkgOf(name, pkgs)
		g := groups[p]
		if g == nil {
			g = &group{name: p}
			groups[p] = g
		}
		g.funcs++
		g.raw += len(body)
		g.data = append(g.data, body...)
	}
	// The linker leaves runs of zeros out of the data segments, so an
	// embedded file is looked for in the memory image the segments lay
	// out (gaps filled with zeros), not in their concatenation.
	img, inSeg := m.image()
	var models []*group
	for _, f := range embeddedFiles(dir, pkg) {
		c, err := os.ReadFile(f)
		if err != nil || len(c) < 256 { // shorter ones could match by chance
			continue
		}
		i := bytes.Index(img, c)
		if i < 0 {
			continue
		}
		abs, _ := filepath.Abs(dir)
		rel, _ := filepath.Rel(abs, f)
		models = append(models, &group{name: rel, raw: len(c), data: c})
		for j := i; j < i+len(c); j++ {
			inSeg[j] = false
		}
	}
	var rest []byte
	for i, in := range inSeg {
		if in {
			rest = append(rest, img[i])
		}
	}
	other := &group{name: "other data (types, pc-line tables, strings)", raw: len(rest), data: rest}

	var list []*group
	if !parts {
		for _, g := range groups {
			list = append(list, g)
		}
	}
	all := append(append(append([]*group{}, list...), models...), other)
	blobs := make([][]byte, 0, len(all)+2)
	for _, g := range all {
		blobs = append(blobs, g.data)
	}
	blobs = append(blobs, m.code, b)
	sizes, err := brotli(tmp, blobs)
	if err != nil {
		return err
	}
	for i, g := range all {
		g.br = sizes[i]
	}
	codeBr, totalBr := sizes[len(all)], sizes[len(all)+1]

	sort.Slice(list, func(i, j int) bool { return list[i].br > list[j].br })
	if parts {
		fmt.Println("| part | raw | brotli (alone) |")
		fmt.Println("| --- | ---: | ---: |")
		fmt.Printf("| whole module | %s | %s |\n", kb(len(b)), kb(totalBr))
		fmt.Printf("| code section | %s | %s |\n", kb(len(m.code)), kb(codeBr))
		for _, g := range append(models, other) {
			fmt.Printf("| %s | %s | %s |\n", g.name, kb(g.raw), kb(g.br))
		}
		return nil
	}
	fmt.Printf("whole module: %s raw, %s brotli; code section %s raw, %s brotli; data %s raw\n\n",
		kb(len(b)), kb(totalBr), kb(len(m.code)), kb(codeBr), kb(m.dataLen()))
	fmt.Println("| package | functions | code raw | code brotli (alone) |")
	fmt.Println("| --- | ---: | ---: | ---: |")
	small := &group{}
	for _, g := range list {
		if g.br < minBr {
			small.funcs++
			small.raw += g.raw
			small.br += g.br
			continue
		}
		fmt.Printf("| %s | %d | %s | %s |\n", g.name, g.funcs, kb(g.raw), kb(g.br))
	}
	fmt.Printf("| %d packages under %s each | | %s | %s |\n", small.funcs, kb(minBr), kb(small.raw), kb(small.br))
	fmt.Println()
	fmt.Println("| data | | raw | brotli (alone) |")
	fmt.Println("| --- | --- | ---: | ---: |")
	for _, g := range append(models, other) {
		fmt.Printf("| %s | | %s | %s |\n", g.name, kb(g.raw), kb(g.br))
	}
	return nil
}

// kb writes n bytes in kB of 1000 bytes, the unit of every size in docs/.
func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1000) }

// pkgOf is the import path of the package a function belongs to. The wasm
// name section spells "github.com/x/y-z.(*T).M" as "github.com_x_y_z.__T_.M",
// so the name is matched against the linked packages' paths spelled the same
// way, longest first.
func pkgOf(name string, pkgs map[string]string) string {
	best := ""
	for i := 0; i < len(name); i++ {
		if name[i] != '.' {
			continue
		}
		if p, ok := pkgs[name[:i]]; ok && len(p) > len(best) {
			best = p
		}
	}
	if best == "" {
		return "(compiler-generated: type equality, wrappers)"
	}
	return best
}

// linkedPackages maps each package pkg links, as the wasm name section
// spells it, to its import path.
func linkedPackages(dir, pkg string) map[string]string {
	cmd := exec.Command("go", "list", "-deps", pkg)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, _ := cmd.Output()
	m := map[string]string{}
	for _, p := range strings.Fields(string(out)) {
		m[strings.Map(func(r rune) rune {
			if r == '.' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				return r
			}
			return '_'
		}, p)] = p
	}
	return m
}

// embeddedFiles lists the //go:embed files of every package pkg links.
func embeddedFiles(dir, pkg string) []string {
	cmd := exec.Command("go", "list", "-deps", "-f", `{{$d := .Dir}}{{range .EmbedFiles}}{{$d}}/{{.}}{{"\n"}}{{end}}`, pkg)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		return nil
	}
	return strings.Fields(string(out))
}

// brotli compresses each blob with Node's zlib and returns the sizes.
func brotli(tmp string, blobs [][]byte) ([]int, error) {
	var files []string
	for i, b := range blobs {
		f := filepath.Join(tmp, fmt.Sprint("blob", i))
		if err := os.WriteFile(f, b, 0o644); err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	script := `const fs=require("fs"),z=require("zlib");for(const f of process.argv.slice(1))console.log(z.brotliCompressSync(fs.readFileSync(f)).length)`
	out, err := exec.Command("node", append([]string{"-e", script}, files...)...).Output()
	if err != nil {
		return nil, fmt.Errorf("node (for brotli): %v", err)
	}
	var sizes []int
	for _, f := range strings.Fields(string(out)) {
		var n int
		fmt.Sscan(f, &n)
		sizes = append(sizes, n)
	}
	if len(sizes) != len(blobs) {
		return nil, errors.New("node gave too few sizes")
	}
	return sizes, nil
}

// segment is one data segment: where it goes in memory (-1 for a passive
// one) and its bytes.
type segment struct {
	off int64
	b   []byte
}

// image lays the data segments out as they land in memory, from the lowest
// offset to the highest end, with the gaps between them (the zeros the
// linker left out) filled with zeros; inSeg marks the bytes a segment
// holds. Passive segments follow at the end.
func (m *module) image() (img []byte, inSeg []bool) {
	lo, hi := int64(-1), int64(0)
	for _, s := range m.segs {
		if s.off < 0 {
			continue
		}
		if lo < 0 || s.off < lo {
			lo = s.off
		}
		hi = max(hi, s.off+int64(len(s.b)))
	}
	if lo < 0 {
		lo = hi
	}
	img = make([]byte, hi-lo)
	inSeg = make([]bool, hi-lo)
	for _, s := range m.segs {
		if s.off < 0 {
			img = append(img, s.b...)
			for range s.b {
				inSeg = append(inSeg, true)
			}
			continue
		}
		copy(img[s.off-lo:], s.b)
		for j := range s.b {
			inSeg[s.off-lo+int64(j)] = true
		}
	}
	return img, inSeg
}

// dataLen is the bytes the data segments hold.
func (m *module) dataLen() int {
	n := 0
	for _, s := range m.segs {
		n += len(s.b)
	}
	return n
}

type module struct {
	imported int            // imported functions come first in the index space
	names    map[int]string // function index -> name
	bodies   [][]byte       // code section bodies, in order
	code     []byte         // the whole code section
	segs     []segment      // the data segments, in file order
}

// parse reads the parts of a WebAssembly binary that wasmsize needs.
func parse(b []byte) (*module, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("not a WebAssembly module")
	}
	m := &module{names: map[int]string{}}
	r := &reader{b: b, i: 8}
	for r.i < len(b) {
		id := r.byte()
		size := int(r.uleb())
		sec := &reader{b: b[r.i : r.i+size]}
		r.i += size
		switch id {
		case 0: // custom
			if sec.name() == "name" {
				for sec.i < len(sec.b) {
					sub, n := sec.byte(), int(sec.uleb())
					ss := &reader{b: sec.b[sec.i : sec.i+n]}
					sec.i += n
					if sub != 1 {
						continue
					}
					for c := int(ss.uleb()); c > 0; c-- {
						idx := int(ss.uleb())
						m.names[idx] = ss.name()
					}
				}
			}
		case 2: // imports
			for c := int(sec.uleb()); c > 0; c-- {
				sec.name()
				sec.name()
				switch sec.byte() {
				case 0:
					sec.uleb()
					m.imported++
				case 1:
					sec.byte()
					sec.limits()
				case 2:
					sec.limits()
				case 3:
					sec.byte()
					sec.byte()
				}
			}
		case 10: // code
			m.code = sec.b
			for c := int(sec.uleb()); c > 0; c-- {
				n := int(sec.uleb())
				m.bodies = append(m.bodies, sec.b[sec.i:sec.i+n])
				sec.i += n
			}
		case 11: // data
			for c := int(sec.uleb()); c > 0; c-- {
				off := int64(-1)
				switch sec.uleb() {
				case 0: // active, memory 0: i32.const offset, end
					off = sec.constExpr()
				case 1: // passive
				case 2: // active, explicit memory
					sec.uleb()
					off = sec.constExpr()
				}
				n := int(sec.uleb())
				m.segs = append(m.segs, segment{off, sec.b[sec.i : sec.i+n]})
				sec.i += n
			}
		}
	}
	if len(m.names) == 0 {
		return nil, errors.New("the module has no name section (built with -ldflags=-s?)")
	}
	return m, nil
}

type reader struct {
	b []byte
	i int
}

func (r *reader) byte() byte { c := r.b[r.i]; r.i++; return c }

func (r *reader) uleb() uint64 {
	v, n := binary.Uvarint(r.b[r.i:])
	r.i += n
	return v
}

func (r *reader) name() string {
	n := int(r.uleb())
	s := string(r.b[r.i : r.i+n])
	r.i += n
	return s
}

// constExpr skips an offset expression: one constant instruction and end.
// constExpr reads an i32.const or i64.const expression and returns its
// operand (signed LEB128).
func (r *reader) constExpr() int64 {
	r.byte() // i32.const or i64.const
	var v int64
	var shift uint
	for {
		c := r.byte()
		v |= int64(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			break
		}
	}
	r.byte() // end
	return v
}

func (r *reader) limits() {
	if r.byte()&1 != 0 {
		r.uleb()
	}
	r.uleb()
}
