package tests

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The Gleam programs (gleam/src, compiled by gleam/build.sh) run the way
// `gleam run --module NAME` starts them: `beamr run gleam/ebin NAME`.
// Each must print exactly what OTP 25 printed (gleam/expected/NAME.out)
// and end with the same exit status (gleam/expected/NAME.status, 0 when
// absent).

const gleamPackage = "beamr_gleam"

// gleamPrograms lists the programs that have an expected output.
func gleamPrograms(t *testing.T) []string {
	outs, err := filepath.Glob(filepath.Join("gleam", "expected", "*.out"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range outs {
		names = append(names, strings.TrimSuffix(filepath.Base(o), ".out"))
	}
	sort.Strings(names)
	if len(names) == 0 {
		t.Fatal("no Gleam programs found")
	}
	return names
}

// gleamExpected returns a program's expected stdout and exit status.
func gleamExpected(name string) ([]byte, int, error) {
	out, err := os.ReadFile(filepath.Join("gleam", "expected", name+".out"))
	if err != nil {
		return nil, 0, err
	}
	b, err := os.ReadFile(filepath.Join("gleam", "expected", name+".status"))
	if errors.Is(err, os.ErrNotExist) {
		return out, 0, nil
	}
	if err != nil {
		return nil, 0, err
	}
	status, err := strconv.Atoi(strings.TrimSpace(string(b)))
	return out, status, err
}

// beamrCLI builds the beamr command into a directory removed after the
// test.
func beamrCLI(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "beamr")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/beamr/beamr/cmd/beamr").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runCommand runs cmd with a time limit and returns its stdout, stderr and
// exit status.
func runCommand(ctx context.Context, name string, args ...string) (stdout, stderr []byte, status int, err error) {
	var out, errb bytes.Buffer
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) && ctx.Err() == nil {
		return out.Bytes(), errb.Bytes(), ee.ExitCode(), nil
	}
	return out.Bytes(), errb.Bytes(), 0, err
}

// TestGleamPrograms runs every Gleam program on beamr and compares its
// output and exit status with OTP's.
func TestGleamPrograms(t *testing.T) {
	bin := beamrCLI(t)
	for _, name := range gleamPrograms(t) {
		t.Run(name, func(t *testing.T) {
			want, wantStatus, err := gleamExpected(name)
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			got, stderr, status, err := runCommand(ctx, bin, "run", filepath.Join("gleam", "ebin"), name)
			if err != nil {
				t.Fatalf("%s: %v\nstderr:\n%s", name, err, stderr)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("%s: output differs from OTP's\n%s\nstderr:\n%s", name, diff(want, got), stderr)
			}
			if status != wantStatus {
				t.Fatalf("%s: exit status %d, OTP's runner exited with %d\nstderr:\n%s", name, status, wantStatus, stderr)
			}
		})
	}
}

// TestGleamExpectationsAgainstErl re-checks the stored expectations with
// the erl on PATH (OTP 25), when there is one, running each program as
// `gleam run` does.
func TestGleamExpectationsAgainstErl(t *testing.T) {
	erl := requireErl25(t)
	ebin, err := filepath.Abs(filepath.Join("gleam", "ebin"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range gleamPrograms(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want, wantStatus, err := gleamExpected(name)
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			got, _, status, err := runCommand(ctx, erl, "-pa", ebin,
				"-eval", gleamPackage+"@@main:run("+name+")", "-noshell", "-extra")
			if err != nil {
				t.Fatalf("erl: %v", err)
			}
			if !bytes.Equal(got, want) || status != wantStatus {
				t.Fatalf("stored expectation differs from erl's (status %d, want %d)\n%s", status, wantStatus, diff(want, got))
			}
		})
	}
}
