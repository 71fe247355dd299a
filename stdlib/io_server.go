package stdlib

import (
	"bytes"
	"sync"
	"unicode/utf8"

	"github.com/beamr/beamr/heap"
	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The io servers registered as user and standard_error are Erlang
// processes (erl/beamr_io_server.erl, started on first use); the native
// functions of beamr_io here do their byte work: encoding output for the
// device, reading standard input without holding a scheduler, and cutting
// answers out of the input buffer.

func registerIOServer(rt *vm.Runtime) {
	rt.SetSystemProcess("user", true, "beamr_io_server", "run")
	rt.SetSystemProcess("standard_error", false, "beamr_io_server", "run")
	reg := func(name string, arity int, f vm.NativeFunc) { rt.Register("beamr_io", name, arity, f) }
	reg("put_chars", 3, bioPutChars)
	reg("getopts", 1, func(p *vm.Process, a []term.Term) term.Term {
		d, ok := serverDevice(p, a[0])
		if !ok {
			return p.BadArg()
		}
		return deviceOpts(p, d)
	})
	reg("setopts", 2, func(p *vm.Process, a []term.Term) term.Term {
		d, ok := serverDevice(p, a[0])
		if !ok {
			return p.BadArg()
		}
		return setDeviceOpts(p, d, a[1])
	})
	reg("binary_mode", 0, func(p *vm.Process, a []term.Term) term.Term {
		st := stateOf(p.Runtime())
		st.mu.Lock()
		defer st.mu.Unlock()
		return boolTerm(st.binary)
	})
	reg("read", 0, bioRead)
	reg("take_line", 4, bioTakeLine)
	reg("take_chars", 5, bioTakeChars)
	reg("decode", 1, bioDecode)
	reg("encode", 1, bioEncode)
}

// serverDevice maps the server's device name (stdout, stderr).
func serverDevice(p *vm.Process, t term.Term) (device, bool) {
	switch {
	case t == p.Atom("stdout"):
		return devStdout, true
	case t == p.Atom("stderr"):
		return devStderr, true
	}
	return 0, false
}

// deviceOpts is getopts of a device: user's [{binary, B}, {encoding, E}],
// standard_error's [{encoding, E}].
func deviceOpts(p *vm.Process, d device) term.Term {
	st := stateOf(p.Runtime())
	st.mu.Lock()
	uni, bin := st.unicode[d], st.binary
	st.mu.Unlock()
	enc := term.AtomLatin1
	if uni {
		enc = term.AtomUnicode
	}
	h := p.Heap
	encOpt := h.Tuple(p.Atom("encoding"), enc)
	if d == devStderr {
		return h.List(encOpt)
	}
	return h.List(h.Tuple(term.AtomBinary, boolTerm(bin)), encOpt)
}

// setDeviceOpts is setopts of a device, with OTP's checks: user takes
// binary, list, {binary, Bool}, latin1, unicode and {encoding, latin1 |
// unicode | utf8}; standard_error only the encodings. Anything else is
// {error, enotsup} and changes nothing. Of two settings of one option
// the first counts, as in OTP's servers.
func setDeviceOpts(p *vm.Process, d device, opts term.Term) term.Term {
	e := p.Env()
	list, ok := listSlice(e, opts)
	if !ok {
		return p.Heap.Tuple(term.AtomError, p.Atom("enotsup"))
	}
	enotsup := func() term.Term { return p.Heap.Tuple(term.AtomError, p.Atom("enotsup")) }
	var uni, bin *bool
	set := func(dst **bool, v bool) {
		if *dst == nil {
			*dst = &v
		}
	}
	for _, o := range list {
		k, v := o, term.AtomTrue
		if e.IsTuple(o) && e.TupleArity(o) == 2 {
			k, v = e.Elem(o, 0), e.Elem(o, 1)
		} else if o == term.AtomLatin1 || o == term.AtomUnicode {
			k, v = p.Atom("encoding"), o
		} else if o == p.Atom("list") {
			k, v = term.AtomBinary, term.AtomFalse
		}
		switch {
		case k == p.Atom("encoding") && (v == term.AtomUnicode || v == term.AtomUtf8):
			set(&uni, true)
		case k == p.Atom("encoding") && v == term.AtomLatin1:
			set(&uni, false)
		case k == term.AtomBinary && d == devStdout && (v == term.AtomTrue || v == term.AtomFalse):
			set(&bin, v == term.AtomTrue)
		default:
			return enotsup()
		}
	}
	st := stateOf(p.Runtime())
	st.mu.Lock()
	if uni != nil {
		st.unicode[d] = *uni
	}
	if bin != nil {
		st.binary = *bin
	}
	st.mu.Unlock()
	return term.AtomOk
}

// bioPutChars is beamr_io:put_chars(Dev, Encoding, Chars): writes
// characters given as unicode or latin1 chardata in the device's
// encoding; error when Chars is not chardata of that encoding.
func bioPutChars(p *vm.Process, a []term.Term) term.Term {
	d, ok := serverDevice(p, a[0])
	if !ok {
		return p.BadArg()
	}
	var cs []rune
	switch a[1] {
	case term.AtomUnicode:
		cs, ok = chardataRunes(p.Env(), a[2])
	case term.AtomLatin1:
		cs, ok = latin1Runes(p.Env(), a[2])
	default:
		return p.BadArg()
	}
	if !ok {
		return term.AtomError
	}
	rt := p.Runtime()
	writeBytes(rt, d, encodeChars(make([]byte, 0, len(cs)), cs, stateOf(rt).isUnicode(d)))
	return term.AtomOk
}

// latin1Runes flattens latin1 chardata: a possibly deep list of bytes and
// binaries, each byte one character.
func latin1Runes(e *term.Env, t term.Term) ([]rune, bool) { return flattenChars(e, t, true) }

// stdinState is a runtime's reader of standard input: at most one read
// under way, and the end of input once seen.
type stdinState struct {
	mu      sync.Mutex
	reading bool
	eof     bool
}

type stdinKey struct{}

// stdinChunk is how much one read asks for.
const stdinChunk = 4096

// bioRead is beamr_io:read(): it starts reading the next chunk of
// standard input on a goroutine and returns ok; the chunk comes to the
// caller as {beamr_io, Bytes}, or {beamr_io, eof} at the end of input.
// A read already under way is not doubled.
func bioRead(p *vm.Process, _ []term.Term) term.Term {
	rt := p.Runtime()
	st := rt.Local(stdinKey{}, func() any { return &stdinState{} }).(*stdinState)
	st.mu.Lock()
	if st.reading {
		st.mu.Unlock()
		return term.AtomOk
	}
	st.reading = true
	eof := st.eof
	st.mu.Unlock()
	pid := p.Pid
	done := rt.BeginExternal()
	go func() {
		defer done()
		var data []byte
		if !eof {
			buf := make([]byte, stdinChunk)
			for {
				n, err := rt.Stdin().Read(buf)
				if n > 0 {
					data = buf[:n]
					break
				}
				if err != nil {
					eof = true
					break
				}
			}
		}
		st.mu.Lock()
		st.reading = false
		st.eof = st.eof || (eof && data == nil)
		st.mu.Unlock()
		tag := rt.Atom("beamr_io")
		rt.SendFromGo(pid, func(h *heap.Heap) term.Term {
			if data == nil {
				return h.Tuple(tag, rt.Atom("eof"))
			}
			return h.Tuple(tag, h.Binary(rt.Env.Bins, data))
		})
	}()
	return term.AtomOk
}

// inputOpts returns user's read mode and encoding.
func inputOpts(rt *vm.Runtime) (binary, unicode bool) {
	st := stateOf(rt)
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.binary, st.unicode[devStdout]
}

// bioTakeLine is beamr_io:take_line(Dev, Buf, Eof, Encoding): the first
// line of the input buffer Buf (up to and including "\n"; "\r\n" counts as
// "\n"), as the request's encoding and the device's read mode want it:
// {ok, Line, Rest}, more when Buf holds no whole line and more input may
// come, eof when there is none, or {error, Reason}.
func bioTakeLine(p *vm.Process, a []term.Term) term.Term {
	e := p.Env()
	buf, ok := e.Bytes(a[1])
	if !ok || !(a[3] == term.AtomUnicode || a[3] == term.AtomLatin1) {
		return p.BadArg()
	}
	eof := a[2] == term.AtomTrue
	var line, rest []byte
	switch i := bytes.IndexByte(buf, '\n'); {
	case i >= 0:
		line, rest = buf[:i+1], buf[i+1:]
		if i > 0 && buf[i-1] == '\r' {
			line = append(append([]byte(nil), buf[:i-1]...), '\n')
		}
	case !eof:
		return p.Atom("more")
	case len(buf) == 0:
		return p.Atom("eof")
	default:
		line = buf
	}
	return takeResult(p, line, rest, a[3] == term.AtomUnicode)
}

// bioTakeChars is beamr_io:take_chars(Dev, Buf, Eof, Encoding, N): the
// first N characters of the input buffer, as take_line answers.
func bioTakeChars(p *vm.Process, a []term.Term) term.Term {
	e := p.Env()
	buf, ok := e.Bytes(a[1])
	n, okn := smallArg(a[4])
	if !ok || !okn || n < 0 || !(a[3] == term.AtomUnicode || a[3] == term.AtomLatin1) {
		return p.BadArg()
	}
	eof := a[2] == term.AtomTrue
	_, devUni := inputOpts(p.Runtime())
	end, count := 0, int64(0)
	for end < len(buf) && count < n {
		if !devUni || buf[end] < utf8.RuneSelf {
			end++
			count++
			continue
		}
		r, size := utf8.DecodeRune(buf[end:])
		if r == utf8.RuneError && size <= 1 && !utf8.FullRune(buf[end:]) && !eof {
			break // the rest of the character is still to come
		}
		end += size
		count++
	}
	switch {
	case count < n && !eof:
		return p.Atom("more")
	case end == 0 && n > 0:
		return p.Atom("eof")
	}
	return takeResult(p, buf[:end], buf[end:], a[3] == term.AtomUnicode)
}

// takeResult builds {ok, Data, Rest} for device bytes data: the device's
// characters (bytes on a latin1 device, UTF-8 on a unicode one) as a list
// or, in binary mode, a binary in the request's encoding — OTP's user
// server's conversions, no_translation when a character does not fit.
func takeResult(p *vm.Process, data, rest []byte, reqUni bool) term.Term {
	rt := p.Runtime()
	binMode, devUni := inputOpts(rt)
	h := p.Heap
	noTrans := func() term.Term {
		from, to := term.AtomLatin1, term.AtomLatin1
		if devUni {
			from = term.AtomUnicode
		}
		if reqUni {
			to = term.AtomUnicode
		}
		return h.Tuple(term.AtomError, h.Tuple(p.Atom("no_translation"), from, to))
	}
	var cs []rune
	if devUni {
		if !utf8.Valid(data) {
			return noTrans()
		}
		cs = []rune(string(data))
	} else {
		cs = make([]rune, len(data))
		for i, c := range data {
			cs[i] = rune(c)
		}
	}
	if !reqUni && !allLatin1(cs) {
		return noTrans()
	}
	var v term.Term
	switch {
	case !binMode:
		v = runesList(h, cs)
	case reqUni:
		v = newBinary(p, []byte(string(cs)))
	default:
		b := make([]byte, len(cs))
		for i, c := range cs {
			b[i] = byte(c)
		}
		v = newBinary(p, b)
	}
	return h.Tuple(term.AtomOk, v, newBinary(p, rest))
}

// bioDecode is beamr_io:decode(Buf): {Chars, Partial}, the characters of
// the device bytes Buf and the bytes of a character not yet complete at
// its end (on a unicode device; a byte that is not UTF-8 counts as the
// latin1 character of its value).
func bioDecode(p *vm.Process, a []term.Term) term.Term {
	buf, ok := p.Env().Bytes(a[0])
	if !ok {
		return p.BadArg()
	}
	_, devUni := inputOpts(p.Runtime())
	var cs []rune
	i := 0
	for i < len(buf) {
		c := buf[i]
		if !devUni || c < utf8.RuneSelf {
			cs = append(cs, rune(c))
			i++
			continue
		}
		if !utf8.FullRune(buf[i:]) {
			break
		}
		r, size := utf8.DecodeRune(buf[i:])
		if r == utf8.RuneError && size <= 1 {
			cs = append(cs, rune(c))
			i++
			continue
		}
		cs = append(cs, r)
		i += size
	}
	return p.Heap.Tuple(runesList(p.Heap, cs), newBinary(p, buf[i:]))
}

// bioEncode is beamr_io:encode(Chars): unicode chardata back to the
// device's bytes (what get_until did not use goes back to the buffer).
func bioEncode(p *vm.Process, a []term.Term) term.Term {
	cs, ok := chardataRunes(p.Env(), a[0])
	if !ok {
		return p.BadArg()
	}
	_, devUni := inputOpts(p.Runtime())
	var b []byte
	for _, c := range cs {
		if devUni || c > 255 {
			b = utf8.AppendRune(b, c)
		} else {
			b = append(b, byte(c))
		}
	}
	return newBinary(p, b)
}

// registerIOInput registers io's input functions, which ask the device's
// io server (user for standard input) with the io protocol, through
// beamr_io_client (a server that is gone is {error, terminated}). A
// device that is neither a pid nor an atom matches no clause of OTP's io.
func registerIOInput(rt *vm.Runtime) {
	ask := func(p *vm.Process, dev term.Term, req func() term.Term) term.Term {
		pid, ok := inputServer(p, dev)
		if !ok {
			return raiseFunctionClause(p)
		}
		return ioClient(p, "request", pid, req())
	}
	getLine := func(p *vm.Process, dev, prompt term.Term) term.Term {
		return ask(p, dev, func() term.Term { return p.Heap.Tuple(p.Atom("get_line"), term.AtomUnicode, prompt) })
	}
	rt.Register("io", "get_line", 1, func(p *vm.Process, a []term.Term) term.Term { return getLine(p, 0, a[0]) })
	rt.Register("io", "get_line", 2, func(p *vm.Process, a []term.Term) term.Term { return getLine(p, a[0], a[1]) })
	getChars := func(p *vm.Process, dev, prompt, n term.Term) term.Term {
		if c, ok := smallArg(n); !ok || c < 0 {
			return raiseFunctionClause(p)
		}
		return ask(p, dev, func() term.Term { return p.Heap.Tuple(p.Atom("get_chars"), term.AtomUnicode, prompt, n) })
	}
	rt.Register("io", "get_chars", 2, func(p *vm.Process, a []term.Term) term.Term { return getChars(p, 0, a[0], a[1]) })
	rt.Register("io", "get_chars", 3, func(p *vm.Process, a []term.Term) term.Term { return getChars(p, a[0], a[1], a[2]) })
	// io:read and io:fread continue in beamr_io_client, which makes the
	// get_until request and shapes its answer.
	client := func(p *vm.Process, f string, dev term.Term, args ...term.Term) term.Term {
		pid, ok := inputServer(p, dev)
		if !ok {
			return raiseFunctionClause(p)
		}
		return ioClient(p, f, append([]term.Term{pid}, args...)...)
	}
	rt.Register("io", "read", 1, func(p *vm.Process, a []term.Term) term.Term { return client(p, "read", 0, a[0]) })
	rt.Register("io", "read", 2, func(p *vm.Process, a []term.Term) term.Term { return client(p, "read", a[0], a[1]) })
	rt.Register("io", "read", 3, func(p *vm.Process, a []term.Term) term.Term { return client(p, "read", a[0], a[1], a[2]) })
	rt.Register("io", "fread", 2, func(p *vm.Process, a []term.Term) term.Term { return client(p, "fread", 0, a[0], a[1]) })
	rt.Register("io", "fread", 3, func(p *vm.Process, a []term.Term) term.Term {
		return client(p, "fread", a[0], a[1], a[2])
	})
	rt.Register("io", "request", 1, func(p *vm.Process, a []term.Term) term.Term {
		return ask(p, 0, func() term.Term { return a[0] })
	})
	rt.Register("io", "request", 2, func(p *vm.Process, a []term.Term) term.Term {
		req := a[1]
		return ask(p, a[0], func() term.Term { return req })
	})
}

// inputServer resolves the device of an input request to what
// beamr_io_client asks: the group leader for the default device (0) and
// standard_io, a pid, or a name (which the client looks up).
func inputServer(p *vm.Process, dev term.Term) (term.Term, bool) {
	switch {
	case dev == 0 || dev == p.Atom("standard_io"):
		return p.GroupLeader(), true
	case dev.IsPid(), dev.IsAtom():
		return dev, true
	}
	return 0, false
}
