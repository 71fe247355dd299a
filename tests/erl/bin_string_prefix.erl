-module(bin_string_prefix).
-export([main/0]).

%% String literal prefixes in binary patterns, in function heads and case,
%% with shared and overlapping prefixes.

cmd(<<"GET ", Path/binary>>) -> {get, Path};
cmd(<<"GETX", Rest/binary>>) -> {getx, Rest};
cmd(<<"POST ", Path/binary>>) -> {post, Path};
cmd(<<"PUT", " ", Path/binary>>) -> {put, Path};
cmd(<<"DEL", $E, "TE ", Path/binary>>) -> {delete, Path};
cmd(<<"", "HEAD">>) -> head;
cmd(<<"OPT", _:8, "ONS", R/bits>>) -> {options, R};
cmd(Other) -> {unknown, Other}.

kind(B) ->
    case B of
        <<"abc", R/binary>> -> {abc, R};
        <<"ab", R/binary>> -> {ab, R};
        <<"a", R/binary>> -> {a, R};
        <<"xyz", _/binary>> = All -> {xyz, All};
        _ -> none
    end.

main() ->
    Cmds = [<<"GET /index.html">>, <<"GETX">>, <<"GETXYZ">>, <<"POST /form">>,
            <<"PUT /x">>, <<"PUT/x">>, <<"DELETE /y">>, <<"DELETE/y">>, <<"HEAD">>,
            <<"HEADER">>, <<"OPTIONS">>, <<"OPT-ONS+">>, <<"OPTIONS", 1:3>>, <<"GE">>, <<>>],
    [io:format("~p -> ~p~n", [C, cmd(C)]) || C <- Cmds],
    [io:format("kind ~p -> ~p~n", [B, kind(B)])
     || B <- [<<"abcdef">>, <<"abd">>, <<"a">>, <<"abc">>, <<"xyz1">>, <<"b">>, <<>>]],
    %% prefix with an unaligned start
    <<1:3, "hi", T:5>> = <<1:3, "hi", 9:5>>,
    io:format("unaligned prefix ~w~n", [T]),
    %% utf16 string prefix
    case <<"ok"/utf16, 0, 7>> of
        <<"ok"/utf16, N:16>> -> io:format("utf16 prefix ~w~n", [N])
    end,
    ok.
