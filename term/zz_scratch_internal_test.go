package term

import (
	"fmt"
	"testing"
)

func TestScratchX(t *testing.T) {
	const X = 1267778507
	type st struct {
		h    uint32
		path string
	}
	var ops []func(h uint32) (uint32, string)
	for i := uint32(0); i <= 24; i++ {
		i := i
		k := uint32(uint64(0x9e3779b9) * uint64(i))
		ops = append(ops, func(h uint32) (uint32, string) { return ihashConst(h, k), fmt.Sprint("C", i) })
		for _, x := range []uint32{0, 1, 2, 3, 8, 16} {
			x := x
			ops = append(ops, func(h uint32) (uint32, string) { return hashMixPair(h, x, 0, k), fmt.Sprint("M", i, "(", x, ")") })
			ops = append(ops, func(h uint32) (uint32, string) { return hashMixPair(h, x, 1, k), fmt.Sprint("M", i, "(", x, ",1)") })
		}
	}
	for _, w := range []uint64{0x1F, 0x8F, 0x3B, 0x0F, 0x2F} {
		w := w
		ops = append(ops, func(h uint32) (uint32, string) { return hashMixPair(h, uint32(w), 0, hGold), fmt.Sprintf("I%x", w) })
	}
	starts := []st{{ihashSeed, "S"}, {0, "0"}, {1, "1"}, {1 ^ ihashSeed, "S1"}}
	cur := starts
	for d := 0; d < 3; d++ {
		var next []st
		for _, s := range cur {
			for _, op := range ops {
				h, p := op(s.h)
				if h == X {
					fmt.Println("FOUND", s.path+" "+p)
				}
				if d < 2 {
					next = append(next, st{h, s.path + " " + p})
				}
			}
		}
		cur = next
		fmt.Println("depth", d, len(cur))
		if len(cur) > 3000000 {
			break
		}
	}
}
