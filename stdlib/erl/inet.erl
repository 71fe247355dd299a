%% inet: options, addresses and names of beamr's sockets (see gen_tcp),
%% and the address helpers of OTP's inet module that programs commonly
%% use.
-module(inet).

-export([setopts/2, getopts/2, peername/1, sockname/1, port/1, close/1,
         getaddr/2, getaddrs/2, gethostname/0, ntoa/1, parse_address/1,
         parse_ipv4_address/1, parse_ipv6_address/1, parse_strict_address/1,
         parse_ipv4strict_address/1, parse_ipv6strict_address/1, getaddr/3, getaddrs/3,
         is_ip_address/1, is_ipv4_address/1, is_ipv6_address/1, format_error/1]).

setopts(S, Opts) when is_port(S), is_list(Opts) ->
    beamr_tcp:setopts(S, Opts);
setopts(S, Opts) when is_port(S) ->
    error({bad_generator, Opts}).

getopts(S, Opts) when is_port(S), is_list(Opts) ->
    beamr_tcp:getopts(S, Opts).

peername(S) when is_port(S) -> beamr_tcp:peername(S).

sockname(S) when is_port(S) -> beamr_tcp:sockname(S).

port(S) when is_port(S) ->
    case beamr_tcp:sockname(S) of
        {ok, {_, Port}} -> {ok, Port};
        Error -> Error
    end.

close(S) -> gen_tcp:close(S).

%% getaddr(Host, Family): the address of Host (an address tuple, a
%% string or atom naming an address or a host).
getaddr(Host, Family) ->
    case getaddrs(Host, Family) of
        {ok, [IP | _]} -> {ok, IP};
        Error -> Error
    end.

getaddrs(IP, inet) when tuple_size(IP) =:= 4 ->
    case is_ipv4_address(IP) of
        true -> {ok, [IP]};
        false -> {error, einval}
    end;
getaddrs(IP, inet6) when tuple_size(IP) =:= 8 ->
    case is_ipv6_address(IP) of
        true -> {ok, [IP]};
        false -> {error, einval}
    end;
getaddrs(IP, inet6) when tuple_size(IP) =:= 4 ->
    case is_ipv4_address(IP) of
        true -> {ok, [IP]};
        false -> {error, einval}
    end;
getaddrs(Host, Family) when is_atom(Host), Family =:= inet; is_atom(Host), Family =:= inet6 ->
    getaddrs(atom_to_list(Host), Family);
getaddrs(Host, Family) when is_list(Host), Family =:= inet; is_list(Host), Family =:= inet6 ->
    case parse_address(Host) of
        {ok, IP} when Family =:= inet, tuple_size(IP) =:= 4 -> {ok, [IP]};
        {ok, IP} when Family =:= inet6 -> {ok, [IP]};
        {ok, _} -> {error, nxdomain};
        {error, einval} -> beamr_tcp:getaddrs(Host, Family)
    end;
getaddrs(_, _) ->
    {error, einval}.

gethostname() -> beamr_tcp:gethostname().

ntoa(IP) ->
    case is_ip_address(IP) of
        true -> beamr_tcp:ntoa(IP);
        false -> {error, einval}
    end.

parse_address(S) when is_list(S) -> beamr_tcp:parse_address(S);
parse_address(_) -> {error, einval}.

parse_strict_address(S) -> parse_address(S).

parse_ipv4_address(S) ->
    case parse_address(S) of
        {ok, IP} when tuple_size(IP) =:= 4 -> {ok, IP};
        _ -> {error, einval}
    end.

parse_ipv4strict_address(S) -> parse_ipv4_address(S).

parse_ipv6strict_address(S) ->
    case parse_address(S) of
        {ok, IP} when tuple_size(IP) =:= 8 -> {ok, IP};
        _ -> {error, einval}
    end.

getaddr(Host, Family, _Timeout) -> getaddr(Host, Family).

getaddrs(Host, Family, _Timeout) -> getaddrs(Host, Family).

parse_ipv6_address(S) ->
    case parse_address(S) of
        {ok, {A, B, C, D}} -> {ok, {0, 0, 0, 0, 0, 16#ffff, A bsl 8 bor B, C bsl 8 bor D}};
        {ok, IP} -> {ok, IP};
        Error -> Error
    end.

is_ip_address(IP) -> is_ipv4_address(IP) orelse is_ipv6_address(IP).

is_ipv4_address({A, B, C, D}) -> lists:all(fun(X) -> is_integer(X) andalso X >= 0 andalso X =< 255 end, [A, B, C, D]);
is_ipv4_address(_) -> false.

is_ipv6_address(IP) when tuple_size(IP) =:= 8 ->
    lists:all(fun(X) -> is_integer(X) andalso X >= 0 andalso X =< 65535 end, tuple_to_list(IP));
is_ipv6_address(_) -> false.

format_error(Reason) -> file:format_error(Reason).
