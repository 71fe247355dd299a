package termtext

import (
	"errors"
	"testing"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
)

func TestParse(t *testing.T) {
	a, err := heap.NewArena(1 << 27)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	h, err := heap.New(a, 0)
	if err != nil {
		t.Fatal(err)
	}
	e := &term.Env{W: a.W, Atoms: term.NewAtomTable(), Bins: term.NewBinTable()}
	// Each source must print back (~w) as the given text.
	ok := []struct{ src, w string }{
		{"{a, 'B c', \"hi\", [1|2], -16#ff, $a, 2#101}", "{a,'B c',[104,105],[1|2],-255,97,5}"},
		{"#{b => 1, a => 2, 1.0 => x, 3 => y}", "#{3 => y,1.0 => x,a => 2,b => 1}"},
		{"<<\"é\"/utf8, 1:4, 300:12>>", "<<195,169,17,44>>"},
		{"<<5:3>>", "<<5:3>>"},
		{"[<0.7.0>, #Port<0.3>, #Ref<0.1.2.3>, fun m:f/2, #Fun<m.1.99>]",
			"[<0.7.0>,#Port<0.3>,#Ref<0.1.2.3>,fun m:f/2,#Fun<m.1.99>]"},
		{"\"a\" \"b\\n\\x{41}\\101\\^a\". ", "[97,98,10,65,65,1]"},
		{"123456789012345678901234567890", "123456789012345678901234567890"},
		{"-1.5e3", "-1.5e3"},
	}
	for _, c := range ok {
		x, err := Parse(h, e, c.src)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.src, err)
			continue
		}
		if got := term.WriteString(e, x); got != c.w {
			t.Errorf("Parse(%q) = %s, want %s", c.src, got, c.w)
		}
	}
	bad := []string{"", "[1,", "{a", "'abc", "\"abc", "<<1", "<<\"", "X", "#Fun<m.1", "\"\\x{41", "1 2", "<<1:99999999>>", "$"}
	for _, src := range bad {
		if _, err := Parse(h, e, src); !errors.Is(err, ErrSyntax) {
			t.Errorf("Parse(%q): err = %v, want ErrSyntax", src, err)
		}
	}
}
