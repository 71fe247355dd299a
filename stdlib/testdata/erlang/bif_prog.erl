%% Programs exercising erlang BIFs that need a calling context: apply,
%% exceptions and their stack traces, funs, module information, the process
%% dictionary, references and output. Each exported t_* function returns a
%% term; the expected values are what OTP 25 returns for the same .beam.
-module(bif_prog).
-export([t_apply/0, t_apply_errors/0, t_exceptions/0, t_error2/0, t_raise/0,
         t_funs/0, t_fun_info_ext/0, t_module_info/0, t_module_info_items/0,
         t_dict/0, t_refs/0, t_display/0, t_misc/0, t_exported/0, t_badopt/0,
         t_tail/0, t_apply_callee/0, x/1]).
-vsn(1).
-custom_attr([a, {b, 1}]).

id(X) -> X.

%% mine drops the frames of the code that called the test function, which
%% differs between runs.
mine(S) -> [F || {M, _, _, _} = F <- S, lists:member(M, [?MODULE, erlang, lists, nosuchmod_xyz])].

%% The funs given to catching wrap their call in a list, so that it is not a
%% tail call (a tail call leaves no frame for the fun in the stack trace).
catching(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R:S -> {C, R, mine(S)}
    end.

x(A) -> {x, A}.

t_apply() ->
    F = fun(A, B) -> A + B end,
    [apply(id(F), id([1, 2])),
     apply(id(fun lists:reverse/1), id([[1, 2]])),
     erlang:apply(id(?MODULE), id(x), id([7])),
     apply(id(lists), id(reverse), id([[a, b], [c]])),
     apply(id(erlang), id(element), id([2, {a, b}])),
     apply(id(erlang), id(apply), id([erlang, '+', [1, 2]])),
     apply(id(fun erlang:'-'/2), id([10, 3]))].

t_apply_errors() ->
    F = fun(A) -> A end,
    [catching(fun() -> [apply(id(F), id([a | b]))] end),
     catching(fun() -> [apply(id(F), id([a, b]))] end),
     catching(fun() -> [apply(id(a), id([a, b]))] end),
     catching(fun() -> [apply(id({lists, reverse}), id([[a]]))] end),
     catching(fun() -> [apply(id(fun lists:reverse/1), id([a, b]))] end),
     catching(fun() -> [apply(id(1), id(foo), id([]))] end),
     catching(fun() -> [apply(id(lists), id(1), id([]))] end),
     catching(fun() -> [apply(id(lists), id(foo), id([a | b]))] end)].

%% Failures of the function that apply calls (undefined, or a BIF failing).
t_apply_callee() ->
    [catching(fun() -> [apply(id(erlang), id(element), id([5, {a}]))] end),
     catching(fun() -> [apply(id(?MODULE), id(nosuchfun), id([a]))] end),
     catching(fun() -> [apply(id(nosuchmod_xyz), id(f), id([a]))] end),
     catching(fun() -> [apply(id(fun nosuchmod_xyz:f/0), id([]))] end)].

t_exceptions() ->
    [catching(fun() -> [erlang:throw(id(x))] end),
     catching(fun() -> [erlang:exit(id(x))] end),
     catching(fun() -> [erlang:error(id(x))] end),
     catching(fun() -> [erlang:nif_error(id(x))] end),
     catching(fun() -> [erlang:nif_error(id(x), id([1]))] end),
     catch erlang:throw(id(t)),
     catching(fun() -> [erlang:'+'(id(1), id(a))] end),
     catching(fun() -> [id(1) + id(a)] end),
     catching(fun() -> [element(id(3), id({a}))] end),
     catching(fun() -> [atom_to_list(id("a"))] end)].

t_error2() ->
    [catching(fun() -> [erlang:error(id(foo), id([1, 2]))] end),
     catching(fun() -> [erlang:error(id(foo), id(none))] end),
     catching(fun() -> [erlang:error(id(foo), id([a]), id([{error_info, #{module => m}}]))] end),
     catching(fun() -> [erlang:error(id(foo), id([a]), id([{error_info, #{}}, x]))] end)].

t_raise() ->
    [catching(fun() -> [erlang:raise(error, x, [{a, b, 1}])] end),
     catching(fun() -> [erlang:raise(throw, x, [{a, b, [x], [{line, 3}]}])] end),
     catching(fun() -> [erlang:raise(exit, x, [{a, b, 1, []} || _ <- lists:seq(1, 20)])] end),
     catching(fun() -> [erlang:raise(id(foo), x, [])] end),
     catching(fun() -> [erlang:raise(error, x, id([{a, b}]))] end),
     catching(fun() -> [erlang:raise(error, x, id([{"a", b, 1, []}]))] end),
     catching(fun() -> [erlang:raise(error, x, id([{a, b, 1, x}]))] end),
     catching(fun() -> [erlang:raise(error, x, id([{a, b, 1, []} | x]))] end),
     catching(fun() -> [erlang:raise(error, x, id(x))] end),
     catching(fun() -> [erlang:raise(error, x, id([{fun id/1, [1]}]))] end)].

t_funs() ->
    Y = id(5),
    F = fun(A) -> A + Y end,
    G = fun x/1,
    MD5 = ?MODULE:module_info(md5),
    Clean = fun(L) -> [case KV of
                           {pid, P} -> {pid, is_pid(P)};
                           {new_uniq, U} -> {new_uniq, U =:= MD5};
                           _ -> KV
                       end || KV <- L]
            end,
    [Clean(erlang:fun_info(F)),
     Clean(erlang:fun_info(G)),
     [erlang:fun_info(F, K) || K <- [module, name, arity, env, index, new_index,
                                     uniq, type]],
     erlang:fun_to_list(F),
     erlang:fun_to_list(fun lists:map/2),
     erlang:fun_to_list(fun 'a b':'c d'/2),
     catching(fun() -> [erlang:fun_info(F, foo)] end),
     catching(fun() -> [erlang:fun_info(id(a))] end),
     catching(fun() -> [erlang:fun_to_list(id(a))] end),
     is_function(F), is_function(F, 1), is_function(F, 2)].

t_fun_info_ext() ->
    F = fun lists:map/2,
    [erlang:fun_info(F),
     [erlang:fun_info(F, K) || K <- [module, name, arity, env, index, new_index,
                                     uniq, new_uniq, pid, type]]].

t_module_info() ->
    [?MODULE:module_info(module), ?MODULE:module_info(exports),
     ?MODULE:module_info(functions), ?MODULE:module_info(attributes),
     ?MODULE:module_info(nifs), ?MODULE:module_info(native),
     catching(fun() -> [?MODULE:module_info(foo)] end),
     erlang:get_module_info(?MODULE, module),
     catching(fun() -> [erlang:get_module_info(nosuchmod_xyz, exports)] end),
     catching(fun() -> [erlang:get_module_info(id(1))] end)].

t_module_info_items() ->
    [K || {K, _} <- ?MODULE:module_info()].

t_dict() ->
    _ = erase(),
    A = [put(k1, 1), put(k2, 2), put(k1, 3), get(k1), get(nokey), get(1.0)],
    put(1, one),
    B = [get(1), get(1.0), lists:sort(get_keys()), lists:sort(get_keys(3)),
         get_keys(3.0), lists:sort(get())],
    C = [erase(k1), erase(k1), lists:sort(erase()), get(), get_keys()],
    [A, B, C].

t_refs() ->
    R1 = make_ref(), R2 = make_ref(),
    [is_reference(R1), R1 =:= R2, R1 == R1, node(R1), node(self()), node(),
     self() =:= self(), is_pid(self())].

t_display() ->
    [erlang:display(T) || T <- [[1, 2, 3], [1, 2 | 3], "a\"b\\c", [233, 160, 128],
                                "\n", <<"a\"b">>, <<>>, <<1:1>>, <<"abc", 1:2>>,
                                'a b', 'A', '', 'a@b', 'aB_9', #{}, #{b => 1, a => [2]},
                                {}, {a, {b}}, 1.0e100, -1.5, 5.0e-324, -0.0,
                                18446744073709551616, -7,
                                fun 'A':b/0, fun lists:'B c'/2]].

t_misc() ->
    [erlang:system_info(otp_release), erlang:system_info(wordsize),
     erlang:system_info({wordsize, external}), erlang:system_info(machine),
     erlang:system_info(compat_rel), erlang:system_info(atom_limit),
     catching(fun() -> [erlang:system_info(id(foo))] end),
     erlang:bump_reductions(10), erlang:garbage_collect(),
     catching(fun() -> [erlang:bump_reductions(id(-1))] end),
     erlang:convert_time_unit(-7, 3, 2), erlang:convert_time_unit(7, 2, 3),
     erlang:convert_time_unit(-1, native, second),
     erlang:convert_time_unit(1, second, native),
     catching(fun() -> [erlang:convert_time_unit(1, native, id(0))] end),
     catching(fun() -> [erlang:monotonic_time(id(foo))] end),
     catching(fun() -> [erlang:unique_integer(id([foo]))] end),
     erlang:unique_integer([positive]) > 0,
     erlang:unique_integer([monotonic]) < erlang:unique_integer([monotonic]),
     is_integer(erlang:monotonic_time()), is_integer(erlang:system_time(millisecond)),
     erlang:monotonic_time(second) =< erlang:monotonic_time(second),
     catching(fun() -> [erlang:statistics(id(foo))] end),
     element(1, erlang:statistics(wall_clock)) >= 0,
     tuple_size(erlang:timestamp()),
     catching(fun() -> [erlang:halt(id(a))] end),
     catching(fun() -> [erlang:halt(id(-1))] end)].

%% Bad options: OTP adds cause => badopt to the error_info.
t_badopt() ->
    [catching(fun() -> [erlang:halt(id(0), id([foo]))] end),
     catching(fun() -> [binary_to_term(id(<<131, 106>>), id([foo]))] end)].

%% Failures of tail calls: the calling fun has left no frame.
t_tail() ->
    [catching(fun() -> element(id(5), id({a})) end),
     catching(fun() -> apply(id(?MODULE), id(nosuchfun), id([a])) end),
     catching(fun() -> erlang:fun_info(id(a)) end),
     catching(fun() -> apply(id(lists), id(foo), id([a | b])) end),
     catching(fun() -> apply(id(fun(A) -> A end), id([a, b])) end)].

t_exported() ->
    [erlang:function_exported(?MODULE, x, 1), erlang:function_exported(?MODULE, id, 1),
     erlang:function_exported(erlang, element, 2), erlang:function_exported(?MODULE, x, -1),
     catching(fun() -> [erlang:function_exported(id(1), x, 1)] end),
     erlang:module_loaded(?MODULE), erlang:module_loaded(nosuchmod_xyz),
     catching(fun() -> [erlang:module_loaded(id(1))] end),
     erlang:is_builtin(erlang, element, 2), erlang:is_builtin(lists, reverse, 2),
     erlang:is_builtin(lists, reverse, 1), erlang:is_builtin(erlang, apply, 3),
     erlang:is_builtin(erlang, '+', 2), erlang:is_builtin(?MODULE, x, 1),
     catching(fun() -> [erlang:is_builtin(a, b, c)] end)].
