package stdlib

import (
	"os"
	"path/filepath"
	"testing"
)

// TestAppFiles checks file:read_file/1, file:consult/1, code:where_is_file/1
// and erlang:list_to_pid/1 against what OTP 25 returns.
func TestAppFiles(t *testing.T) {
	dir := t.TempDir()
	// A file of terms with comments, full stops inside strings and quoted
	// atoms, a float and the character $. .
	text := "%% c\n{a, \"x. y\"}.\n1.5. $. .\n[b, 'q. r'] . \"s\"\n."
	file := filepath.Join(dir, "c.txt")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	q := func(s string) string { return `"` + s + `"` }
	erlRunCases(t, []erlCase{
		{mod: "file", fun: "consult", args: "[" + q(file) + "]",
			want: `{ok,[{a,[120,46,32,121]},1.5,46,[b,'q. r'],[115]]}`},
		{mod: "file", fun: "consult", args: `["/nonexistent/x"]`, want: `{error,enoent}`},
		{mod: "file", fun: "read_file", args: "[" + q(file) + "]",
			want: `{ok,<<37,37,32,99,10,123,97,44,32,34,120,46,32,121,34,125,46,10,49,46,53,46,32,36,46,32,46,10,91,98,44,32,39,113,46,32,114,39,93,32,46,32,34,115,34,10,46>>}`},
		{mod: "file", fun: "read_file", args: `["/nonexistent/x"]`, want: `{error,enoent}`},
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
