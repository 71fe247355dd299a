package beamfile

import (
	"os"
	"testing"
)

func BenchmarkParse(b *testing.B) {
	data := readTestdata(b, "random.beam")
	if big, err := os.ReadFile("/usr/lib/erlang/lib/stdlib-4.2/ebin/lists.beam"); err == nil {
		data = big
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
