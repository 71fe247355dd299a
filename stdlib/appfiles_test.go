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

// TestSplitTerms checks where file:consult/1 cuts a file into terms.
func TestSplitTerms(t *testing.T) {
	cases := []struct {
		src  string
		want []string
	}{
		{"a.", []string{"a."}},
		{"a. b.\n", []string{"a.", " b."}},
		{"%% only a comment\n", nil},
		{"\"x. y\". 'a. b'.", []string{`"x. y".`, ` 'a. b'.`}},
		{"1.5. $. . $\\. .", []string{"1.5.", " $. .", ` $\. .`}},
		{"{a, % x. y\n b}.", []string{"{a, % x. y\n b}."}},
		{"a", []string{"a"}},
	}
	for _, c := range cases {
		got := splitTerms([]rune(c.src))
		if len(got) != len(c.want) {
			t.Errorf("splitTerms(%q) = %d parts, want %d", c.src, len(got), len(c.want))
			continue
		}
		for i := range got {
			if string(got[i].text) != c.want[i] {
				t.Errorf("splitTerms(%q)[%d] = %q, want %q", c.src, i, string(got[i].text), c.want[i])
			}
		}
	}
}
