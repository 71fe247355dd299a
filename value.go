package beamr

import (
	"math/big"
	"strconv"

	"github.com/beamr/beamr/vm"
)

// Value is an Erlang term as Go sees it. Terms cross between Erlang and Go
// by copy, converted by these rules:
//
//	Erlang                  Go (what Erlang terms become)
//	integer                 int64, or *big.Int when it does not fit int64
//	float                   float64
//	atom                    Atom (true and false too)
//	binary                  []byte (a copy)
//	bitstring               Bitstring (when its size is not whole bytes)
//	list                    List ([] is an empty List)
//	improper list           ImproperList
//	tuple                   Tuple
//	map                     Map
//	pid                     Pid
//	reference               Ref
//	fun, port, other        Opaque
//
// Going the other way, Go values become terms as follows: every Go integer
// type and *big.Int become integers; float32 and float64 floats; string
// and []byte binaries (of their bytes as they are, UTF-8 or not); bool the
// atoms true and false; Atom, Tuple, List, ImproperList, Map, Bitstring,
// Pid, Ref and Opaque what they stand for; any other slice or array a list
// of its converted elements (nil slices and maps convert as empty ones); a
// Go map a map of its converted keys and values. The conversion fails with
// an error, and nothing is sent or started, for what has no term: nil,
// structs, pointers other than *big.Int, channels, functions, a NaN or
// infinite float (Erlang floats are finite), an Atom that is not UTF-8 or
// longer than 255 characters, and values nested more than 100000 levels
// deep (such as a slice that contains itself). To pass an Erlang string
// (a list of characters), use Charlist.
type Value = any

// Atom is an Erlang atom, by name. Atoms are interned per runtime: the
// same name in two runtimes is two unrelated atoms that happen to print
// alike.
type Atom string

// String returns the atom as Erlang writes it, quoted when it must be.
func (a Atom) String() string { return Format(a) }

// Tuple is an Erlang tuple: Tuple{Atom("ok"), 42} is {ok,42}.
type Tuple []Value

// List is a proper Erlang list. An empty (or nil) List is [].
type List []Value

// ImproperList is a list whose tail is not []: [1, 2 | Tail]. Coming
// from Erlang, Elems holds at least one element and Tail is not a list.
// Going to Erlang it is built as written: with no Elems it is just Tail,
// and with a List as Tail it is a proper list.
type ImproperList struct {
	Elems []Value
	Tail  Value
}

// Map is an Erlang map as its key-value pairs. The order of the pairs is
// the order Erlang stores them in (maps:to_list/1's order) when it comes
// from Erlang; when it goes to Erlang the order does not matter, and of
// equal keys the last one wins.
type Map []Pair

// Pair is one association of a Map.
type Pair struct {
	Key, Value Value
}

// Get returns the value of key in m, comparing keys with Equal.
func (m Map) Get(key Value) (Value, bool) {
	for _, p := range m {
		if Equal(p.Key, key) {
			return p.Value, true
		}
	}
	return nil, false
}

// Bitstring is an Erlang bitstring whose size is not a whole number of
// bytes: its first Bits bits are those of Data, from the most significant
// bit of Data[0] on. (Binaries, whole bytes, are []byte.)
type Bitstring struct {
	Data []byte
	Bits int
}

// Pid is the identifier of an Erlang process (or of a Mailbox) of one
// runtime. Pids compare equal with == when they name the same process of
// the same runtime. A Pid converts back to a term only in the runtime it
// came from: sending another runtime's Pid (or the zero Pid) is an error.
type Pid struct {
	n  uint64
	rt *vm.Runtime
}

// String returns the pid as Erlang writes it, e.g. <0.42.0>.
func (p Pid) String() string { return "<0." + strconv.FormatUint(p.n, 10) + ".0>" }

// Ref is an Erlang reference (make_ref/0) of one runtime. Refs compare
// equal with == exactly when the references are the same. Like a Pid, a
// Ref converts back to a term only in the runtime it came from.
type Ref struct {
	id uint64
	rt *vm.Runtime
}

// String returns the reference as Erlang writes it.
func (r Ref) String() string {
	const b0 = 18
	return "#Ref<0." + strconv.FormatUint(r.id>>(b0+32), 10) + "." +
		strconv.FormatUint((r.id>>b0)&0xffffffff, 10) + "." +
		strconv.FormatUint(r.id&(1<<b0-1), 10) + ">"
}

// Opaque is a term Go has no type for: a fun, a port or an open file or
// socket, or a reference made elsewhere. Like a Pid, an Opaque converts
// back to a term only in the runtime it came from (it may hold pids of
// that runtime): a fun or reference can be passed back to Erlang there,
// while an open file or socket cannot, as it belongs to the process that
// opened it. Opaque values compare equal with == when they come from the
// same runtime and their external term formats are equal.
type Opaque struct {
	text string // the ~w form
	ext  string // the external term format, "" when there is none
	rt   *vm.Runtime
}

// String returns the term as Erlang writes it (~w).
func (o Opaque) String() string { return o.text }

// Charlist returns s as an Erlang string: the list of its characters
// (Unicode code points).
func Charlist(s string) List {
	l := make(List, 0, len(s))
	for _, r := range s {
		l = append(l, int64(r))
	}
	return l
}

// ToString returns v as a Go string when v is a binary (string or []byte)
// or a list of Unicode code points (an Erlang string).
func ToString(v Value) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case []byte:
		return string(x), true
	case List:
		rs := make([]rune, len(x))
		for i, e := range x {
			c, ok := ToInt(e)
			if !ok || c < 0 || c > 0x10FFFF || c >= 0xD800 && c <= 0xDFFF {
				return "", false
			}
			rs[i] = rune(c)
		}
		return string(rs), true
	}
	return "", false
}

// ToInt returns v as an int64 when v is an integer (of any Go integer
// type, or a *big.Int) that fits.
func ToInt(v Value) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case *big.Int:
		if x != nil && x.IsInt64() {
			return x.Int64(), true
		}
		return 0, false
	}
	z, ok := bigOf(v)
	if !ok || !z.IsInt64() {
		return 0, false
	}
	return z.Int64(), true
}

// bigOf returns v as a big integer when v is a Go integer of any type.
func bigOf(v Value) (*big.Int, bool) {
	switch x := v.(type) {
	case int:
		return big.NewInt(int64(x)), true
	case int8:
		return big.NewInt(int64(x)), true
	case int16:
		return big.NewInt(int64(x)), true
	case int32:
		return big.NewInt(int64(x)), true
	case int64:
		return big.NewInt(x), true
	case uint:
		return new(big.Int).SetUint64(uint64(x)), true
	case uint8:
		return big.NewInt(int64(x)), true
	case uint16:
		return big.NewInt(int64(x)), true
	case uint32:
		return big.NewInt(int64(x)), true
	case uint64:
		return new(big.Int).SetUint64(x), true
	case uintptr:
		return new(big.Int).SetUint64(uint64(x)), true
	case *big.Int:
		if x == nil {
			return nil, false
		}
		return x, true
	}
	return nil, false
}

// Equal reports whether a and b stand for the same term (Erlang's =:=):
// integers of any Go type are equal when their values are, string and
// []byte when their bytes are, bool equals its atom, and a nil List equals
// an empty one. Maps are equal when they hold the same associations.
func Equal(a, b Value) bool {
	if x, ok := bigOf(a); ok {
		y, ok := bigOf(b)
		return ok && x.Cmp(y) == 0
	}
	switch x := a.(type) {
	case float64:
		y, ok := b.(float64)
		if !ok {
			if f, ok32 := b.(float32); ok32 {
				y, ok = float64(f), true
			}
		}
		return ok && x == y
	case float32:
		return Equal(float64(x), b)
	case string, []byte:
		xs, _ := binaryOf(a)
		ys, ok := binaryOf(b)
		return ok && xs == ys
	case bool:
		return Equal(boolAtom(x), b)
	case Atom:
		switch y := b.(type) {
		case Atom:
			return x == y
		case bool:
			return x == boolAtom(y)
		}
		return false
	case Tuple:
		y, ok := b.(Tuple)
		return ok && equalSlices(x, y)
	case List:
		y, ok := b.(List)
		return ok && equalSlices(x, y)
	case ImproperList:
		y, ok := b.(ImproperList)
		return ok && equalSlices(x.Elems, y.Elems) && Equal(x.Tail, y.Tail)
	case Map:
		y, ok := b.(Map)
		if !ok || len(x) != len(y) {
			return false
		}
		for _, p := range x {
			v, ok := y.Get(p.Key)
			if !ok || !Equal(p.Value, v) {
				return false
			}
		}
		return true
	case Bitstring:
		y, ok := b.(Bitstring)
		if !ok || x.Bits != y.Bits {
			return false
		}
		for i := 0; i < x.Bits; i++ {
			if bitAt(x.Data, i) != bitAt(y.Data, i) {
				return false
			}
		}
		return true
	case Pid, Ref, Opaque:
		return a == b
	}
	return false
}

func equalSlices(a, b []Value) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}

func bitAt(d []byte, i int) byte { return d[i/8] >> (7 - i%8) & 1 }

// binaryOf returns the bytes of a string or []byte value.
func binaryOf(v Value) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case []byte:
		return string(x), true
	}
	return "", false
}

func boolAtom(b bool) Atom {
	if b {
		return "true"
	}
	return "false"
}
