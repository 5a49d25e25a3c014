package cli

import (
	"context"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
)

// watchSignals calls cancel on SIGINT or SIGTERM and returns a function
// telling which of them arrived (0 for none). The write in flight then
// stops before its rename and removes its temporary file; a second signal
// exits at once. stop restores the default handling.
func watchSignals(cancel context.CancelFunc) (received func() syscall.Signal, stop func()) {
	var got atomic.Int32
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case s := <-ch:
				n := int32(syscall.SIGINT)
				if s == syscall.SIGTERM {
					n = int32(syscall.SIGTERM)
				}
				if !got.CompareAndSwap(0, n) {
					os.Exit(128 + int(n))
				}
				cancel()
			case <-done:
				return
			}
		}
	}()
	return func() syscall.Signal { return syscall.Signal(got.Load()) }, func() {
		signal.Stop(ch)
		close(done)
		cancel()
	}
}
