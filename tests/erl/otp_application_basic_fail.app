{application, otp_application_basic_fail,
 [{vsn, "0"}, {applications, [kernel]}, {mod, {otp_application_basic, fail}}]}.
