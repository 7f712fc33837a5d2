//go:build unix

package main

import (
	"os"
	"runtime"
	"strconv"
	"strings"
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

// procNow returns this process's resident set now and the bytes it has written to files so far (write calls,
// the page cache's included), from /proc on Linux; zeros where /proc does not say.
func procNow() (rss, written int64) {
	if b, err := os.ReadFile("/proc/self/statm"); err == nil {
		if f := strings.Fields(string(b)); len(f) > 1 {
			pages, _ := strconv.ParseInt(f[1], 10, 64)
			rss = pages * int64(os.Getpagesize())
		}
	}
	if b, err := os.ReadFile("/proc/self/io"); err == nil {
		for line := range strings.Lines(string(b)) {
			if v, ok := strings.CutPrefix(line, "wchar:"); ok {
				written, _ = strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			}
		}
	}
	return rss, written
}
