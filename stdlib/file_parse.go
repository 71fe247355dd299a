package stdlib

import (
	"math"
	"math/big"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// A parser of one term's tokens as OTP's erl_parse:parse_term/1 reads
// them: the tokens must form an Erlang expression (the whole expression
// grammar: operators, calls, records, maps, comprehensions, case, fun,
// try...) followed by a dot. The first token that cannot continue an
// expression is reported as erl_parse does, {Line, erl_parse,
// ["syntax error before: ", TokenText]}; an expression that is not a
// term (a variable, a call, an operator other than a sign on a number)
// is {Line, erl_parse, "bad term"}.

// nodeKind is what a parsed expression is, as far as terms go.
type nodeKind uint8

const (
	nLit   nodeKind = iota // integer, float, character, atom or string
	nNil                   // []
	nCons                  // [Head | Tail]: kids[0], kids[1]
	nTuple                 // {kids...}
	nMap                   // #{K => V, ...}: kids are keys and values in turn
	nBin                   // <<segs...>>
	nSign                  // + or - (op) before a literal number (kids[0])
	nFun                   // fun M:F/A
	nOther                 // anything that is no term
)

// node is a parsed expression.
type node struct {
	kind nodeKind
	line int
	tok  *token // nLit
	op   string // nSign
	kids []*node
	segs []binSeg // nBin
	// nMap: whether it is a term (no base map, only =>); nFun: whether M,
	// F and A are an atom, an atom and an integer.
	term bool
	m, f []rune
	a    *big.Int
}

// binSeg is one segment of a binary: value, size (nil for the default)
// and type specifiers.
type binSeg struct {
	val, size *node
	types     []binType
}

// binType is a type specifier: a name, or unit:N (unit >= 0).
type binType struct {
	name string
	unit int
}

// parseFailure is the token a parse stopped at.
type parseFailure struct{ at *token }

// parser parses toks, which end with a tkEnd token.
type parser struct {
	toks []token
	pos  int
}

// termParse is the outcome of parsing a term's tokens: the expression,
// or the token the parse failed at; and for two or more expressions the
// line of the second ("bad term" there).
type termParse struct {
	expr     *node
	failAt   *token
	manyLine int
}

// parseTermTokens parses the tokens of a term (with their dot, or
// without one when the input ended first).
func parseTermTokens(toks []token) (res termParse) {
	end := token{kind: tkEnd}
	if n := len(toks); n > 0 {
		end.line = toks[n-1].line
	}
	p := &parser{toks: append(append([]token(nil), toks...), end)}
	defer func() {
		if r := recover(); r != nil {
			f, ok := r.(parseFailure)
			if !ok {
				panic(r)
			}
			res = termParse{failAt: f.at}
		}
	}()
	es := p.exprs()
	if p.peek().kind != tkDot {
		p.fail()
	}
	p.pos++
	if p.peek().kind != tkEnd {
		p.fail()
	}
	if len(es) > 1 {
		return termParse{manyLine: es[1].line}
	}
	return termParse{expr: es[0]}
}

func (p *parser) peek() *token { return &p.toks[p.pos] }

// peekAt returns the token k places ahead (the end token past the end).
func (p *parser) peekAt(k int) *token {
	if p.pos+k >= len(p.toks) {
		return &p.toks[len(p.toks)-1]
	}
	return &p.toks[p.pos+k]
}

func (p *parser) next() *token {
	t := &p.toks[p.pos]
	if t.kind != tkEnd {
		p.pos++
	}
	return t
}

// fail stops the parse at the current token.
func (p *parser) fail() { panic(parseFailure{at: p.peek()}) }

// isSym reports whether t is the symbol or reserved word s.
func isSym(t *token, s string) bool { return t.kind == tkSym && t.sym == s }

func (p *parser) accept(s string) bool {
	if isSym(p.peek(), s) {
		p.pos++
		return true
	}
	return false
}

func (p *parser) expect(s string) {
	if !p.accept(s) {
		p.fail()
	}
}

// expectKind consumes a token of kind k.
func (p *parser) expectKind(k tokKind) *token {
	if p.peek().kind != k {
		p.fail()
	}
	return p.next()
}

func other(line int) *node { return &node{kind: nOther, line: line} }

func (p *parser) exprs() []*node {
	es := []*node{p.expr()}
	for p.accept(",") {
		es = append(es, p.expr())
	}
	return es
}

// binOp is a binary operator's precedence and associativity.
type binOp struct {
	prec     int
	right    bool
	nonassoc bool
}

var binOps = map[string]binOp{
	"=": {100, true, false}, "!": {100, true, false},
	"orelse": {150, true, false}, "andalso": {160, true, false},
	"==": {200, false, true}, "/=": {200, false, true}, "=<": {200, false, true}, "<": {200, false, true},
	">=": {200, false, true}, ">": {200, false, true}, "=:=": {200, false, true}, "=/=": {200, false, true},
	"++": {300, true, false}, "--": {300, true, false},
	"+": {400, false, false}, "-": {400, false, false}, "bor": {400, false, false},
	"bxor": {400, false, false}, "bsl": {400, false, false}, "bsr": {400, false, false},
	"or": {400, false, false}, "xor": {400, false, false},
	"/": {500, false, false}, "*": {500, false, false}, "div": {500, false, false},
	"rem": {500, false, false}, "band": {500, false, false}, "and": {500, false, false},
}

func isPrefixOp(t *token) bool {
	return t.kind == tkSym && (t.sym == "+" || t.sym == "-" || t.sym == "bnot" || t.sym == "not")
}

func (p *parser) expr() *node { return p.binary(0) }

// binary parses operands joined by operators of at least precedence min.
func (p *parser) binary(min int) *node {
	left := p.unary()
	last := -1
	for {
		t := p.peek()
		if t.kind != tkSym {
			return left
		}
		op, ok := binOps[t.sym]
		if !ok || op.prec < min {
			return left
		}
		if op.nonassoc && last == op.prec {
			p.fail()
		}
		p.next()
		nextMin := op.prec + 1
		if op.right {
			nextMin = op.prec
		}
		p.binary(nextMin)
		left = other(left.line)
		last = -1
		if op.nonassoc {
			last = op.prec
		}
	}
}

// unary parses catch Expr, a prefix operator and its operand, or an
// operand.
func (p *parser) unary() *node {
	t := p.peek()
	switch {
	case isSym(t, "catch"):
		p.next()
		p.expr()
		return other(t.line)
	case isPrefixOp(t):
		p.next()
		x := p.unary()
		if (t.sym == "+" || t.sym == "-") && x.kind == nLit &&
			(x.tok.kind == tkInt || x.tok.kind == tkFloat || x.tok.kind == tkChar) {
			return &node{kind: nSign, line: t.line, op: t.sym, kids: []*node{x}}
		}
		return other(t.line)
	}
	return p.postfix()
}

// postfix parses a primary expression and what may follow it: a remote
// name (M:F), a call, map updates and record operations.
func (p *parser) postfix() *node {
	t := p.peek()
	if isSym(t, "#") {
		p.next()
		return p.hashOps(nil, t.line)
	}
	base := p.exprMax()
	remote := false
	if p.accept(":") {
		p.exprMax()
		remote = true
	}
	if isSym(p.peek(), "(") {
		p.args()
		return other(base.line)
	}
	if remote {
		return other(base.line)
	}
	if isSym(p.peek(), "#") {
		p.next()
		return p.hashOps(base, base.line)
	}
	return base
}

// hashOps parses what follows a '#' (just consumed): a map, or a record,
// and the chain of the same kind after it. base is the expression before
// the '#' (nil when the '#' starts the expression).
func (p *parser) hashOps(base *node, line int) *node {
	switch t := p.peek(); {
	case isSym(t, "{"):
		n := p.mapTuple(line)
		if base != nil {
			n = other(line)
		}
		for p.accept("#") {
			if !isSym(p.peek(), "{") {
				p.fail()
			}
			p.mapTuple(line)
			n = other(line)
		}
		return n
	case t.kind == tkAtom:
		p.next()
		p.recordRest()
		for p.accept("#") {
			p.expectKind(tkAtom)
			p.recordRest()
		}
		return other(line)
	}
	p.fail()
	return nil
}

// mapTuple parses {K => V, K := V, ...}.
func (p *parser) mapTuple(line int) *node {
	p.expect("{")
	n := &node{kind: nMap, line: line, term: true}
	if p.accept("}") {
		return n
	}
	for {
		k := p.expr()
		switch {
		case p.accept("=>"):
		case p.accept(":="):
			n.term = false
		default:
			p.fail()
		}
		v := p.expr()
		n.kids = append(n.kids, k, v)
		if p.accept("}") {
			return n
		}
		p.expect(",")
	}
}

// recordRest parses what follows #Name: .Field or {Field = Expr, ...}.
func (p *parser) recordRest() {
	if p.accept(".") {
		p.expectKind(tkAtom)
		return
	}
	p.expect("{")
	if p.accept("}") {
		return
	}
	for {
		if k := p.peek().kind; k != tkAtom && k != tkVar {
			p.fail()
		}
		p.next()
		p.expect("=")
		p.expr()
		if p.accept("}") {
			return
		}
		p.expect(",")
	}
}

// args parses an argument list.
func (p *parser) args() {
	p.expect("(")
	if p.accept(")") {
		return
	}
	p.exprs()
	p.expect(")")
}

// exprMax parses a primary expression.
func (p *parser) exprMax() *node {
	t := p.peek()
	if t.kind == tkEnd {
		p.fail()
	}
	p.pos++
	switch t.kind {
	case tkVar:
		return other(t.line)
	case tkInt, tkFloat, tkChar, tkAtom:
		return &node{kind: nLit, line: t.line, tok: t}
	case tkString:
		if p.peek().kind != tkString {
			return &node{kind: nLit, line: t.line, tok: t}
		}
		joined := token{kind: tkString, line: t.line, text: append([]rune(nil), t.text...)}
		for p.peek().kind == tkString {
			joined.text = append(joined.text, p.next().text...)
		}
		return &node{kind: nLit, line: t.line, tok: &joined}
	case tkSym:
		switch t.sym {
		case "[":
			return p.list(t.line)
		case "<<":
			return p.binaryExpr(t.line)
		case "{":
			n := &node{kind: nTuple, line: t.line}
			if p.accept("}") {
				return n
			}
			n.kids = p.exprs()
			p.expect("}")
			return n
		case "(":
			e := p.expr()
			p.expect(")")
			return e
		case "begin":
			p.exprs()
			p.expect("end")
			return other(t.line)
		case "if":
			for {
				p.guard()
				p.clauseBody()
				if !p.accept(";") {
					break
				}
			}
			p.expect("end")
			return other(t.line)
		case "case":
			p.expr()
			p.expect("of")
			p.crClauses()
			p.expect("end")
			return other(t.line)
		case "receive":
			if !isSym(p.peek(), "after") {
				p.crClauses()
			}
			if p.accept("after") {
				p.expr()
				p.clauseBody()
			}
			p.expect("end")
			return other(t.line)
		case "fun":
			return p.funExpr(t.line)
		case "try":
			p.tryExpr()
			return other(t.line)
		}
	}
	p.pos--
	p.fail()
	return nil
}

// list parses the rest of [...] or a list comprehension.
func (p *parser) list(line int) *node {
	if p.accept("]") {
		return &node{kind: nNil, line: line}
	}
	h := p.expr()
	if p.accept("||") {
		p.lcExprs()
		p.expect("]")
		return other(line)
	}
	return &node{kind: nCons, line: line, kids: []*node{h, p.tail()}}
}

func (p *parser) tail() *node {
	t := p.peek()
	switch {
	case p.accept("]"):
		return &node{kind: nNil, line: t.line}
	case p.accept("|"):
		e := p.expr()
		p.expect("]")
		return e
	case p.accept(","):
		h := p.expr()
		return &node{kind: nCons, line: h.line, kids: []*node{h, p.tail()}}
	}
	p.fail()
	return nil
}

func (p *parser) lcExprs() {
	for {
		p.expr()
		if p.accept("<-") || p.accept("<=") {
			p.expr()
		}
		if !p.accept(",") {
			return
		}
	}
}

// binaryExpr parses the rest of <<...>> or a binary comprehension.
func (p *parser) binaryExpr(line int) *node {
	n := &node{kind: nBin, line: line}
	if p.accept(">>") {
		return n
	}
	first := true
	for {
		var val *node
		if t := p.peek(); isPrefixOp(t) {
			p.next()
			x := p.exprMax()
			val = other(t.line)
			if (t.sym == "+" || t.sym == "-") && x.kind == nLit && x.tok.kind != tkAtom && x.tok.kind != tkString {
				val = &node{kind: nSign, line: t.line, op: t.sym, kids: []*node{x}}
			}
		} else {
			val = p.exprMax()
			if first && p.accept("||") {
				p.lcExprs()
				p.expect(">>")
				return other(line)
			}
		}
		first = false
		seg := binSeg{val: val}
		if p.accept(":") {
			seg.size = p.exprMax()
		}
		if p.accept("/") {
			for {
				t := p.expectKind(tkAtom)
				bt := binType{name: string(t.text), unit: -1}
				if p.accept(":") {
					u := p.expectKind(tkInt)
					bt.unit = 256
					if u.ival.IsInt64() && u.ival.Int64() <= 256 {
						bt.unit = int(u.ival.Int64())
					}
				}
				seg.types = append(seg.types, bt)
				if !p.accept("-") {
					break
				}
			}
		}
		n.segs = append(n.segs, seg)
		if p.accept(">>") {
			return n
		}
		p.expect(",")
	}
}

// guard parses guard tests: expressions, alternatives separated by ';'.
func (p *parser) guard() {
	p.exprs()
	for p.accept(";") {
		p.exprs()
	}
}

func (p *parser) clauseGuard() {
	if p.accept("when") {
		p.guard()
	}
}

func (p *parser) clauseBody() {
	p.expect("->")
	p.exprs()
}

// crClauses parses the clauses of a case or receive.
func (p *parser) crClauses() {
	for {
		p.expr()
		p.clauseGuard()
		p.clauseBody()
		if !p.accept(";") {
			return
		}
	}
}

// funExpr parses the rest of fun Name/Arity, fun M:F/A or fun (...) ->
// ... end.
func (p *parser) funExpr(line int) *node {
	t, t1 := p.peek(), p.peekAt(1)
	switch {
	case t.kind == tkAtom && isSym(t1, "/"):
		p.next()
		p.next()
		p.expectKind(tkInt)
		return other(line)
	case (t.kind == tkAtom || t.kind == tkVar) && isSym(t1, ":"):
		p.next()
		p.next()
		f := p.peek()
		if f.kind != tkAtom && f.kind != tkVar {
			p.fail()
		}
		p.next()
		p.expect("/")
		a := p.peek()
		if a.kind != tkInt && a.kind != tkVar {
			p.fail()
		}
		p.next()
		n := &node{kind: nFun, line: line}
		if t.kind == tkAtom && f.kind == tkAtom && a.kind == tkInt {
			n.term, n.m, n.f, n.a = true, t.text, f.text, a.ival
		}
		return n
	case t.kind == tkAtom:
		p.next()
		p.fail()
	}
	for {
		if p.peek().kind == tkVar {
			p.next()
		}
		p.args()
		p.clauseGuard()
		p.clauseBody()
		if !p.accept(";") {
			break
		}
	}
	p.expect("end")
	return other(line)
}

// tryExpr parses the rest of try ... end.
func (p *parser) tryExpr() {
	p.exprs()
	if p.accept("of") {
		p.crClauses()
	}
	if p.accept("catch") {
		for {
			t, t1 := p.peek(), p.peekAt(1)
			if (t.kind == tkAtom || t.kind == tkVar) && isSym(t1, ":") {
				p.next()
				p.next()
			}
			p.expr()
			if p.accept(":") {
				p.expectKind(tkVar)
			}
			p.clauseGuard()
			p.clauseBody()
			if !p.accept(";") {
				break
			}
		}
		if p.accept("after") {
			p.exprs()
		}
		p.expect("end")
		return
	}
	p.expect("after")
	p.exprs()
	p.expect("end")
}

// tokenText is how erl_parse shows a token in "syntax error before:".
func tokenText(p *vm.Process, t *token) term.Term {
	h := p.Heap
	w := func(v term.Term) term.Term { return h.String(string(term.AppendW(nil, p.Env(), v))) }
	switch t.kind {
	case tkAtom:
		return w(p.Atom(string(t.text)))
	case tkVar:
		return runesList(h, t.text)
	case tkInt:
		return h.String(t.ival.String())
	case tkFloat:
		return w(h.Float(t.fval))
	case tkChar:
		q := []rune(string(term.AppendString(nil, []rune{t.cval}, true)))
		body := q[1 : len(q)-1]
		if len(body) == 2 && body[0] == '\\' && body[1] == '"' {
			body = body[1:]
		}
		return runesList(h, append([]rune{'$'}, body...))
	case tkString:
		return runesList(h, []rune(string(term.AppendString(nil, t.text, true))))
	case tkDot:
		return h.String("'.'")
	case tkEnd:
		return term.Nil
	}
	return w(p.Atom(t.sym))
}

// parseResult builds erl_parse:parse_term's answer for a term's tokens:
// {ok, Term} or {error, {Line, erl_parse, Message}}.
func parseResult(p *vm.Process, toks []token) term.Term {
	h := p.Heap
	res := parseTermTokens(toks)
	parseErr := func(line int, msg term.Term) term.Term {
		return h.Tuple(term.AtomError, h.Tuple(term.MakeSmall(int64(line)), p.Atom("erl_parse"), msg))
	}
	switch {
	case res.failAt != nil:
		return parseErr(res.failAt.line, h.List(h.String("syntax error before: "), tokenText(p, res.failAt)))
	case res.expr == nil:
		return parseErr(res.manyLine, h.String("bad term"))
	}
	b := termBuilder{p: p}
	t, ok := b.build(res.expr)
	if !ok {
		return parseErr(res.expr.line, h.String("bad term"))
	}
	return h.Tuple(term.AtomOk, t)
}

// termBuilder builds the term an expression stands for.
type termBuilder struct{ p *vm.Process }

func (b *termBuilder) build(n *node) (term.Term, bool) {
	p := b.p
	h := p.Heap
	switch n.kind {
	case nLit:
		t := n.tok
		switch t.kind {
		case tkInt:
			return h.Big(t.ival), true
		case tkFloat:
			return h.Float(t.fval), true
		case tkChar:
			return term.MakeSmall(int64(t.cval)), true
		case tkAtom:
			return p.Atom(string(t.text)), true
		case tkString:
			return runesList(h, t.text), true
		}
	case nNil:
		return term.Nil, true
	case nCons:
		hd, ok := b.build(n.kids[0])
		if !ok {
			return 0, false
		}
		tl, ok := b.build(n.kids[1])
		if !ok {
			return 0, false
		}
		return h.Cons(hd, tl), true
	case nTuple:
		elems := make([]term.Term, len(n.kids))
		for i, k := range n.kids {
			e, ok := b.build(k)
			if !ok {
				return 0, false
			}
			elems[i] = e
		}
		return h.Tuple(elems...), true
	case nMap:
		if !n.term {
			return 0, false
		}
		var keys, vals []term.Term
		for i := 0; i < len(n.kids); i += 2 {
			k, ok1 := b.build(n.kids[i])
			v, ok2 := b.build(n.kids[i+1])
			if !ok1 || !ok2 {
				return 0, false
			}
			keys, vals = append(keys, k), append(vals, v)
		}
		return p.NewMap(keys, vals), true
	case nSign:
		t := n.kids[0].tok
		neg := n.op == "-"
		switch t.kind {
		case tkInt:
			if neg {
				return h.Big(new(big.Int).Neg(t.ival)), true
			}
			return h.Big(t.ival), true
		case tkFloat:
			if neg {
				return h.Float(-t.fval), true
			}
			return h.Float(t.fval), true
		case tkChar:
			if neg {
				return term.MakeSmall(-int64(t.cval)), true
			}
			return term.MakeSmall(int64(t.cval)), true
		}
	case nFun:
		if !n.term || !n.a.IsInt64() || n.a.Int64() < 0 || n.a.Int64() > 255 {
			return 0, false
		}
		rt := p.Runtime()
		m, f, a := p.Atom(string(n.m)), p.Atom(string(n.f)), int(n.a.Int64())
		rt.ExportIndex(m, f, a)
		e, ok := rt.LookupExport(m, f, a)
		if !ok {
			return 0, false
		}
		return p.ExportFun(e), true
	case nBin:
		return b.binary(n)
	}
	return 0, false
}

// bitBuf collects the bits of a binary under construction.
type bitBuf struct {
	buf []byte
	n   uint64
}

// writeBits appends the low bits of the big-endian bytes src, which hold
// exactly bits bits from bit offset off.
func (w *bitBuf) writeBits(src []byte, off, bits uint64) {
	for i := uint64(0); i < bits; i++ {
		at := off + i
		bit := src[at/8] >> (7 - at%8) & 1
		if w.n%8 == 0 {
			w.buf = append(w.buf, 0)
		}
		if bit != 0 {
			w.buf[w.n/8] |= 0x80 >> (w.n % 8)
		}
		w.n++
	}
}

// writeInt appends v as a bits-bit integer (two's complement), big or
// little endian.
func (w *bitBuf) writeInt(v *big.Int, bits uint64, little bool) {
	nbytes := (bits + 7) / 8
	m := new(big.Int).Lsh(big.NewInt(1), uint(bits))
	u := new(big.Int).Mod(v, m)
	b := u.FillBytes(make([]byte, nbytes))
	if little && bits%8 == 0 {
		for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
			b[i], b[j] = b[j], b[i]
		}
	}
	w.writeBits(b, nbytes*8-bits, bits)
}

// binary builds a binary expression's bitstring, as eval_bits does for
// literal segments.
func (b *termBuilder) binary(n *node) (term.Term, bool) {
	var w bitBuf
	for _, s := range n.segs {
		if s.val.kind == nLit && s.val.tok.kind == tkString {
			for _, c := range s.val.tok.text {
				lit := &node{kind: nLit, tok: &token{kind: tkInt, ival: big.NewInt(int64(c))}}
				if !b.segment(&w, binSeg{val: lit, size: s.size, types: s.types}) {
					return 0, false
				}
			}
			continue
		}
		if !b.segment(&w, s) {
			return 0, false
		}
	}
	p := b.p
	bin := p.Heap.Binary(p.Env().Bins, w.buf)
	if w.n%8 == 0 {
		return bin, true
	}
	return p.Heap.SubBinary(bin, 0, w.n), true
}

// segment appends one segment; false when it is not a valid one.
func (b *termBuilder) segment(w *bitBuf, s binSeg) bool {
	env := b.p.Env()
	typ, little, unit := "integer", false, -1
	for _, t := range s.types {
		switch t.name {
		case "integer", "float", "binary", "bytes", "bitstring", "bits", "utf8", "utf16", "utf32":
			typ = t.name
		case "big", "signed", "unsigned":
		case "little", "native":
			little = true
		case "unit":
			if t.unit < 1 || t.unit > 256 {
				return false
			}
			unit = t.unit
		default:
			return false
		}
	}
	v, ok := b.build(s.val)
	if !ok {
		return false
	}
	size := int64(-1)
	if s.size != nil {
		st, ok := b.build(s.size)
		if !ok || !st.IsSmall() || st.Small() < 0 {
			return false
		}
		size = st.Small()
	}
	switch typ {
	case "integer", "float":
		if unit < 0 {
			unit = 1
		}
	case "binary", "bytes":
		typ = "binary"
		if unit < 0 {
			unit = 8
		}
	case "bitstring", "bits":
		typ = "binary"
		if unit < 0 {
			unit = 1
		}
	default: // utf
		if size >= 0 || unit >= 0 {
			return false
		}
	}
	switch typ {
	case "integer":
		if !env.IsInteger(v) {
			return false
		}
		if size < 0 {
			size = 8
		}
		bits := uint64(size) * uint64(unit)
		if bits > 1<<24 {
			return false
		}
		w.writeInt(env.BigInt(v), bits, little)
	case "float":
		if size < 0 {
			size = 64
		}
		var f float64
		switch {
		case env.IsFloat(v):
			f = env.Float(v)
		case env.IsInteger(v):
			f, _ = new(big.Float).SetInt(env.BigInt(v)).Float64()
		default:
			return false
		}
		var bs []byte
		switch size * int64(unit) {
		case 64:
			bs = big.NewInt(0).SetUint64(math.Float64bits(f)).FillBytes(make([]byte, 8))
		case 32:
			bs = big.NewInt(int64(math.Float32bits(float32(f)))).FillBytes(make([]byte, 4))
		default:
			return false
		}
		if little {
			for i, j := 0, len(bs)-1; i < j; i, j = i+1, j-1 {
				bs[i], bs[j] = bs[j], bs[i]
			}
		}
		w.writeBits(bs, 0, uint64(len(bs))*8)
	case "binary":
		if !env.IsBitstring(v) {
			return false
		}
		data, off, bits := env.Bits(v)
		if size >= 0 {
			want := uint64(size) * uint64(unit)
			if want > bits {
				return false
			}
			bits = want
		} else if bits%uint64(unit) != 0 {
			return false
		}
		w.writeBits(data, off, bits)
	case "utf8", "utf16", "utf32":
		c, ok := smallArg(v)
		if !ok || c < 0 || c > utf8.MaxRune || c >= 0xD800 && c <= 0xDFFF {
			return false
		}
		var units []uint64
		var width uint64
		switch typ {
		case "utf8":
			for _, x := range utf8.AppendRune(nil, rune(c)) {
				units = append(units, uint64(x))
			}
			width = 8
		case "utf16":
			if c >= 0x10000 {
				r1, r2 := utf16.EncodeRune(rune(c))
				units = []uint64{uint64(r1), uint64(r2)}
			} else {
				units = []uint64{uint64(c)}
			}
			width = 16
		default:
			units, width = []uint64{uint64(c)}, 32
		}
		for _, u := range units {
			w.writeInt(new(big.Int).SetUint64(u), width, little && typ != "utf8")
		}
	}
	return true
}
