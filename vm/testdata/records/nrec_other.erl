-module(nrec_other).
-export([ping/0]).

%% Defines an exported record; nrec_ext builds one before this module is
%% loaded (which fails) and after.

-record #later{v = 1}.
-export_record([later]).

ping() -> pong.
