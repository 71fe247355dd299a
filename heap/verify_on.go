//go:build gcverify

package heap

// Verify is true in builds with the gcverify tag: every Need then runs the
// collector, and the collector checks the heap after every collection.
const Verify = true
