// Package server serves dyad's store over HTTP: a read-only JSON API under /api/ (with an OpenAPI 3.1
// document at /api/openapi.json), an ingest endpoint that needs a bearer token, and the dashboard, a
// hash-routed single page app embedded in the binary.
//
// The dashboard's own HTML, JS and CSS live in ui/static and are always embedded. Third-party front-end
// files (uPlot) come from npm at build time: `go generate ./server` runs ui/build.sh, which runs `npm ci`
// and copies the minified files into ui/vendor (git-ignored). When they are missing the pages still work
// and draw their charts as inline SVG.
//
// Every list is paginated and every chart is aggregated by the store, so the browser never receives more
// than one page of events.
package server

//go:generate bash ui/build.sh
