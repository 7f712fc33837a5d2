//go:build !linux

package server

import "time"

// threadCPU is not measured here: the CPU figures of the benchmarks read 0.
func threadCPU() time.Duration { return 0 }
