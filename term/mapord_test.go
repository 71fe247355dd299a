package term_test

import (
	"bufio"
	"encoding/hex"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/beamr/beamr/term"
)

// The expected values of these tests come from OTP 25: testdata/mapord.escript
// prints them for the cases in testdata/mapord_cases.txt and
// testdata/mapord_sort_cases.txt (see its header for how to rerun it).

// readLines returns the non-empty lines of a test data file.
func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if sc.Text() != "" {
			out = append(out, sc.Text())
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// fixMaps re-sorts, in place, every map inside t, since the test parser lays
// out maps in key order whatever their size.
func fixMaps(e *term.Env, t term.Term) {
	switch {
	case t.IsList():
		fixMaps(e, e.Hd(t))
		fixMaps(e, e.Tl(t))
	case e.IsTuple(t):
		for i := 0; i < e.TupleArity(t); i++ {
			fixMaps(e, e.Elem(t, i))
		}
	case e.IsMap(t):
		n := e.MapSize(t)
		ks := make([]term.Term, n)
		vs := make([]term.Term, n)
		for i := 0; i < n; i++ {
			ks[i], vs[i] = e.MapKey(t, i), e.MapValue(t, i)
			fixMaps(e, ks[i])
			fixMaps(e, vs[i])
		}
		ks, vs = term.SortMapPairs(e, ks, vs)
		for i := range ks {
			e.W[t.Index()+2+uint64(i)] = uint64(ks[i])
			e.W[t.Index()+2+uint64(n+i)] = uint64(vs[i])
		}
	}
}

// parseFixed parses src and puts its maps in storage order.
func parseFixed(b *termBuilder, src string) term.Term {
	t := b.Parse(src)
	fixMaps(b.Env, t)
	return t
}

// listTerms returns the elements of proper list l.
func listTerms(e *term.Env, l term.Term) []term.Term {
	var out []term.Term
	for ; l.IsList(); l = e.Tl(l) {
		out = append(out, e.Hd(l))
	}
	return out
}

// writeMap lays out a map whose pairs are in storage order.
func writeMap(b *termBuilder, keys, vals []term.Term) term.Term {
	n := len(keys)
	p := b.H.Alloc(2 + 2*n)
	w := b.Env.W
	w[p] = uint64(term.MakeHeader(term.SubMap, 1+2*n))
	w[p+1] = uint64(n)
	for i := range keys {
		w[p+2+uint64(i)] = uint64(keys[i])
		w[p+2+uint64(n+i)] = uint64(vals[i])
	}
	return term.MakeBoxed(p)
}

// buildMap builds maps:from_list(lists:zip(L, lists:seq(1, length(L)))).
func buildMap(b *termBuilder, elems []term.Term) term.Term {
	keys := append([]term.Term(nil), elems...)
	vals := make([]term.Term, len(keys))
	for i := range vals {
		vals[i] = term.MakeSmall(int64(i + 1))
	}
	keys, vals = term.SortMapPairs(b.Env, keys, vals)
	return writeMap(b, keys, vals)
}

func TestMapOrderOTP(t *testing.T) {
	cases := readLines(t, "testdata/mapord_cases.txt")
	exp := readLines(t, "testdata/mapord_expected.txt")
	if len(exp) != 4*len(cases) {
		t.Fatalf("%d cases, %d expected lines", len(cases), len(exp))
	}
	for ci, src := range cases {
		b := newTermBuilder(t)
		e := b.Env
		elems := listTerms(e, parseFixed(b, src))
		m := buildMap(b, elems)
		n := e.MapSize(m)
		name := src
		if len(name) > 40 {
			name = name[:40] + "..."
		}
		want := listTerms(e, parseFixed(b, exp[4*ci]))

		// Storage order is maps:keys/1 order.
		if len(want) != n {
			t.Errorf("case %d %s: %d keys, want %d", ci, name, n, len(want))
			continue
		}
		for i := range want {
			if !term.ExactEqual(e, e.MapKey(m, i), want[i]) {
				t.Errorf("case %d %s (%d keys): key %d is %s, want %s", ci, name, n, i,
					term.AppendW(nil, e, e.MapKey(m, i)), term.AppendW(nil, e, want[i]))
				break
			}
		}

		// phash2 does not depend on the order.
		if h, err := strconv.ParseUint(exp[4*ci+1], 10, 32); err != nil {
			t.Fatal(err)
		} else if got := term.Phash2(e, m); got != uint32(h) {
			t.Errorf("case %d %s: phash2 %d, want %d", ci, name, got, h)
		}

		// term_to_binary writes storage order; binary_to_term restores it.
		if exp[4*ci+2] != "-" {
			enc, err := term.EncodeExternal(e, m, term.DefaultEncodeOpts())
			if err != nil {
				t.Fatalf("case %d: encode: %v", ci, err)
			}
			if got := strings.ToUpper(hex.EncodeToString(enc)); got != exp[4*ci+2] {
				t.Errorf("case %d %s: term_to_binary\n got  %.200s\n want %.200s", ci, name, got, exp[4*ci+2])
			}
			back, _, err := term.DecodeExternal(e, b.H, nil, enc, term.DecodeOpts{})
			if err != nil {
				t.Fatalf("case %d: decode: %v", ci, err)
			}
			for i := 0; i < n; i++ {
				if !term.ExactEqual(e, e.MapKey(back, i), e.MapKey(m, i)) ||
					!term.ExactEqual(e, e.MapValue(back, i), e.MapValue(m, i)) {
					t.Errorf("case %d %s: binary_to_term pair %d out of place", ci, name, i)
					break
				}
			}
		}

		// ~w prints in iteration order.
		if exp[4*ci+3] != "-" {
			if got := string(term.AppendW(nil, e, m)); got != exp[4*ci+3] {
				t.Errorf("case %d %s: ~w\n got  %.300s\n want %.300s", ci, name, got, exp[4*ci+3])
			}
		}

		// Every key is found with the value of its last occurrence; keys
		// that are not there are not found.
		if len(elems) <= 1000 {
			for i, k := range elems {
				last := i
				for j := i + 1; j < len(elems); j++ {
					if term.ExactEqual(e, elems[j], k) {
						last = j
					}
				}
				v, ok := term.MapLookup(e, m, k)
				if !ok || v != term.MakeSmall(int64(last+1)) {
					t.Errorf("case %d %s: lookup of %s: %v %v, want %d", ci, name, term.AppendW(nil, e, k), v, ok, last+1)
					break
				}
			}
		}
		for _, k := range []term.Term{b.H.Tuple(term.Nil), term.MakeSmall(-123456789), b.Parse("<<\"absent\">>")} {
			if _, ok := term.MapLookup(e, m, k); ok {
				t.Errorf("case %d %s: found absent key %s", ci, name, term.AppendW(nil, e, k))
			}
		}
	}
}

func TestMapCompareOTP(t *testing.T) {
	cases := readLines(t, "testdata/mapord_sort_cases.txt")
	exp := readLines(t, "testdata/mapord_sort_expected.txt")
	if len(exp) != 2*len(cases) {
		t.Fatalf("%d cases, %d expected lines", len(cases), len(exp))
	}
	for ci, src := range cases {
		b := newTermBuilder(t)
		e := b.Env
		maps := listTerms(e, parseFixed(b, src))
		sorted := append([]term.Term(nil), maps...)
		// Insertion sort: stable, like lists:sort/1 for equal terms.
		for i := 1; i < len(sorted); i++ {
			for j := i; j > 0 && term.Compare(e, sorted[j-1], sorted[j]) > 0; j-- {
				sorted[j-1], sorted[j] = sorted[j], sorted[j-1]
			}
		}
		if got := string(term.AppendW(nil, e, b.H.List(sorted...))); got != exp[2*ci] {
			t.Errorf("case %d: lists:sort\n got  %.400s\n want %.400s", ci, got, exp[2*ci])
		}
		distinct := 0
		for i := range sorted {
			if i == 0 || term.Compare(e, sorted[i-1], sorted[i]) != 0 {
				distinct++
			}
		}
		if strconv.Itoa(distinct) != exp[2*ci+1] {
			t.Errorf("case %d: %d distinct maps, want %s", ci, distinct, exp[2*ci+1])
		}
	}
}

func TestSortMapPairsDuplicates(t *testing.T) {
	b := newTermBuilder(t)
	e := b.Env
	// 60 pairs, 20 distinct keys: a term-ordered map, last values kept.
	var keys, vals []term.Term
	for r := 0; r < 3; r++ {
		for i := 1; i <= 20; i++ {
			keys = append(keys, term.MakeSmall(int64(i)))
			vals = append(vals, term.MakeSmall(int64(100*r+i)))
		}
	}
	ks, vs := term.SortMapPairs(e, keys, vals)
	if len(ks) != 20 || len(vs) != 20 {
		t.Fatalf("got %d keys", len(ks))
	}
	for i := range ks {
		if ks[i] != term.MakeSmall(int64(i+1)) || vs[i] != term.MakeSmall(int64(200+i+1)) {
			t.Fatalf("pair %d: %s => %s", i, term.AppendW(nil, e, ks[i]), term.AppendW(nil, e, vs[i]))
		}
	}
	// Empty and single-pair inputs.
	if ks, vs := term.SortMapPairs(e, nil, nil); len(ks) != 0 || len(vs) != 0 {
		t.Fatal("empty input")
	}
}

// TestInsertMapPair checks that inserting pairs one by one keeps storage
// order: the result equals sorting all the pairs at once, through the
// change of layout at 33 keys and with keys whose first hashes collide.
func TestInsertMapPair(t *testing.T) {
	b := newTermBuilder(t)
	e := b.Env
	src := listTerms(e, b.Parse("[40660,59671,22575,119693,<<16006:32>>,<<88724:32>>,{1},{2,3},[1,2],<<\"abc\">>,1.5,-0.5,123456789012345678901234567890]"))
	for i := 0; len(src) < 150; i++ {
		src = append(src, term.MakeSmall(int64(i*7919%100003)))
	}
	var keys, vals []term.Term
	for i, k := range src {
		keys, vals = term.InsertMapPair(e, keys, vals, k, term.MakeSmall(int64(i)))
		wk := append([]term.Term(nil), src[:i+1]...)
		wv := make([]term.Term, i+1)
		for j := range wv {
			wv[j] = term.MakeSmall(int64(j))
		}
		wk, wv = term.SortMapPairs(e, wk, wv)
		if len(wk) != len(keys) {
			t.Fatalf("after %d inserts: %d keys, want %d", i+1, len(keys), len(wk))
		}
		for j := range wk {
			if !term.ExactEqual(e, wk[j], keys[j]) || wv[j] != vals[j] {
				t.Fatalf("after %d inserts: pair %d is %s, want %s", i+1, j,
					term.AppendW(nil, e, keys[j]), term.AppendW(nil, e, wk[j]))
			}
		}
	}
}

func TestMapIterIndex(t *testing.T) {
	for _, c := range []struct{ n, i, want int }{{3, 0, 0}, {32, 5, 5}, {33, 0, 32}, {40, 39, 0}, {40, 10, 29}} {
		if got := term.MapIterIndex(c.n, c.i); got != c.want {
			t.Errorf("MapIterIndex(%d, %d) = %d, want %d", c.n, c.i, got, c.want)
		}
	}
	if term.IsHashOrder(32) || !term.IsHashOrder(33) {
		t.Error("IsHashOrder limit")
	}
}

func TestMapKeyOrderLarge(t *testing.T) {
	b := newTermBuilder(t)
	e := b.Env
	m := buildMap(b, listTerms(e, b.Parse("lists:seq(1,40)")))
	for i, j := range term.MapKeyOrder(e, m) {
		if e.MapKey(m, int(j)) != term.MakeSmall(int64(i+1)) {
			t.Fatalf("position %d holds key %s", i, term.AppendW(nil, e, e.MapKey(m, int(j))))
		}
	}
}

// OTP 25: erlang:display(maps:from_list([{I,I}||I<-lists:seq(1,34)])) prints
// the trie #<fffb>{<1201>{[16|16],[18|18],[5|5]},<4400>{[19|19],[27|27]},
// <80>{<4080>{[10|10],[24|24]}},<14>{[4|4],[21|21]},<240>{[22|22],[17|17]},
// <2a>{[3|3],[8|8],[1|1]},<8512>{[7|7],[2|2],[14|14],[15|15],[20|20]},
// [13|13],[6|6],<9400>{[28|28],[25|25],[34|34]},<212>{[32|32],[9|9],[11|11]},
// [31|31],[26|26],<2040>{[30|30],<8020>{[29|29],[23|23]}},<8200>{[12|12],[33|33]}}
// (children in ascending slot order, bitmaps in hex).
func TestMapTrieSlot(t *testing.T) {
	b := newTermBuilder(t)
	e := b.Env
	for _, c := range []struct {
		key   int64
		slots []int
	}{
		{16, []int{0, 0}}, {18, []int{0, 9}}, {5, []int{0, 12}},
		{10, []int{3, 7, 7}}, {24, []int{3, 7, 14}},
		{13, []int{8}}, {6, []int{9}},
		{30, []int{14, 6}}, {29, []int{14, 13, 5}}, {23, []int{14, 13, 15}},
		{12, []int{15, 9}}, {33, []int{15, 15}},
	} {
		for lvl, want := range c.slots {
			if got := term.MapTrieSlot(e, term.MakeSmall(c.key), lvl); got != want {
				t.Errorf("key %d level %d: slot %d, want %d", c.key, lvl, got, want)
			}
		}
	}
}

func TestMapDecodeDuplicateKeys(t *testing.T) {
	b := newTermBuilder(t)
	// binary_to_term refuses both (OTP 25: badarg).
	large := []byte{131, 116, 0, 0, 0, 34}
	for i := byte(1); i <= 33; i++ {
		large = append(large, 97, i, 97, i)
	}
	large = append(large, 97, 5, 97, 0)
	small := []byte{131, 116, 0, 0, 0, 3, 97, 1, 97, 1, 97, 2, 97, 2, 97, 1, 97, 3}
	for _, data := range [][]byte{large, small} {
		if _, _, err := term.DecodeExternal(b.Env, b.H, nil, data, term.DecodeOpts{}); err == nil {
			t.Errorf("decoded a map with a duplicate key (%d bytes)", len(data))
		}
	}
}

func BenchmarkSortMapPairs1000(b *testing.B) {
	tb := newTermBuilder(b)
	src := make([]term.Term, 1000)
	for i := range src {
		src[i] = term.MakeSmall(int64(i * 7))
	}
	keys := make([]term.Term, len(src))
	vals := make([]term.Term, len(src))
	b.ReportAllocs()
	for b.Loop() {
		copy(keys, src)
		copy(vals, src)
		term.SortMapPairs(tb.Env, keys, vals)
	}
}

func BenchmarkMapLookup1000(b *testing.B) {
	tb := newTermBuilder(b)
	src := make([]term.Term, 1000)
	for i := range src {
		src[i] = term.MakeSmall(int64(i * 7))
	}
	m := buildMap(tb, src)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, ok := term.MapLookup(tb.Env, m, src[i%len(src)]); !ok {
			b.Fatal("not found")
		}
		i++
	}
}
