package stdlib

import (
	"embed"
)

// The bundled modules: Erlang code this project writes (stdlib/erl/*.erl),
// compiled by OTP 25's erlc with erl/build.sh.
//
//go:embed erl/ebin/*.beam
var bundledFS embed.FS

// bundledBeam returns the .beam image of the bundled module named module.
func bundledBeam(module string) ([]byte, bool) {
	b, err := bundledFS.ReadFile("erl/ebin/" + module + ".beam")
	if err != nil {
		return nil, false
	}
	return b, true
}

// BundledModules lists the names of the bundled Erlang modules.
func BundledModules() []string {
	ents, err := bundledFS.ReadDir("erl/ebin")
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range ents {
		n := e.Name()
		if len(n) > 5 && n[len(n)-5:] == ".beam" {
			names = append(names, n[:len(n)-5])
		}
	}
	return names
}
