package term

import (
	"unicode"
	"unicode/utf8"
)

// Printing in the ~p form, as io_lib_pretty:print/2 does in OTP 25 (without
// record definitions and without a chars_limit).

// PrettyOpts are the options of AppendP. The zero value is not the default:
// start from DefaultPrettyOpts.
type PrettyOpts struct {
	// Column is the 1-based column the term starts at; the text of a term
	// that breaks across lines is indented to it. io:format's ~p passes
	// one more than the number of characters already on the line.
	// Values below 1 mean 1.
	Column int
	// LineLength is the line length to fit (~Np sets it to N; 80 by
	// default). 0 prints everything on one line.
	LineLength int
	// Depth limits nesting as ~P does; a negative depth is unlimited and
	// depth 0 prints "...".
	Depth int
	// Unicode selects the ~tp form: atoms and strings keep characters
	// above 255, and binaries holding UTF-8 text print as <<"..."/utf8>>.
	Unicode bool
	// NoStrings selects the ~lp form: lists and binaries are never shown
	// as strings.
	NoStrings bool
	// UnicodeRange makes characters above 255 printable (the emulator's
	// +pc unicode flag); by default only Latin-1 characters are.
	UnicodeRange bool
}

// DefaultPrettyOpts returns the options of a plain ~p at the start of a
// line: column 1, line length 80, unlimited depth, Latin-1 encoding.
func DefaultPrettyOpts() PrettyOpts {
	return PrettyOpts{Column: 1, LineLength: 80, Depth: -1}
}

// AppendP appends the ~p form of t to buf: the whole term on one line when
// it fits in the line length from the starting column, otherwise broken
// across lines and indented exactly as io_lib_pretty does it. Lists of
// printable characters print as strings and binaries of printable
// characters as <<"...">>. Records are not known, so they print as tuples.
func AppendP(buf []byte, e *Env, t Term, o PrettyOpts) []byte {
	if o.Depth == 0 {
		return append(buf, "..."...)
	}
	col := o.Column
	if col < 1 {
		col = 1
	}
	if t.IsAtom() {
		return AppendAtom(buf, e.AtomName(t), o.Unicode)
	}
	composite := t == Nil || t.IsList()
	if t.IsBoxed() {
		switch e.Header(t).HeaderSub() {
		case SubTuple, SubMap, SubHeapBin, SubRefcBin, SubSubBin, SubNativeRecord:
			composite = true
		}
	}
	if !composite {
		return AppendW(buf, e, t)
	}
	p := &prettyPrinter{e: e, o: o, buf: buf, ll: o.LineLength}
	n := p.length(t, o.Depth)
	p.m = n.n
	if p.ll == 0 || n.n < p.ll-col {
		p.write(n)
		return p.buf
	}
	tind := 1
	if p.cind(n, col, -1, 0, 0) {
		tind = -1
	} else if p.cind(n, col, 4, 0, 0) {
		tind = 4
	}
	p.pp(n, col, tind, col-1, 0, 0)
	return p.buf
}

// PrettyString returns AppendP(nil, e, t, DefaultPrettyOpts()) as a string.
func PrettyString(e *Env, t Term) string {
	return string(AppendP(nil, e, t, DefaultPrettyOpts()))
}

type pkind uint8

const (
	nodeLeaf  pkind = iota // text written as is
	nodeList               // elems, then tail (nil, an improper tail or dots)
	nodeTuple              // elems, then tail (nil or dots)
	nodeMap                // elems are pairs, then tail (nil or dots)
	nodePair               // k => v
	nodeBin                // <<parts>>, breakable between parts
	nodeDots               // "..." ending a list, tuple or map cut by depth
)

// pnode is io_lib_pretty's intermediate form: a term's text or structure
// with the length it takes on one line.
type pnode struct {
	kind   pkind
	tagged bool // a tuple whose first element is an atom and whose size > 1
	text   []byte
	parts  [][]byte
	elems  []*pnode
	tail   *pnode
	k, v   *pnode
	n      int
}

// atomic reports whether n is written as plain text (io_lib_pretty's ?ATM).
func (n *pnode) atomic() bool { return n.kind == nodeLeaf }

var dotsNode = &pnode{kind: nodeDots, n: 3}

type prettyPrinter struct {
	e   *Env
	o   PrettyOpts
	buf []byte
	ll  int // line length
	m   int // maximum characters on a line: the whole term's length
}

func newLeaf(text []byte) *pnode { return &pnode{kind: nodeLeaf, text: text, n: textLength(text)} }

func newLeafN(text []byte, n int) *pnode { return &pnode{kind: nodeLeaf, text: text, n: n} }

// length builds the intermediate form of t at depth d (d != 0).
func (p *prettyPrinter) length(t Term, d int) *pnode {
	e := p.e
	switch {
	case t == Nil:
		return newLeafN([]byte("[]"), 2)
	case t.IsAtom():
		return newLeaf(AppendAtom(nil, e.AtomName(t), p.o.Unicode))
	case t.IsList():
		return p.listLength(t, d)
	case t.IsBoxed():
		switch e.Header(t).HeaderSub() {
		case SubTuple:
			return p.tupleLength(t, d)
		case SubNativeRecord:
			return p.recordLength(t, d)
		case SubMap:
			return p.mapLength(t, d)
		case SubHeapBin, SubRefcBin, SubSubBin:
			return p.binLength(t, d)
		case SubFun, SubExport:
			s := appendFun(nil, e, t)
			return newLeafN(s, utf8.RuneCount(s))
		}
	}
	return newLeaf(AppendW(nil, e, t))
}

func (p *prettyPrinter) listLength(t Term, d int) *pnode {
	e := p.e
	if !p.o.NoStrings && d != 1 {
		if cs, ok := p.printableList(t); ok {
			s := AppendString(nil, cs, p.o.Unicode)
			return newLeaf(s)
		}
	}
	n := &pnode{kind: nodeList}
	for {
		if d == 1 {
			n.tail = dotsNode
			break
		}
		d = depthDec(d)
		n.elems = append(n.elems, p.length(e.Hd(t), d))
		t = e.Tl(t)
		if t == Nil {
			break
		}
		if !t.IsList() {
			if d == 1 {
				n.tail = dotsNode
			} else {
				n.tail = p.length(t, depthDec(d))
			}
			break
		}
	}
	n.n = seqLength(n.elems, n.tail, 2)
	return n
}

// printableList returns the characters of t when t is a proper list of
// printable characters (Latin-1 ones unless the Unicode range is on).
func (p *prettyPrinter) printableList(t Term) ([]rune, bool) {
	e := p.e
	uni := p.o.Unicode && p.o.UnicodeRange
	var cs []rune
	for t.IsList() {
		h := e.Hd(t)
		if !h.IsSmall() {
			return nil, false
		}
		c := h.Small()
		if !printableChar(c, uni) {
			return nil, false
		}
		cs = append(cs, rune(c))
		t = e.Tl(t)
	}
	return cs, t == Nil
}

// printableChar reports whether c is printable in a string: Latin-1
// printable characters, and with uni the rest of Unicode too.
func printableChar(c int64, uni bool) bool {
	switch {
	case c >= ' ' && c <= '~', c >= 0xA0 && c <= 0xFF:
		return true
	case c == '\n', c == '\r', c == '\t', c == '\v', c == '\b', c == '\f', c == 27:
		return true
	case !uni:
		return false
	}
	return c >= 0xA0 && c < 0xD800 || c > 0xDFFF && c < 0xFFFE || c > 0xFFFF && c <= 0x10FFFF
}

func (p *prettyPrinter) tupleLength(t Term, d int) *pnode {
	e := p.e
	size := e.TupleArity(t)
	if size == 0 {
		return newLeafN([]byte("{}"), 2)
	}
	if d == 1 {
		return newLeafN([]byte("{...}"), 5)
	}
	n := &pnode{kind: nodeTuple, tagged: size > 1 && e.Elem(t, 0).IsAtom()}
	for i := 0; i < size; i++ {
		if d == 1 {
			n.tail = dotsNode
			break
		}
		d = depthDec(d)
		n.elems = append(n.elems, p.length(e.Elem(t, i), d))
	}
	n.n = seqLength(n.elems, n.tail, 2)
	return n
}

func (p *prettyPrinter) mapLength(t Term, d int) *pnode {
	e := p.e
	size := e.MapSize(t)
	if size == 0 {
		return newLeafN([]byte("#{}"), 3)
	}
	if d == 1 {
		return newLeafN([]byte("#{...}"), 6)
	}
	d0 := depthDec(d)
	n := &pnode{kind: nodeMap}
	for i := 0; i < size; i++ {
		if d == 1 {
			n.tail = dotsNode
			break
		}
		j := MapIterIndex(size, i)
		k := p.length(e.MapKey(t, j), d0)
		v := p.length(e.MapValue(t, j), d0)
		n.elems = append(n.elems, &pnode{kind: nodePair, k: k, v: v, n: k.n + 4 + v.n})
		d = depthDec(d)
	}
	n.n = seqLength(n.elems, n.tail, 3)
	return n
}

// seqLength is the one-line length of elements and tail with separators
// plus the brackets' length.
func seqLength(elems []*pnode, tail *pnode, acc int) int {
	for i, el := range elems {
		if i > 0 {
			acc++
		}
		acc += el.n
	}
	if tail != nil {
		if len(elems) > 0 {
			acc++
		}
		acc += tail.n
	}
	return acc
}

func (p *prettyPrinter) binLength(t Term, d int) *pnode {
	e := p.e
	_, _, size := e.Bits(t)
	if size == 0 {
		return newLeafN([]byte("<<>>"), 4)
	}
	if d == 1 {
		return newLeafN([]byte("<<...>>"), 7)
	}
	if !p.o.NoStrings && size%8 == 0 {
		b, _ := e.Bytes(t)
		if n := p.printableBin(b, depthDec(d)); n != nil {
			return n
		}
	}
	n := &pnode{kind: nodeBin, n: 4}
	binaryParts(e, t, d, func(part []byte) {
		if len(n.parts) > 0 {
			n.n++
		}
		n.parts = append(n.parts, append([]byte(nil), part...))
		n.n += len(part)
	})
	return n
}

// printableBin decides whether binary b prints as text at depth d (already
// decremented), as io_lib_pretty:printable_bin0/4 does, and builds the node.
func (p *prettyPrinter) printableBin(b []byte, d int) *pnode {
	limit := len(b)
	if d >= 0 && 4*d < limit {
		limit = 4 * d
	}
	if limit == 0 {
		return nil
	}
	if p.o.Unicode {
		if n, ok := p.printableUTF8(b, limit, d); ok {
			return n
		}
	}
	// Latin-1: the first non-printable byte within the first limit bytes.
	first := limit
	for i := 0; i < limit; i++ {
		if !printableChar(int64(b[i]), false) {
			first = i
			break
		}
	}
	n20 := min(20, limit)
	var cs []byte
	truncated := false
	switch {
	case first >= n20 && n20 == len(b):
		cs = b
	case first >= n20 && n20 == limit:
		cs, truncated = b[:n20], true
	case first >= n20 && first == limit && len(b) == limit:
		cs = b
	case d > 0 && first >= d:
		cs, truncated = b[:first], true
	default:
		return nil
	}
	rs := make([]rune, len(cs))
	for i, c := range cs {
		rs[i] = rune(c)
	}
	return binText(rs, false, truncated)
}

// printableUTF8 handles the ~tp case of printableBin. ok is false when the
// first limit characters are not valid UTF-8 (the Latin-1 rules apply then).
func (p *prettyPrinter) printableUTF8(b []byte, limit, d int) (*pnode, bool) {
	// valid_utf8: the first limit characters (or all) must decode.
	rest := b
	for i := 0; i < limit && len(rest) > 0; i++ {
		r, sz := utf8.DecodeRune(rest)
		if r == utf8.RuneError && sz <= 1 {
			return nil, false
		}
		rest = rest[sz:]
	}
	var rs []rune
	rest = b
	left := limit
	for left > 0 && len(rest) > 0 {
		r, sz := utf8.DecodeRune(rest)
		if !printableChar(int64(r), p.o.UnicodeRange) {
			break
		}
		rs = append(rs, r)
		rest = rest[sz:]
		left--
	}
	if len(rest) == 0 {
		return binText(rs, len(b) != len(rs), false), true
	}
	if d > 0 && limit-left >= d {
		return binText(rs, len(b)-len(rest) != len(rs), true), true
	}
	return nil, true
}

// binText builds the leaf <<"...">> for characters cs, marked /utf8 and
// truncated with "..." as asked.
func binText(cs []rune, utf bool, truncated bool) *pnode {
	s := AppendString([]byte("<<"), cs, true)
	quoted := s[2:]
	n := 4 + utf8.RuneCount(quoted)
	if utf {
		n = 9 + textLength(quoted)
		s = append(s, "/utf8"...)
	}
	if truncated {
		n += 3
		s = append(s, "..."...)
	}
	return newLeafN(append(s, ">>"...), n)
}

// write appends n on one line.
func (p *prettyPrinter) write(n *pnode) {
	switch n.kind {
	case nodeList:
		p.buf = append(p.buf, '[')
		p.writeSeq(n, '|')
		p.buf = append(p.buf, ']')
	case nodeTuple:
		p.buf = append(p.buf, '{')
		p.writeSeq(n, ',')
		p.buf = append(p.buf, '}')
	case nodeMap:
		p.buf = append(p.buf, "#{"...)
		p.writeSeq(n, ',')
		p.buf = append(p.buf, '}')
	case nodePair:
		p.write(n.k)
		p.buf = append(p.buf, " => "...)
		p.write(n.v)
	case nodeBin:
		p.buf = append(p.buf, "<<"...)
		for i, part := range n.parts {
			if i > 0 {
				p.buf = append(p.buf, ',')
			}
			p.buf = append(p.buf, part...)
		}
		p.buf = append(p.buf, ">>"...)
	case nodeDots:
		p.buf = append(p.buf, "..."...)
	case nodeRecord, nodeField:
		p.writeRecord(n)
	default:
		p.buf = append(p.buf, n.text...)
	}
}

func (p *prettyPrinter) writeSeq(n *pnode, sep byte) {
	for i, el := range n.elems {
		if i > 0 {
			p.buf = append(p.buf, ',')
		}
		p.write(el)
	}
	if n.tail != nil {
		if len(n.elems) > 0 {
			p.buf = append(p.buf, sep)
		}
		p.write(n.tail)
	}
}

func (p *prettyPrinter) newline(ind int) {
	p.buf = append(p.buf, '\n')
	for i := 0; i < ind; i++ {
		p.buf = append(p.buf, ' ')
	}
}

// fits is the test io_lib_pretty applies before writing n on one line.
func (p *prettyPrinter) fits(n *pnode, col, ld, w int) bool {
	return n.n < p.ll-col-ld && n.n+w+ld <= p.m
}

// lastDepth is io_lib_pretty's last_depth: 0 while more elements follow
// element i, else ld+1.
func lastDepth(n *pnode, i, ld int) int {
	if i+1 < len(n.elems) {
		return 0
	}
	return ld + 1
}

// tailFits is the test for appending element el (of length elen + 1 with
// its comma) to the current line.
func (p *prettyPrinter) tailFits(el *pnode, col, ld1, w int) bool {
	elen := 1 + el.n
	if !el.atomic() {
		return false
	}
	if ld1 == 0 {
		return elen+1 < p.ll-col && w+elen+1 <= p.m
	}
	return elen < p.ll-col-ld1 && w+elen+ld1 <= p.m
}

func (p *prettyPrinter) pp(n *pnode, col, tind, ind, ld, w int) {
	if p.fits(n, col, ld, w) {
		p.write(n)
		return
	}
	switch n.kind {
	case nodeList:
		p.buf = append(p.buf, '[')
		p.ppList(n, 0, col+1, tind, ind+1, ld, '|', w+1)
		p.buf = append(p.buf, ']')
	case nodeTuple:
		p.buf = append(p.buf, '{')
		if n.tagged {
			p.ppTagTuple(n, col, tind, ind, ld, w+1)
		} else {
			p.ppList(n, 0, col+1, tind, ind+1, ld, ',', w+1)
		}
		p.buf = append(p.buf, '}')
	case nodeMap:
		p.buf = append(p.buf, "#{"...)
		p.ppMap(n, col+2, tind, ind+2, ld, w+1)
		p.buf = append(p.buf, '}')
	case nodeBin:
		p.ppBinary(n, col+2, ind+2, ld, w)
	case nodeRecord:
		p.ppRecord(n, col, tind, ind, ld, w)
	default:
		p.write(n)
	}
}

func (p *prettyPrinter) ppTagTuple(n *pnode, col, tind, ind, ld, w int) {
	tag := n.elems[0]
	tagInd := tag.n + 2
	tcol := col + tagInd
	p.write(tag)
	if tind > 0 && tagInd > tind {
		p.ppTail(n, 1, col+tind, tcol, tind, ind+tind, ld, ',', w+tag.n)
		return
	}
	p.buf = append(p.buf, ',')
	p.ppList(n, 1, tcol, tind, ind+tagInd, ld, ',', w+tag.n+1)
}

// ppList prints elements from, then the tail, of a list or tuple whose
// first printed element starts at col0.
func (p *prettyPrinter) ppList(n *pnode, from, col0, tind, ind, ld int, sep byte, w int) {
	if from >= len(n.elems) {
		// Only the tail (dots) is left.
		p.buf = append(p.buf, "..."...)
		return
	}
	we := p.ppElement(n.elems[from], col0, tind, ind, lastDepth(n, from, ld), w)
	p.ppTail(n, from+1, col0, col0+we, tind, ind, ld, sep, w+we)
}

// ppTail prints elements from on, each after a comma, then the tail.
func (p *prettyPrinter) ppTail(n *pnode, from, col0, col, tind, ind, ld int, sep byte, w int) {
	for i := from; i < len(n.elems); i++ {
		el := n.elems[i]
		ld1 := lastDepth(n, i, ld)
		if p.tailFits(el, col, ld1, w) {
			p.buf = append(p.buf, ',')
			p.write(el)
			col += 1 + el.n
			w += 1 + el.n
			continue
		}
		p.buf = append(p.buf, ',')
		p.newline(ind)
		we := p.ppElement(el, col0, tind, ind, ld1, 0)
		col = col0 + we
		w = we
	}
	t := n.tail
	switch {
	case t == nil:
	case t.kind == nodeDots:
		p.buf = append(p.buf, sep)
		p.buf = append(p.buf, "..."...)
	case t.n+1 < p.ll-col-(ld+1) && t.n+1+w+(ld+1) <= p.m && t.atomic():
		p.buf = append(p.buf, sep)
		p.write(t)
	default:
		p.buf = append(p.buf, sep)
		p.newline(ind)
		p.pp(t, col0, tind, ind, ld+1, 0)
	}
}

// ppElement prints one element and returns the width it takes, or the line
// length to force the next element onto a new line.
func (p *prettyPrinter) ppElement(el *pnode, col, tind, ind, ld, w int) int {
	if p.fits(el, col, ld, w) && el.atomic() {
		p.write(el)
		return el.n
	}
	p.pp(el, col, tind, ind, ld, w)
	return p.ll
}

func (p *prettyPrinter) ppMap(n *pnode, col, tind, ind, ld, w int) {
	if len(n.elems) == 0 {
		if n.tail != nil {
			p.buf = append(p.buf, "..."...)
		}
		return
	}
	pw := p.ppPair(n.elems[0], col, tind, ind, lastDepth(n, 0, ld), w)
	col0 := col
	cur := col + pw
	w = pw
	for i := 1; i < len(n.elems); i++ {
		pr := n.elems[i]
		ld1 := lastDepth(n, i, ld)
		if p.tailFits(pairAsLeaf(pr), cur, ld1, w) {
			p.buf = append(p.buf, ',')
			p.write(pr)
			cur += 1 + pr.n
			w += 1 + pr.n
			continue
		}
		p.buf = append(p.buf, ',')
		p.newline(ind)
		pw := p.ppPair(pr, col0, tind, ind, ld1, 0)
		cur = col0 + pw
		w = pw
	}
	if n.tail != nil {
		p.buf = append(p.buf, ",..."...)
	}
}

// pairAsLeaf stands for a pair in the tests that treat a pair of atomic
// key and value as atomic (io_lib_pretty's ?ATM_PAIR).
func pairAsLeaf(pr *pnode) *pnode {
	if pr.k.atomic() && pr.v.atomic() {
		return &pnode{kind: nodeLeaf, n: pr.n}
	}
	return &pnode{kind: nodePair, n: pr.n}
}

func (p *prettyPrinter) ppPair(pr *pnode, col, tind, ind, ld, w int) int {
	if p.fits(pr, col, ld, w) {
		p.write(pr)
		if pr.k.atomic() && pr.v.atomic() {
			return pr.n
		}
		return p.ll
	}
	i := mapValueIndent(tind)
	p.pp(pr.k, col, tind, ind, ld, w)
	p.buf = append(p.buf, " =>"...)
	p.newline(ind + i)
	p.pp(pr.v, col+i, tind, ind+i, ld, 0)
	return p.ll
}

func mapValueIndent(tind int) int {
	if tind > 0 {
		return tind
	}
	return 4
}

// ppBinary breaks a binary's byte list across lines.
func (p *prettyPrinter) ppBinary(n *pnode, col, ind, ld, w int) {
	width := max(8, min(p.ll-col, p.m-4-w)-ld)
	left := width
	p.buf = append(p.buf, "<<"...)
	last := len(n.parts) - 1
	for i, part := range n.parts {
		if i == last {
			if len(part) > left {
				p.newline(ind)
			}
			p.buf = append(p.buf, part...)
			break
		}
		l := len(part) + 1
		if left-l < 0 {
			p.newline(ind)
			p.buf = append(p.buf, part...)
			p.buf = append(p.buf, ',')
			left = width - l
			continue
		}
		p.buf = append(p.buf, part...)
		p.buf = append(p.buf, ',')
		left -= l
	}
	p.buf = append(p.buf, ">>"...)
}

// cind reports whether indenting tagged tuples by ind keeps every line
// within bounds (io_lib_pretty's cind/7 not throwing no_good).
func (p *prettyPrinter) cind(n *pnode, col, ind, ld, w int) bool {
	if p.fits(n, col, ld, w) {
		return true
	}
	switch n.kind {
	case nodeList:
		return p.cindList(n, 0, col+1, ind, ld, w+1)
	case nodeTuple:
		if n.tagged {
			return p.cindTagTuple(n, col, ind, ld, w+1)
		}
		return p.cindList(n, 0, col+1, ind, ld, w+1)
	case nodeMap:
		return p.cindMap(n, col+2, ind, ld, w+2)
	case nodeRecord:
		return p.cindRecord(n, col, ind, ld, w)
	}
	return true
}

func (p *prettyPrinter) cindTagTuple(n *pnode, col, ind, ld, w int) bool {
	tlen := n.elems[0].n
	tagInd := tlen + 2
	tcol := col + tagInd
	switch {
	case ind > 0 && tagInd > ind:
		col1 := col + ind
		if p.m+col1 <= p.ll || col1 <= p.ll/2 {
			return p.cindTail(n, 1, col1, tcol, ind, ld, w+tlen)
		}
		return false
	case p.m+tcol < p.ll || tcol < p.ll/2:
		return p.cindList(n, 1, tcol, ind, ld, w+tlen+1)
	}
	return false
}

func (p *prettyPrinter) cindMap(n *pnode, col, ind, ld, w int) bool {
	if len(n.elems) == 0 {
		return true
	}
	pw, ok := p.cindPair(n.elems[0], col, ind, lastDepth(n, 0, ld), w)
	if !ok {
		return false
	}
	col0, cur := col, col+pw
	w += pw
	for i := 1; i < len(n.elems); i++ {
		pr := n.elems[i]
		ld1 := lastDepth(n, i, ld)
		if p.tailFits(pairAsLeaf(pr), cur, ld1, w) {
			cur += 1 + pr.n
			w += 1 + pr.n
			continue
		}
		pw, ok := p.cindPair(pr, col0, ind, ld1, 0)
		if !ok {
			return false
		}
		cur = col0 + pw
		w = pw
	}
	return true
}

func (p *prettyPrinter) cindPair(pr *pnode, col, ind, ld, w int) (int, bool) {
	if p.fits(pr, col, ld, w) {
		if pr.k.atomic() && pr.v.atomic() {
			return pr.n, true
		}
		return p.ll, true
	}
	if !p.cind(pr.k, col, ind, ld, w) {
		return 0, false
	}
	if !p.cind(pr.v, col+mapValueIndent(ind), ind, ld, 0) {
		return 0, false
	}
	return p.ll, true
}

func (p *prettyPrinter) cindList(n *pnode, from, col0, ind, ld, w int) bool {
	if from >= len(n.elems) {
		return true
	}
	we, ok := p.cindElement(n.elems[from], col0, ind, lastDepth(n, from, ld), w)
	if !ok {
		return false
	}
	return p.cindTail(n, from+1, col0, col0+we, ind, ld, w+we)
}

func (p *prettyPrinter) cindTail(n *pnode, from, col0, col, ind, ld, w int) bool {
	for i := from; i < len(n.elems); i++ {
		el := n.elems[i]
		ld1 := lastDepth(n, i, ld)
		if p.tailFits(el, col, ld1, w) {
			col += 1 + el.n
			w += 1 + el.n
			continue
		}
		we, ok := p.cindElement(el, col0, ind, ld1, 0)
		if !ok {
			return false
		}
		col = col0 + we
		w = we
	}
	t := n.tail
	switch {
	case t == nil, t.kind == nodeDots:
		return true
	case t.n+1 < p.ll-col-(ld+1) && t.n+1+w+(ld+1) <= p.m && t.atomic():
		return true
	}
	return p.cind(t, col, ind, ld+1, 0)
}

func (p *prettyPrinter) cindElement(el *pnode, col, ind, ld, w int) (int, bool) {
	if p.fits(el, col, ld, w) && el.atomic() {
		return el.n, true
	}
	if !p.cind(el, col, ind, ld, w) {
		return 0, false
	}
	return p.ll, true
}

// textLength is io_lib:chars_length/1 of UTF-8 text: its number of
// characters when all are Latin-1, otherwise its number of grapheme
// clusters.
func textLength(s []byte) int {
	n, wide := 0, false
	for _, r := range string(s) {
		n++
		if r > 0xFF {
			wide = true
		}
	}
	if !wide {
		return n
	}
	return GraphemeCount([]rune(string(s)))
}

// CharsLength is io_lib:chars_length/1 of a flat character list: the
// number of characters when all are Latin-1, otherwise the number of
// grapheme clusters (string:length/1).
func CharsLength(cs []rune) int {
	for _, c := range cs {
		if c < 0 || c > 0xFF {
			return GraphemeCount(cs)
		}
	}
	return len(cs)
}

// GraphemeCount returns the number of grapheme clusters of cs, following
// the Unicode extended grapheme cluster rules (CR LF, controls, combining
// and spacing marks, prepended concatenation marks, ZWJ emoji sequences,
// regional-indicator pairs, Hangul syllables). The character properties
// come from Go's unicode tables plus fixed ranges, an approximation of the
// tables OTP 25 uses.
func GraphemeCount(cs []rune) int {
	n := 0
	for i := 0; i < len(cs); i = nextGrapheme(cs, i) {
		n++
	}
	return n
}

// GraphemePrefix returns the first n grapheme clusters of cs (all of cs if
// it has fewer), as string:slice(Cs, 0, N).
func GraphemePrefix(cs []rune, n int) []rune {
	i := 0
	for ; n > 0 && i < len(cs); n-- {
		i = nextGrapheme(cs, i)
	}
	return cs[:i]
}

type gbClass uint8

const (
	gbOther gbClass = iota
	gbCR
	gbLF
	gbControl
	gbExtend
	gbZWJ
	gbRI
	gbSpacingMark
	gbL
	gbV
	gbT
	gbLV
	gbLVT
	gbPict
	gbPrepend
)

func graphemeClass(c rune) gbClass {
	switch {
	case c == '\r':
		return gbCR
	case c == '\n':
		return gbLF
	case c == 0x200D:
		return gbZWJ
	case c < 0x20 || c >= 0x7F && c < 0xA0 || c == 0x2028 || c == 0x2029:
		return gbControl
	case c < 0x300:
		if c == 0xA9 || c == 0xAE {
			return gbPict
		}
		return gbOther
	case c >= 0x1100 && c <= 0x115F || c >= 0xA960 && c <= 0xA97C:
		return gbL
	case c >= 0x1160 && c <= 0x11A7 || c >= 0xD7B0 && c <= 0xD7C6:
		return gbV
	case c >= 0x11A8 && c <= 0x11FF || c >= 0xD7CB && c <= 0xD7FB:
		return gbT
	case c >= 0xAC00 && c <= 0xD7A3:
		if (c-0xAC00)%28 == 0 {
			return gbLV
		}
		return gbLVT
	case c >= 0x1F1E6 && c <= 0x1F1FF:
		return gbRI
	case c >= 0x600 && c <= 0x605, c == 0x6DD, c == 0x70F, c == 0x890, c == 0x891, c == 0x8E2,
		c == 0xD4E, c == 0x110BD, c == 0x110CD, c == 0x111C2, c == 0x111C3, c == 0x1193F,
		c == 0x11941, c == 0x11A3A, c >= 0x11A84 && c <= 0x11A89, c == 0x11D46:
		return gbPrepend
	case c == 0xE33, c == 0xEB3:
		return gbSpacingMark
	case c == 0x200C, c >= 0xFF9E && c <= 0xFF9F, c >= 0x1F3FB && c <= 0x1F3FF,
		c >= 0xE0020 && c <= 0xE007F, unicode.Is(unicode.Mn, c), unicode.Is(unicode.Me, c):
		return gbExtend
	case unicode.Is(unicode.Mc, c):
		return gbSpacingMark
	case c == 0x203C, c == 0x2049, c == 0x2122, c == 0x2139, c >= 0x2194 && c <= 0x21AA,
		c >= 0x231A && c <= 0x23FF, c >= 0x25AA && c <= 0x25FE, c >= 0x2600 && c <= 0x27BF,
		c >= 0x2934 && c <= 0x2935, c >= 0x2B05 && c <= 0x2B55, c == 0x3030, c == 0x303D,
		c == 0x3297, c == 0x3299, c >= 0x1F000 && c <= 0x1FAFF, c >= 0x1FC00 && c <= 0x1FFFD:
		return gbPict
	case unicode.Is(unicode.Cf, c):
		return gbControl
	}
	return gbOther
}

// nextGrapheme returns the index just past the grapheme cluster that
// starts at cs[i].
func nextGrapheme(cs []rune, i int) int {
	prev := graphemeClass(cs[i])
	pictSeq := prev == gbPict // inside Pict Extend* (ZWJ)?
	riCount := 0
	if prev == gbRI {
		riCount = 1
	}
	j := i + 1
	for ; j < len(cs); j++ {
		cur := graphemeClass(cs[j])
		join := false
		switch {
		case prev == gbCR && cur == gbLF:
			join = true
		case prev == gbCR || prev == gbLF || prev == gbControl:
		case cur == gbCR || cur == gbLF || cur == gbControl:
		case prev == gbL && (cur == gbL || cur == gbV || cur == gbLV || cur == gbLVT):
			join = true
		case (prev == gbLV || prev == gbV) && (cur == gbV || cur == gbT):
			join = true
		case (prev == gbLVT || prev == gbT) && cur == gbT:
			join = true
		case cur == gbExtend || cur == gbZWJ || cur == gbSpacingMark:
			join = true
		case prev == gbPrepend:
			join = true
		case prev == gbZWJ && cur == gbPict && pictSeq:
			join = true
		case prev == gbRI && cur == gbRI && riCount%2 == 1:
			join = true
		}
		if !join {
			break
		}
		switch {
		case cur == gbRI:
			riCount++
		case cur == gbPict:
			pictSeq = true
		case cur != gbExtend && cur != gbZWJ:
			pictSeq = false
		}
		prev = cur
	}
	return j
}
