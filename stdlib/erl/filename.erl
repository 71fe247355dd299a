%% The parts of OTP's filename module that are not native functions (the
%% natives, basename/1, dirname/1, extension/1, rootname/1,2, join/1,2 and
%% split/1, shadow any function of the same name here). Names are Unix
%% names: strings, deep lists with atoms, atoms or binaries; results are
%% binaries when the name is a binary.
-module(filename).

-export([absname/1, absname/2, absname_join/2, basename/2, flatten/1, nativename/1,
         pathtype/1, safe_relative_path/1]).

%% absname(Name): Name made absolute against the current directory.
absname(Name) ->
    {ok, Cwd} = file:get_cwd(),
    absname(Name, Cwd).

%% absname(Name, Dir): Name made absolute against the absolute directory
%% Dir.
absname(Name, Dir) ->
    case pathtype(Name) of
        relative -> absname_join(Dir, Name);
        _ -> filename:join([flatten(Name)])
    end.

absname_join(Dir, Name) ->
    filename:join(Dir, flatten(Name)).

%% basename(Name, Ext): Name's last component, without Ext when it ends
%% with it.
basename(Name, Ext) when is_binary(Name) ->
    Base = filename:basename(Name),
    E = iolist_to_binary(flatten(Ext)),
    Size = byte_size(Base) - byte_size(E),
    case Base of
        <<Root:Size/binary, E/binary>> when Size >= 0 -> Root;
        _ -> Base
    end;
basename(Name, Ext) ->
    Base = filename:basename(Name),
    E = case flatten(Ext) of
            B when is_binary(B) -> binary_to_list(B);
            L -> L
        end,
    case lists:suffix(E, Base) of
        true -> lists:sublist(Base, length(Base) - length(E));
        false -> Base
    end.

%% flatten(Name): a deep list name as a flat string (atoms spelled out); a
%% binary as it is.
flatten(Bin) when is_binary(Bin) -> Bin;
flatten(Atom) when is_atom(Atom) -> atom_to_list(Atom);
flatten(List) when is_list(List) -> flatten(List, []).

flatten([H | T], Tail) when is_list(H) -> flatten(H, flatten(T, Tail));
flatten([H | T], Tail) when is_atom(H) -> atom_to_list(H) ++ flatten(T, Tail);
flatten([H | T], Tail) when is_binary(H) -> binary_to_list(H) ++ flatten(T, Tail);
flatten([H | T], Tail) -> [H | flatten(T, Tail)];
flatten([], Tail) -> Tail.

nativename(Name) ->
    filename:join([Name]).

pathtype(Name) ->
    case flatten(Name) of
        <<"/", _/binary>> -> absolute;
        [$/ | _] -> absolute;
        _ -> relative
    end.

%% safe_relative_path(Name): Name without . and .., or unsafe when it
%% is absolute or goes above its start.
safe_relative_path(Name) ->
    case pathtype(Name) of
        relative ->
            Parts = filename:split(Name),
            Bin = is_binary(Name),
            Names = [to_list(P) || P <- Parts],
            case safe(Names, []) of
                unsafe -> unsafe;
                [] when Bin -> <<>>;
                [] -> [];
                Safe when Bin -> iolist_to_binary(filename:join(Safe));
                Safe -> filename:join(Safe)
            end;
        _ ->
            unsafe
    end.

to_list(B) when is_binary(B) -> binary_to_list(B);
to_list(L) -> L.

safe([], Acc) -> lists:reverse(Acc);
safe(["." | T], Acc) -> safe(T, Acc);
safe([".." | _], []) -> unsafe;
safe([".." | T], [_ | Acc]) -> safe(T, Acc);
safe([N | T], Acc) -> safe(T, [N | Acc]).
