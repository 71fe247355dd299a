package stdlib

import (
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Unicode normalization (NFD, NFC, NFKD, NFKC) and extended grapheme
// clusters, from the Unicode 14 tables in string_tables.go.

type decomp struct {
	compat bool
	to     []rune
}

type runeRange struct {
	lo, hi rune
	v      byte
}

var (
	normOnce  sync.Once
	decomps   map[rune]decomp
	compose   map[[2]rune]rune
	cccRanges []runeRange
	gcbRanges []runeRange
)

// parseRangeTable parses "FROM[-TO]=VALUE;" entries.
func parseRangeTable(s string, f func(lo, hi rune, v string)) {
	for _, ent := range strings.Split(s, ";") {
		if ent == "" {
			continue
		}
		k, v, _ := strings.Cut(ent, "=")
		from, to, isRange := strings.Cut(k, "-")
		lo, _ := strconv.ParseUint(from, 16, 32)
		hi := lo
		if isRange {
			hi, _ = strconv.ParseUint(to, 16, 32)
		}
		f(rune(lo), rune(hi), v)
	}
}

func loadNormTables() {
	normOnce.Do(func() {
		decomps = map[rune]decomp{}
		parseRangeTable(decompTable, func(lo, hi rune, v string) {
			d := decomp{}
			if strings.HasPrefix(v, "!") {
				d.compat = true
				v = v[1:]
			}
			for _, cp := range strings.Split(v, ",") {
				x, _ := strconv.ParseUint(cp, 16, 32)
				d.to = append(d.to, rune(x))
			}
			for r := lo; r <= hi; r++ {
				decomps[r] = d
			}
		})
		parseRangeTable(cccTable, func(lo, hi rune, v string) {
			n, _ := strconv.Atoi(v)
			cccRanges = append(cccRanges, runeRange{lo, hi, byte(n)})
		})
		excluded := map[rune]bool{}
		parseRangeTable(nfcNoTable, func(lo, hi rune, v string) {
			for r := lo; r <= hi; r++ {
				excluded[r] = true
			}
		})
		compose = map[[2]rune]rune{}
		for r, d := range decomps {
			if d.compat || len(d.to) != 2 || excluded[r] {
				continue
			}
			compose[[2]rune{d.to[0], d.to[1]}] = r
		}
		parseRangeTable(gcbTable, func(lo, hi rune, v string) {
			gcbRanges = append(gcbRanges, runeRange{lo, hi, v[0]})
		})
	})
}

func lookupRange(rs []runeRange, r rune) byte {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].hi >= r })
	if i < len(rs) && rs[i].lo <= r {
		return rs[i].v
	}
	return 0
}

func ccc(r rune) byte {
	if r < 0x300 {
		return 0
	}
	return lookupRange(cccRanges, r)
}

const (
	hangulSBase  = 0xAC00
	hangulLBase  = 0x1100
	hangulVBase  = 0x1161
	hangulTBase  = 0x11A7
	hangulLCount = 19
	hangulVCount = 21
	hangulTCount = 28
	hangulNCount = hangulVCount * hangulTCount
	hangulSCount = hangulLCount * hangulNCount
)

// decompose appends the full decomposition of r.
func decompose(out []rune, r rune, compat bool) []rune {
	if r >= hangulSBase && r < hangulSBase+hangulSCount {
		s := r - hangulSBase
		out = append(out, hangulLBase+s/hangulNCount, hangulVBase+(s%hangulNCount)/hangulTCount)
		if t := s % hangulTCount; t != 0 {
			out = append(out, hangulTBase+t)
		}
		return out
	}
	d, ok := decomps[r]
	if !ok || d.compat && !compat {
		return append(out, r)
	}
	for _, c := range d.to {
		out = decompose(out, c, compat)
	}
	return out
}

// normalizeD returns the canonical (or compatibility) decomposition of rs
// in canonical order.
func normalizeD(rs []rune, compat bool) []rune {
	loadNormTables()
	out := make([]rune, 0, len(rs))
	for _, r := range rs {
		out = decompose(out, r, compat)
	}
	// Canonical ordering: stable sort of each run of non-starters.
	for i := 0; i < len(out); {
		if ccc(out[i]) == 0 {
			i++
			continue
		}
		j := i
		for j < len(out) && ccc(out[j]) != 0 {
			j++
		}
		run := out[i:j]
		sort.SliceStable(run, func(a, b int) bool { return ccc(run[a]) < ccc(run[b]) })
		i = j
	}
	return out
}

// normalizeC returns the canonical (or compatibility) composition of rs.
func normalizeC(rs []rune, compat bool) []rune {
	d := normalizeD(rs, compat)
	if len(d) == 0 {
		return d
	}
	out := d[:0:0]
	starter := -1
	var lastCCC byte
	for _, c := range d {
		cc := ccc(c)
		if starter >= 0 {
			s := out[starter]
			blocked := len(out)-1 > starter && (lastCCC == 0 || lastCCC >= cc)
			if !blocked {
				if comp, ok := composePair(s, c); ok {
					out[starter] = comp
					continue
				}
			}
		}
		if cc == 0 {
			starter = len(out)
		}
		lastCCC = cc
		out = append(out, c)
	}
	return out
}

func composePair(a, b rune) (rune, bool) {
	if a >= hangulLBase && a < hangulLBase+hangulLCount && b >= hangulVBase && b < hangulVBase+hangulVCount {
		return hangulSBase + ((a-hangulLBase)*hangulVCount+(b-hangulVBase))*hangulTCount, true
	}
	if a >= hangulSBase && a < hangulSBase+hangulSCount && (a-hangulSBase)%hangulTCount == 0 &&
		b > hangulTBase && b < hangulTBase+hangulTCount {
		return a + (b - hangulTBase), true
	}
	r, ok := compose[[2]rune{a, b}]
	return r, ok
}

// Grapheme_Cluster_Break classes as stored in gcbTable.
const (
	gcbOther   = 0
	gcbCR      = 'r'
	gcbLF      = 'n'
	gcbControl = 'c'
	gcbExtend  = 'e'
	gcbZWJ     = 'z'
	gcbRI      = 'i'
	gcbPrepend = 'p'
	gcbSpacing = 's'
	gcbL       = 'L'
	gcbV       = 'V'
	gcbT       = 'T'
	gcbLV      = 'v'
	gcbLVT     = 't'
	gcbPict    = 'x'
)

func gcbOf(r rune) byte {
	if r >= 0x20 && r < 0x7F {
		return gcbOther
	}
	loadNormTables()
	return lookupRange(gcbRanges, r)
}

// clusterLen returns the length in code points of the extended grapheme
// cluster at the start of rs (Unicode 14, UAX #29).
func clusterLen(rs []rune) int {
	if len(rs) <= 1 {
		return len(rs)
	}
	prev := gcbOf(rs[0])
	pict := prev == gcbPict // ExtPict Extend* seen, for GB11
	ri := 0
	if prev == gcbRI {
		ri = 1
	}
	for i := 1; i < len(rs); i++ {
		cur := gcbOf(rs[i])
		join := false
		switch {
		case prev == gcbCR && cur == gcbLF:
			join = true
		case prev == gcbCR || prev == gcbLF || prev == gcbControl:
		case cur == gcbCR || cur == gcbLF || cur == gcbControl:
		case prev == gcbL && (cur == gcbL || cur == gcbV || cur == gcbLV || cur == gcbLVT):
			join = true
		case (prev == gcbLV || prev == gcbV) && (cur == gcbV || cur == gcbT):
			join = true
		case (prev == gcbLVT || prev == gcbT) && cur == gcbT:
			join = true
		case cur == gcbExtend || cur == gcbZWJ || cur == gcbSpacing:
			join = true
		case prev == gcbPrepend:
			join = true
		case prev == gcbZWJ && cur == gcbPict && pict:
			join = true
		case prev == gcbRI && cur == gcbRI && ri%2 == 1:
			join = true
		}
		if !join {
			return i
		}
		switch {
		case cur == gcbPict:
			pict = true
		case cur == gcbExtend && pict:
		case cur == gcbZWJ && pict:
		default:
			pict = false
		}
		if cur == gcbRI {
			ri++
		} else {
			ri = 0
		}
		prev = cur
	}
	return len(rs)
}
