package io

import (
	"encoding/binary"
	"fmt"
	"time"
)

// Stat is a decoded struct statx, as filled by a Statx op (the name Statx
// belongs to the operation kind).
type Stat struct {
	// Mask says which fields the kernel filled (STATX_* bits).
	Mask uint32
	// Blksize is the preferred I/O block size.
	Blksize uint32
	// Attributes are STATX_ATTR_* flags.
	Attributes uint64
	Nlink      uint32
	UID        uint32
	GID        uint32
	// Mode holds the file type (S_IFMT bits) and the permission bits.
	Mode uint16
	Ino  uint64
	Size uint64
	// Blocks counts 512-byte blocks allocated.
	Blocks uint64
	// AttributesMask says which Attributes bits the file system supports.
	AttributesMask uint64
	Atime          time.Time
	Btime          time.Time
	Ctime          time.Time
	Mtime          time.Time
	RdevMajor      uint32
	RdevMinor      uint32
	DevMajor       uint32
	DevMinor       uint32
	MntID          uint64
}

// File type bits of Statx.Mode.
const (
	ModeTypeMask  = 0o170000
	ModeSocket    = 0o140000
	ModeSymlink   = 0o120000
	ModeRegular   = 0o100000
	ModeBlock     = 0o060000
	ModeDirectory = 0o040000
	ModeChar      = 0o020000
	ModeFIFO      = 0o010000
)

// ParseStatx decodes the first StatxSize bytes of b, a buffer filled by a
// Statx op (little-endian layout of linux/stat.h on the architectures beamr
// supports). It fails only when b is too short.
func ParseStatx(b []byte) (Stat, error) {
	if len(b) < StatxSize {
		return Stat{}, fmt.Errorf("io: statx buffer has %d bytes, need %d", len(b), StatxSize)
	}
	le := binary.LittleEndian
	ts := func(off int) time.Time {
		return time.Unix(int64(le.Uint64(b[off:])), int64(le.Uint32(b[off+8:])))
	}
	return Stat{
		Mask:           le.Uint32(b[0:]),
		Blksize:        le.Uint32(b[4:]),
		Attributes:     le.Uint64(b[8:]),
		Nlink:          le.Uint32(b[16:]),
		UID:            le.Uint32(b[20:]),
		GID:            le.Uint32(b[24:]),
		Mode:           le.Uint16(b[28:]),
		Ino:            le.Uint64(b[32:]),
		Size:           le.Uint64(b[40:]),
		Blocks:         le.Uint64(b[48:]),
		AttributesMask: le.Uint64(b[56:]),
		Atime:          ts(64),
		Btime:          ts(80),
		Ctime:          ts(96),
		Mtime:          ts(112),
		RdevMajor:      le.Uint32(b[128:]),
		RdevMinor:      le.Uint32(b[132:]),
		DevMajor:       le.Uint32(b[136:]),
		DevMinor:       le.Uint32(b[140:]),
		MntID:          le.Uint64(b[144:]),
	}, nil
}
