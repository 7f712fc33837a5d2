package main

import (
	"context"
	"strings"

	"github.com/dyad-events/dyad"
)

func init() {
	register(command{name: "actors", args: "[QUERY]", summary: "search the actor dictionary (names, aliases, roles)", run: runActors})
}

func runActors(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "actors", "[QUERY]")
	limit := fs.Int("limit", 50, "at most this many")
	format := formatFlag(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormatOpt(*format); err != nil {
		return err
	}
	dict, err := e.dictionary()
	if err != nil {
		return err
	}
	as := dict.Search(strings.Join(pos, " "), *limit)
	return writeList(e.stdout, *format, as, []column[dyad.Actor]{
		{"id", 0, func(a dyad.Actor) string { return a.ID }},
		{"name", 30, func(a dyad.Actor) string { return a.Name }},
		{"type", 0, func(a dyad.Actor) string { return a.Type }},
		{"code", 0, func(a dyad.Actor) string { return a.Code }},
		{"roles", 70, func(a dyad.Actor) string {
			var rs []string
			for _, r := range a.Roles {
				span := r.From + ".." + r.To
				rs = append(rs, strings.TrimSpace(r.Title+" "+r.Country+" "+span))
			}
			return strings.Join(rs, "; ")
		}},
	})
}
