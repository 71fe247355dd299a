package stdlib

import (
	"os"
	"path/filepath"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The parsing half of file:consult/1 (beamr_file:consult_binary/1, in
// file_read.go) and the code-path functions the bundled application module needs to find an
// application's .app file: code:get_path/0 and code:where_is_file/1.

func registerAppFiles(rt *vm.Runtime) {
	registerFileRead(rt)
	erlRegisterAll(rt, "code", []erlNative{
		{"get_path", 0, codeGetPath},
		{"where_is_file", 1, codeWhereIsFile},
	})
}

// codeGetPath is code:get_path(): the code path's directories.
func codeGetPath(p *vm.Process, _ []term.Term) term.Term {
	dirs := p.Runtime().CodePath()
	ts := make([]term.Term, len(dirs))
	for i, d := range dirs {
		ts[i] = p.Heap.String(d)
	}
	return p.Heap.List(ts...)
}

// codeWhereIsFile is code:where_is_file(Filename): the full name of the
// first file of that name in a code path directory, or non_existing.
func codeWhereIsFile(p *vm.Process, a []term.Term) term.Term {
	name, _, ok := fileName(p.Env(), a[0])
	if !ok {
		return p.BadArg()
	}
	for _, dir := range p.Runtime().CodePath() {
		full := filepath.Join(dir, name)
		if st, err := os.Stat(full); err == nil && !st.IsDir() {
			if abs, err := filepath.Abs(full); err == nil {
				full = abs
			}
			return p.Heap.String(full)
		}
	}
	return p.Atom("non_existing")
}
