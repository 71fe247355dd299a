//go:build !linux

package io

import "fmt"

// Only the mock works outside Linux: both real backends use Linux system
// calls (io_uring, eventfd, statx, accept4).

func newIOUring(Options) (CompletionRing, error) {
	return nil, fmt.Errorf("io: io_uring: %w", ErrUnsupported)
}

func newThreads(Options) (CompletionRing, error) {
	return nil, fmt.Errorf("io: thread backend: %w", ErrUnsupported)
}
