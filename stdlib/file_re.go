package stdlib

import (
	"regexp"
	"sync"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// Regular expressions for filelib:fold_files/5, which OTP matches with the
// re module: beamr_file:compile_re(RegExp) checks a pattern (iodata or a
// string) and answers {ok, Compiled} or {error, Reason};
// beamr_file:match_re(Compiled, Name) tells whether a file name matches.
// Patterns are Go's RE2 syntax, which covers the usual PCRE ones (no
// back-references or look-around).

func registerFileRe(rt *vm.Runtime) {
	erlRegisterAll(rt, "beamr_file", []erlNative{
		{"compile_re", 1, fileCompileRe},
		{"match_re", 2, fileMatchRe},
	})
}

// reCache holds recently compiled patterns by their text. Compiled
// patterns are immutable, so runtimes may share them; the cache is
// emptied when it reaches reCacheMax patterns, so it never grows without
// bound.
var reCache struct {
	mu sync.Mutex
	m  map[string]*regexp.Regexp
}

const reCacheMax = 64

// compiledRe compiles pattern, from the cache when it was seen lately.
func compiledRe(pattern string) (*regexp.Regexp, error) {
	reCache.mu.Lock()
	re, ok := reCache.m[pattern]
	reCache.mu.Unlock()
	if ok {
		return re, nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	reCache.mu.Lock()
	if reCache.m == nil || len(reCache.m) >= reCacheMax {
		reCache.m = make(map[string]*regexp.Regexp)
	}
	reCache.m[pattern] = re
	reCache.mu.Unlock()
	return re, nil
}

// reText reads a pattern or subject: iodata, or a string of characters
// (UTF-8 encoded).
func reText(p *vm.Process, t term.Term) (string, bool) {
	if b, ok := iolistBytes(p.Env(), t); ok {
		return string(b), true
	}
	cs, ok := chardataRunes(p.Env(), t)
	return string(cs), ok
}

func fileCompileRe(p *vm.Process, a []term.Term) term.Term {
	s, ok := reText(p, a[0])
	if !ok {
		return p.BadArg()
	}
	if _, err := compiledRe(s); err != nil {
		return p.Heap.Tuple(term.AtomError, p.Heap.String(err.Error()))
	}
	return p.Heap.Tuple(term.AtomOk, newBinary(p, []byte(s)))
}

func fileMatchRe(p *vm.Process, a []term.Term) term.Term {
	pat, ok1 := reText(p, a[0])
	subj, ok2 := reText(p, a[1])
	if !ok1 || !ok2 {
		return p.BadArg()
	}
	re, err := compiledRe(pat)
	if err != nil {
		return p.BadArg()
	}
	return boolTerm(re.MatchString(subj))
}
