package stdlib

// sockState is what a socket resource keeps beside its descriptor: its
// options, controlling process, active mode and received data not yet
// delivered.
type sockState struct{}

// newSockState returns the state of a new socket.
func newSockState() *sockState { return &sockState{} }

// closing is called once when the socket's close has been decided, before
// the descriptor is shut down: waiting receivers are answered.
func (s *sockState) closing() {}
