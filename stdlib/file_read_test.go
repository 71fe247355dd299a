package stdlib

import (
	"strings"
	"testing"
)

// The expected values below were printed (with ~w) by OTP 25's erl:
// erl_scan:tokens/3 followed by erl_parse:parse_term/1 for read_term,
// file:consult/1 on a file holding the text for consult_binary,
// io_lib:fread/2,3, and the filename and filelib functions.

// TestReadTerm checks beamr_file:read_term/3 (io:read's get_until
// function) against erl_scan:tokens/3 and erl_parse:parse_term/1.
func TestReadTerm(t *testing.T) {
	const (
		before = `[[115,121,110,116,97,120,32,101,114,114,111,114,32,98,101,102,111,114,101,58,32],`
		bad    = `[98,97,100,32,116,101,114,109]`
	)
	// Text a first call completes; then text that needs the end of input.
	whole := []erlCase{
		{args: `[[], "{a, 1}. b.", 1]`, want: `{done,{ok,{a,1},1},[98,46]}`},
		{args: `[[], "1, 2.\n", 1]`, want: `{done,{error,{1,erl_parse,` + bad + `},2},[]}`},
		{args: `[[], "{a, \x{2603}}.", 1]`, want: `{done,{error,{1,erl_scan,{illegal,character}},1},[125,46]}`},
		{args: `[[], "37#1. x", 1]`, want: `{done,{error,{1,erl_scan,{base,37}},1},[35,49,46,32,120]}`},
		{args: `[[], "'q a'. rest", 1]`, want: `{done,{ok,'q a',1},[114,101,115,116]}`},
		{args: `[[], "case x of _ -> y end. z", 1]`, want: `{done,{error,{1,erl_parse,` + bad + `},1},[122]}`},
		{args: `[[], "2#. ", 1]`, want: `{done,{error,{1,erl_scan,{illegal,integer}},1},[46,32]}`},
		{args: `[[], "1.0e. x", 1]`, want: `{done,{error,{1,erl_scan,{illegal,float}},1},[46,32,120]}`},
	}
	atEOF := []struct{ text, want string }{
		{"X.", `{done,{error,{1,erl_parse,` + bad + `},1},eof}`},
		{"1 + 2.", `{done,{error,{1,erl_parse,` + bad + `},1},eof}`},
		{"{b,.", `{done,{error,{1,erl_parse,` + before + `[39,46,39]]},1},eof}`},
		{"{b, 2}", `{done,{error,{1,erl_parse,` + before + `[]]},1},eof}`},
		{"#{a := 1}.", `{done,{error,{1,erl_parse,` + bad + `},1},eof}`},
		{`<<1,2:16,\"ab\"/utf8, 3.0/float>>.`, `{done,{ok,<<1,0,2,97,98,64,8,0,0,0,0,0,0>>,1},eof}`},
		{"<<-1:8, $a/utf16>>.", `{done,{ok,<<255,0,97>>,1},eof}`},
		{"- 5.", `{done,{ok,-5,1},eof}`},
		{"-(-5).", `{done,{error,{1,erl_parse,` + bad + `},1},eof}`},
		{"f(x).", `{done,{error,{1,erl_parse,` + bad + `},1},eof}`},
		{"1 == 2 == 3.", `{done,{error,{1,erl_parse,` + before + `[39,61,61,39]]},1},eof}`},
		{"{a b}.", `{done,{error,{1,erl_parse,` + before + `[98]]},1},eof}`},
		{`\"abc`, `{done,{error,{1,erl_scan,{string,34,[97,98,99]}},1},eof}`},
		{`   \n`, `{done,{eof,2},eof}`},
		{"1.e3.", `{done,{error,{1,erl_parse,` + before + `[39,46,39]]},1},eof}`},
		{`$\\n.`, `{done,{ok,10,1},eof}`},
		{"<<1:4>>.", `{done,{ok,<<1:4>>,1},eof}`},
		{"[a|b|c].", `{done,{error,{1,erl_parse,` + before + `[39,124,39]]},1},eof}`},
		{"fun (X) -> X end.", `{done,{error,{1,erl_parse,` + bad + `},1},eof}`},
		{"try a of b -> c catch d:e -> f after g end.", `{done,{error,{1,erl_parse,` + bad + `},1},eof}`},
		{"$", `{done,{error,{1,erl_scan,char},1},eof}`},
	}
	cases := whole
	for _, c := range atEOF {
		cases = append(cases, erlCase{args: `["` + c.text + `", eof, 1]`, want: c.want})
	}
	for i := range cases {
		cases[i].mod, cases[i].fun = "beamr_file", "read_term"
	}
	// Atoms of more than 255 characters.
	long := strings.Repeat("a", 256)
	cases = append(cases,
		erlCase{mod: "beamr_file", fun: "read_term", args: `[[], "'` + long + `'. x", 1]`,
			want: `{done,{error,{1,erl_scan,{illegal,atom}},1},[46,32,120]}`},
		erlCase{mod: "beamr_file", fun: "read_term", args: `[[], "` + long + `. x", 1]`,
			want: `{done,{error,{1,erl_scan,{illegal,atom}},1},[46,32,120]}`})
	// Text that is not complete yet asks for more.
	cases = append(cases, erlCase{mod: "beamr_file", fun: "read_term", args: `[[], "{a, 1}", 1]`,
		want: `{more,[123,97,44,32,49,125]}`})
	erlRunCases(t, cases)
}

// TestConsultBinary checks beamr_file:consult_binary/1 against
// file:consult/1 of the same text.
func TestConsultBinary(t *testing.T) {
	before := `[[115,121,110,116,97,120,32,101,114,114,111,114,32,98,101,102,111,114,101,58,32],`
	cases := []struct{ text, want string }{
		{`%% c\n{a, \"x. y\"}.\n1.5. $. .\n[b, 'q. r'] . \"s\"\n.`, `{ok,[{a,[120,46,32,121]},1.5,46,[b,'q. r'],[115]]}`},
		{`{a, 1}.\n{b,.\n`, `{error,{2,erl_parse,` + before + `[39,46,39]]}}`},
		{`{a, 1}.\n{b, 2}`, `{error,{2,erl_parse,` + before + `[]]}}`},
		{`{a, 1}.\nX.\n`, `{error,{2,erl_parse,[98,97,100,32,116,101,114,109]}}`},
		{``, `{ok,[]}`},
		{`a.\n\"x\n`, `{error,{2,erl_scan,{string,34,[120,10]}}}`},
	}
	var ec []erlCase
	for _, c := range cases {
		ec = append(ec, erlCase{mod: "beamr_file", fun: "consult_binary", args: `[<<"` + c.text + `">>]`, want: c.want})
	}
	erlRunCases(t, ec)
}

// TestFread checks io_lib:fread/2,3 (the bundled io_lib) against OTP's.
func TestFread(t *testing.T) {
	erlRunCases(t, []erlCase{
		{"io_lib", "fread", `["~d ~a ~f", "42 abc 3.5\nrest"]`, `{ok,[42,abc,3.5],[10,114,101,115,116]}`, ""},
		{"io_lib", "fread", `["~3d~d", "12345"]`, `{ok,[123,45],[]}`, ""},
		{"io_lib", "fread", `["~16u", "ff"]`, `{ok,[255],[]}`, ""},
		{"io_lib", "fread", `["~s", "  hello world"]`, `{ok,[[104,101,108,108,111]],[32,119,111,114,108,100]}`, ""},
		{"io_lib", "fread", `["~5c", "ab"]`, `{error,{fread,character}}`, ""},
		{"io_lib", "fread", `["~a~l", "foo bar"]`, `{ok,[foo,3],[32,98,97,114]}`, ""},
		{"io_lib", "fread", `["~*d~d", "1 2"]`, `{ok,[2],[]}`, ""},
		{"io_lib", "fread", `["~f", "3"]`, `{error,{fread,float}}`, ""},
		{"io_lib", "fread", `["~#", "-2#101"]`, `{ok,[-5],[]}`, ""},
		{"io_lib", "fread", `["~-~d", "-5"]`, `{ok,[-1,5],[]}`, ""},
		{"io_lib", "fread", `["~d", ""]`, `{more,[126,100],0,[]}`, ""},
		{"io_lib", "fread", `["a~d", "b1"]`, `{error,{fread,input}}`, ""},
		{"io_lib", "fread", `["~x", "1"]`, `{error,{fread,format}}`, ""},
		{"io_lib", "fread", `[[], "1\n2\n", "~d ~d"]`, `{done,{ok,[1,2]},[]}`, ""},
		{"io_lib", "fread", `[[], "12", "~d"]`, `{more,{[126,100],[50,49],0,[]}}`, ""},
		{"io_lib", "fread", `[[], "x\n", "~d"]`, `{done,{error,{fread,integer}},[]}`, ""},
	})
}

// TestFilenameExtras checks the filename functions of the bundled
// filename module, filename:join's handling of ".", and
// filelib:safe_relative_path/2.
func TestFilenameExtras(t *testing.T) {
	erlRunCases(t, []erlCase{
		{"filename", "basename", `["/a/b/c.erl", ".erl"]`, `[99]`, ""},
		{"filename", "basename", `["/a/b/c.erl", ".beam"]`, `[99,46,101,114,108]`, ""},
		{"filename", "basename", `[<<"/a/b/c.erl">>, ".erl"]`, `<<99>>`, ""},
		{"filename", "absname", `["b/../c", "/a"]`, `[47,97,47,98,47,46,46,47,99]`, ""},
		{"filename", "absname", `["/x/y", "/a"]`, `[47,120,47,121]`, ""},
		{"filename", "absname_join", `["/a", "b"]`, `[47,97,47,98]`, ""},
		{"filename", "pathtype", `["/a"]`, `absolute`, ""},
		{"filename", "pathtype", `[""]`, `relative`, ""},
		{"filename", "pathtype", `[<<"/b">>]`, `absolute`, ""},
		{"filename", "pathtype", `['/c']`, `absolute`, ""},
		{"filename", "flatten", `[["a", [47, "b"], c]]`, `[97,47,98,99]`, ""},
		{"filename", "nativename", `["/a//b/"]`, `[47,97,47,98]`, ""},
		{"filename", "join", `[["a", ".", "..", "b/"]]`, `[97,47,46,46,47,98]`, ""},
		{"filename", "join", `["a/.", "b"]`, `[97,47,98]`, ""},
		{"filename", "join", `["a", "."]`, `[97,47,46]`, ""},
		{"filename", "join", `[".", "a"]`, `[46,47,97]`, ""},
		{"filelib", "safe_relative_path", `["a/b", "/cwd"]`, `[97,47,98]`, ""},
		{"filelib", "safe_relative_path", `["a/../b", "/cwd"]`, `[98]`, ""},
		{"filelib", "safe_relative_path", `["../a", "/cwd"]`, `unsafe`, ""},
		{"filelib", "safe_relative_path", `["/a", "/cwd"]`, `unsafe`, ""},
		{"filelib", "safe_relative_path", `["a/./b", "/cwd"]`, `[97,47,98]`, ""},
		{"filelib", "safe_relative_path", `["a/..", "/cwd"]`, `[]`, ""},
	})
}

// TestFileRe checks the regular expressions of filelib:fold_files.
func TestFileRe(t *testing.T) {
	erlRunCases(t, []erlCase{
		{"beamr_file", "match_re", `["\\.erl$", "a.erl"]`, `true`, ""},
		{"beamr_file", "match_re", `["\\.erl$", "a.erl.bak"]`, `false`, ""},
		{"beamr_file", "match_re", `[<<".*">>, "x"]`, `true`, ""},
		{"beamr_file", "compile_re", `["a"]`, `{ok,<<97>>}`, ""},
	})
}
