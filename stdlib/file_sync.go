package stdlib

import (
	"errors"
	"os"
	"sort"

	"golang.org/x/sys/unix"

	"github.com/beamr/beamr/term"
	"github.com/beamr/beamr/vm"
)

// The synchronous natives of beamr_file: directory and name operations,
// which the ring does not carry. Each returns ok, {ok, Value} or
// {error, Posix}.

func registerFileSync(rt *vm.Runtime) {
	erlRegisterAll(rt, "beamr_file", []erlNative{
		{"list_dir", 1, fileListDir},
		{"make_dir", 1, func(p *vm.Process, a []term.Term) term.Term {
			return pathCall(p, a[0], func(s string) error { return unix.Mkdir(s, 0o777) })
		}},
		{"del_dir", 1, func(p *vm.Process, a []term.Term) term.Term {
			return pathCall(p, a[0], func(s string) error {
				return mapErrno(unix.Rmdir(s), unix.ENOTEMPTY, unix.EEXIST)
			})
		}},
		{"delete", 1, func(p *vm.Process, a []term.Term) term.Term {
			return pathCall(p, a[0], func(s string) error {
				return mapErrno(unix.Unlink(s), unix.EISDIR, unix.EPERM)
			})
		}},
		{"rename", 2, func(p *vm.Process, a []term.Term) term.Term {
			return path2Call(p, a[0], a[1], func(from, to string) error {
				return mapErrno(unix.Rename(from, to), unix.ENOTEMPTY, unix.EEXIST)
			})
		}},
		{"make_symlink", 2, func(p *vm.Process, a []term.Term) term.Term {
			return path2Call(p, a[0], a[1], unix.Symlink)
		}},
		{"make_link", 2, func(p *vm.Process, a []term.Term) term.Term {
			return path2Call(p, a[0], a[1], unix.Link)
		}},
		{"set_cwd", 1, func(p *vm.Process, a []term.Term) term.Term {
			return pathCall(p, a[0], unix.Chdir)
		}},
		{"change_mode", 2, func(p *vm.Process, a []term.Term) term.Term {
			if !a[1].IsSmall() {
				return p.BadArg()
			}
			m := uint32(a[1].Small())
			return pathCall(p, a[0], func(s string) error { return unix.Chmod(s, m) })
		}},
		{"read_link", 1, fileReadLink},
		{"ids", 0, func(p *vm.Process, _ []term.Term) term.Term {
			return p.Heap.Tuple(term.MakeSmall(int64(os.Getuid())), term.MakeSmall(int64(os.Getgid())))
		}},
		{"get_cwd", 0, func(p *vm.Process, _ []term.Term) term.Term {
			d, err := os.Getwd()
			if err != nil {
				return posixErr(p, err)
			}
			return p.Heap.Tuple(term.AtomOk, p.Heap.String(d))
		}},
	})
}

// mapErrno returns err, with the errno from replaced by to: OTP reports
// some errors of directory operations under the older POSIX names
// (a directory not empty as eexist, unlinking a directory as eperm).
func mapErrno(err error, from, to unix.Errno) error {
	if e, ok := err.(unix.Errno); ok && e == from {
		return to
	}
	return err
}

// posixErr builds {error, Posix} for err.
func posixErr(p *vm.Process, err error) term.Term {
	name := "eio"
	var e unix.Errno
	if errors.As(err, &e) {
		name = errnoName(e)
	}
	return p.Heap.Tuple(term.AtomError, p.Atom(name))
}

// pathCall runs f on the file name t.
func pathCall(p *vm.Process, t term.Term, f func(string) error) term.Term {
	s, _, ok := fileName(p.Env(), t)
	if !ok {
		return p.BadArg()
	}
	if err := f(s); err != nil {
		return posixErr(p, err)
	}
	return term.AtomOk
}

// path2Call runs f on the file names a and b.
func path2Call(p *vm.Process, a, b term.Term, f func(string, string) error) term.Term {
	sa, _, ok1 := fileName(p.Env(), a)
	sb, _, ok2 := fileName(p.Env(), b)
	if !ok1 || !ok2 {
		return p.BadArg()
	}
	if err := f(sa, sb); err != nil {
		return posixErr(p, err)
	}
	return term.AtomOk
}

// fileListDir is list_dir(Dir): {ok, Names} with the names as strings (or
// binaries when Dir is a binary), sorted.
func fileListDir(p *vm.Process, a []term.Term) term.Term {
	s, bin, ok := fileName(p.Env(), a[0])
	if !ok {
		return p.BadArg()
	}
	d, err := os.Open(s)
	if err != nil {
		return posixErr(p, err)
	}
	defer d.Close()
	names, err := d.Readdirnames(-1)
	if err != nil {
		return posixErr(p, err)
	}
	sort.Strings(names)
	out := make([]term.Term, len(names))
	for i, n := range names {
		if bin {
			out[i] = p.Heap.Binary(p.Env().Bins, []byte(n))
		} else {
			out[i] = p.Heap.String(n)
		}
	}
	return p.Heap.Tuple(term.AtomOk, p.Heap.List(out...))
}

// fileReadLink is read_link(Name): {ok, Target}.
func fileReadLink(p *vm.Process, a []term.Term) term.Term {
	s, bin, ok := fileName(p.Env(), a[0])
	if !ok {
		return p.BadArg()
	}
	t, err := os.Readlink(s)
	if err != nil {
		return posixErr(p, err)
	}
	if bin {
		return p.Heap.Tuple(term.AtomOk, p.Heap.Binary(p.Env().Bins, []byte(t)))
	}
	return p.Heap.Tuple(term.AtomOk, p.Heap.String(t))
}
