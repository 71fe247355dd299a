-module(binmod_common).
-export([main/0]).

%% binary:longest_common_prefix/1 and longest_common_suffix/1.

t(Label, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~w~n", [Label, R]).

main() ->
    Sets = [[<<"erlang">>, <<"ergonomy">>],
            [<<"erlang">>, <<"erlang">>],
            [<<"erlang">>, <<"beam">>],
            [<<"abc">>],
            [<<>>, <<"abc">>],
            [<<"prefix_one">>, <<"prefix_two">>, <<"prefix_three">>],
            [<<"x_ing">>, <<"y_ing">>, <<"zz_ing">>],
            [<<"same">>, <<"same">>, <<"same">>],
            [binary:copy(<<"ab">>, 100), binary:copy(<<"ab">>, 90)]],
    [io:format("~p: prefix ~w suffix ~w~n",
               [[binary:part(S, 0, min(8, byte_size(S))) || S <- Set],
                binary:longest_common_prefix(Set), binary:longest_common_suffix(Set)])
     || Set <- Sets],
    t("empty list", fun() -> binary:longest_common_prefix([]) end),
    t("not list", fun() -> binary:longest_common_prefix(<<"a">>) end),
    t("bad elem", fun() -> binary:longest_common_suffix([<<"a">>, a]) end),
    t("bits", fun() -> binary:longest_common_prefix([<<"a">>, <<1:3>>]) end),
    ok.
