package stdlib

import (
	"strings"
	"testing"
)

// TestAppFiles checks beamr_file:consult_binary/1, code:where_is_file/1
// and erlang:list_to_pid/1 against what OTP 25 returns.
func TestAppFiles(t *testing.T) {
	// The text of a file of terms with comments, full stops inside strings and quoted
	// atoms, a float and the character $. .
	text := "%% c\n{a, \"x. y\"}.\n1.5. $. .\n[b, 'q. r'] . \"s\"\n."
	erlRunCases(t, []erlCase{
		{mod: "beamr_file", fun: "consult_binary", args: "[<<\"" + strings.ReplaceAll(text, "\"", "\\\"") + "\">>]",
			want: `{ok,[{a,[120,46,32,121]},1.5,46,[b,'q. r'],[115]]}`},
		{mod: "code", fun: "where_is_file", args: `["no_such_file.app"]`, want: `non_existing`},
		{mod: "erlang", fun: "list_to_pid", args: `["<0.5.0>"]`, want: `<0.5.0>`},
		{mod: "erlang", fun: "list_to_pid", args: `["<0.5"]`, want: `{error,badarg}`},
		{mod: "erlang", fun: "list_to_pid", args: `[x]`, want: `{error,badarg}`},
	})
}
