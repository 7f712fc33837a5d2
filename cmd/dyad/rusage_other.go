//go:build !unix

package main

import "time"

// rusage is not measured on this system.
func rusage() (cpu time.Duration, peakRSS int64) { return 0, 0 }

// procNow is not measured on this system.
func procNow() (rss, written int64) { return 0, 0 }
