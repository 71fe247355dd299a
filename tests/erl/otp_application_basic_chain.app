{application, otp_application_basic_chain,
 [{vsn, "0"}, {applications, [otp_application_basic_dep, otp_application_basic_fail]}]}.
