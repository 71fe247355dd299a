package vm

// registerBuiltins registers the native functions the VM itself needs.
// The stdlib package registers the rest.
func registerBuiltins(rt *Runtime) {}
