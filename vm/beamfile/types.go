package beamfile

// TypeTable is the Type chunk: type information for typed register operands
// (an Arg's Type indexes Entries). The layout of entries changed between
// releases; Entries is decoded for versions 1 to 4 and nil otherwise.
type TypeTable struct {
	Version uint32      // 1: OTP 25, 2: OTP 26, 3: OTP 27-28, 4: OTP 29
	Count   int         // number of entries (0 for an unknown version)
	Data    []byte      // the entries' bytes as stored after version and count (for an unknown version, everything after the version)
	Entries []TypeEntry // decoded entries (len == Count), nil for an unknown version
}

// TypeSet is a set of term kinds, with the same meaning whatever the version
// of the Type chunk it was read from.
type TypeSet uint16

// Members of a TypeSet.
const (
	TypeAtom TypeSet = 1 << iota
	TypeBitstring
	TypeMatchState // binary match context (versions 1 and 2 only)
	TypeCons
	TypeFloat
	TypeFun
	TypeInteger
	TypeMap
	TypeNil
	TypePid
	TypePort
	TypeReference
	TypeTuple
	TypeRecord // native record (version 4)

	// TypeAny is every kind: no information.
	TypeAny TypeSet = 1<<iota - 1
)

// TypeEntry is one decoded type.
type TypeEntry struct {
	Types  TypeSet // the kinds the value may have
	HasMin bool    // Min is a lower bound of the (integer or float) value
	HasMax bool    // Max is an upper bound
	Min    int64
	Max    int64
	Unit   int // bitstring size unit (1 when unknown)
}

// The stored type union of each layout: which TypeSet member each bit
// stands for (bit 0 first). Versions 1 and 2 share a layout.
var (
	typeBitsV1 = []TypeSet{TypeAtom, TypeBitstring, TypeMatchState, TypeCons, TypeFloat, TypeFun,
		TypeInteger, TypeMap, TypeNil, TypePid, TypePort, TypeReference, TypeTuple}
	typeBitsV3 = []TypeSet{TypeAtom, TypeBitstring, TypeCons, TypeFloat, TypeFun,
		TypeInteger, TypeMap, TypeNil, TypePid, TypePort, TypeReference, TypeTuple}
	typeBitsV4 = []TypeSet{TypeAtom, TypeBitstring, TypeCons, TypeFloat, TypeFun,
		TypeInteger, TypeMap, TypeNil, TypePid, TypePort, TypeReference, TypeTuple, TypeRecord}
)

// mapTypeBits converts a stored type union to a TypeSet. A union with every
// bit of its layout set becomes TypeAny, so that "no information" reads the
// same whatever the version.
func mapTypeBits(raw uint16, order []TypeSet) TypeSet {
	all := uint16(1)<<len(order) - 1
	if raw&all == all {
		return TypeAny
	}
	var s TypeSet
	for i, t := range order {
		if raw&(1<<i) != 0 {
			s |= t
		}
	}
	return s
}

// parseTypes decodes the Type chunk.
func parseTypes(r *reader) (*TypeTable, error) {
	version, err := r.u32("type table version")
	if err != nil {
		return nil, err
	}
	t := &TypeTable{Version: version}
	var bits []TypeSet
	switch version {
	case 1, 2:
		bits = typeBitsV1
	case 3:
		bits = typeBitsV3
	case 4:
		bits = typeBitsV4
	default:
		// Unknown layout: the loader treats typed registers as plain ones.
		t.Data = r.b[r.off:]
		return t, nil
	}
	minSize := 2
	if version == 1 {
		minSize = 18
	}
	count, err := r.count("type count", minSize)
	if err != nil {
		return nil, err
	}
	if count < 1 {
		return nil, r.fail(ErrCorrupt, "empty type table")
	}
	t.Count = count
	start := r.off
	t.Entries = make([]TypeEntry, count)
	nb := len(bits)
	for i := range t.Entries {
		at := r.pos()
		raw, err := r.u16("type")
		if err != nil {
			return nil, err
		}
		e := TypeEntry{Types: mapTypeBits(raw, bits), Unit: 1}
		if version == 1 {
			if e.Min, err = r.i64("type min"); err != nil {
				return nil, err
			}
			if e.Max, err = r.i64("type max"); err != nil {
				return nil, err
			}
			if e.Min <= e.Max {
				e.HasMin, e.HasMax = true, true
			} else {
				e.Min, e.Max = 0, 0
			}
		} else {
			if raw == 0 {
				return nil, r.errAt(at, ErrCorrupt, "type %d is empty", i)
			}
			hasMin := raw&(1<<nb) != 0
			hasMax := raw&(1<<(nb+1)) != 0
			hasUnit := raw&(1<<(nb+2)) != 0
			number := e.Types&(TypeInteger|TypeFloat) != 0
			if (hasMin || hasMax) && !number {
				return nil, r.errAt(at, ErrCorrupt, "type %d has a range but is not numeric", i)
			}
			if hasUnit && e.Types&TypeBitstring == 0 {
				return nil, r.errAt(at, ErrCorrupt, "type %d has a unit but is not a bitstring", i)
			}
			if hasMin {
				if e.Min, err = r.i64("type min"); err != nil {
					return nil, err
				}
				e.HasMin = true
			}
			if hasMax {
				if e.Max, err = r.i64("type max"); err != nil {
					return nil, err
				}
				e.HasMax = true
			}
			if hasUnit {
				u, err := r.u8("type unit")
				if err != nil {
					return nil, err
				}
				e.Unit = int(u) + 1
			}
		}
		t.Entries[i] = e
	}
	t.Data = r.b[start:r.off]
	return t, nil
}

func (r *reader) i64(what string) (int64, error) {
	hi, err := r.u32(what)
	if err != nil {
		return 0, err
	}
	lo, err := r.u32(what)
	if err != nil {
		return 0, err
	}
	return int64(uint64(hi)<<32 | uint64(lo)), nil
}
