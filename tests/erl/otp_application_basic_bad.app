{application, otp_application_basic_bad,
 [{vsn, "0"}, {mod, {otp_application_basic, bad}}]}.
