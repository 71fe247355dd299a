-module(atom_unicode).
-export([main/0]).

%% Atoms made of latin1 and non-latin1 characters: creation from code
%% points and UTF-8 binaries, conversion back, encodings, and equality.
%% Printed through ~w of code point lists so output is plain ASCII.

main() ->
    Latin = list_to_atom([$c, 16#E9]),
    Greek = list_to_atom([16#3B1, 16#3B2, 16#3B3]),
    Cjk = list_to_atom([16#65E5, 16#672C]),
    Emoji = list_to_atom([16#1F600]),
    io:format("latin ~w ~w~n", [atom_to_list(Latin), atom_to_binary(Latin)]),
    io:format("latin1bin ~w~n", [atom_to_binary(Latin, latin1)]),
    io:format("greek ~w ~w~n", [atom_to_list(Greek), atom_to_binary(Greek, utf8)]),
    io:format("cjk ~w ~w~n", [atom_to_list(Cjk), atom_to_binary(Cjk)]),
    io:format("emoji ~w ~w~n", [atom_to_list(Emoji), atom_to_binary(Emoji)]),
    R = try atom_to_binary(id(Greek), latin1) catch C:E -> {C, E} end,
    io:format("greek latin1 ~w~n", [R]),
    io:format("frombin ~w~n", [binary_to_atom(<<206, 177, 206, 178, 206, 179>>, utf8) =:= Greek]),
    io:format("fromlatin ~w~n", [binary_to_atom(<<$c, 16#E9>>, latin1) =:= Latin]),
    io:format("utf8 of latin ~w~n", [binary_to_atom(<<$c, 16#C3, 16#A9>>, utf8) =:= Latin]),
    io:format("literal ~w ~w~n", ['cé' =:= Latin, 'αβγ' =:= Greek]),
    io:format("lengths ~w~n", [[length(atom_to_list(A)) || A <- [Latin, Greek, Cjk, Emoji]]]),
    io:format("bytes ~w~n", [[byte_size(atom_to_binary(A)) || A <- [Latin, Greek, Cjk, Emoji]]]),
    %% 255 characters is the limit, regardless of byte length
    Long = list_to_atom(lists:duplicate(255, 16#3B1)),
    io:format("long ~w ~w~n", [length(atom_to_list(Long)), byte_size(atom_to_binary(Long))]),
    R2 = try list_to_atom(lists:duplicate(256, 16#3B1)) catch C2:E2 -> {C2, E2} end,
    io:format("toolong ~w~n", [R2]),
    io:format("existing ~w~n", [list_to_existing_atom([16#3B1, 16#3B2, 16#3B3]) =:= Greek]),
    io:format("sort ~w~n", [[atom_to_list(A) || A <- lists:sort([Emoji, Cjk, Greek, Latin, zzz])]]),
    io:format("written ~w ~w~n", [io_lib:write_atom(Greek), lists:flatten(io_lib:write(Cjk))]),
    io:format("quoted ~w~n", [lists:flatten(io_lib:format("~w", [Latin]))]),
    ok.

id(X) -> X.
