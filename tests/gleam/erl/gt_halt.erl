-module(gt_halt).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).

-spec main() -> nil.
main() ->
    io:format(<<"about to halt~n"/utf8>>, []),
    erlang:halt(3),
    io:format(<<"not printed~n"/utf8>>, []).
