-module(nrec_lib).
-export([new/2, hidden/1, req/1]).

%% Record definitions used from nrec_ext: two exported, one not.

-record #pair{a, b = [1, 2, 3]}.
-record #hid{x = "s", y = {1, 2}}.
-record #req{k}.
-export_record([pair, req]).

new(A, B) -> #pair{a = A, b = B}.
hidden(X) -> #hid{x = X}.
req(K) -> #req{k = K}.
