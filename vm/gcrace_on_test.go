//go:build race

package vm_test

// raceEnabled reports a -race build, where the allocation-heavy tests are
// too slow to run.
const raceEnabled = true
