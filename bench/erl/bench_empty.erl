%% Does nothing: measures VM start-up.
-module(bench_empty).
-export([main/0]).
main() -> ok.
