// Turns world-atlas's Natural Earth 1:110m countries (TopoJSON) into the GeoJSON the dashboard's map draws
// offline: one feature per country with its name, coordinates rounded to 0.01° (about 1 km, finer than the
// 1:110m outlines). Run by gen.sh, by hand; node gen.mjs NODE_MODULES OUT.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const [modules, out] = process.argv.slice(2);
const require = createRequire(join(modules, "noop.js"));
const { feature } = require("topojson-client");
const topo = JSON.parse(readFileSync(join(modules, "world-atlas", "countries-110m.json"), "utf8"));
const fc = feature(topo, topo.objects.countries);
// world-atlas is spherical: a ring that crosses the antimeridian (Russia's Chukotka, Fiji) jumps from 180 to
// -180, which a flat map draws as a line across the world. Such rings are unwrapped (their western longitudes
// + 360, drawn past 180); Antarctica, whose ring goes round the pole, is left out (no news map needs it).
const crosses = (ring) => ring.some((c, i) => i > 0 && Math.abs(c[0] - ring[i - 1][0]) > 180);
const unwrap = (ring) => (crosses(ring) ? ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]) : ring);
const polygons = (g) => (g.type === "Polygon" ? [g.coordinates] : g.coordinates);
const round = (c) => (typeof c[0] === "number" ? [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100] : c.map(round));
const features = fc.features
  .filter((f) => f.geometry && f.properties.name !== "Antarctica")
  .map((f) => {
    const polys = polygons(f.geometry).map((poly) => poly.map(unwrap));
    const geometry = polys.length === 1 ? { type: "Polygon", coordinates: round(polys[0]) } : { type: "MultiPolygon", coordinates: round(polys) };
    return { type: "Feature", id: f.id, properties: { name: f.properties.name }, geometry };
  })
  .sort((a, b) => a.properties.name.localeCompare(b.properties.name));
const doc = {
  type: "FeatureCollection",
  attribution: "Made with Natural Earth (public domain), 1:110m Admin 0 countries v4.1.0, via world-atlas 2.0.2 (ISC); Antarctica left out, rings across the antimeridian unwrapped",
  features,
};
// One feature per line: diffs stay readable when the generator is run again.
writeFileSync(out, '{"type":"FeatureCollection","attribution":' + JSON.stringify(doc.attribution) + ',"features":[\n' +
  features.map((f) => JSON.stringify(f)).join(",\n") + "\n]}\n");
console.log(`gen.mjs: ${features.length} countries -> ${out}`);
