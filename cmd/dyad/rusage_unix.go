//go:build unix

package main

import (
	"runtime"
	"syscall"
	"time"
)

// rusage returns the CPU time (user + system) this process has used, and its peak resident set in bytes.
func rusage() (cpu time.Duration, peakRSS int64) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0
	}
	cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	peakRSS = int64(ru.Maxrss)
	if runtime.GOOS != "darwin" {
		peakRSS *= 1024 // Linux and the BSDs count kilobytes, macOS bytes
	}
	return cpu, peakRSS
}
