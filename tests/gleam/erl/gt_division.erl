-module(gt_division).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([dynamic_/0]).

-type dynamic_() :: any().

-spec p(any()) -> nil.
p(X) ->
    io:format(<<"~p~n"/utf8>>, [X]).

-spec sum(list(integer())) -> integer().
sum(L) ->
    case L of
        [] ->
            0;

        [X | Xs] ->
            X + sum(Xs)
    end.

-spec count(list(any())) -> integer().
count(L) ->
    case L of
        [] ->
            0;

        [_ | Xs] ->
            1 + count(Xs)
    end.

-spec safe_mean(list(integer())) -> integer().
safe_mean(L) ->
    case count(L) of
        0 -> 0;
        Gleam@denominator -> sum(L) div Gleam@denominator
    end.

-spec main() -> nil.
main() ->
    Zero = gt_ffi:identity(0),
    Fzero = gt_ffi:identity(0.0),
    p({case Zero of
                0 -> 0;
                Gleam@denominator -> 10 div Gleam@denominator
            end, case Zero of
                0 -> 0;
                Gleam@denominator@1 -> -10 div Gleam@denominator@1
            end, case Zero of
                0 -> 0;
                Gleam@denominator@2 -> 10 rem Gleam@denominator@2
            end, case Zero of
                0 -> 0;
                Gleam@denominator@3 -> 0 div Gleam@denominator@3
            end}),
    p({case Fzero of
                0.0 -> 0.0;
                Gleam@denominator@4 -> 10.0 / Gleam@denominator@4
            end, case Fzero of
                0.0 -> 0.0;
                Gleam@denominator@5 -> -3.5 / Gleam@denominator@5
            end, case Fzero of
                0.0 -> 0.0;
                Gleam@denominator@6 -> 0.0 / Gleam@denominator@6
            end}),
    p({case gt_ffi:identity(3) of
                0 -> 0;
                Gleam@denominator@7 -> 10 div Gleam@denominator@7
            end, case gt_ffi:identity(3) of
                0 -> 0;
                Gleam@denominator@8 -> 10 rem Gleam@denominator@8
            end, case gt_ffi:identity(3) of
                0 -> 0;
                Gleam@denominator@9 -> -10 div Gleam@denominator@9
            end, case gt_ffi:identity(3) of
                0 -> 0;
                Gleam@denominator@10 -> -10 rem Gleam@denominator@10
            end}),
    p({case gt_ffi:identity(4.0) of
                0.0 -> 0.0;
                Gleam@denominator@11 -> 10.0 / Gleam@denominator@11
            end, case gt_ffi:identity(3.0) of
                0.0 -> 0.0;
                Gleam@denominator@12 -> 1.0 / Gleam@denominator@12
            end}),
    p(safe_mean([])),
    p(safe_mean([1, 2, 3, 4])),
    p(case Zero of
            0 -> 0;
            Gleam@denominator@13 -> 100000000000000000000 div Gleam@denominator@13
        end),
    p(case gt_ffi:identity(7) of
            0 -> 0;
            Gleam@denominator@14 -> 1000000 div Gleam@denominator@14
        end),
    p((16#1F + 8#17) + 2#101).
