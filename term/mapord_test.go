package term_test

import (
	"bufio"
	"os"
	"testing"

	"github.com/beamr/beamr/term"
)

func TestScratchMapOrder(t *testing.T) {
	cf, err := os.ReadFile(os.Getenv("MOC"))
	if err != nil {
		t.Skip(err)
	}
	_ = cf
	cases := readLines(t, os.Getenv("MOC"))
	exp := readLines(t, os.Getenv("MOE"))
	bad := 0
	for i, c := range cases {
		b := newTermBuilder(t)
		e := b.Env
		l := b.Parse(c)
		fixMaps(e, l)
		var keys, vals []term.Term
		for x := l; x.IsList(); x = e.Tl(x) {
			keys = append(keys, e.Hd(x))
			vals = append(vals, term.MakeSmall(0))
		}
		ks, _ := term.SortMapPairs(e, keys, vals)
		want := b.Parse(exp[i])
		fixMaps(e, want)
		j := 0
		ok := true
		for x := want; x.IsList(); x = e.Tl(x) {
			if j >= len(ks) || !term.ExactEqual(e, ks[j], e.Hd(x)) {
				ok = false
				break
			}
			j++
		}
		if !ok || j != len(ks) {
			bad++
			t.Logf("bad case %d", i)
			if bad < 5 {
				t.Errorf("case %d (%d keys): mismatch at %d\n  got  %s\n  want %.300s", i, len(ks), j, string(term.AppendW(nil, e, ks[min(j, len(ks)-1)])), exp[i])
			}
		}
	}
	t.Logf("%d/%d bad", bad, len(cases))
}

func readLines(t *testing.T, p string) []string {
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		if sc.Text() != "" {
			out = append(out, sc.Text())
		}
	}
	return out
}

// fixMaps re-sorts, in place, every map inside t that the test parser built
// in term order, so that maps of more than 32 keys are in hash order.
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
