// Package gc is beamr's per-process garbage collector: a generational,
// copying (Cheney) collector for one heap.Heap at a time. It never stops
// other processes: a collection reads and writes only the heap it collects,
// the roots its caller hands it, and the runtime's binary table.
//
// # Generations
//
// A heap has a young generation (a main block plus the fragments Alloc
// chained since the last collection) and, once data has been promoted, an
// old generation block. The high-water mark (Heap.HWM) splits the main
// young block: objects below it survived the previous collection, objects
// at or above it (and in fragments) were allocated since.
//
// A minor collection copies the live young objects: those below the
// high-water mark are promoted to the old generation, the others are
// copied to a fresh young block. Old objects are neither moved nor
// scanned. A major collection (a full sweep) copies everything live, young
// and old, into a fresh young block and drops the old generation; it runs
// after Heap.FullsweepAfter minor collections, when the old generation
// cannot take the objects a minor collection would promote, or on request
// (erlang:garbage_collect/0). After either kind the high-water mark is the
// top of the new young block.
//
// Pointers that lead outside the collected space (module literal areas,
// other processes' data, the old generation in a minor collection) are left
// as they are, and what they point to is never copied.
//
// # The invariant a minor collection relies on
//
// An object only ever points to objects at least as old as itself: to
// objects of an older generation, or of its own. Erlang terms are
// immutable, so a term is built from terms that exist before it; copying
// keeps the order between generations (an object promoted by a collection
// only points to objects that are promoted too or were already old, because
// everything below the high-water mark was copied in one collection from
// objects of the same age or older). Hence:
//
//   - no old object points into the young generation, so a minor
//     collection needs no remembered set and scans no old object;
//   - no young object below the high-water mark points above it, so every
//     object a promoted object reaches is promoted too (or already old).
//
// The one exception is code that mutates an object it has just built,
// before any collection can run (between two Need calls, while the object
// is newer than the high-water mark): such an object may point to objects
// newer than itself, which is harmless because both are in the part of the
// young generation that a minor collection copies to the new young block.
// The code base's mutations are all of that kind:
//   - set_tuple_element writes into the tuple setelement/3 just built (the
//     compiler emits no allocation test in between);
//   - the external term decoder, make_tuple/append_element style builtins
//     and the map and record builders fill objects they allocated in the
//     same call;
//   - a binary match context's position words are small integers, never
//     pointers, so updating them in place cannot break the invariant;
//   - appending to a writable binary extends the off-heap buffer and
//     builds a new sub-binary that points at the (older) refc binary; the
//     refc binary's size word is written right after it is allocated.
//
// A collection may only run at Heap.Need, where the interpreter guarantees
// that the live x registers, the stack and the process's other fields hold
// every term still in use (the roots), or from a native function called as
// an ordinary function (erlang:garbage_collect/0), whose caller holds no
// terms in Go variables across the call.
//
// # Off-heap binaries
//
// Every refc binary object on a heap is linked into one of the heap's two
// off-heap lists (young and old) and holds one reference of its
// term.BinTable entry. After copying, the collector walks the lists of the
// collected generations: an object that was copied is relinked from its
// new place (into the old list when it was promoted), and the reference of
// every object that was not copied is released, exactly once.
package gc
