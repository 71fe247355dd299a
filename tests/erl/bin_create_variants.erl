-module(bin_create_variants).
-export([main/0]).

%% Binary constructions of many shapes: all-literal, literal strings
%% mixed with variables, dynamic sizes, every segment type at once,
%% empty results, and constructions whose size is only known at run time.

id(X) -> X.

main() ->
    A = id(1), B = id(<<"xy">>), C = id(2.5), D = id(16#1F600), N = id(5), S = id("str"),
    io:format("empty ~w~n", [<<>>]),
    io:format("lit ~w~n", [<<1, 2, 3, "abc", 4:4, 5:4>>]),
    io:format("str ~w~n", [<<"abc">>]),
    io:format("strvar ~w~n", [<<"pre", B/binary, "post">>]),
    io:format("ints ~w~n", [<<A, A:16, A:32/little, A:N, 0:(8 - N)>>]),
    io:format("all types ~w~n", [<<A:8, B/binary, C/float, C:32/float, D/utf8, D/utf16,
                                   D/utf32, B:1/binary, (id(<<7:3>>))/bits, 0:5>>]),
    io:format("string list ~w~n", [<<(list_to_binary(S))/binary, 0>>]),
    io:format("char list ~w~n", [<<$a, $b, "c", 100>>]),
    io:format("zero sized ~w~n", [<<A:0, B:0/binary, (id(<<>>))/binary>>]),
    io:format("dyn size ~w~n", [<<A:(N * 3), B:(N - 4)/binary>>]),
    io:format("dyn unit ~w~n", [<<A:N/unit:3, 0:1>>]),
    io:format("negative ~w~n", [<<(-A):N/signed, (-A)>>]),
    io:format("repeated ~w~n", [<< <<B/binary>> || _ <- lists:seq(1, 3) >>]),
    io:format("nested ~w~n", [<<(<<(<<A>>)/binary, A>>)/binary, A>>]),
    io:format("expr ~w~n", [<<(A + 1), (A bsl 10):16, (byte_size(B)):8>>]),
    io:format("size expr ~w~n", [<<B:(byte_size(B) - 1)/binary>>]),
    io:format("utf8 string ~w~n", [<<"€"/utf8, "€"/utf16, "€"/utf32-little>>]),
    io:format("big int ~w~n", [<<(id(1 bsl 100)):104>>]),
    io:format("big int little ~w~n", [<<(id(1 bsl 100)):104/little>>]),
    io:format("large ~w~n", [byte_size(<<0:(id(8000)), B/binary>>)]),
    io:format("bits ~w~n", [<<A:1, A:1, A:1, A:3, A:2>>]),
    io:format("binary size bits ~w~n", [<<B:(id(1))/binary-unit:8, A:1>>]),
    ok.
