package io

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/sys/unix"
)

// TestFileOps runs every file operation against a real file on each backend
// and checks that the backends agree result for result.
func TestFileOps(t *testing.T) {
	type step struct {
		name string
		res  int32
	}
	results := forEach(t, func(t *testing.T, r CompletionRing) []step {
		dir := t.TempDir()
		path := filepath.Join(dir, "f")
		var steps []step
		rec := func(name string, res int32) int32 {
			steps = append(steps, step{name, res})
			return res
		}
		fd := rec("openat", do(t, r, Op{Kind: Openat, FD: unix.AT_FDCWD, Path: cpath(path),
			Flags: unix.O_CREAT | unix.O_RDWR | unix.O_CLOEXEC, Mode: 0o644, UserData: 7}))
		if fd < 0 {
			t.Fatalf("openat: %d", fd)
		}
		steps[0].res = 0 // descriptor numbers may differ between runs
		if got := rec("pwrite", do(t, r, Op{Kind: Write, FD: fd, Buf: []byte("hello world"), Off: 0})); got != 11 {
			t.Errorf("pwrite = %d", got)
		}
		if got := rec("pwrite@6", do(t, r, Op{Kind: Write, FD: fd, Buf: []byte("WORLD"), Off: 6})); got != 5 {
			t.Errorf("pwrite@6 = %d", got)
		}
		// Positioned writes leave the position at 0: a read at the current
		// position sees the whole file and moves it to the end.
		buf := make([]byte, 64)
		n := rec("read cur", do(t, r, Op{Kind: Read, FD: fd, Buf: buf, Off: -1}))
		if n != 11 || string(buf[:n]) != "hello WORLD" {
			t.Errorf("read = %d %q", n, buf[:max(n, 0)])
		}
		a, b := make([]byte, 5), make([]byte, 10)
		if n := rec("preadv", do(t, r, Op{Kind: Readv, FD: fd, Bufs: [][]byte{a, b}, Off: 0})); n != 11 || string(a)+string(b[:6]) != "hello WORLD" {
			t.Errorf("readv = %d %q %q", n, a, b)
		}
		if n := rec("writev cur", do(t, r, Op{Kind: Writev, FD: fd, Bufs: [][]byte{[]byte("!"), nil, []byte("?")}, Off: -1})); n != 2 {
			t.Errorf("writev = %d", n)
		}
		if n := rec("read eof", do(t, r, Op{Kind: Read, FD: fd, Buf: buf, Off: -1})); n != 0 {
			t.Errorf("read at eof = %d", n)
		}
		rec("fsync", do(t, r, Op{Kind: Fsync, FD: fd}))
		rec("fdatasync", do(t, r, Op{Kind: Fsync, FD: fd, Flags: FsyncDatasync}))

		sb := make([]byte, StatxSize)
		rec("statx", do(t, r, Op{Kind: Statx, FD: unix.AT_FDCWD, Path: cpath(path), Buf: sb}))
		st, err := ParseStatx(sb)
		if err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if st.Size != 13 || int64(st.Size) != fi.Size() || st.Mode&ModeTypeMask != ModeRegular ||
			os.FileMode(st.Mode&0o777) != fi.Mode().Perm() || !st.Mtime.Equal(fi.ModTime()) {
			t.Errorf("statx = %+v, os.Stat = %v %v %v", st, fi.Size(), fi.Mode(), fi.ModTime())
		}
		clear(sb)
		rec("statx fd", do(t, r, Op{Kind: Statx, FD: fd, Path: cpath(""), Flags: unix.AT_EMPTY_PATH, Buf: sb}))
		if st2, _ := ParseStatx(sb); st2.Ino != st.Ino || st2.Size != 13 {
			t.Errorf("statx of fd = %+v", st2)
		}
		rec("statx dir", do(t, r, Op{Kind: Statx, FD: unix.AT_FDCWD, Path: cpath(dir), Buf: sb}))
		if st3, _ := ParseStatx(sb); st3.Mode&ModeTypeMask != ModeDirectory {
			t.Errorf("statx of dir: mode %o", st3.Mode)
		}
		rec("recv on file", do(t, r, Op{Kind: Recv, FD: fd, Buf: buf}))
		rec("close", do(t, r, Op{Kind: Close, FD: fd}))
		rec("close again", do(t, r, Op{Kind: Close, FD: fd}))
		rec("read closed", do(t, r, Op{Kind: Read, FD: fd, Buf: buf, Off: 0}))
		rec("open missing", do(t, r, Op{Kind: Openat, FD: unix.AT_FDCWD, Path: cpath(filepath.Join(dir, "nope")), Flags: unix.O_RDONLY}))
		rec("open notdir", do(t, r, Op{Kind: Openat, FD: unix.AT_FDCWD, Path: cpath(path + "/x"), Flags: unix.O_RDONLY}))
		rec("statx missing", do(t, r, Op{Kind: Statx, FD: unix.AT_FDCWD, Path: cpath(filepath.Join(dir, "nope")), Buf: sb}))
		rec("nop", do(t, r, Op{Kind: Nop}))
		return steps
	})
	u, th := results[BackendIOUring], results[BackendThreads]
	if !slices.Equal(u, th) {
		t.Errorf("backends differ:\nio_uring %v\nthreads  %v", u, th)
	}
	want := map[string]int32{"fsync": 0, "close": 0, "close again": eBADF, "read closed": eBADF,
		"open missing": eNOENT, "open notdir": eNOTDIR, "statx missing": eNOENT, "recv on file": eNOTSOCK, "nop": 0}
	for _, s := range u {
		if w, ok := want[s.name]; ok && s.res != w {
			t.Errorf("%s = %d, want %d", s.name, s.res, w)
		}
	}
}

// TestPipeRead reads a pipe: the read waits for the writer on both
// backends, and an offset on a pipe is ignored (as io_uring does).
func TestPipeRead(t *testing.T) {
	forEach(t, func(t *testing.T, r CompletionRing) bool {
		var p [2]int
		if err := unix.Pipe2(p[:], unix.O_CLOEXEC); err != nil {
			t.Fatal(err)
		}
		defer unix.Close(p[0])
		defer unix.Close(p[1])
		buf := make([]byte, 16)
		rd := submit(t, r, Op{Kind: Read, FD: int32(p[0]), Buf: buf, Off: -1})
		if n, _ := r.Wait(make([]Completion, 1), 50e6); n != 0 {
			t.Fatalf("read on empty pipe completed")
		}
		wr := submit(t, r, Op{Kind: Write, FD: int32(p[1]), Buf: []byte("abc"), Off: -1})
		got := await(t, r, rd, wr)
		if got[rd].Res != 3 || got[wr].Res != 3 || string(buf[:3]) != "abc" {
			t.Errorf("pipe read %+v write %+v", got[rd], got[wr])
		}
		rd = submit(t, r, Op{Kind: Read, FD: int32(p[0]), Buf: buf, Off: 5})
		wr = submit(t, r, Op{Kind: Write, FD: int32(p[1]), Buf: []byte("de"), Off: 9})
		got = await(t, r, rd, wr)
		if got[rd].Res != 2 || got[wr].Res != 2 || string(buf[:2]) != "de" {
			t.Errorf("pipe pread %+v pwrite %+v", got[rd], got[wr])
		}
		return true
	})
}
