package tests

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/beamr/beamr/vm"
)

// The report programs (reports/*.erl) make processes crash so that the
// logger prints crash reports, gen_server error reports, supervisor
// reports and warnings. reports/NAME.stderr holds what erl -noshell
// printed for NAME (OTP 25 prints reports on standard output, beamr on
// standard error), masked by maskReport.

// reportMasks replace what differs between runs or between VMs:
// timestamps, pids, heap and stack sizes and reduction counts, and line
// numbers in OTP's own behaviour modules.
var reportMasks = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`(?m)^=([A-Z]+ REPORT)==== .* ===$`), "=$1==== TS ==="},
	{regexp.MustCompile(`<0\.\d+\.0>`), "<PID>"},
	{regexp.MustCompile(`(?m)^( +(?:heap_size|stack_size|reductions)): \d+$`), "$1: N"},
	{regexp.MustCompile(`\(((?:gen_server|gen|proc_lib|supervisor|application_master)\.erl), line \d+\)`), "($1, line N)"},
	{regexp.MustCompile(`\{file,"((?:gen_server|gen|proc_lib|supervisor|application_master)\.erl)"\},\{line,\d+\}`), `{file,"$1"},{line,N}`},
}

// maskReport applies reportMasks to report text.
func maskReport(b []byte) []byte {
	for _, m := range reportMasks {
		b = m.re.ReplaceAll(b, []byte(m.repl))
	}
	return b
}

// reportPrograms lists the report programs that have a compiled beam.
func reportPrograms(t *testing.T) []string {
	beams, err := filepath.Glob(filepath.Join("reports", "*.beam"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range beams {
		names = append(names, strings.TrimSuffix(filepath.Base(b), ".beam"))
	}
	return names
}

// runBeamrStderr runs NAME:main() from dir and returns what it wrote to
// standard error.
func runBeamrStderr(dir, name string) ([]byte, error) {
	_, stderr, err := runProgram(vm.Config{ArenaWords: 1 << 28}, dir, name)
	return stderr, err
}

// TestReports runs each report program on beamr and compares the reports
// it printed with erl's, masked.
func TestReports(t *testing.T) {
	names := reportPrograms(t)
	if len(names) == 0 {
		t.Fatal("no report programs found")
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("reports", name+".stderr"))
			if err != nil {
				t.Fatal(err)
			}
			got, err := runWithTimeout(time.Minute, func() ([]byte, error) { return runBeamrStderr("reports", name) })
			if err != nil {
				t.Fatalf("%v\nstderr so far:\n%s", err, got)
			}
			if got = maskReport(got); !bytes.Equal(got, want) {
				t.Fatalf("reports differ from erl's\n%s", diff(want, got))
			}
		})
	}
}

// TestReportsAgainstErl re-checks the stored reports against the erl on
// PATH (OTP 25), when there is one. With BEAMR_REGEN_REPORTS=1 it stores
// them instead (reports/regen.sh does this after compiling).
func TestReportsAgainstErl(t *testing.T) {
	erl := requireErl25(t)
	dir, _ := filepath.Abs("reports")
	for _, name := range reportPrograms(t) {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, erl, "-noshell", "-pa", dir, "-eval", name+":main(), halt().")
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("erl: %v", err)
			}
			got := maskReport(out)
			file := filepath.Join("reports", name+".stderr")
			if os.Getenv("BEAMR_REGEN_REPORTS") == "1" {
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("stored reports differ from erl's\n%s", diff(want, got))
			}
		})
	}
}
