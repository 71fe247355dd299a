-module(io_lib_extra).
-export([main/0]).

err(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Cases = [
      fun() -> io_lib:write_string("a\"b'c", $') end,
      fun() -> io_lib:write_unicode_char(1024) end,
      fun() -> io_lib:write_latin1_char(1024) end,
      fun() -> io_lib:write_latin1_char(233) end,
      fun() -> io_lib:write_char($\n) end,
      fun() -> io_lib:write_char($") end,
      fun() -> io_lib:write_char($\\) end,
      fun() -> io_lib:write_latin1_string([1024]) end,
      fun() -> io_lib:write_unicode_string([1024, $"]) end,
      fun() -> string:list_to_integer("12x") end,
      fun() -> string:list_to_float("1.5e3y") end,
      fun() -> string:list_to_integer(x) end,
      fun() -> io_lib:quote_atom(abc, "abc") end,
      fun() -> io_lib:quote_atom('a b', "a b") end,
      fun() -> io_lib:deep_unicode_char_list([[1024], "a"]) end,
      fun() -> unicode:bin_is_7bit(<<"abc">>) end,
      fun() -> queue:lait(queue:from_list([1, 2, 3])) end,
      fun() -> io_lib:scan_format("~-10.3.*w|~tp~n", [$_, x, "y"]) end,
      fun() -> io_lib:unscan_format(io_lib:scan_format("~-10.3.*w|~tp~n", [$_, x, "y"])) end
    ],
    lists:foreach(fun({I, F}) -> io:format("~w: ~w~n", [I, err(F)]) end,
                  lists:zip(lists:seq(1, length(Cases)), Cases)),
    ok.
