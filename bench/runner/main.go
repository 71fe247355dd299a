// Command runner times beamr and OTP's erl on the same benchmark .beam files
// and prints a markdown table with the ratio of their times and memory.
//
//	go run ./bench/runner [-n 3] [-only fib,tak,spawn]
//
// Each benchmark is run n times on each VM and the fastest run counts. Each
// program times its own work with erlang:monotonic_time and reports it on
// standard error as "bench-us N", so the table compares execution, not
// start-up; for a program that reports nothing, the time of starting the VM
// on an empty program (measured the same way) is subtracted from the wall
// time instead. The .beam files
// are bench/beam/*.beam, compiled from bench/erl by OTP 25 (bench/build.sh).
// -only takes benchmark names without the bench_ prefix; an unknown name is
// an error.
//
// The table's columns:
//
//   - erl (s), beamr (s): the fastest time the program reported for its
//     work (else the fastest wall time minus the VM's start-up time).
//   - beamr / erl: the ratio of those times; the last row is their
//     geometric mean.
//   - erl RSS (MiB), beamr RSS (MiB): peak resident set size of the whole OS
//     process (the smallest peak over the n runs), start-up included, as
//     reported by the kernel for the exited child.
//   - RSS beamr / erl: the ratio of the two peaks.
//
// Every program prints one deterministic line. If beamr fails or prints
// something other than what erl printed, its row says so, the benchmark is
// left out of the geometric mean, and the other benchmarks still run.
//
// bench_spawn keeps 100,000 idle processes alive at once, so a second table
// derives per-process costs from it: microseconds per process (its time,
// divided by the count: spawning, stopping and reaping one
// process) and bytes per idle process (peak RSS minus the empty program's
// peak RSS, divided by the count). Both VMs are measured the same way, so
// erl's figure includes whatever its allocators keep around.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// fstreamMiB is the size of the file bench_fstream streams; it must match
// ?MIB in bench/erl/bench_fstream.erl.
const fstreamMiB = 256

// spawnCount is the number of processes bench_spawn keeps alive at once; it
// must match ?N in bench/erl/bench_spawn.erl.
const spawnCount = 100000

// errWrongOutput marks a program whose output differs from the expected.
var errWrongOutput = errors.New("wrong output")

// result is the best of n runs of one program on one VM.
type result struct {
	wall time.Duration // fastest wall time
	work time.Duration // fastest time the program reported for its work (0: none)
	rss  int64         // smallest peak resident set size, in bytes
	out  string        // standard output, the same on every run
}

// vm says how to run a benchmark module on one virtual machine.
type vm struct {
	name string
	argv func(mod string) []string
	base result // the empty program's result, filled in by run
}

// row holds one benchmark's measurements; beamrErr is set when beamr failed
// or printed something different from erl.
type row struct {
	name     string
	erl      result
	beamr    result
	beamrErr error
}

func main() {
	n := flag.Int("n", 3, "runs per benchmark and VM (the fastest counts)")
	only := flag.String("only", "", "comma-separated benchmark names, e.g. fib,spawn (default: all)")
	flag.Parse()
	if err := run(*n, *only); err != nil {
		fmt.Fprintln(os.Stderr, "runner:", err)
		os.Exit(1)
	}
}

func run(n int, only string) error {
	if n < 1 {
		return fmt.Errorf("-n must be at least 1, got %d", n)
	}
	dir, err := filepath.Abs(filepath.Join("bench", "beam"))
	if err != nil {
		return err
	}
	names, err := benchmarks(dir, only)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "beamr-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	erl, beamr, err := vms(dir, tmp)
	if err != nil {
		return err
	}
	for _, v := range []*vm{erl, beamr} {
		if v.base, err = measure(n, v.argv("bench_empty")); err != nil {
			return fmt.Errorf("empty program on %s: %w", v.name, err)
		}
	}
	rows := make([]row, 0, len(names))
	for _, name := range names {
		r, err := bench(n, name, erl, beamr)
		if err != nil {
			return err
		}
		rows = append(rows, r)
	}
	printTable(rows, erl, beamr)
	fmt.Printf("\nTimes are what the programs measured themselves. Start-up: erl %.3f s, beamr %.3f s. Fastest of %d runs each.\n",
		erl.base.wall.Seconds(), beamr.base.wall.Seconds(), n)
	fmt.Printf("Start-up peak RSS: erl %.1f MiB, beamr %.1f MiB.\n", mib(erl.base.rss), mib(beamr.base.rss))
	for _, r := range rows {
		switch r.name {
		case "spawn":
			printSpawn(r, erl, beamr)
		case "fstream":
			cat, err := catTime(n, tmp)
			if err != nil {
				return fmt.Errorf("timing cat: %w", err)
			}
			printCat(r, erl, beamr, cat)
		}
	}
	return nil
}

// catTime writes a file of fstreamMiB MiB into tmp and returns the fastest
// of n wall times of cat copying it to /dev/null (start-up included).
func catTime(n int, tmp string) (time.Duration, error) {
	name := filepath.Join(tmp, "fstream")
	chunk := bytes.Repeat([]byte("0123456789abcdef"), 65536)
	f, err := os.Create(name)
	if err != nil {
		return 0, err
	}
	for i := 0; i < fstreamMiB; i++ {
		if _, err := f.Write(chunk); err != nil {
			f.Close()
			return 0, err
		}
	}
	if err := f.Close(); err != nil {
		return 0, err
	}
	defer os.Remove(name)
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return 0, err
	}
	defer null.Close()
	var best time.Duration
	for i := 0; i < n+1; i++ { // the first run only brings the file into the page cache
		cmd := exec.Command("cat", name)
		cmd.Stdout = null
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return 0, err
		}
		if d := time.Since(start); i == 1 || (i > 1 && d < best) {
			best = d
		}
	}
	return best, nil
}

// printCat compares streaming the big file with cat's speed.
func printCat(r row, erl, beamr *vm, cat time.Duration) {
	fmt.Printf("\nStreaming %d MiB (bench_fstream) against cat to /dev/null (%.3f s, start-up included):\n\n", fstreamMiB, cat.Seconds())
	fmt.Println("| reader | time (s) | speed, % of cat's |")
	fmt.Println("|---|---:|---:|")
	te := net(r.erl, erl.base)
	fmt.Printf("| erl | %.3f | %.0f%% |\n", te.Seconds(), 100*cat.Seconds()/te.Seconds())
	if r.beamrErr != nil {
		fmt.Printf("| beamr | %s | |\n", failure(r.beamrErr))
		return
	}
	tb := net(r.beamr, beamr.base)
	fmt.Printf("| beamr | %.3f | %.0f%% |\n", tb.Seconds(), 100*cat.Seconds()/tb.Seconds())
}

// benchmarks lists the benchmark names (file names without bench_ and .beam)
// in dir, sorted, leaving out the empty program and, if only is not empty,
// every name it does not list.
func benchmarks(dir, only string) ([]string, error) {
	beams, err := filepath.Glob(filepath.Join(dir, "bench_*.beam"))
	if err != nil || len(beams) == 0 {
		return nil, fmt.Errorf("no benchmarks in %s (run from the repository root)", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "bench_empty.beam")); err != nil {
		return nil, fmt.Errorf("start-up program missing: %w", err)
	}
	want := map[string]bool{}
	for _, s := range strings.Split(only, ",") {
		if s = strings.TrimSpace(s); s != "" {
			want[s] = true
		}
	}
	var names []string
	found := map[string]bool{}
	for _, b := range beams {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(b), "bench_"), ".beam")
		if name == "empty" || (len(want) > 0 && !want[name]) {
			continue
		}
		found[name] = true
		names = append(names, name)
	}
	var unknown []string
	for s := range want {
		if !found[s] {
			unknown = append(unknown, s)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, fmt.Errorf("no such benchmark: %s", strings.Join(unknown, ", "))
	}
	sort.Strings(names)
	return names, nil
}

// vms finds erl and builds beamr into tmp, and says how to run a module of
// dir on each.
func vms(dir, tmp string) (erl, beamr *vm, err error) {
	path, err := exec.LookPath("erl")
	if err != nil {
		return nil, nil, fmt.Errorf("erl is not installed: %w", err)
	}
	bin := filepath.Join(tmp, "beamr")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/beamr").CombinedOutput(); err != nil {
		return nil, nil, fmt.Errorf("building beamr: %w\n%s", err, out)
	}
	erl = &vm{name: "erl", argv: func(mod string) []string {
		return []string{path, "-noshell", "-pa", dir, "-eval", mod + ":main(), halt()."}
	}}
	beamr = &vm{name: "beamr", argv: func(mod string) []string {
		return []string{bin, "run", filepath.Join(dir, mod+".beam")}
	}}
	return erl, beamr, nil
}

// bench measures one benchmark on both VMs. An error from erl, the
// reference, is returned; one from beamr is recorded in the row.
func bench(n int, name string, erl, beamr *vm) (row, error) {
	mod := "bench_" + name
	r := row{name: name}
	var err error
	if r.erl, err = measure(n, erl.argv(mod)); err != nil {
		return r, fmt.Errorf("%s on erl: %w", name, err)
	}
	r.beamr, err = measure(n, beamr.argv(mod))
	switch {
	case err != nil:
		r.beamrErr = err
	case r.beamr.out != r.erl.out:
		r.beamrErr = fmt.Errorf("%w: printed %q, erl printed %q", errWrongOutput, r.beamr.out, r.erl.out)
	}
	if r.beamrErr != nil {
		fmt.Fprintf(os.Stderr, "runner: %s on beamr: %v\n", name, r.beamrErr)
	}
	return r, nil
}

// measure runs argv n times and returns the fastest wall time, the smallest
// peak RSS and the output, which must be the same on every run.
func measure(n int, argv []string) (result, error) {
	var best result
	for i := 0; i < n; i++ {
		wall, work, rss, out, err := runOnce(argv)
		if err != nil {
			return result{}, err
		}
		if i == 0 {
			best = result{wall: wall, work: work, rss: rss, out: out}
			continue
		}
		if out != best.out {
			return result{}, fmt.Errorf("%s: %w: it changed between runs: %q, then %q",
				strings.Join(argv, " "), errWrongOutput, best.out, out)
		}
		best.wall = min(best.wall, wall)
		best.work = min(best.work, work)
		best.rss = min(best.rss, rss)
	}
	return best, nil
}

// runOnce runs argv once and returns its wall time, the time it reported
// for its work on standard error ("bench-us N", 0 when it reported none),
// its peak resident set size in bytes (0 where the OS does not report it)
// and its standard output. Other standard error output is passed on.
func runOnce(argv []string) (wall, work time.Duration, rss int64, out string, err error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	start := time.Now()
	err = cmd.Run()
	wall = time.Since(start)
	for _, line := range strings.SplitAfter(stderr.String(), "\n") {
		if us, ok := strings.CutPrefix(strings.TrimSpace(line), "bench-us "); ok {
			if n, perr := strconv.ParseInt(us, 10, 64); perr == nil {
				work = time.Duration(n) * time.Microsecond
				continue
			}
		}
		os.Stderr.WriteString(line)
	}
	if err != nil {
		return 0, 0, 0, "", fmt.Errorf("%s: %w", strings.Join(argv, " "), err)
	}
	return wall, work, peakRSS(cmd.ProcessState), stdout.String(), nil
}

// peakRSS returns the exited process's peak resident set size in bytes.
// Linux reports ru_maxrss in KiB.
func peakRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	return int64(ru.Maxrss) * 1024
}

// printTable prints the markdown table of times and peak RSS.
func printTable(rows []row, erl, beamr *vm) {
	fmt.Println("| benchmark | erl (s) | beamr (s) | beamr / erl | erl RSS (MiB) | beamr RSS (MiB) | RSS beamr / erl |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|")
	logSum, count := 0.0, 0
	for _, r := range rows {
		te := net(r.erl, erl.base)
		if r.beamrErr != nil {
			fmt.Printf("| %s | %.3f | %s | | %.1f | | |\n", r.name, te.Seconds(), failure(r.beamrErr), mib(r.erl.rss))
			continue
		}
		tb := net(r.beamr, beamr.base)
		ratio := tb.Seconds() / te.Seconds()
		logSum += math.Log(ratio)
		count++
		fmt.Printf("| %s | %.3f | %.3f | %.2f× | %.1f | %.1f | %s |\n", r.name, te.Seconds(), tb.Seconds(), ratio,
			mib(r.erl.rss), mib(r.beamr.rss), ratioText(float64(r.beamr.rss), float64(r.erl.rss)))
	}
	if count > 0 {
		fmt.Printf("| **geometric mean** | | | **%.2f×** | | | |\n", math.Exp(logSum/float64(count)))
	}
}

// printSpawn prints the per-process costs derived from bench_spawn.
func printSpawn(r row, erl, beamr *vm) {
	fmt.Printf("\nPer process (bench_spawn, %d processes alive at once):\n\n", spawnCount)
	fmt.Println("| measure | erl | beamr | beamr / erl |")
	fmt.Println("|---|---:|---:|---:|")
	ue := perProcessMicros(r.erl, erl.base)
	be := perProcessBytes(r.erl, erl.base)
	if r.beamrErr != nil {
		fmt.Printf("| µs per process | %.2f | %s | |\n", ue, failure(r.beamrErr))
		fmt.Printf("| bytes per idle process | %.0f | %s | |\n", be, failure(r.beamrErr))
		return
	}
	ub := perProcessMicros(r.beamr, beamr.base)
	bb := perProcessBytes(r.beamr, beamr.base)
	fmt.Printf("| µs per process | %.2f | %.2f | %s |\n", ue, ub, ratioText(ub, ue))
	fmt.Printf("| bytes per idle process | %.0f | %.0f | %s |\n", be, bb, ratioText(bb, be))
}

// perProcessMicros is the run's time minus start-up, in microseconds per
// spawned process.
func perProcessMicros(r, base result) float64 {
	return float64(net(r, base).Microseconds()) / spawnCount
}

// perProcessBytes is the run's peak RSS minus the empty program's, in bytes
// per process; it may be negative if RSS is noisy and processes are tiny.
func perProcessBytes(r, base result) float64 {
	return float64(r.rss-base.rss) / spawnCount
}

// net is the time of a run's work: what the program reported, or else its
// wall time minus start-up (the empty program's), never below a
// millisecond so that ratios stay finite.
func net(r, base result) time.Duration {
	if r.work > 0 {
		return max(r.work, time.Millisecond)
	}
	return max(r.wall-base.wall, time.Millisecond)
}

// ratioText formats a/b as a ratio, or leaves it empty if b is not positive.
func ratioText(a, b float64) string {
	if b <= 0 {
		return ""
	}
	return fmt.Sprintf("%.2f×", a/b)
}

// failure is the table cell for a benchmark beamr did not run correctly.
func failure(err error) string {
	if errors.Is(err, errWrongOutput) {
		return "wrong output"
	}
	return "fails"
}

// mib converts bytes to MiB.
func mib(b int64) float64 { return float64(b) / (1 << 20) }
