-module(gt_crash_ffi).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([reply/0]).

-type reply() :: ok | {failed, integer(), list(binary())}.

-spec main() -> nil.
main() ->
    gt_ffi:crash_badmatch(ok),
    io:format(<<"first check passed~n"/utf8>>, []),
    gt_ffi:crash_badmatch(
        {failed,
            503,
            [<<"upstream"/utf8>>, <<"timeout"/utf8>>, <<"retry later"/utf8>>]}
    ),
    io:format(<<"not printed~n"/utf8>>, []).
