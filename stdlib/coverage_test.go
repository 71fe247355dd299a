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
	registerBase64(rt)
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
		// Internal helpers of OTP's own unicode and io modules, and the
		// io_lib parts of io input, which comes with the io protocol.
		"unicode:characters_to_binary_int/2": true, "unicode:characters_to_list_int/2": true,
		"io_lib:build_text/2": true, "io_lib:collect_chars/3": true, "io_lib:collect_chars/4": true,
		"io_lib:collect_line/3": true, "io_lib:collect_line/4": true, "io_lib:format_prompt/1": true,
		"io_lib:format_prompt/2": true, "io_lib:fread/2": true, "io_lib:fread/3": true,
		"io_lib:get_until/3": true, "io_lib:get_until/4": true, "io_lib:write/3": true,
		"io_lib:write_binary/3": true,
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
		t.Errorf("%d OTP 25 functions are not provided:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}
