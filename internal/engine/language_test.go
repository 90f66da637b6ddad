package engine

import (
	"slices"
	"strings"
	"testing"
)

// Texts written for these tests (news-like, not from any data set).
const (
	germanArticle = `Koalition einigt sich auf Haushalt

Berlin. Nach wochenlangem Streit hat sich die Koalition am Mittwoch auf den Haushalt für das kommende Jahr geeinigt. „Wir haben einen guten Kompromiss gefunden“, sagte der Finanzminister nach der Sitzung im Kanzleramt.

Die Opposition kritisierte die Einigung scharf. Der Haushalt sehe zu wenig Geld für Bildung und Infrastruktur vor, während die Ausgaben für den Krieg in der Ukraine weiter stiegen, hieß es aus der Fraktion.

Der Bundestag soll im Dezember über den Entwurf abstimmen. Bis dahin müssen noch mehrere Ausschüsse beraten, und auch der Bundesrat muss zustimmen.`

	frenchArticle = `Le gouvernement présente son budget

Paris. Le Premier ministre a présenté mercredi un budget qui prévoit une baisse des dépenses publiques de 40 milliards d'euros l'an prochain, a-t-il annoncé devant l'Assemblée nationale.

« Nous devons redresser nos comptes sans casser la croissance », a déclaré le ministre de l'Économie lors d'une conférence de presse. Les syndicats ont appelé à une journée de grève la semaine prochaine.`

	koreanArticle = `정부, 내년 예산안 발표

정부는 수요일 국회에서 내년도 예산안을 발표했다. 예산안은 복지와 국방 분야의 지출을 늘리고 다른 분야의 지출을 줄이는 내용을 담고 있다.

야당은 예산안이 서민 경제를 충분히 지원하지 못한다고 비판했다. 국회는 다음 달까지 예산안을 심사할 예정이다.`

	russianArticle = `Правительство представило бюджет

Москва. Правительство в среду представило проект бюджета на следующий год. По словам министра финансов, расходы на социальные программы вырастут, а дефицит бюджета сократится.

Депутаты Государственной думы рассмотрят законопроект в первом чтении в следующем месяце.`

	chineseArticle = `政府公布明年预算

政府周三在国会公布了明年的预算案。预算案增加了社会福利和国防方面的支出，同时削减了其他领域的开支。

反对党批评预算案对普通家庭的支持不足。国会将在下个月审议这份预算案。`

	japaneseArticle = `東京都、来年度予算案を発表

東京都は水曜日、来年度の予算案を発表した。福祉と防災の分野で支出を増やす一方、ほかの分野の支出を減らす内容となっている。

野党は予算案が家計への支援として不十分だと批判した。都議会は来月、予算案を審議する予定だ。`

	arabicArticle = `الحكومة تعلن مشروع الميزانية

أعلنت الحكومة يوم الأربعاء عن مشروع الميزانية للعام المقبل، والذي يتضمن زيادة الإنفاق على الرعاية الاجتماعية والدفاع.

وانتقدت المعارضة المشروع قائلة إنه لا يقدم دعما كافيا للأسر. ومن المقرر أن يناقش البرلمان الميزانية الشهر المقبل.`

	mixedPaste = `Seoul and Washington agree on tariffs

President Lee Jae-myung met Donald Trump in Washington on Monday, and the two leaders agreed to cut tariffs on cars and steel, officials in Seoul said after the meeting at the White House.

이재명 대통령은 월요일 워싱턴에서 도널드 트럼프 대통령과 만나 자동차와 철강에 대한 관세를 낮추기로 합의했다고 서울의 관리들이 밝혔다. 양국 정상은 백악관에서 회담을 가졌으며 투자 문제도 논의했다.

South Korea also pledged to invest $350 billion in the United States over the next decade, according to a statement released by the presidential office in Seoul on Tuesday.`

	englishArticle = `Seoul and Washington agree on tariffs

President Lee Jae-myung met Donald Trump in Washington on Monday, and the two leaders agreed to cut tariffs on cars and steel, officials in Seoul said after the meeting at the White House.

South Korea also pledged to invest $350 billion in the United States over the next decade, according to a statement released by the presidential office in Seoul on Tuesday.`
)

func TestForeignTextIsNotReadAsEnglish(t *testing.T) {
	tests := []struct {
		name, text, lang, looks string
	}{
		{"german", germanArticle, "de", "German"},
		{"french", frenchArticle, "fr", "French"},
		{"korean", koreanArticle, "ko", "Korean"},
		{"russian", russianArticle, "ru", "Russian"},
		{"chinese", chineseArticle, "zh", "Chinese"},
		{"japanese", japaneseArticle, "ja", "Japanese"},
		{"arabic", arabicArticle, "ar", "Arabic"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Analyze(tt.text, Options{})
			if err != nil {
				t.Fatal(err)
			}
			st := r.Stats
			if st.Language != tt.lang || st.LanguageConfidence < 0.9 || st.Supported {
				t.Errorf("stats: language %s (%.2f), supported %v; want %s, sure, unsupported", st.Language, st.LanguageConfidence, st.Supported, tt.lang)
			}
			if len(r.Notices) != 1 || r.Notices[0].Code != "language-unsupported" || !strings.Contains(r.Notices[0].Message, "looks like "+tt.looks) {
				t.Errorf("notices = %+v, want one language-unsupported naming %s", r.Notices, tt.looks)
			}
			if len(r.Entities)+len(r.Keyphrases)+len(r.Figures)+len(r.Quotes)+len(r.Summary)+len(r.Categories) != 0 {
				t.Errorf("English-only results on %s text: %d entities, %d keyphrases, %d figures, %d quotes, %d summary, %d categories",
					tt.lang, len(r.Entities), len(r.Keyphrases), len(r.Figures), len(r.Quotes), len(r.Summary), len(r.Categories))
			}
			// Structure is language-independent and still there.
			if len(r.Article.Paragraphs) < 2 || len(r.Article.Sentences) < 2 || st.Words == 0 {
				t.Errorf("structure lost: %d paragraphs, %d sentences, %d words", len(r.Article.Paragraphs), len(r.Article.Sentences), st.Words)
			}
			if len(st.ParagraphLanguages) != len(r.Article.Paragraphs) {
				t.Errorf("%d paragraph languages for %d paragraphs", len(st.ParagraphLanguages), len(r.Article.Paragraphs))
			}
		})
	}
}

func TestMixedPasteReadsTheEnglishParagraphsOnly(t *testing.T) {
	r, err := Analyze(mixedPaste, Options{Offsets: "utf8"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"en", "ko", "en"}; !slices.Equal(r.Stats.ParagraphLanguages, want) {
		t.Fatalf("paragraph languages %v, want %v", r.Stats.ParagraphLanguages, want)
	}
	if r.Stats.Supported || len(r.Notices) != 1 || r.Notices[0].Code != "language-mixed" ||
		!strings.Contains(r.Notices[0].Message, "1 of 3 paragraphs look like Korean") {
		t.Errorf("supported %v, notices %+v; want a language-mixed notice for 1 of 3 Korean paragraphs", r.Stats.Supported, r.Notices)
	}
	korean := r.Article.Paragraphs[1]
	inKorean := func(start, end int) bool { return start >= korean.Start && end <= korean.End }
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			if inKorean(m.Start, m.End) {
				t.Errorf("entity %q has a mention %q in the Korean paragraph", e.Name, m.Text)
			}
		}
	}
	for _, f := range r.Figures {
		if inKorean(f.Start, f.End) {
			t.Errorf("figure %q in the Korean paragraph", f.Text)
		}
	}
	for _, s := range r.Summary {
		if inKorean(s.Start, s.End) {
			t.Errorf("summary sentence in the Korean paragraph")
		}
	}
	// The English paragraphs are analysed as they would be alone.
	alone, err := Analyze(englishArticle, Options{Offsets: "utf8"})
	if err != nil {
		t.Fatal(err)
	}
	names := func(es []string) []string { slices.Sort(es); return es }
	var got, want []string
	for _, e := range r.Entities {
		got = append(got, e.Name+"/"+e.Type)
	}
	for _, e := range alone.Entities {
		want = append(want, e.Name+"/"+e.Type)
	}
	if !slices.Equal(names(got), names(want)) {
		t.Errorf("entities of the mixed paste %v, of its English paragraphs alone %v", got, want)
	}
	if len(r.Figures) != len(alone.Figures) {
		t.Errorf("%d figures in the mixed paste, %d in its English paragraphs alone", len(r.Figures), len(alone.Figures))
	}
}

func TestEnglishIsReadAsEnglish(t *testing.T) {
	r, err := Analyze(englishArticle, Options{})
	if err != nil {
		t.Fatal(err)
	}
	st := r.Stats
	if st.Language != "en" || st.LanguageConfidence < 0.9 || !st.Supported || len(r.Notices) != 0 || r.Notices == nil {
		t.Errorf("stats %+v, notices %#v; want en, sure, supported, notices []", st, r.Notices)
	}
	if len(r.Entities) == 0 {
		t.Error("no entities in English text")
	}
}

func TestShortTextIsUndeterminedAndStillAnalysed(t *testing.T) {
	r, err := Analyze("Trump meets Lee", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Stats.Language != "und" || r.Stats.LanguageConfidence != 0 || !r.Stats.Supported || len(r.Notices) != 0 {
		t.Errorf("stats %+v, notices %+v; want und, 0, supported, no notice", r.Stats, r.Notices)
	}
}

// In a German article with one English paragraph, the short German lines
// follow the article (skipped), and only the English paragraph is read.
func TestMostlyGermanArticleWithAnEnglishParagraph(t *testing.T) {
	text := germanArticle + `

Kurz notiert:

Chancellor Friedrich Merz told reporters in Berlin on Wednesday that the budget agreement would give companies and families the certainty they had been asking for since the summer.`
	r, err := Analyze(text, Options{Offsets: "utf8"})
	if err != nil {
		t.Fatal(err)
	}
	langs := r.Stats.ParagraphLanguages
	if r.Stats.Language != "de" || len(langs) < 2 || langs[len(langs)-1] != "en" {
		t.Fatalf("language %s, paragraphs %v; want de with the last paragraph en", r.Stats.Language, langs)
	}
	if len(r.Notices) != 1 || r.Notices[0].Code != "language-mixed" || !strings.Contains(r.Notices[0].Message, "German") {
		t.Errorf("notices %+v, want one language-mixed naming German", r.Notices)
	}
	last := r.Article.Paragraphs[len(r.Article.Paragraphs)-1]
	found := false
	for _, e := range r.Entities {
		found = found || e.Name == "Friedrich Merz"
		for _, m := range e.Mentions {
			if m.Start < last.Start {
				t.Errorf("entity %q mentioned outside the English paragraph: %q", e.Name, m.Text)
			}
		}
	}
	if !found {
		t.Errorf("no Friedrich Merz among %d entities of the English paragraph", len(r.Entities))
	}
}
