package beamr

import (
	"math/big"
	"testing"
)

func TestFormatMatchesErl(t *testing.T) {
	big30, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	v := Tuple{
		Atom("ok"), List{1, 2.5, "bin", Atom("Quoted atom"), true},
		Map{{Atom("a"), 1}, {"k", List{104, 105}}},
		[]byte{1, 2, 200}, Bitstring{Data: []byte{5 << 5}, Bits: 3}, Bitstring{Data: []byte{1, 2 << 4}, Bits: 12},
		ImproperList{Elems: []Value{1}, Tail: 2}, 1.0e30, negZero(), big30,
		"a\nb\"\\", "", List{}, "é", []byte{233}, Charlist("abc"), List{1, 2, 3}, Tuple{}, Map{},
		Atom("é"), Charlist("héllo"), List{1046}, "ж", ImproperList{Elems: []Value{'a'}, Tail: 'b'}, -5, 0.1, Atom("if"),
	}
	// erl -noshell -eval 'io:format("~s~n", [unicode:characters_to_binary(io_lib:format("~0tp", [T]))])'
	// with T the same term.
	want := `{ok,[1,2.5,<<"bin">>,'Quoted atom',true],#{a => 1,<<"k">> => "hi"},<<1,2,200>>,<<5:3>>,<<1,2:4>>,[1|2],1.0e30,-0.0,123456789012345678901234567890,<<"a\nb\"\\">>,<<>>,[],<<"é"/utf8>>,<<"é">>,"abc",[1,2,3],{},#{},é,"héllo",[1046],<<208,182>>,[97|98],-5,0.1,'if'}`
	if got := Format(v); got != want {
		t.Errorf("Format:\n got %s\nwant %s", got, want)
	}
}

func negZero() float64 {
	z := 0.0
	return -z
}
