package lang

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/article"
	"github.com/lede-news/lede/internal/doc"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"english", "The president said on Wednesday that the talks would continue next week in Washington.", "en"},
		{"german", "Der Bundeskanzler sagte am Mittwoch, die Gespräche würden in der kommenden Woche in Berlin fortgesetzt.", "de"},
		{"french", "Le président a déclaré mercredi que les négociations se poursuivraient la semaine prochaine à Paris.", "fr"},
		{"spanish", "El presidente dijo el miércoles que las conversaciones continuarían la próxima semana en Madrid.", "es"},
		{"italian", "Il presidente ha detto mercoledì che i colloqui proseguiranno la prossima settimana a Roma.", "it"},
		{"portuguese", "O presidente disse na quarta-feira que as negociações continuarão na próxima semana em Lisboa.", "pt"},
		{"dutch", "De president zei woensdag dat de gesprekken volgende week in Den Haag zullen worden voortgezet.", "nl"},
		{"russian", "Президент заявил в среду, что переговоры продолжатся на следующей неделе в Москве.", "ru"},
		{"arabic", "قال الرئيس يوم الأربعاء إن المحادثات ستستمر الأسبوع المقبل في القاهرة.", "ar"},
		{"chinese", "总统周三表示，会谈将于下周在北京继续进行。", "zh"},
		{"japanese", "大統領は水曜日、協議は来週東京で続けられると述べた。", "ja"},
		{"korean", "대통령은 수요일 회담이 다음 주 서울에서 계속될 것이라고 말했다.", "ko"},
		{"korean with a latin name", "이재명 대통령은 Donald Trump 미국 대통령과 서울에서 만났다고 밝혔다.", "ko"},
		{"greek", "Ο πρόεδρος δήλωσε την Τετάρτη ότι οι συνομιλίες θα συνεχιστούν.", "el"},
		{"too short", "Hello there", Undetermined},
		{"numbers only", "12,500 — 3.4% (2025)", Undetermined},
		{"empty", "", Undetermined},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := Detect(tt.text)
			if g.Code != tt.want {
				t.Errorf("Detect(%q) = %+v, want %s", tt.text, g, tt.want)
			}
			if g.Code == Undetermined && g.Confidence != 0 || g.Code != Undetermined && (g.Confidence <= 0 || g.Confidence > 1) {
				t.Errorf("confidence %v out of range for %s", g.Confidence, g.Code)
			}
		})
	}
}

// TestFixture measures accuracy on messages of apt in the twelve languages
// (testdata/apt.tsv; see docs/models/lang.md): text the model never saw,
// short and technical, so harder than news paragraphs. The floors are the
// figures of the committed model rounded down: a model that does worse
// fails.
func TestFixture(t *testing.T) {
	f, err := os.Open("testdata/apt.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	right, total := map[string]int{}, map[string]int{}
	byLang := map[string][]string{}
	var wrong []string
	englishMisread := 0
	shownRight, shownUnd, shownWrong := 0, 0, 0 // as the report shows them: only Sure guesses
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		code, text, ok := strings.Cut(sc.Text(), "\t")
		if !ok || strings.HasPrefix(code, "#") {
			continue
		}
		byLang[code] = append(byLang[code], text)
		g := Detect(text)
		switch r := reported(g); {
		case r.Code == Undetermined:
			shownUnd++
		case r.Code == code:
			shownRight++
		default:
			shownWrong++
		}
		total[code]++
		if g.Code == code {
			right[code]++
		} else {
			wrong = append(wrong, fmt.Sprintf("%s read as %s (%.2f): %s", code, g.Code, g.Confidence, text))
			if code == "en" && g.Code != Undetermined {
				englishMisread++
			}
		}
	}
	codes := make([]string, 0, len(total))
	n, r := 0, 0
	for c := range total {
		codes = append(codes, c)
		n += total[c]
		r += right[c]
	}
	sort.Strings(codes)
	var line strings.Builder
	for _, c := range codes {
		fmt.Fprintf(&line, " %s %d/%d", c, right[c], total[c])
	}
	t.Logf("apt messages: %d/%d right;%s", r, n, line.String())
	t.Logf("as reported (Sure guesses only): %d right, %d undetermined, %d wrong", shownRight, shownUnd, shownWrong)
	for _, w := range wrong {
		t.Log(w)
	}
	// Paragraph-length text: three messages of one language joined, as
	// the report reads a paragraph.
	pRight, pUnd, pWrong := 0, 0, 0
	for _, c := range codes {
		ms := byLang[c]
		for i := 0; i+3 <= len(ms); i += 3 {
			switch r := reported(Detect(strings.Join(ms[i:i+3], " "))); r.Code {
			case c:
				pRight++
			case Undetermined:
				pUnd++
			default:
				pWrong++
				t.Logf("three %s messages reported as %s (%.2f)", c, r.Code, r.Confidence)
			}
		}
	}
	t.Logf("three messages joined, as reported: %d right, %d undetermined, %d wrong", pRight, pUnd, pWrong)
	if pWrong > 0 {
		t.Errorf("%d joined messages reported in the wrong language", pWrong)
	}
	if len(codes) != 12 || n != 120 {
		t.Fatalf("fixture has %d languages and %d messages, want 12 and 120", len(codes), n)
	}
	if r < minFixtureRight {
		t.Errorf("%d of %d right, want at least %d", r, n, minFixtureRight)
	}
	if englishMisread > 0 {
		t.Errorf("%d English messages read as another language", englishMisread)
	}
}

// minFixtureRight is the committed model's score on testdata/apt.tsv,
// the floor a retrained model must reach.
const minFixtureRight = 116

func TestMarshalRoundTrip(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, modelBytes) {
		t.Fatal("MarshalBinary does not give back the embedded bytes")
	}
	for _, cut := range []int{0, 3, len(b) / 2, len(b) - 1} {
		if err := new(Model).UnmarshalBinary(b[:cut]); err == nil {
			t.Errorf("a model cut to %d bytes loaded without error", cut)
		}
	}
}

func TestTrigrams(t *testing.T) {
	var got []string
	Trigrams("Die Ära, x", func(s Script, tri [3]rune, _ bool) { got = append(got, string(tri[:])) })
	want := []string{" di", "die", "ie ", " är", "ära", "ra ", " x "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Trigrams = %q, want %q", got, want)
	}
}

func TestTrain(t *testing.T) {
	m := Train(map[string][]string{
		"en": {"the cat sat on the mat and the dog ate the hat"},
		"de": {"die Katze sitzt auf der Matte und der Hund frisst den Hut"},
	}, 50, 16)
	if g := m.Detect("the dog and the cat sat on the hat"); g.Code != "en" {
		t.Errorf("got %+v, want en", g)
	}
	if g := m.Detect("der Hund und die Katze auf der Matte"); g.Code != "de" {
		t.Errorf("got %+v, want de", g)
	}
}

func BenchmarkDetect(b *testing.B) {
	p := "The president said on Wednesday that the talks with Seoul would continue next week, " +
		"after the two sides failed to agree on tariffs, defence spending and a $350 billion investment pledge."
	m, _ := Default()
	b.SetBytes(int64(len(p)))
	for b.Loop() {
		m.Detect(p)
	}
}

// TestScoreReadsWhatTrigramsEmits holds Score, which scans text itself for
// speed, to Trigrams, which training counts with.
func TestScoreReadsWhatTrigramsEmits(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"The President said on Wednesday that Seoul's talks would go on.",
		"Der Bundeskanzler sagte am Mittwoch: „Die Gespräche gehen weiter.“ ÄRGER über Ölpreise",
		"Президент заявил в среду, что ПЕРЕГОВОРЫ продолжатся.",
		"قال الرئيس يوم الأربعاء إن المحادثات ستستمر",
		"mixed 이재명 대통령 and 東京 text, ǅemal ﬁnal café",
		"",
		// ASCII words cut by other letters and by bytes of no rune
		"naïve façade coöperate Straße\xffabc\xc3xyz ends mid word",
		// past MaxLetters, which stops the reading mid-word
		strings.Repeat("Seoul said the talks would continue ", 40),
	} {
		scoreAsTrigrams(t, m, text)
	}
}

// scoreAsTrigrams fails t if m.Score(text) is not the sums of the
// trigrams Trigrams emits, added from the unpacked rows (addPlain).
func scoreAsTrigrams(t *testing.T, m *Model, text string) {
	t.Helper()
	want := &Scores{}
	for s, g := range m.groups {
		if g != nil {
			want.capital[s] = make([]int32, len(g.langs))
			want.low[s] = make([]int32, len(g.langs))
		}
	}
	want.letters = Trigrams(text, func(s Script, tri [3]rune, capital bool) {
		want.addPlain(m.groups[s], s, key(tri), capital)
	})
	got := m.Score(text)
	if fmt.Sprint(*got) != fmt.Sprint(*want) {
		t.Errorf("%q:\nScore    %v\nTrigrams %v", text, *got, *want)
	}
}

// FuzzScoreReadsWhatTrigramsEmits is TestScoreReadsWhatTrigramsEmits on
// any text, for the embedded model (its Latin rows padded to eight words:
// Score's ASCII loop adds them written out) and for a model of two
// languages (rows of one word: the ASCII loop's general add). Seeds mix
// ASCII with multi-byte letters inside a word, first, last and between.
// The seeds run as a test; go test -fuzz FuzzScoreReadsWhatTrigramsEmits
// ./internal/lang searches further.
func FuzzScoreReadsWhatTrigramsEmits(f *testing.F) {
	for _, s := range []string{
		"", "a", "ab", "abc", "Abc déf", "éab", "abé", "aébc", "ÉCOLE école", "naïveté", "Straße", "ǅemal",
		"\u212Aelvin", "İstanbul", "ab\xffcd", "ab\xc3", "xyzПривет", "Приветxyz", "the cat 東京 sat", "a1b2c",
		strings.Repeat("talks ", MaxLetters/5), strings.Repeat("é", MaxLetters+3),
	} {
		f.Add(s)
	}
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	small := Train(map[string][]string{
		"en": {"the cat sat on the mat and the dog ate the hat"},
		"de": {"die Katze sitzt auf der Matte und der Hund frisst den Hut"},
	}, 50, 16)
	f.Fuzz(func(t *testing.T, text string) {
		scoreAsTrigrams(t, m, text)
		scoreAsTrigrams(t, small, text)
	})
}

// BenchmarkAnnotate is lang's share of an analysis: every block of the
// sample article (../shared/samples/korea-us-summit.txt, the engine's
// BenchmarkAnalyze input), as extracted by package article.
func BenchmarkAnnotate(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "samples", "korea-us-summit.txt"))
	if err != nil {
		b.Skipf("../shared/samples not found: %v", err)
	}
	d, err := article.Parse(string(raw), article.Auto)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		Annotate(d)
	}
}

// FuzzDetect: any text gets a code the model can give (or "und"), a
// confidence in 0..1 (0 for "und"), and the same guess every time.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{"", "Hello", "Der Bundeskanzler sagte am Mittwoch", "이재명 대통령", "東京", "\xff\xfe", "ǅ\u0301\u200d", strings.Repeat("ab ", 3000)} {
		f.Add(s)
	}
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	known := map[string]bool{Undetermined: true}
	for _, c := range m.Languages() {
		known[c] = true
	}
	f.Fuzz(func(t *testing.T, s string) {
		g := m.Detect(s)
		if !known[g.Code] {
			t.Fatalf("Detect(%q) = unknown code %q", s, g.Code)
		}
		if g.Confidence < 0 || g.Confidence > 1 || math.IsNaN(g.Confidence) || g.Code == Undetermined && g.Confidence != 0 {
			t.Fatalf("Detect(%q): confidence %v for %s", s, g.Confidence, g.Code)
		}
		if again := m.Detect(s); again != g {
			t.Fatalf("Detect(%q) gave %+v, then %+v", s, g, again)
		}
	})
}

// addPlain counts one trigram of script s from the unpacked rows: the
// reference Score's packed sums are held to.
func (sc *Scores) addPlain(g *group, s Script, k uint64, capital bool) {
	if g == nil {
		return
	}
	sum := sc.capital[s]
	if !capital {
		sc.lower[s]++
		sum = sc.low[s]
	}
	i, ok := g.index.get(k)
	if !ok {
		return // a trigram no language kept: about equally unlikely in all of them
	}
	row := g.rows[int(i)*len(sum) : (int(i)+1)*len(sum)]
	for l, q := range row {
		sum[l] += int32(q)
	}
}

func TestEveryLanguageHasAName(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range m.Languages() {
		if Name(c) == c {
			t.Errorf("no English name for %q", c)
		}
	}
	if n := len(m.Languages()); n != 39 {
		t.Errorf("%d languages, docs/models/lang.md says 39", n)
	}
}

// TestLowerLetters holds lowerLetters, on which mayBeSure rests, to the
// lower-case trigrams scoreInto counts: equal for ASCII text within
// MaxLetters, never fewer past it; and a text mayBeSure rules out is never
// Sure.
func TestLowerLetters(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"", "a", "A", "ab Cd ef", "iPhone sales rose", "USA", "it's 3pm-ish, e.g. x1y2z",
		"Trump Signs Executive Order Threatening 25% Tariffs on Countries Trading With Iran",
		"Five Things to Know About the Summit", "[brackets] `ticks` {braces} @at ^caret _under_",
		strings.Repeat("the cat sat on the mat and ", 60), strings.Repeat("word ", 300), "naïve café", "Δelta"}
	if f, err := os.Open("testdata/apt.tsv"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if _, text, ok := strings.Cut(sc.Text(), "\t"); ok {
				texts = append(texts, text)
			}
		}
		f.Close()
	}
	ruled := 0
	for _, s := range texts {
		n, ascii := lowerLetters(s)
		sc := m.Score(s)
		if ascii {
			if got := sc.lower[Latin]; got > n || got < n && sc.letters[Latin] < MaxLetters {
				t.Errorf("%.60q: scoreInto counts %d lower-case trigrams, lowerLetters %d", s, got, n)
			}
		}
		if !mayBeSure(s) {
			ruled++
			if g := m.Decide(sc); g.Sure {
				t.Errorf("%.60q: mayBeSure says no, but the guess %+v is Sure", s, g)
			}
		}
	}
	if ruled == 0 {
		t.Error("mayBeSure ruled out no text: the test checks nothing")
	}
}

// FuzzLowerLetters: TestLowerLetters on any bytes.
func FuzzLowerLetters(f *testing.F) {
	for _, s := range []string{"", "ab Cd", "iPhone", "x\x80y", strings.Repeat("ab ", 400)} {
		f.Add(s)
	}
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ascii := lowerLetters(s)
		sc := m.Score(s)
		if ascii {
			if got := sc.lower[Latin]; got > n || got < n && sc.letters[Latin] < MaxLetters {
				t.Fatalf("%q: scoreInto counts %d lower-case trigrams, lowerLetters %d", s, got, n)
			}
		}
		if !mayBeSure(s) && m.Decide(sc).Sure {
			t.Fatalf("%q: mayBeSure says no, but the guess is Sure", s)
		}
	})
}

// TestAnnotateSkipsSame holds Annotate, which does not read the blocks
// whose guess cannot count, to annotate reading every block: the same
// language, block languages and skipped blocks on the repository's test
// articles and pages, ../shared's samples, and pastes of headlines with
// and without a body.
func TestAnnotateSkipsSame(t *testing.T) {
	files, _ := filepath.Glob("../*/testdata/*.txt")
	html, _ := filepath.Glob("../*/testdata/*.html")
	shared, _ := filepath.Glob("../../../shared/samples/*.txt")
	inputs := []string{
		"Seoul Strikes Deal on Tariffs\nSouth Korea will invest $350 billion in the United States, officials said on Wednesday, and the first of the payments is due within two years of the signing of the deal.\nJapan Election Set for Sunday\nMarkets Turn Risk-Off Ahead of ECB Decision",
		"Seoul Strikes Deal on Tariffs\nJapan Election Set for Sunday\nMarkets Turn Risk-Off Ahead of ECB Decision",
		"Der Bundeskanzler sagte am Mittwoch in Berlin, dass die Regierung die Steuern im kommenden Jahr nicht erhöhen werde, obwohl die Wirtschaft schwächer wachse als erwartet.\nMerkel trifft Macron\nAngela Merkel und Emmanuel Macron trafen sich am Donnerstag in Paris, um über die Zukunft der Europäischen Union und die gemeinsame Verteidigung zu sprechen.",
	}
	for _, f := range append(append(files, html...), shared...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
	}
	skipped := 0
	for i, in := range inputs {
		d, err := article.Parse(in, article.Auto)
		if err != nil {
			continue
		}
		want, _ := article.Parse(in, article.Auto)
		Annotate(d)
		annotate(want, true)
		if fmt.Sprint(d.Language, d.BlockLanguages, d.Skipped) != fmt.Sprint(want.Language, want.BlockLanguages, want.Skipped) {
			t.Errorf("input %d (%.40q): Annotate gives %v %v %v, reading every block %v %v %v", i, in,
				d.Language, d.BlockLanguages, d.Skipped, want.Language, want.BlockLanguages, want.Skipped)
		}
		body := false
		for _, b := range d.Blocks {
			body = body || b.Role == doc.Body
		}
		for _, b := range d.Blocks {
			switch b.Role {
			case doc.Body, doc.Boilerplate, doc.Byline, doc.Dateline:
				continue
			}
			if body && !mayBeSure(b.Of(d.Text)) {
				skipped++
			}
		}
	}
	if skipped == 0 {
		t.Error("no block was left unread: the test checks nothing")
	}
	t.Logf("%d inputs, %d blocks left unread", len(inputs), skipped)
}
