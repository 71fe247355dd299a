//go:build gcverify

package heap

// Verify is true in builds with the gcverify tag: every Need then runs the
// collector, and the collector checks the heap after every collection.
const Verify = true

// verifyState holds the words collected since the collector last checked
// the whole old generation.
type verifyState struct{ credit uint64 }

// VerifyCredit returns the count of words collected since the collector
// last checked the whole old generation (gcverify builds only).
func (h *Heap) VerifyCredit() *uint64 { return &h.verifyState.credit }
