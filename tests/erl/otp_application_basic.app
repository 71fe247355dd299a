%% The application of the otp_application_basic conformance program.
{application, otp_application_basic,
 [{description, "Conformance test application"},
  {vsn, "1.2.3"},
  {modules, [otp_application_basic]},
  {registered, [otp_application_basic_sup]},
  {applications, [kernel, stdlib, otp_application_basic_dep]},
  {mod, {otp_application_basic, [top]}},
  {env, [{colour, blue}, {sizes, [1, 2, 3]}]}]}.
