package stdlib

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/beamr/beamr/vm"
)

// TestExportCoverage checks that every function OTP 25 exports from the
// modules this package provides (testdata/otp25_exports.txt, printed by
// erl from M:module_info(exports)) is callable in beamr, as a native
// function or from a bundled module.
func TestExportCoverage(t *testing.T) {
	data, err := os.ReadFile("testdata/otp25_exports.txt")
	if err != nil {
		t.Fatal(err)
	}
	rt, err := vm.New(vm.Config{ArenaWords: 1 << 28})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	registerModules(rt)
	// Functions knowingly left out.
	skip := map[string]bool{
		"io:get_chars/2": true, "io:get_chars/3": true, "io:get_line/1": true, "io:get_line/2": true,
		"io:get_password/0": true, "io:get_password/1": true, "io:read/1": true, "io:read/2": true,
		"io:read/3": true, "io:read/4": true, "io:fread/2": true, "io:fread/3": true,
		"io:parse_erl_exprs/1": true, "io:parse_erl_exprs/2": true, "io:parse_erl_exprs/3": true,
		"io:parse_erl_exprs/4": true, "io:parse_erl_form/1": true, "io:parse_erl_form/2": true,
		"io:parse_erl_form/3": true, "io:parse_erl_form/4": true, "io:scan_erl_exprs/1": true,
		"io:scan_erl_exprs/2": true, "io:scan_erl_exprs/3": true, "io:scan_erl_exprs/4": true,
		"io:scan_erl_form/1": true, "io:scan_erl_form/2": true, "io:scan_erl_form/3": true,
		"io:scan_erl_form/4": true, "io:request/1": true, "io:request/2": true, "io:requests/1": true,
		"io:requests/2": true,
	}
	entry := regexp.MustCompile(`\{([^,{}]+),(\d+)\}`)
	var missing []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		mod, list, _ := strings.Cut(line, " ")
		for _, m := range entry.FindAllStringSubmatch(list, -1) {
			name := strings.Trim(m[1], "'")
			arity, _ := strconv.Atoi(m[2])
			key := mod + ":" + name + "/" + m[2]
			if skip[key] {
				continue
			}
			if _, ok := rt.Exported(rt.Atom(mod), rt.Atom(name), arity); !ok {
				missing = append(missing, key)
			}
		}
	}
	if len(missing) > 0 {
		t.Logf("%d OTP 25 functions are not provided:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}
