package term_test

import (
	"reflect"
	"testing"

	"github.com/beamr/beamr/term"
)

// Grapheme cluster counts and prefixes as OTP 25's string:length/1 and
// string:slice(S, 0, 1|2) give them.
func TestGraphemes(t *testing.T) {
	cases := []struct {
		s      []rune
		n      int
		p1, p2 []rune
	}{
		{[]rune{97, 98, 99}, 3, []rune{97}, []rune{97, 98}},
		{[]rune{101, 769}, 1, []rune{101, 769}, []rune{101, 769}},
		{[]rune{13, 10}, 1, []rune{13, 10}, []rune{13, 10}},
		{[]rune{10, 13}, 2, []rune{10}, []rune{10, 13}},
		{[]rune{97, 8205, 98}, 2, []rune{97, 8205}, []rune{97, 8205, 98}},
		{[]rune{128104, 8205, 128105, 8205, 128103}, 1, []rune{128104, 8205, 128105, 8205, 128103}, []rune{128104, 8205, 128105, 8205, 128103}},
		{[]rune{127467, 127479, 127465}, 2, []rune{127467, 127479}, []rune{127467, 127479, 127465}},
		{[]rune{4352, 4449, 4520}, 1, []rune{4352, 4449, 4520}, []rune{4352, 4449, 4520}},
		{[]rune{44032, 4520}, 1, []rune{44032, 4520}, []rune{44032, 4520}},
		{[]rune{44033, 4520}, 1, []rune{44033, 4520}, []rune{44033, 4520}},
		{[]rune{2325, 2381, 2359}, 2, []rune{2325, 2381}, []rune{2325, 2381, 2359}},
		{[]rune{3585, 3635}, 1, []rune{3585, 3635}, []rune{3585, 3635}},
		{[]rune{97, 776, 769, 98}, 2, []rune{97, 776, 769}, []rune{97, 776, 769, 98}},
		{[]rune{128077, 127997}, 1, []rune{128077, 127997}, []rune{128077, 127997}},
		{[]rune{10084, 65039}, 1, []rune{10084, 65039}, []rune{10084, 65039}},
		{[]rune{173, 120}, 2, []rune{173}, []rune{173, 120}},
		{[]rune{120, 1536, 121}, 2, []rune{120}, []rune{120, 1536, 121}},
		{[]rune{1536, 121}, 1, []rune{1536, 121}, []rune{1536, 121}},
		{[]rune{0, 1, 2}, 3, []rune{0}, []rune{0, 1}},
		{[]rune{127, 128}, 2, []rune{127}, []rune{127, 128}},
		{[]rune{97, 8204, 98}, 2, []rune{97, 8204}, []rune{97, 8204, 98}},
		{[]rune{65398, 65438}, 1, []rune{65398, 65438}, []rune{65398, 65438}},
		{[]rune{127987, 65039, 8205, 127752}, 1, []rune{127987, 65039, 8205, 127752}, []rune{127987, 65039, 8205, 127752}},
		{[]rune{2325, 2367}, 1, []rune{2325, 2367}, []rune{2325, 2367}},
		{[]rune{127467, 127479, 127465, 127466}, 2, []rune{127467, 127479}, []rune{127467, 127479, 127465, 127466}},
		{[]rune{917536}, 1, []rune{917536}, []rune{917536}},
		{[]rune{97, 917536}, 1, []rune{97, 917536}, []rune{97, 917536}},
		{[]rune{2965, 3021, 2999}, 2, []rune{2965, 3021}, []rune{2965, 3021, 2999}},
		{[]rune{4448, 4449}, 1, []rune{4448, 4449}, []rune{4448, 4449}},
		{[]rune{4520, 4520}, 1, []rune{4520, 4520}, []rune{4520, 4520}},
		{[]rune{120, 8205, 128105}, 2, []rune{120, 8205}, []rune{120, 8205, 128105}},
	}
	for _, c := range cases {
		if n := term.GraphemeCount(c.s); n != c.n {
			t.Errorf("GraphemeCount(%v) = %d, want %d", c.s, n, c.n)
		}
		if p := term.GraphemePrefix(c.s, 1); !reflect.DeepEqual(p, c.p1) {
			t.Errorf("GraphemePrefix(%v, 1) = %v, want %v", c.s, p, c.p1)
		}
		if p := term.GraphemePrefix(c.s, 2); !reflect.DeepEqual(p, c.p2) {
			t.Errorf("GraphemePrefix(%v, 2) = %v, want %v", c.s, p, c.p2)
		}
	}
	// io_lib:chars_length/1 counts characters when all are Latin-1.
	if n := term.CharsLength([]rune{'e', 0x301}); n != 1 {
		t.Errorf("CharsLength of e+acute = %d", n)
	}
	if n := term.CharsLength([]rune{'\r', '\n', 0xE9}); n != 3 {
		t.Errorf("CharsLength of latin1 text = %d", n)
	}
}

func TestPrettyDefaults(t *testing.T) {
	h, e := newEnv(t)
	l := make([]term.Term, 40)
	for i := range l {
		l[i] = term.MakeSmall(int64(i + 1))
	}
	x := h.Tuple(e.Atom("a_long_tag"), h.List(l...))
	// io:format("~p~n", [{a_long_tag, lists:seq(1, 40)}]) in OTP 25.
	want := "{a_long_tag,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,\n" +
		"             25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40]}"
	if got := term.PrettyString(e, x); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := term.WriteString(e, x); got != "{a_long_tag,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40]}" {
		t.Errorf("WriteString: %s", got)
	}
}
