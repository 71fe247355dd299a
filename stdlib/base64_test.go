package stdlib

import (
	"bytes"
	"testing"

	"github.com/beamr/beamr/term"
)

// Expected values: erlang:apply(base64, F, Args) in OTP 25 (erl), written
// with ~w.
var base64Cases = []erlCase{
	{`base64`, `encode`, `[<<>>]`, `<<>>`, ``},
	{`base64`, `encode`, `[<<"f">>]`, `<<90,103,61,61>>`, ``},
	{`base64`, `encode`, `[<<"fo">>]`, `<<90,109,56,61>>`, ``},
	{`base64`, `encode`, `[<<"foo">>]`, `<<90,109,57,118>>`, ``},
	{`base64`, `encode`, `[<<"foobar">>]`, `<<90,109,57,118,89,109,70,121>>`, ``},
	{`base64`, `encode`, `[[255,254,253,252]]`, `<<47,47,55,57,47,65,61,61>>`, ``},
	{`base64`, `encode`, `[[]]`, `<<>>`, ``},
	{`base64`, `encode`, `[[256]]`, `{error,badarg}`, ``},
	{`base64`, `encode`, `[[a]]`, `{error,badarith}`, ``},
	{`base64`, `encode`, `[[0,1024]]`, `{error,badarg}`, ``},
	{`base64`, `encode`, `[[0,256]]`, `<<65,81,65,61>>`, ``},
	{`base64`, `encode`, `[[1,2,3|x]]`, `{error,function_clause}`, ``},
	{`base64`, `encode`, `[[300,1,2]]`, `{error,badarg}`, ``},
	{`base64`, `encode`, `[[1,2,300]]`, `<<65,81,77,115>>`, ``},
	{`base64`, `encode`, `[[-1,0,0]]`, `{error,badarg}`, ``},
	{`base64`, `encode`, `[foo]`, `{error,function_clause}`, ``},
	{`base64`, `encode`, `[<<1:1>>]`, `{error,function_clause}`, ``},
	{`base64`, `encode`, `[[18446744073709551616]]`, `{error,badarg}`, ``},
	{`base64`, `encode_to_string`, `[<<"foob">>]`, `[90,109,57,118,89,103,61,61]`, ``},
	{`base64`, `encode_to_string`, `["fooba"]`, `[90,109,57,118,89,109,69,61]`, ``},
	{`base64`, `encode_to_string`, `[[1.0]]`, `{error,badarith}`, ``},
	{`base64`, `decode`, `[<<"Zm9vYmFy">>]`, `<<102,111,111,98,97,114>>`, ``},
	{`base64`, `decode`, `["Zm9vYg=="]`, `<<102,111,111,98>>`, ``},
	{`base64`, `decode`, `[<<"Zm9v YmE=\n">>]`, `<<102,111,111,98,97>>`, ``},
	{`base64`, `decode`, `[<<"Zm9vY">>]`, `{error,function_clause}`, ``},
	{`base64`, `decode`, `[<<"Zm9v!mFy">>]`, `{error,badarg}`, ``},
	{`base64`, `decode`, `[<<"Q===">>]`, `{error,badarith}`, ``},
	{`base64`, `decode`, `[<<"QQ==Q">>]`, `{error,{case_clause,16}}`, ``},
	{`base64`, `decode`, `[<<"QQ==*">>]`, `{error,{case_clause,bad}}`, ``},
	{`base64`, `decode`, `[<<"QQ",0,"=">>]`, `{error,badarg}`, ``},
	{`base64`, `decode`, `[[81,81,81|x]]`, `{error,function_clause}`, ``},
	{`base64`, `decode`, `[[81,256]]`, `{error,badarg}`, ``},
	{`base64`, `decode`, `[foo]`, `{error,function_clause}`, ``},
	{`base64`, `decode`, `[<<"QUJD",1:1>>]`, `{error,function_clause}`, ``},
	{`base64`, `decode_to_string`, `[<<"Zm9vYmFy">>]`, `[102,111,111,98,97,114]`, ``},
	{`base64`, `decode_to_string`, `["Zm9v!mFy"]`, `{error,badarith}`, ``},
	{`base64`, `decode_to_string`, `["QQ=Q"]`, `{error,badarith}`, ``},
	{`base64`, `mime_decode`, `[<<"Zm9v!YmFy">>]`, `<<102,111,111,98,97,114>>`, ``},
	{`base64`, `mime_decode`, `[<<"QQ==QQ==">>]`, `<<65,4,16>>`, ``},
	{`base64`, `mime_decode`, `[<<"QQ==Q">>]`, `{error,function_clause}`, ``},
	{`base64`, `mime_decode`, `[<<"QQ",0,"Q=">>]`, `<<65,4>>`, ``},
	{`base64`, `mime_decode`, `[[81,81,61|x]]`, `{error,function_clause}`, ``},
	{`base64`, `mime_decode`, `[[81,x]]`, `{error,badarg}`, ``},
	{`base64`, `mime_decode_to_string`, `[<<"Zm9v!YmE=">>]`, `[102,111,111,98,97]`, ``},
	{`base64`, `mime_decode_to_string`, `["QQQ=Q"]`, `[65,4,16]`, ``},
	{`base64`, `mime_decode_to_string`, `[42]`, `{error,function_clause}`, ``},
}

func TestBase64(t *testing.T) {
	erlRunCases(t, base64Cases)
}

// TestBase64RoundTrip checks that decoding undoes encoding for binaries of
// every length up to a few groups and a large one, and that the decoders
// accept line breaks between groups.
func TestBase64RoundTrip(t *testing.T) {
	rt, h, _ := erlTestRuntime(t)
	env := &rt.Env
	call := func(fun string, arg term.Term) term.Term {
		t.Helper()
		res, err := rt.Apply(rt.Atom("base64"), rt.Atom(fun), []term.Term{arg})
		if err != nil || res.Class != 0 {
			t.Fatalf("base64:%s: %v %s", fun, err, term.AppendW(nil, env, res.Reason))
		}
		return res.Value
	}
	sizes := []int{0, 1, 2, 3, 4, 5, 6, 7, 64, 65, 66, 1 << 16}
	for _, n := range sizes {
		data := make([]byte, n)
		for i := range data {
			data[i] = byte(i*7 + n)
		}
		enc := call("encode", h.Binary(env.Bins, data))
		encBytes, ok := env.Bytes(enc)
		if !ok || len(encBytes) != (n+2)/3*4 {
			t.Fatalf("encode of %d bytes: %d bytes", n, len(encBytes))
		}
		encBytes = bytes.Clone(encBytes)
		var wrapped []byte
		for i := 0; i < len(encBytes); i += 8 {
			wrapped = append(wrapped, encBytes[i:min(i+8, len(encBytes))]...)
			wrapped = append(wrapped, "\r\n"...)
		}
		for _, fun := range []string{"decode", "mime_decode"} {
			for _, in := range [][]byte{encBytes, wrapped} {
				got, ok := env.Bytes(call(fun, h.Binary(env.Bins, in)))
				if !ok || !bytes.Equal(got, data) {
					t.Errorf("%s(encode(%d bytes)) differs", fun, n)
				}
			}
		}
	}
}
