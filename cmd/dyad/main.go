// Command dyad turns news in any language into structured, de-duplicated, evidence-linked political event
// data. See the README and docs/ for the commands; `dyad help` lists them.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/dyad-events/dyad"
)

// Exit statuses of the CLI contract.
const (
	exitOK      = 0
	exitFailed  = 1 // some inputs failed, each reported
	exitUsage   = 2
	exitProblem = 3 // the command could not run (store unreachable, bad dictionary ...)
)

// errUsage marks an error as bad usage (exit status 2).
var errUsage = errors.New("usage")

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }
func (e usageError) Unwrap() error { return errUsage }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// errSomeFailed is returned by commands that went on after some inputs failed (exit status 1).
var errSomeFailed = errors.New("some inputs failed")

type command struct {
	name    string
	args    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

var commands []command

func register(c command) { commands = append(commands, c) }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is main without os.Exit and signals, for the tests. Cancelling ctx stops the command cleanly.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	slog.SetDefault(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))

	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	defer e.close()
	// Global flags may come before the command: dyad --db x.db events.
	gf := flag.NewFlagSet("dyad", flag.ContinueOnError)
	gf.SetOutput(io.Discard)
	e.globalFlags(gf)
	if err := gf.Parse(args); err != nil {
		fmt.Fprintf(stderr, "dyad: %v\n", err)
		usage(stderr)
		return exitUsage
	}
	args = gf.Args()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			if c := lookup(args[1]); c != nil {
				return runCommand(ctx, e, c, []string{"-h"})
			}
		}
		usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintln(stdout, "dyad", version())
		return exitOK
	}
	c := lookup(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "dyad: unknown command %q\n", args[0])
		usage(stderr)
		return exitUsage
	}
	return runCommand(ctx, e, c, args[1:])
}

func runCommand(ctx context.Context, e *env, c *command, args []string) int {
	err := c.run(ctx, e, args)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errUsage), errors.Is(err, dyad.ErrBadQuery):
		fmt.Fprintf(e.stderr, "dyad %s: %s\n", c.name, errLine(err))
		return exitUsage
	case errors.Is(err, errSomeFailed):
		return exitFailed
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(e.stderr, "dyad %s: interrupted\n", c.name)
		return exitFailed
	default:
		fmt.Fprintf(e.stderr, "dyad %s: %s\n", c.name, errLine(err))
		return exitProblem
	}
}

// errLine is an error as one line of stderr: a file name it carries (an argument, a file found in a folder)
// has its control characters escaped, so that it cannot forge a line or colour the terminal.
func errLine(err error) string { return dyad.EscapeControls(err.Error()) }

func lookup(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "dyad turns news in any language into political event data.")
	fmt.Fprintln(w, "\nUsage: dyad [--db PATH] COMMAND [flags] [args]\n\nCommands:")
	cs := append([]command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-11s %-34s %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintln(w, "\nGlobal flags: --db PATH|postgres://... (env DYAD_DB, default ./dyad.db), --dict DIR (extra language data)")
	fmt.Fprintln(w, "Exit status: 0 all fine, 1 some inputs failed, 2 bad usage, 3 the command could not run.")
	fmt.Fprintln(w, "Run 'dyad help COMMAND' for a command's flags.")
}

// newFlags returns a flag set for a command with the global flags on it too.
func newFlags(e *env, c string, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(c, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	e.globalFlags(fs)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: dyad %s [flags] %s\n\nFlags:\n", c, args)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses a command's flags, allowing flags after positional arguments too (dyad search "x" --format json).
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func version() string { return "0.1.0" }
