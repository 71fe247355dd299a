-module(bifgen).
-export([main/1]).
%% Reads {M,F,Args} cases from a file and prints Go table rows with what
%% OTP returns or raises.
main([In]) ->
    {ok, Cases} = file:consult(In),
    lists:foreach(fun case_/1, Cases),
    halt(0).
case_({M, F, Args}) ->
    {Want, Frame} =
        try erlang:apply(M, F, Args) of
            V -> {fmt(V), ""}
        catch C:R:S ->
            Fr = case S of
                     [{M, F, A, _} = H | _] when is_list(A) -> fmt(H);
                     _ -> ""
                 end,
            {fmt({C, R}), Fr}
        end,
    io:format("\t{~s, ~s, ~s, ~s, ~s},~n",
              [q(atom_to_list(M)), q(atom_to_list(F)), q(fmt(Args)), q(Want), q(Frame)]).
fmt(T) -> lists:flatten(io_lib:format("~w", [T])).
q(S) -> [$`] ++ S ++ [$`].
