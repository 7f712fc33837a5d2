package server

import (
	"syscall"
	"time"
)

// threadCPU is the CPU time (user and system) of the calling thread: with the goroutine locked to its
// thread, the difference over a query is that query's CPU, whatever else loads the machine.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
