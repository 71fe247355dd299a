%% filelib: beamr's own version of OTP's file utilities, built on the file
%% and filename modules: file tests (is_dir, is_file, is_regular,
%% file_size, last_modified), ensure_dir and ensure_path, wildcard
%% matching of file names, fold_files and safe_relative_path.
%%
%% Wildcards are OTP's: ? (one character), * (any characters within one
%% name), ** (any number of directory levels), [Chars] with ranges a-z,
%% {Alt1,Alt2,...} within one name, and \ to quote a character. Results
%% are sorted, relative to the directory given (or the current one) for a
%% relative pattern, absolute for an absolute one. fold_files's regular
%% expressions are Go's RE2 syntax, which covers the usual PCRE patterns.
-module(filelib).

-export([wildcard/1, wildcard/2, wildcard/3, is_dir/1, is_dir/2, is_file/1, is_file/2,
         is_regular/1, is_regular/2, fold_files/5, fold_files/6, last_modified/1,
         last_modified/2, file_size/1, file_size/2, ensure_dir/1, ensure_path/1,
         safe_relative_path/2]).

-record(file_info, {size, type, access, atime, mtime, ctime, mode, links,
                    major_device, minor_device, inode, uid, gid}).

%% File tests.

is_dir(Name) -> is_dir(Name, file).
is_dir(Name, Mod) -> type(Name, Mod) =:= directory.

is_file(Name) -> is_file(Name, file).
is_file(Name, Mod) ->
    case type(Name, Mod) of
        regular -> true;
        directory -> true;
        _ -> false
    end.

is_regular(Name) -> is_regular(Name, file).
is_regular(Name, Mod) -> type(Name, Mod) =:= regular.

type(Name, Mod) ->
    case info(Name, Mod) of
        {ok, #file_info{type = T}} -> T;
        _ -> none
    end.

info(Name, file) -> file:read_file_info(Name);
info(Name, Mod) -> Mod:read_file_info(Name).

file_size(Name) -> file_size(Name, file).
file_size(Name, Mod) ->
    case info(Name, Mod) of
        {ok, #file_info{size = S}} -> S;
        _ -> 0
    end.

last_modified(Name) -> last_modified(Name, file).
last_modified(Name, Mod) ->
    case info(Name, Mod) of
        {ok, #file_info{mtime = T}} -> T;
        _ -> 0
    end.

%% ensure_dir(Name): makes the directories above Name.
ensure_dir("/") ->
    ok;
ensure_dir(Name) ->
    Dir = filename:dirname(Name),
    case is_dir(Dir) of
        true ->
            ok;
        false when Dir =:= Name ->
            {error, einval};
        false ->
            _ = ensure_dir(Dir),
            make_one(Dir)
    end.

%% ensure_path(Path): makes Path and the directories above it.
ensure_path(Path) ->
    case is_dir(Path) of
        true ->
            ok;
        false ->
            case filename:dirname(Path) of
                Path -> {error, einval};
                Parent ->
                    _ = ensure_path(Parent),
                    make_one(Path)
            end
    end.

%% make_one(Dir): makes Dir, whose parent exists; ok when it is there
%% already (made by someone else meanwhile).
make_one(Dir) ->
    case file:make_dir(Dir) of
        {error, eexist} = Error ->
            case is_dir(Dir) of
                true -> ok;
                false -> Error
            end;
        Other ->
            Other
    end.

%% fold_files(Dir, RegExp, Recursive, Fun, Acc): folds Fun over the
%% regular files under Dir whose names match RegExp.
fold_files(Dir, RegExp, Recursive, Fun, Acc) ->
    fold_files(Dir, RegExp, Recursive, Fun, Acc, file).

fold_files(Dir, RegExp, Recursive, Fun, Acc, Mod) ->
    case beamr_file:compile_re(RegExp) of
        {ok, Re} -> fold_dir(Dir, Re, Recursive, Fun, Acc, Mod);
        {error, _} -> erlang:error(badarg, [Dir, RegExp, Recursive, Fun, Acc])
    end.

fold_dir(Dir, Re, Recursive, Fun, Acc, Mod) ->
    case list_dir(Dir, Mod) of
        {ok, Names} -> fold_names(Names, Dir, Re, Recursive, Fun, Acc, Mod);
        {error, _} -> Acc
    end.

fold_names([], _, _, _, _, Acc, _) ->
    Acc;
fold_names([Name | Names], Dir, Re, Recursive, Fun, Acc, Mod) ->
    Full = filename:join(Dir, Name),
    Acc1 = case is_regular(Full, Mod) of
               true ->
                   case beamr_file:match_re(Re, Name) of
                       true -> Fun(Full, Acc);
                       false -> Acc
                   end;
               false when Recursive ->
                   case is_dir(Full, Mod) of
                       true -> fold_dir(Full, Re, true, Fun, Acc, Mod);
                       false -> Acc
                   end;
               false ->
                   Acc
           end,
    fold_names(Names, Dir, Re, Recursive, Fun, Acc1, Mod).

list_dir(Dir, file) -> file:list_dir(Dir);
list_dir(Dir, Mod) -> Mod:list_dir(Dir).

%% Wildcards.

wildcard(Pattern) when is_list(Pattern) ->
    wildcard(Pattern, ".", file, false).

wildcard(Pattern, Cwd) when is_list(Pattern), is_list(Cwd) ->
    wildcard(Pattern, Cwd, file, true);
wildcard(Pattern, Mod) when is_list(Pattern), is_atom(Mod) ->
    wildcard(Pattern, ".", Mod, false).

wildcard(Pattern, Cwd, Mod) when is_list(Pattern), is_list(Cwd), is_atom(Mod) ->
    wildcard(Pattern, Cwd, Mod, true).

wildcard(Pattern, Cwd, Mod, _) ->
    Flat = lists:flatten(Pattern),
    Parts = compile_parts(Flat),
    Results = case Flat of
                  [$/ | _] -> expand("/", "/", Parts, Mod);
                  _ -> expand(Cwd, "", Parts, Mod)
              end,
    lists:usort(Results).

%% compile_parts(Pattern): the pattern's names (empty ones and "." left
%% out), each a literal {lit, Name}, 'deep' for ** or {match, Alts}, the
%% alternatives of a name with wildcards (lists of pattern elements).
compile_parts(Pattern) ->
    [compile_part(P) || P <- split_pattern(Pattern, [], []), P =/= "", P =/= "."].

split_pattern([], Cur, Acc) -> lists:reverse([lists:reverse(Cur) | Acc]);
split_pattern([$/ | T], Cur, Acc) -> split_pattern(T, [], [lists:reverse(Cur) | Acc]);
split_pattern([$\\, C | T], Cur, Acc) -> split_pattern(T, [C, $\\ | Cur], Acc);
split_pattern([C | T], Cur, Acc) -> split_pattern(T, [C | Cur], Acc).

compile_part("**") ->
    deep;
compile_part(Part) ->
    Alts = [elements(A) || A <- braces(Part)],
    case Alts of
        [Elems] ->
            case literal(Elems) of
                {ok, Name} -> {lit, Name};
                no -> {match, Alts}
            end;
        _ ->
            {match, Alts}
    end.

literal(Elems) ->
    case lists:all(fun({char, _}) -> true; (_) -> false end, Elems) of
        true -> {ok, [C || {char, C} <- Elems]};
        false -> no
    end.

%% braces(Part): Part with its {A,B,...} alternatives expanded.
braces(Part) ->
    case find_brace(Part, []) of
        none ->
            [Part];
        {Before, Inside, After} ->
            [B ++ Alt ++ A || B <- [Before], Alt <- alternatives(Inside, 0, [], []),
                              A0 <- [After], A <- braces(A0)]
    end.

find_brace([], _) -> none;
find_brace([$\\, C | T], Acc) -> find_brace(T, [C, $\\ | Acc]);
find_brace([${ | T], Acc) ->
    case close_brace(T, 0, []) of
        {Inside, After} -> {lists:reverse(Acc), Inside, After};
        none -> erlang:error({badpattern, missing_delimiter})
    end;
find_brace([C | T], Acc) -> find_brace(T, [C | Acc]).

close_brace([], _, _) -> none;
close_brace([$\\, C | T], D, Acc) -> close_brace(T, D, [C, $\\ | Acc]);
close_brace([$} | T], 0, Acc) -> {lists:reverse(Acc), T};
close_brace([$} | T], D, Acc) -> close_brace(T, D - 1, [$} | Acc]);
close_brace([${ | T], D, Acc) -> close_brace(T, D + 1, [${ | Acc]);
close_brace([C | T], D, Acc) -> close_brace(T, D, [C | Acc]).

%% alternatives(Inside, Depth, Cur, Acc): the comma-separated parts at
%% the top level, each with its own braces expanded.
alternatives([], _, Cur, Acc) ->
    lists:append([braces(A) || A <- lists:reverse([lists:reverse(Cur) | Acc])]);
alternatives([$\\, C | T], D, Cur, Acc) -> alternatives(T, D, [C, $\\ | Cur], Acc);
alternatives([$, | T], 0, Cur, Acc) -> alternatives(T, 0, [], [lists:reverse(Cur) | Acc]);
alternatives([${ | T], D, Cur, Acc) -> alternatives(T, D + 1, [${ | Cur], Acc);
alternatives([$} | T], D, Cur, Acc) -> alternatives(T, D - 1, [$} | Cur], Acc);
alternatives([C | T], D, Cur, Acc) -> alternatives(T, D, [C | Cur], Acc).

%% elements(Name): the pattern elements of a name: {char, C}, any (?),
%% star (*) and {class, Ranges}.
elements([]) -> [];
elements([$\\, C | T]) -> [{char, C} | elements(T)];
elements([$? | T]) -> [any | elements(T)];
elements([$* | T]) -> [star | elements(T)];
elements([$[ | T]) ->
    case class(T, []) of
        {Ranges, Rest} -> [{class, Ranges} | elements(Rest)];
        none -> erlang:error({badpattern, missing_delimiter})
    end;
elements([C | T]) -> [{char, C} | elements(T)].

class([], _) -> none;
class([$] | T], Acc) -> {lists:reverse(Acc), T};
class([$\\, C | T], Acc) -> class(T, [{C, C} | Acc]);
class([A, $-, B | T], Acc) when B =/= $] -> class(T, [{A, B} | Acc]);
class([C | T], Acc) -> class(T, [{C, C} | Acc]).

%% match(Elems, Name): whether Name matches the pattern elements.
match([], []) -> true;
match([{char, C} | Es], [C | Cs]) -> match(Es, Cs);
match([any | Es], [_ | Cs]) -> match(Es, Cs);
match([{class, Rs} | Es], [C | Cs]) ->
    lists:any(fun({A, B}) -> C >= A andalso C =< B end, Rs) andalso match(Es, Cs);
match([star | Es], Cs) -> match_star(Es, Cs);
match(_, _) -> false.

match_star(Es, Cs) ->
    case match(Es, Cs) of
        true -> true;
        false when Cs =:= [] -> false;
        false -> match_star(Es, tl(Cs))
    end.

%% expand(Dir, Prefix, Parts, Mod): the names under Prefix (the directory
%% Dir on disk) that match Parts.
expand(Dir, Prefix, [], Mod) ->
    case Prefix of
        "" -> [];
        _ -> [Prefix || exists(Dir, Mod)]
    end;
expand(Dir, Prefix, [{lit, Name} | Parts], Mod) ->
    expand(join(Dir, Name), join(Prefix, Name), Parts, Mod);
expand(Dir, Prefix, [deep | Parts], Mod) ->
    Here = case Parts of
               [] -> [];
               _ -> expand(Dir, Prefix, Parts, Mod)
           end,
    Here ++ lists:append([expand_deep(join(Dir, N), join(Prefix, N), Parts, Mod)
                          || N <- names(Dir, Mod)]);
expand(Dir, Prefix, [{match, Alts} | Parts], Mod) ->
    lists:append([expand(join(Dir, N), join(Prefix, N), Parts, Mod)
                  || N <- names(Dir, Mod),
                     lists:any(fun(Es) -> match(Es, N) end, Alts)]).

%% expand_deep: ** at a name below the start: the name itself counts when
%% ** ends the pattern, and its subdirectories are searched.
expand_deep(Dir, Prefix, Parts, Mod) ->
    Self = case Parts of
               [] -> [Prefix];
               _ -> expand(Dir, Prefix, Parts, Mod)
           end,
    case is_dir(Dir, Mod) of
        true ->
            Self ++ lists:append([expand_deep(join(Dir, N), join(Prefix, N), Parts, Mod)
                                  || N <- names(Dir, Mod)]);
        false ->
            Self
    end.

names(Dir, Mod) ->
    case list_dir(Dir, Mod) of
        {ok, Names} -> Names;
        {error, _} -> []
    end.

exists(Name, file) ->
    case file:read_link_info(Name) of
        {ok, _} -> true;
        _ -> false
    end;
exists(Name, Mod) ->
    case Mod:read_link_info(Name) of
        {ok, _} -> true;
        _ -> false
    end.

join("", Name) -> Name;
join("/", Name) -> [$/ | Name];
join(Dir, Name) -> Dir ++ [$/ | Name].

%% safe_relative_path(Path, Cwd): Path without . and .. (symbolic links
%% under Cwd followed), or unsafe when it leaves Cwd or is absolute.
safe_relative_path(Path, Cwd) ->
    case filename:pathtype(Path) of
        relative -> safe_path(filename:split(Path), Cwd, [], []);
        _ -> unsafe
    end.

%% safe_path(Names, Cwd, Seen, Acc): Acc holds the safe names so far,
%% reversed; Seen the links followed.
safe_path([], _, _, Acc) ->
    case Acc of
        [] -> [];
        _ -> filename:join(lists:reverse(Acc))
    end;
safe_path(["." | Rest], Cwd, Seen, Acc) ->
    safe_path(Rest, Cwd, Seen, Acc);
safe_path([".." | _], _, _, []) ->
    unsafe;
safe_path([".." | Rest], Cwd, Seen, [_ | Acc]) ->
    safe_path(Rest, Cwd, Seen, Acc);
safe_path([Name | Rest], Cwd, Seen, Acc) ->
    Rel = filename:join(lists:reverse([Name | Acc])),
    case file:read_link(filename:join(Cwd, Rel)) of
        {ok, Target} ->
            case lists:member(Rel, Seen) of
                true ->
                    unsafe;
                false ->
                    case filename:pathtype(Target) of
                        relative ->
                            safe_path(filename:split(Target) ++ Rest, Cwd, [Rel | Seen], Acc);
                        _ ->
                            unsafe
                    end
            end;
        {error, _} ->
            safe_path(Rest, Cwd, Seen, [Name | Acc])
    end.
