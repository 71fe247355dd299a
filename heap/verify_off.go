//go:build !gcverify

package heap

// Verify is true in builds with the gcverify tag: every Need then runs the
// collector, and the collector checks the heap after every collection.
const Verify = false

// verifyState is empty outside gcverify builds.
type verifyState struct{}

// VerifyCredit is only meaningful in gcverify builds; here it returns a
// fresh counter.
func (h *Heap) VerifyCredit() *uint64 { return new(uint64) }
