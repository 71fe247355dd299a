package stdlib

import (
	"io"
	"math/big"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/beamr/beamr/stdlib/iolib"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// ioState is the per-runtime state of the devices user (standard_io)
// and standard_error, shared by the native io functions and the io
// servers (io_server.go).
type ioState struct {
	mu      sync.Mutex
	unicode [2]bool // by device: {encoding, unicode} was set
	binary  bool    // user's read mode is binary
}

// ioStateKey keys the ioState in each runtime's locals.
type ioStateKey struct{}

func stateOf(rt *vm.Runtime) *ioState {
	return rt.Local(ioStateKey{}, func() any { return &ioState{} }).(*ioState)
}

// device identifies an output device.
type device uint8

const (
	devStdout device = iota
	devStderr
)

// deviceOf resolves an io device argument; ok is false for a device that
// does not exist.
// ioServer returns the process an output request must go to when it is
// not the runtime's own standard output: the group leader for the default
// device (devTerm 0) and standard_io, or a pid given as the device.
func ioServer(p *vm.Process, devTerm term.Term) (term.Term, bool) {
	pid := devTerm
	if devTerm == 0 || devTerm == p.Atom("standard_io") {
		pid = p.GroupLeader()
	}
	if !pid.IsPid() || pid == p.Runtime().UserPid() {
		return 0, false
	}
	return pid, true
}

func deviceOf(p *vm.Process, d term.Term) (device, bool) {
	switch {
	case d.IsPid():
		return devStdout, true
	case d.IsAtom():
		switch p.Env().AtomName(d) {
		case "standard_io", "user":
			return devStdout, true
		case "standard_error":
			return devStderr, true
		}
	}
	return 0, false
}

// encodeChars renders characters as a device with the given encoding
// writes them: UTF-8 for a unicode device; for a latin1 device (the
// default under -noshell) one byte per character below 256 and the text
// \x{H} for the others.
func encodeChars(buf []byte, cs []rune, unicode bool) []byte {
	for _, c := range cs {
		switch {
		case unicode:
			if c >= 0 && utf8.ValidRune(c) {
				buf = utf8.AppendRune(buf, c)
			} else {
				buf = appendHexEscape(buf, c)
			}
		case c >= 0 && c < 256:
			buf = append(buf, byte(c))
		default:
			buf = appendHexEscape(buf, c)
		}
	}
	return buf
}

func appendHexEscape(buf []byte, c rune) []byte {
	buf = append(buf, `\x{`...)
	buf = append(buf, []byte(upperHex(int64(c)))...)
	return append(buf, '}')
}

func upperHex(v int64) string {
	s := strconv.FormatInt(v, 16)
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'f' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// writeDevice writes characters to a device.
func writeDevice(p *vm.Process, dev device, cs []rune) {
	rt := p.Runtime()
	writeBytes(rt, dev, encodeChars(make([]byte, 0, len(cs)), cs, stateOf(rt).isUnicode(dev)))
}

// writeBytes writes device bytes to standard output or error.
func writeBytes(rt *vm.Runtime, dev device, b []byte) {
	if dev == devStderr {
		writeTo(rt.Stderr(), b)
		return
	}
	rt.WriteStdout(b)
}

// isUnicode reports whether the device's encoding is unicode.
func (st *ioState) isUnicode(dev device) bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.unicode[dev]
}

func writeTo(w io.Writer, b []byte) { _, _ = w.Write(b) }

// chardataRunes flattens unicode chardata: a possibly deep list of code
// points and UTF-8 binaries (as io:put_chars and unicode functions read
// it). ok is false for anything else, including invalid UTF-8.
func chardataRunes(e *term.Env, t term.Term) ([]rune, bool) { return flattenChars(e, t, false) }

// flattenChars flattens a possibly deep list of characters and binaries:
// unicode chardata (code points, UTF-8 binaries), or with latin1 set bytes
// (integers up to 255, binaries of one character per byte).
func flattenChars(e *term.Env, t term.Term, latin1 bool) ([]rune, bool) {
	var out []rune
	bin := func(b []byte) bool {
		if latin1 {
			for _, c := range b {
				out = append(out, rune(c))
			}
			return true
		}
		if !utf8.Valid(b) {
			return false
		}
		out = append(out, []rune(string(b))...)
		return true
	}
	var walk func(t term.Term, depth int) bool
	walk = func(t term.Term, depth int) bool {
		if depth > 100000 {
			return false
		}
		for t.IsList() {
			h := e.Hd(t)
			switch {
			case h.IsSmall():
				c := h.Small()
				if c < 0 || latin1 && c > 255 || c > 0x10FFFF || c >= 0xD800 && c <= 0xDFFF {
					return false
				}
				out = append(out, rune(c))
			case h == term.Nil:
			case h.IsList():
				if !walk(h, depth+1) {
					return false
				}
			default:
				if b, ok := e.Bytes(h); !ok || !bin(b) {
					return false
				}
			}
			t = e.Tl(t)
		}
		if t == term.Nil {
			return true
		}
		b, ok := e.Bytes(t)
		return ok && bin(b)
	}
	if !walk(t, 0) {
		return nil, false
	}
	return out, true
}

func registerIO(rt *vm.Runtime) {
	// output finishes an output request: written directly to standard
	// output or error, or sent to the device's io server (a pid or a
	// registered name other than the standard devices) by
	// beamr_io_client, which raises as OTP's io does when the server
	// answers an error or is gone. A device that is neither a pid nor an
	// atom matches no clause of OTP's io.
	output := func(p *vm.Process, devArg bool, devTerm term.Term, req func() term.Term, direct func(device) term.Term) term.Term {
		dev := devStdout
		if devArg {
			if !devTerm.IsPid() && !devTerm.IsAtom() {
				return raiseFunctionClause(p)
			}
			d, ok := deviceOf(p, devTerm)
			if !ok {
				return ioClient(p, "output", devTerm, req())
			}
			dev = d
		}
		if pid, ok := ioServer(p, devTerm); ok {
			return ioClient(p, "output", pid, req())
		}
		return direct(dev)
	}
	format := func(devArg bool) vm.NativeFunc {
		return func(p *vm.Process, args []term.Term) term.Term {
			var devTerm term.Term
			if devArg {
				devTerm = args[0]
				args = args[1:]
			}
			f, fargs := args[0], term.Nil
			if len(args) > 1 {
				fargs = args[1]
			}
			return output(p, devArg, devTerm, func() term.Term {
				h := p.Heap
				return h.Tuple(p.Atom("put_chars"), term.AtomUnicode, p.Atom("io_lib"), p.Atom("format"), h.List(f, fargs))
			}, func(dev device) term.Term {
				cs, err := iolib.Format(p.Env(), f, fargs)
				if err != nil {
					return p.BadArg()
				}
				writeDevice(p, dev, cs)
				return term.AtomOk
			})
		}
	}
	for _, name := range []string{"format", "fwrite"} {
		rt.Register("io", name, 1, format(false))
		rt.Register("io", name, 2, format(false))
		rt.Register("io", name, 3, format(true))
	}
	putChars := func(p *vm.Process, devArg bool, devTerm, t term.Term) term.Term {
		return output(p, devArg, devTerm, func() term.Term {
			// As OTP's io, characters go to the server as a UTF-8
			// binary when they are valid.
			data := t
			if t.IsList() {
				if cs, ok := chardataRunes(p.Env(), t); ok {
					data = newBinary(p, []byte(string(cs)))
				}
			}
			return p.Heap.Tuple(p.Atom("put_chars"), term.AtomUnicode, data)
		}, func(dev device) term.Term {
			cs, ok := chardataRunes(p.Env(), t)
			if !ok {
				return p.BadArg()
			}
			writeDevice(p, dev, cs)
			return term.AtomOk
		})
	}
	rt.Register("io", "put_chars", 1, func(p *vm.Process, args []term.Term) term.Term {
		return putChars(p, false, 0, args[0])
	})
	rt.Register("io", "put_chars", 2, func(p *vm.Process, args []term.Term) term.Term {
		return putChars(p, true, args[0], args[1])
	})
	nl := func(p *vm.Process, devArg bool, devTerm term.Term) term.Term {
		return output(p, devArg, devTerm, func() term.Term {
			return p.Heap.Tuple(p.Atom("put_chars"), term.AtomUnicode, newBinary(p, []byte{'\n'}))
		}, func(dev device) term.Term {
			writeDevice(p, dev, []rune{'\n'})
			return term.AtomOk
		})
	}
	rt.Register("io", "nl", 0, func(p *vm.Process, args []term.Term) term.Term { return nl(p, false, 0) })
	rt.Register("io", "nl", 1, func(p *vm.Process, args []term.Term) term.Term { return nl(p, true, args[0]) })
	write := func(p *vm.Process, devArg bool, devTerm, t term.Term) term.Term {
		return output(p, devArg, devTerm, func() term.Term {
			return p.Heap.Tuple(p.Atom("put_chars"), term.AtomUnicode, p.Atom("io_lib"), p.Atom("write"), p.Heap.List(t))
		}, func(dev device) term.Term {
			writeDevice(p, dev, []rune(string(term.AppendW(nil, p.Env(), t))))
			return term.AtomOk
		})
	}
	rt.Register("io", "write", 1, func(p *vm.Process, args []term.Term) term.Term { return write(p, false, 0, args[0]) })
	rt.Register("io", "write", 2, func(p *vm.Process, args []term.Term) term.Term {
		return write(p, true, args[0], args[1])
	})
	// Options of a device: of user and standard_error directly
	// (io_server.go), of another io server through a request; an atom
	// that names no process is {error, arguments}.
	optsDev := func(p *vm.Process, devTerm term.Term) (d device, pid, errTerm term.Term, ok bool) {
		switch {
		case devTerm == 0 || devTerm == p.Atom("standard_io"):
			pid = p.GroupLeader()
		case devTerm == p.Atom("user"):
			return devStdout, 0, 0, true
		case devTerm == p.Atom("standard_error"):
			return devStderr, 0, 0, true
		case devTerm.IsAtom():
			var found bool
			if pid, found = p.Runtime().Whereis(devTerm); !found {
				return 0, 0, p.Heap.Tuple(term.AtomError, p.Atom("arguments")), true
			}
		case devTerm.IsPid():
			pid = devTerm
		default:
			return 0, 0, 0, false
		}
		if pid == p.Runtime().UserPid() {
			return devStdout, 0, 0, true
		}
		return devStdout, pid, 0, true
	}
	getopts := func(p *vm.Process, devTerm term.Term) term.Term {
		d, pid, errTerm, ok := optsDev(p, devTerm)
		switch {
		case !ok:
			return raiseFunctionClause(p)
		case errTerm != 0:
			return errTerm
		case pid != 0:
			return ioClient(p, "request", pid, p.Atom("getopts"))
		}
		return deviceOpts(p, d)
	}
	rt.Register("io", "getopts", 0, func(p *vm.Process, args []term.Term) term.Term { return getopts(p, 0) })
	rt.Register("io", "getopts", 1, func(p *vm.Process, args []term.Term) term.Term { return getopts(p, args[0]) })
	setopts := func(p *vm.Process, devTerm, opts term.Term) term.Term {
		d, pid, errTerm, ok := optsDev(p, devTerm)
		switch {
		case !ok:
			return raiseFunctionClause(p)
		case errTerm != 0:
			return errTerm
		case pid != 0:
			return ioClient(p, "request", pid, p.Heap.Tuple(p.Atom("setopts"), opts))
		case opts != term.Nil && !opts.IsList():
			// As the io servers answer a request they do not know.
			h := p.Heap
			return h.Tuple(term.AtomError, h.Tuple(p.Atom("request"), h.Tuple(p.Atom("setopts"), opts)))
		}
		return setDeviceOpts(p, d, opts)
	}
	rt.Register("io", "setopts", 1, func(p *vm.Process, args []term.Term) term.Term { return setopts(p, 0, args[0]) })
	rt.Register("io", "setopts", 2, func(p *vm.Process, args []term.Term) term.Term { return setopts(p, args[0], args[1]) })
	rt.Register("io", "printable_range", 0, func(p *vm.Process, args []term.Term) term.Term {
		return term.AtomLatin1
	})
	enotsup := func(p *vm.Process, args []term.Term) term.Term {
		return p.Heap.Tuple(term.AtomError, p.Atom("enotsup"))
	}
	rt.Register("io", "columns", 0, enotsup)
	rt.Register("io", "columns", 1, enotsup)
	rt.Register("io", "rows", 0, enotsup)
	rt.Register("io", "rows", 1, enotsup)
	registerIOLib(rt)
	registerIOLibScan(rt)
	registerIOLibExtra(rt)
}

// ioClient makes the calling native continue with a call of
// beamr_io_client:f(args...), the Erlang half of io requests to io server
// processes.
func ioClient(p *vm.Process, f string, args ...term.Term) term.Term {
	rt := p.Runtime()
	m, fn := p.Atom("beamr_io_client"), p.Atom(f)
	e, ok := rt.LookupExport(m, fn, len(args))
	if !ok {
		rt.ExportIndex(m, fn, len(args))
		e, _ = rt.LookupExport(m, fn, len(args))
	}
	for i, a := range args {
		p.SetX(i, a)
	}
	return p.TailCall(e, len(args))
}

// textList builds the character list of UTF-8 text.
func textList(p *vm.Process, b []byte) term.Term {
	return runesList(p.Heap, []rune(string(b)))
}

func registerIOLib(rt *vm.Runtime) {
	format := func(p *vm.Process, args []term.Term) term.Term {
		return ioLibFormat(p, args[0], args[1])
	}
	rt.Register("io_lib", "format", 2, format)
	rt.Register("io_lib", "fwrite", 2, format)
	format3 := func(p *vm.Process, args []term.Term) term.Term {
		if listLen(p.Env(), args[2]) < 0 {
			return p.BadArg()
		}
		return format(p, args[:2])
	}
	rt.Register("io_lib", "format", 3, format3)
	rt.Register("io_lib", "fwrite", 3, format3)
	rt.Register("io_lib", "write", 1, func(p *vm.Process, args []term.Term) term.Term {
		return textList(p, term.AppendW(nil, p.Env(), args[0]))
	})
	rt.Register("io_lib", "write", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		depth, uni := -1, false
		switch o := args[1]; {
		case o.IsSmall():
			depth = int(o.Small())
		case o == term.Nil || o.IsList():
			opts, ok := listSlice(e, o)
			if !ok {
				return p.BadArg()
			}
			for _, opt := range opts {
				if !e.IsTuple(opt) || e.TupleArity(opt) != 2 {
					continue
				}
				k, v := e.Elem(opt, 0), e.Elem(opt, 1)
				switch {
				case k.IsAtom() && e.AtomName(k) == "depth" && v.IsSmall():
					depth = int(v.Small())
				case k.IsAtom() && e.AtomName(k) == "encoding":
					uni = v == term.AtomUnicode || v == term.AtomUtf8
				}
			}
		default:
			return p.BadArg()
		}
		return textList(p, term.AppendWDepth(nil, e, args[0], depth, uni))
	})
	rt.Register("io_lib", "print", 1, func(p *vm.Process, args []term.Term) term.Term {
		return textList(p, term.AppendP(nil, p.Env(), args[0], term.DefaultPrettyOpts()))
	})
	rt.Register("io_lib", "print", 4, func(p *vm.Process, args []term.Term) term.Term {
		col, ok1 := smallArg(args[1])
		ll, ok2 := smallArg(args[2])
		d, ok3 := smallArg(args[3])
		if !ok1 || !ok2 || !ok3 {
			return p.BadArg()
		}
		o := term.PrettyOpts{Column: int(col), LineLength: int(ll), Depth: int(d)}
		return textList(p, term.AppendP(nil, p.Env(), args[0], o))
	})
	rt.Register("io_lib", "write_atom", 1, func(p *vm.Process, args []term.Term) term.Term {
		if !args[0].IsAtom() {
			return raiseFunctionClause(p)
		}
		return textList(p, term.AppendAtom(nil, p.Env().AtomName(args[0]), true))
	})
	rt.Register("io_lib", "write_atom_as_latin1", 1, func(p *vm.Process, args []term.Term) term.Term {
		if !args[0].IsAtom() {
			return raiseFunctionClause(p)
		}
		return textList(p, term.AppendAtom(nil, p.Env().AtomName(args[0]), false))
	})
	writeString := func(uni, latin1Only bool) vm.NativeFunc {
		return func(p *vm.Process, args []term.Term) term.Term {
			cs, ok := flatChars(p.Env(), args[0])
			if !ok || latin1Only && !allLatin1(cs) {
				return raiseFunctionClause(p)
			}
			return textList(p, term.AppendString(nil, cs, uni))
		}
	}
	rt.Register("io_lib", "write_string", 1, writeString(true, false))
	rt.Register("io_lib", "write_latin1_string", 1, writeString(false, true))
	rt.Register("io_lib", "write_string_as_latin1", 1, writeString(false, false))
	rt.Register("io_lib", "write_char", 1, func(p *vm.Process, args []term.Term) term.Term {
		c, ok := smallArg(args[0])
		if !ok || c < 0 {
			return raiseFunctionClause(p)
		}
		s := term.AppendString(nil, []rune{rune(c)}, true)
		// AppendString quotes with '"'; a character is $ followed by the
		// same escaped text.
		body := []rune(string(s))
		body = body[1 : len(body)-1]
		if len(body) == 2 && body[0] == '\\' && body[1] == '"' {
			body = []rune{'"'}
		}
		return runesList(p.Heap, append([]rune{'$'}, body...))
	})
	pred := func(f func(*term.Env, term.Term) bool) vm.NativeFunc {
		return func(p *vm.Process, args []term.Term) term.Term {
			if f(p.Env(), args[0]) {
				return term.AtomTrue
			}
			return term.AtomFalse
		}
	}
	rt.Register("io_lib", "char_list", 1, pred(func(e *term.Env, t term.Term) bool {
		return charListOf(e, t, isUnicodeChar)
	}))
	rt.Register("io_lib", "latin1_char_list", 1, pred(func(e *term.Env, t term.Term) bool {
		return charListOf(e, t, func(c int64) bool { return c >= 0 && c < 256 })
	}))
	rt.Register("io_lib", "deep_char_list", 1, pred(func(e *term.Env, t term.Term) bool {
		return deepCharListOf(e, t, isUnicodeChar)
	}))
	rt.Register("io_lib", "deep_latin1_char_list", 1, pred(func(e *term.Env, t term.Term) bool {
		return deepCharListOf(e, t, func(c int64) bool { return c >= 0 && c < 256 })
	}))
	rt.Register("io_lib", "printable_list", 1, pred(func(e *term.Env, t term.Term) bool {
		return charListOf(e, t, printableLatin1)
	}))
	rt.Register("io_lib", "printable_latin1_list", 1, pred(func(e *term.Env, t term.Term) bool {
		return charListOf(e, t, printableLatin1)
	}))
	rt.Register("io_lib", "printable_unicode_list", 1, pred(func(e *term.Env, t term.Term) bool {
		return charListOf(e, t, printableUnicode)
	}))
	rt.Register("io_lib", "nl", 0, func(p *vm.Process, args []term.Term) term.Term {
		return p.Heap.List(term.MakeSmall('\n'))
	})
	rt.Register("io_lib", "chars_length", 1, func(p *vm.Process, args []term.Term) term.Term {
		cs, ok := deepChars(p.Env(), args[0])
		if !ok {
			return p.BadArg()
		}
		return term.MakeSmall(int64(term.CharsLength(cs)))
	})
	rt.Register("io_lib", "indentation", 2, func(p *vm.Process, args []term.Term) term.Term {
		cs, ok := deepChars(p.Env(), args[0])
		col, ok2 := smallArg(args[1])
		if !ok || !ok2 {
			return raiseFunctionClause(p)
		}
		for _, c := range cs {
			switch c {
			case '\n':
				col = 0
			case '\t':
				col = (col + 8) / 8 * 8
			default:
				col++
			}
		}
		return term.MakeSmall(col)
	})
	rt.Register("io_lib_format", "fwrite_g", 1, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		if !e.IsFloat(args[0]) {
			return raiseFunctionClause(p)
		}
		return textList(p, term.AppendFloat(nil, e.Float(args[0])))
	})
}

// isUnicodeChar reports whether c is a Unicode code point io_lib accepts
// in a character list.
func isUnicodeChar(c int64) bool {
	return c >= 0 && c < 0xD800 || c > 0xDFFF && c < 0xFFFE || c > 0xFFFF && c <= 0x10FFFF
}

// printableLatin1 is io_lib's test for a printable Latin-1 character.
func printableLatin1(c int64) bool {
	switch {
	case c >= 0o40 && c <= 0o176, c >= 0o240 && c <= 0o377:
		return true
	}
	switch c {
	case '\n', '\r', '\t', '\v', '\b', '\f', 27:
		return true
	}
	return false
}

// printableUnicode is io_lib's test for a printable Unicode character.
func printableUnicode(c int64) bool {
	switch {
	case c >= 0o40 && c <= 0o176, c >= 0o240 && c < 0xD800, c > 0xDFFF && c < 0xFFFE, c > 0xFFFF && c <= 0x10FFFF:
		return true
	}
	switch c {
	case '\n', '\r', '\t', '\v', '\b', '\f', 27:
		return true
	}
	return false
}

// charListOf reports whether t is a flat proper list of integers each
// accepted by ok.
func charListOf(e *term.Env, t term.Term, ok func(int64) bool) bool {
	for t.IsList() {
		h := e.Hd(t)
		if !h.IsSmall() || !ok(h.Small()) {
			return false
		}
		t = e.Tl(t)
	}
	return t == term.Nil
}

// deepCharListOf is charListOf for deep lists.
func deepCharListOf(e *term.Env, t term.Term, ok func(int64) bool) bool {
	for t.IsList() {
		h := e.Hd(t)
		switch {
		case h.IsSmall():
			if !ok(h.Small()) {
				return false
			}
		case h == term.Nil || h.IsList():
			if !deepCharListOf(e, h, ok) {
				return false
			}
		default:
			return false
		}
		t = e.Tl(t)
	}
	return t == term.Nil
}

// flatChars returns the characters of a flat list of integers.
func flatChars(e *term.Env, t term.Term) ([]rune, bool) {
	var out []rune
	for t.IsList() {
		h := e.Hd(t)
		if !h.IsSmall() || h.Small() < 0 || h.Small() > 0x7FFFFFFF {
			return nil, false
		}
		out = append(out, rune(h.Small()))
		t = e.Tl(t)
	}
	return out, t == term.Nil
}

// deepChars returns the characters of a deep list of integers.
func deepChars(e *term.Env, t term.Term) ([]rune, bool) {
	var out []rune
	var walk func(t term.Term) bool
	walk = func(t term.Term) bool {
		for t.IsList() {
			h := e.Hd(t)
			switch {
			case h.IsSmall():
				if h.Small() < 0 || h.Small() > 0x7FFFFFFF {
					return false
				}
				out = append(out, rune(h.Small()))
			case h == term.Nil || h.IsList():
				if !walk(h) {
					return false
				}
			default:
				return false
			}
			t = e.Tl(t)
		}
		return t == term.Nil
	}
	if !walk(t) {
		return nil, false
	}
	return out, true
}

// controlSpan is one control sequence of a format: its position in the
// format characters, the arguments it takes and whether io_lib:format
// keeps its output as one nested element (~s ~w ~p ~W ~P) rather than
// splicing its characters into the result.
type controlSpan struct {
	start, end int
	nargs      int
	nested     bool
}

// scanControls finds the control sequences of a flat format; ok is false
// when the format cannot be scanned (the caller then formats it flat).
func scanControls(fs []rune, nargs int) ([]controlSpan, bool) {
	var out []controlSpan
	used := 0
	for i := 0; i < len(fs); i++ {
		if fs[i] != '~' {
			continue
		}
		c := controlSpan{start: i}
		j := i + 1
		field := func() {
			if j < len(fs) && fs[j] == '*' {
				c.nargs++
				j++
				return
			}
			for j < len(fs) && fs[j] >= '0' && fs[j] <= '9' {
				j++
			}
		}
		if j < len(fs) && fs[j] == '-' {
			j++
		}
		field()
		if j < len(fs) && fs[j] == '.' {
			j++
			field()
			if j < len(fs) && fs[j] == '.' {
				j++
				if j < len(fs) && fs[j] == '*' && used+c.nargs < nargs {
					c.nargs++
				}
				j++
			}
		}
		for j < len(fs) && (fs[j] == 't' || fs[j] == 'l') {
			j++
		}
		if j >= len(fs) {
			return nil, false
		}
		switch fs[j] {
		case 's', 'w', 'p':
			c.nargs++
			c.nested = true
		case 'W', 'P':
			c.nargs += 2
			c.nested = true
		case 'e', 'f', 'g', 'b', 'B', '+', '#', 'c', 'i':
			c.nargs++
		case 'x', 'X':
			c.nargs += 2
		case '~', 'n':
		default:
			return nil, false
		}
		c.end = j + 1
		used += c.nargs
		out = append(out, c)
		i = j
	}
	return out, true
}

// ioLibFormat is io_lib:format/2: the formatted characters in OTP's
// shape, a list whose elements are literal characters, the characters
// of numeric and character controls, and one nested list per ~s, ~w, ~p,
// ~W or ~P.
func ioLibFormat(p *vm.Process, format, args term.Term) term.Term {
	e := p.Env()
	full, err := iolib.Format(e, format, args)
	if err != nil {
		return p.BadArg()
	}
	var fs []rune
	switch {
	case format.IsAtom():
		fs = []rune(e.AtomName(format))
	case format == term.Nil || format.IsList():
		var ok bool
		if fs, ok = flatChars(e, format); !ok {
			return runesList(p.Heap, full)
		}
	default:
		b, _ := e.Bytes(format)
		fs = make([]rune, len(b))
		for i, c := range b {
			fs[i] = rune(c)
		}
	}
	as, _ := listSlice(e, args)
	ctrls, ok := scanControls(fs, len(as))
	if !ok {
		return runesList(p.Heap, full)
	}
	var elems []term.Term
	pos, out, used := 0, 0, 0
	for _, c := range ctrls {
		for ; pos < c.start; pos++ {
			elems = append(elems, term.MakeSmall(int64(full[out])))
			out++
		}
		used += c.nargs
		if used > len(as) {
			return runesList(p.Heap, full)
		}
		upto, err := iolib.FormatChars(e, fs[:c.end], as[:used])
		if err != nil || len(upto) < out || len(upto) > len(full) {
			return runesList(p.Heap, full)
		}
		seg := full[out:len(upto)]
		if c.nested {
			elems = append(elems, runesList(p.Heap, seg))
		} else {
			for _, r := range seg {
				elems = append(elems, term.MakeSmall(int64(r)))
			}
		}
		out = len(upto)
		pos = c.end
	}
	for ; out < len(full); out++ {
		elems = append(elems, term.MakeSmall(int64(full[out])))
	}
	return p.Heap.List(elems...)
}

// fmtControl is one parsed control sequence, as io_lib:scan_format/2
// describes it.
type fmtControl struct {
	c         rune
	args      []term.Term
	width     int
	hasWidth  bool
	left      bool
	prec      int
	hasPrec   bool
	pad       rune
	unicode   bool
	noStrings bool
}

// parseFormat splits a flat format into literal characters (as runes in
// lits, with ctrl nil) and control sequences, taking their arguments
// from args. ok is false for a malformed format or missing arguments.
func parseFormat(fs []rune, args []term.Term) (items []any, ok bool) {
	take := func() (term.Term, bool) {
		if len(args) == 0 {
			return 0, false
		}
		a := args[0]
		args = args[1:]
		return a, true
	}
	for i := 0; i < len(fs); i++ {
		if fs[i] != '~' {
			items = append(items, fs[i])
			continue
		}
		c := fmtControl{pad: ' '}
		j := i + 1
		field := func() (int, bool, bool) {
			if j < len(fs) && fs[j] == '*' {
				j++
				a, ok := take()
				if !ok || !a.IsSmall() {
					return 0, false, false
				}
				return int(a.Small()), true, true
			}
			v, has := 0, false
			for j < len(fs) && fs[j] >= '0' && fs[j] <= '9' {
				v = v*10 + int(fs[j]-'0')
				has = true
				j++
			}
			return v, has, true
		}
		if j < len(fs) && fs[j] == '-' {
			c.left = true
			j++
		}
		w, has, ok := field()
		if !ok {
			return nil, false
		}
		if has {
			if w < 0 {
				c.left, w = true, -w
			}
			c.width, c.hasWidth = w, true
		}
		if j < len(fs) && fs[j] == '.' {
			j++
			if c.prec, c.hasPrec, ok = field(); !ok {
				return nil, false
			}
			if j < len(fs) && fs[j] == '.' {
				j++
				if j >= len(fs) {
					return nil, false
				}
				if fs[j] == '*' {
					a, ok := take()
					if !ok || !a.IsSmall() {
						return nil, false
					}
					c.pad = rune(a.Small())
				} else {
					c.pad = fs[j]
				}
				j++
			}
		}
		for j < len(fs) && (fs[j] == 't' || fs[j] == 'l') {
			if fs[j] == 't' {
				c.unicode = true
			} else {
				c.noStrings = true
			}
			j++
		}
		if j >= len(fs) {
			return nil, false
		}
		c.c = fs[j]
		n := 0
		switch c.c {
		case 'w', 'p', 's', 'e', 'f', 'g', 'b', 'B', '+', '#', 'c', 'i':
			n = 1
		case 'W', 'P', 'x', 'X':
			n = 2
		case '~', 'n':
		default:
			return nil, false
		}
		for k := 0; k < n; k++ {
			a, ok := take()
			if !ok {
				return nil, false
			}
			c.args = append(c.args, a)
		}
		items = append(items, c)
		i = j
	}
	return items, len(args) == 0
}

// controlMap builds the map io_lib:scan_format/2 returns for a control.
func controlMap(p *vm.Process, c fmtControl) term.Term {
	adjust := p.Atom("right")
	if c.left {
		adjust = p.Atom("left")
	}
	width, prec := p.Atom("none"), p.Atom("none")
	if c.hasWidth {
		width = term.MakeSmall(int64(c.width))
	}
	if c.hasPrec {
		prec = term.MakeSmall(int64(c.prec))
	}
	enc := term.AtomLatin1
	if c.unicode {
		enc = term.AtomUnicode
	}
	keys := []term.Term{p.Atom("adjust"), p.Atom("args"), p.Atom("control_char"), p.Atom("encoding"),
		p.Atom("pad_char"), p.Atom("precision"), p.Atom("strings"), p.Atom("width")}
	vals := []term.Term{adjust, p.Heap.List(c.args...), term.MakeSmall(int64(c.c)), enc,
		term.MakeSmall(int64(c.pad)), prec, boolTerm(!c.noStrings), width}
	return p.NewMap(keys, vals)
}

// unscanControl rebuilds the text of a control sequence from its map; ok
// is false when m is not such a map.
func unscanControl(p *vm.Process, m term.Term) (text []rune, args []term.Term, ok bool) {
	e := p.Env()
	get := func(k string) term.Term {
		v, found := vm.MapFind(e, m, p.Atom(k))
		if !found {
			ok = false
		}
		return v
	}
	ok = true
	adjust, as, cc, enc := get("adjust"), get("args"), get("control_char"), get("encoding")
	pad, prec, strs, width := get("pad_char"), get("precision"), get("strings"), get("width")
	if !ok || !cc.IsSmall() || !pad.IsSmall() {
		return nil, nil, false
	}
	args, ok = listSlice(e, as)
	if !ok {
		return nil, nil, false
	}
	text = []rune{'~'}
	if adjust.IsAtom() && e.AtomName(adjust) == "left" {
		text = append(text, '-')
	}
	if width.IsSmall() {
		text = append(text, []rune(big.NewInt(width.Small()).String())...)
	}
	switch {
	case pad.Small() != ' ':
		text = append(text, '.')
		if prec.IsSmall() {
			text = append(text, []rune(big.NewInt(prec.Small()).String())...)
		}
		text = append(text, '.', rune(pad.Small()))
	case prec.IsSmall():
		text = append(text, '.')
		text = append(text, []rune(big.NewInt(prec.Small()).String())...)
	}
	if enc == term.AtomUnicode {
		text = append(text, 't')
	}
	if strs == term.AtomFalse {
		text = append(text, 'l')
	}
	return append(text, rune(cc.Small())), args, true
}

// unscanFormat turns a scan_format list back into format text and
// arguments.
func unscanFormat(p *vm.Process, t term.Term) ([]rune, []term.Term, bool) {
	e := p.Env()
	items, ok := listSlice(e, t)
	if !ok {
		return nil, nil, false
	}
	var fs []rune
	var args []term.Term
	for _, it := range items {
		switch {
		case it.IsSmall():
			fs = append(fs, rune(it.Small()))
		case e.IsMap(it):
			text, as, ok := unscanControl(p, it)
			if !ok {
				return nil, nil, false
			}
			fs = append(fs, text...)
			args = append(args, as...)
		default:
			return nil, nil, false
		}
	}
	return fs, args, true
}

func registerIOLibScan(rt *vm.Runtime) {
	rt.Register("io_lib", "scan_format", 2, func(p *vm.Process, args []term.Term) term.Term {
		e := p.Env()
		var fs []rune
		switch f := args[0]; {
		case f.IsAtom():
			fs = []rune(e.AtomName(f))
		case e.IsBinary(f):
			b, _ := e.Bytes(f)
			fs = []rune(string(b))
		default:
			cs, ok := deepChars(e, f)
			if !ok {
				return p.BadArg()
			}
			fs = cs
		}
		as, ok := listSlice(e, args[1])
		if !ok {
			return p.BadArg()
		}
		items, ok := parseFormat(fs, as)
		if !ok {
			return p.BadArg()
		}
		out := make([]term.Term, len(items))
		for i, it := range items {
			switch v := it.(type) {
			case rune:
				out[i] = term.MakeSmall(int64(v))
			case fmtControl:
				out[i] = controlMap(p, v)
			}
		}
		return p.Heap.List(out...)
	})
	rt.Register("io_lib", "unscan_format", 1, func(p *vm.Process, args []term.Term) term.Term {
		fs, as, ok := unscanFormat(p, args[0])
		if !ok {
			return raiseFunctionClause(p)
		}
		return p.Heap.Tuple(runesList(p.Heap, fs), p.Heap.List(as...))
	})
	rt.Register("io_lib", "build_text", 1, func(p *vm.Process, args []term.Term) term.Term {
		fs, as, ok := unscanFormat(p, args[0])
		if !ok {
			return raiseFunctionClause(p)
		}
		cs, err := iolib.FormatChars(p.Env(), fs, as)
		if err != nil {
			return p.BadArg()
		}
		return runesList(p.Heap, cs)
	})
}

// quotedString writes cs between quote characters q, escaped as
// io_lib:write_string/2 does.
func quotedString(cs []rune, q rune, uni bool) []rune {
	out := []rune{q}
	for _, c := range cs {
		switch c {
		case q:
			out = append(out, '\\', q)
		case '"':
			out = append(out, '"')
		default:
			s := []rune(string(term.AppendString(nil, []rune{c}, uni)))
			out = append(out, s[1:len(s)-1]...)
		}
	}
	return append(out, q)
}

func registerIOLibExtra(rt *vm.Runtime) {
	reg := func(name string, arity int, f vm.NativeFunc) { rt.Register("io_lib", name, arity, f) }
	writeString2 := func(uni, latin1Only bool) vm.NativeFunc {
		return func(p *vm.Process, args []term.Term) term.Term {
			cs, ok := flatChars(p.Env(), args[0])
			q, okq := smallArg(args[1])
			if !ok || !okq || q < 0 || latin1Only && !allLatin1(cs) {
				return raiseFunctionClause(p)
			}
			return runesList(p.Heap, quotedString(cs, rune(q), uni))
		}
	}
	reg("write_string", 2, writeString2(true, false))
	reg("write_latin1_string", 2, writeString2(false, true))
	reg("write_string_as_latin1", 2, writeString2(false, false))
	reg("write_unicode_string", 1, func(p *vm.Process, args []term.Term) term.Term {
		cs, ok := flatChars(p.Env(), args[0])
		if !ok {
			return raiseFunctionClause(p)
		}
		return runesList(p.Heap, quotedString(cs, '"', true))
	})
	writeChar := func(uni, latin1Only bool) vm.NativeFunc {
		return func(p *vm.Process, args []term.Term) term.Term {
			c, ok := smallArg(args[0])
			if !ok || c < 0 || latin1Only && c > 255 {
				return raiseFunctionClause(p)
			}
			body := quotedString([]rune{rune(c)}, '"', uni)
			body = body[1 : len(body)-1]
			return runesList(p.Heap, append([]rune{'$'}, body...))
		}
	}
	reg("write_unicode_char", 1, writeChar(true, false))
	reg("write_latin1_char", 1, writeChar(false, true))
	reg("write_char_as_latin1", 1, writeChar(false, false))
	reg("deep_unicode_char_list", 1, func(p *vm.Process, args []term.Term) term.Term {
		return boolTerm(deepCharListOf(p.Env(), args[0], isUnicodeChar))
	})
	reg("quote_atom", 2, func(p *vm.Process, args []term.Term) term.Term {
		if !args[0].IsAtom() {
			return raiseFunctionClause(p)
		}
		return boolTerm(term.AtomNeedsQuotes(p.Env().AtomName(args[0])))
	})
	reg("limit_term", 2, func(p *vm.Process, args []term.Term) term.Term { return args[0] })
	toNum := func(float bool) vm.NativeFunc {
		return func(p *vm.Process, args []term.Term) term.Term {
			e := p.Env()
			rs, ok := flatChars(e, args[0])
			if !ok {
				return p.Heap.Tuple(term.AtomError, p.Atom("not_a_list"))
			}
			if float {
				f, n, ok := scanFloat(rs)
				if !ok {
					return p.Heap.Tuple(term.AtomError, p.Atom("no_float"))
				}
				return p.Heap.Tuple(p.Heap.Float(f), runesList(p.Heap, rs[n:]))
			}
			i := 0
			if i < len(rs) && (rs[i] == '+' || rs[i] == '-') {
				i++
			}
			j := i
			for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
				j++
			}
			if j == i {
				return p.Heap.Tuple(term.AtomError, p.Atom("no_integer"))
			}
			z, _ := new(big.Int).SetString(string(rs[:j]), 10)
			return p.Heap.Tuple(p.Heap.Big(z), runesList(p.Heap, rs[j:]))
		}
	}
	rt.Register("string", "list_to_integer", 1, toNum(false))
	rt.Register("string", "list_to_float", 1, toNum(true))
	rt.Register("unicode", "bin_is_7bit", 1, func(p *vm.Process, args []term.Term) term.Term {
		b, ok := binArg(p.Env(), args[0])
		if !ok {
			return term.AtomFalse // anything but a binary, as erts answers
		}
		for _, c := range b {
			if c >= 128 {
				return term.AtomFalse
			}
		}
		return term.AtomTrue
	})
}

// allLatin1 reports whether every character of cs is below 256.
func allLatin1(cs []rune) bool {
	for _, c := range cs {
		if c > 255 {
			return false
		}
	}
	return true
}
