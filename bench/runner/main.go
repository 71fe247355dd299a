// Command runner times beamr and OTP's erl on the same benchmark .beam files
// and prints a markdown table with the ratio of their times.
//
//	go run ./bench/runner [-n 3] [-only fib,tak]
//
// Each benchmark is run n times on each VM and the fastest run counts. The
// time of starting each VM on an empty program is measured the same way and
// subtracted, so the table compares execution, not start-up. The .beam files
// are bench/beam/*.beam, compiled from bench/erl by OTP 25 (bench/build.sh).
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 3, "runs per benchmark and VM (the fastest counts)")
	only := flag.String("only", "", "comma-separated benchmark names (default: all)")
	flag.Parse()
	if err := run(*n, *only); err != nil {
		fmt.Fprintln(os.Stderr, "runner:", err)
		os.Exit(1)
	}
}

func run(n int, only string) error {
	dir, err := filepath.Abs(filepath.Join("bench", "beam"))
	if err != nil {
		return err
	}
	beams, err := filepath.Glob(filepath.Join(dir, "bench_*.beam"))
	if err != nil || len(beams) == 0 {
		return fmt.Errorf("no benchmarks in %s (run from the repository root)", dir)
	}
	tmp, err := os.MkdirTemp("", "beamr-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "beamr")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/beamr").CombinedOutput(); err != nil {
		return fmt.Errorf("building beamr: %v\n%s", err, out)
	}
	erl, err := exec.LookPath("erl")
	if err != nil {
		return fmt.Errorf("erl is not installed: %w", err)
	}
	empty := filepath.Join(dir, "bench_empty.beam")
	beamrBase, err := best(n, bin, "run", empty)
	if err != nil {
		return err
	}
	erlBase, err := best(n, erl, "-noshell", "-pa", dir, "-eval", "bench_empty:main(), halt().")
	if err != nil {
		return err
	}
	want := map[string]bool{}
	for _, s := range strings.Split(only, ",") {
		if s != "" {
			want[s] = true
		}
	}
	sort.Strings(beams)
	fmt.Printf("| benchmark | erl (s) | beamr (s) | beamr / erl |\n|---|---:|---:|---:|\n")
	logSum, count := 0.0, 0
	for _, b := range beams {
		mod := strings.TrimSuffix(filepath.Base(b), ".beam")
		name := strings.TrimPrefix(mod, "bench_")
		if name == "empty" || (len(want) > 0 && !want[name]) {
			continue
		}
		te, err := best(n, erl, "-noshell", "-pa", dir, "-eval", mod+":main(), halt().")
		if err != nil {
			return fmt.Errorf("%s on erl: %w", name, err)
		}
		tb, err := best(n, bin, "run", b)
		if err != nil {
			return fmt.Errorf("%s on beamr: %w", name, err)
		}
		ne := max(te-erlBase, time.Millisecond)
		nb := max(tb-beamrBase, time.Millisecond)
		ratio := nb.Seconds() / ne.Seconds()
		logSum += math.Log(ratio)
		count++
		fmt.Printf("| %s | %.3f | %.3f | %.2f× |\n", name, ne.Seconds(), nb.Seconds(), ratio)
	}
	if count > 0 {
		fmt.Printf("| **geometric mean** | | | **%.2f×** |\n", math.Exp(logSum/float64(count)))
	}
	fmt.Printf("\nStart-up subtracted: erl %.3f s, beamr %.3f s. Fastest of %d runs each.\n",
		erlBase.Seconds(), beamrBase.Seconds(), n)
	return nil
}

// best runs the command n times and returns the fastest wall time.
func best(n int, name string, args ...string) (time.Duration, error) {
	var min time.Duration
	for i := 0; i < n; i++ {
		cmd := exec.Command(name, args...)
		cmd.Stderr = os.Stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return 0, fmt.Errorf("%s %s: %w", name, strings.Join(args, " "), err)
		}
		if d := time.Since(start); i == 0 || d < min {
			min = d
		}
	}
	return min, nil
}
