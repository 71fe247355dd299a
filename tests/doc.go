// Package tests is beamr's conformance suite: Erlang programs (erl/), their
// .beam files as compiled by OTP 25, 27 and 29 (fixtures/otpNN/), and what
// OTP 25's erl printed running them (expected/). See conformance_test.go.
package tests
