{application, otp_application_basic_dep,
 [{description, "A dependency"},
  {vsn, "0.1"},
  {applications, [kernel]},
  {mod, {otp_application_basic, [dep]}},
  {env, [{depth, 1}]}]}.
