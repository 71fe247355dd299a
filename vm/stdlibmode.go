package vm

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Where modules come from. A call of a module that is not loaded looks,
// in StdlibBundled mode, at the native functions, then the bundled
// modules (SetBundled), then the code path (Config.CodePath), then the
// OTP installation (Config.OTPRoot). In StdlibOTP mode every module the
// OTP installation has comes from there first, then the bundled modules,
// then the code path. Both ways the erts modules (erlang, erts_internal,
// prim_*, ...: OTP's lib/erts-*/ebin, which is never loaded) are beamr's
// natives, and so are the functions that OTP's own modules leave to the
// runtime: an exported function whose whole body is a call of
// erlang:nif_error (lists:reverse/2, maps:get/2, binary:match/3 ...) runs
// the native of the same name when there is one.

// StdlibMode chooses whether OTP's standard library or beamr's own serves
// the modules both have.
type StdlibMode uint8

const (
	// StdlibBundled prefers beamr's natives and bundled modules; an OTP
	// installation, when configured, only serves modules beamr lacks.
	StdlibBundled StdlibMode = iota
	// StdlibOTP prefers the OTP installation's beams for every module it
	// has, except the erts modules and the modules named by OwnModules.
	StdlibOTP
)

// String returns the mode's name as the command line spells it.
func (m StdlibMode) String() string {
	if m == StdlibOTP {
		return "otp"
	}
	return "bundled"
}

// ParseStdlibMode parses "bundled" or "otp".
func ParseStdlibMode(s string) (StdlibMode, error) {
	switch s {
	case "bundled", "":
		return StdlibBundled, nil
	case "otp":
		return StdlibOTP, nil
	}
	return 0, fmt.Errorf("stdlib mode %q: want bundled or otp", s)
}

// OTPRootEnv is the environment variable FindOTPRoot consults first.
const OTPRootEnv = "BEAMR_OTP_ROOT"

// FindOTPRoot locates an OTP installation: the directory named by
// $BEAMR_OTP_ROOT when it is set, otherwise the one the erl on PATH
// belongs to (erl resolved through symbolic links to ROOT/bin/erl, or the
// ROOTDIR its start script sets). The directory returned holds lib/*/ebin.
func FindOTPRoot() (string, error) {
	if r := os.Getenv(OTPRootEnv); r != "" {
		if !isOTPRoot(r) {
			return "", fmt.Errorf("%s=%s: no lib directory of an OTP installation there", OTPRootEnv, r)
		}
		return r, nil
	}
	erl, err := exec.LookPath("erl")
	if err != nil {
		return "", fmt.Errorf("no OTP installation: %w", err)
	}
	real, err := filepath.EvalSymlinks(erl)
	if err != nil {
		return "", fmt.Errorf("no OTP installation: %w", err)
	}
	if r := filepath.Dir(filepath.Dir(real)); isOTPRoot(r) {
		return r, nil
	}
	if r, ok := scriptRoot(real); ok && isOTPRoot(r) {
		return r, nil
	}
	return "", fmt.Errorf("no OTP installation found from %s", erl)
}

// scriptRoot reads the ROOTDIR=... line of an erl start script.
func scriptRoot(file string) (string, bool) {
	b, err := os.ReadFile(file)
	if err != nil || len(b) > 1<<20 {
		return "", false
	}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		v, ok := strings.CutPrefix(line, "ROOTDIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"'`)
		if v != "" && !strings.ContainsAny(v, "$`") {
			return v, true
		}
	}
	return "", false
}

func isOTPRoot(dir string) bool {
	ms, _ := filepath.Glob(filepath.Join(dir, "lib", "*", "ebin"))
	return len(ms) > 0
}

// scanOTP indexes the beams of an OTP installation's applications by
// module name: ROOT/lib/APP-VSN/ebin/*.beam, erts excluded (its modules
// are the runtime's own). Of two versions of an application the later
// wins.
func scanOTP(root string) (map[string]string, error) {
	dirs, err := filepath.Glob(filepath.Join(root, "lib", "*", "ebin"))
	if err != nil {
		return nil, err
	}
	if len(dirs) == 0 {
		return nil, fmt.Errorf("OTP root %s: no lib/*/ebin directories", root)
	}
	sort.Slice(dirs, func(i, j int) bool {
		return appVersionLess(filepath.Base(filepath.Dir(dirs[i])), filepath.Base(filepath.Dir(dirs[j])))
	})
	idx := map[string]string{}
	for _, d := range dirs {
		app := filepath.Base(filepath.Dir(d))
		if name, _, _ := strings.Cut(app, "-"); name == "erts" {
			continue
		}
		ents, err := os.ReadDir(d)
		if err != nil {
			continue
		}
		for _, e := range ents {
			if m, ok := strings.CutSuffix(e.Name(), ".beam"); ok && !e.IsDir() {
				idx[m] = filepath.Join(d, e.Name())
			}
		}
	}
	return idx, nil
}

// appVersionLess orders APP-VSN directory names by name, then by version
// compared number by number.
func appVersionLess(a, b string) bool {
	an, av, _ := strings.Cut(a, "-")
	bn, bv, _ := strings.Cut(b, "-")
	if an != bn {
		return an < bn
	}
	as, bs := strings.Split(av, "."), strings.Split(bv, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		x, errx := strconv.Atoi(as[i])
		y, erry := strconv.Atoi(bs[i])
		if errx != nil || erry != nil {
			if as[i] != bs[i] {
				return as[i] < bs[i]
			}
			continue
		}
		if x != y {
			return x < y
		}
	}
	return len(as) < len(bs)
}

// OwnModules names modules that beamr serves itself in both stdlib modes
// even though an OTP installation has them: OTP's versions are clients
// of services beamr does not start (the logger, the code server). Call it
// right after New, before any module is loaded.
func (rt *Runtime) OwnModules(names ...string) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	for _, n := range names {
		delete(rt.otpBeams, n)
	}
}

// StdlibMode returns the runtime's stdlib mode.
func (rt *Runtime) StdlibMode() StdlibMode { return rt.cfg.Stdlib }

// OTPRoot returns the OTP installation the runtime uses, or "".
func (rt *Runtime) OTPRoot() string { return rt.cfg.OTPRoot }

// otpOwnedLocked reports whether module m comes from the OTP installation
// in OTP mode, so that its natives only stand in for its stubs. The caller
// holds rt.mu.
func (rt *Runtime) otpOwnedLocked(m string) bool {
	if rt.cfg.Stdlib != StdlibOTP {
		return false
	}
	_, ok := rt.otpBeams[m]
	return ok
}
