// dyad dashboard: a hash-routed single page over the JSON API.
// Every text from the store is put in the page with textContent (the h() helper below), never as HTML.
"use strict";

const QUADS = {
  1: { name: "Verbal cooperation", cls: "q1" },
  2: { name: "Material cooperation", cls: "q2" },
  3: { name: "Verbal conflict", cls: "q3" },
  4: { name: "Material conflict", cls: "q4" },
};
const PAGE = 50;

// h builds an element. Strings and numbers among the children become text nodes.
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const svgNS = "http://www.w3.org/2000/svg";
function s(tag, attrs, ...children) {
  const el = document.createElementNS(svgNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  append(el, children);
  return el;
}

function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") u.set(k, v);
  const str = u.toString();
  return str ? "?" + str : "";
}

async function api(path, params) {
  const resp = await fetch("/api/" + path + qs(params), { headers: { Accept: "application/json" } });
  let body;
  try { body = await resp.json(); } catch { body = {}; }
  if (!resp.ok) throw new Error(body.error || resp.status + " " + resp.statusText);
  return body;
}

const enc = encodeURIComponent;
const fmt = new Intl.NumberFormat("en");
const num = (n) => fmt.format(n || 0);
const g1 = (x) => (x === undefined || x === null ? "" : (Math.round(x * 10) / 10).toFixed(1));

function actorLink(a) {
  if (!a || !a.code) return h("span", { class: "muted" }, "—");
  const label = a.name && a.name !== a.code ? a.name : a.code;
  return h("a", { href: "#/actor/" + enc(a.actor_id || a.code), title: a.code }, label, " ", h("code", {}, a.code));
}

function quadBadge(q) {
  const Q = QUADS[q];
  return Q ? h("span", { class: "badge " + Q.cls, title: Q.name }, "Q" + q) : "";
}

function langBadges(langs) {
  return (langs || []).map((l) => h("span", { class: "lang" }, l));
}

function section(title, ...body) {
  return h("section", { class: "card" }, h("h2", {}, title), ...body);
}

function errorBox(err) {
  return h("p", { class: "error", role: "alert" }, String(err.message || err));
}

// ---- charts: uPlot when the npm files are there, otherwise inline SVG ----

// timeChart draws series over the same sorted keys. series: [{label, values, cls, axis: "left"|"right", bars}]
function timeChart(keys, series, opts = {}) {
  const box = h("div", { class: "chart" });
  if (keys.length === 0) return append(box, [h("p", { class: "muted" }, "No events.")]);
  if (window.uPlot && !opts.svg && keys.length >= 3) {
    try { return uplotChart(box, keys, series); } catch (e) { console.warn("uPlot failed, drawing SVG", e); }
  }
  return append(box, [svgChart(keys, series), legend(series)]);
}

function legend(series) {
  return h("div", { class: "legend" }, series.map((sr) => h("span", { class: "key " + sr.cls }, sr.label)));
}

function keyTime(k) {
  const [y, m, d] = k.split("-").map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1) / 1000;
}

const COLORS = { q1: "#2b8a3e", q2: "#1971c2", q3: "#e8590c", q4: "#c92a2a", total: "#495057", gold: "#7048e8" };

function uplotChart(box, keys, series) {
  const width = Math.max(320, Math.min(1100, (document.getElementById("app").clientWidth || 800) - 40));
  const data = [keys.map(keyTime), ...series.map((sr) => sr.values)];
  const right = series.some((sr) => sr.axis === "right");
  const opts = {
    width, height: 260,
    series: [{}, ...series.map((sr) => ({
      label: sr.label, stroke: COLORS[sr.cls] || "#333", width: 2, scale: sr.axis === "right" ? "g" : "n",
      fill: sr.bars ? (COLORS[sr.cls] || "#333") + "33" : undefined,
      paths: sr.bars && uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.8, 40] }) : undefined,
      // Sparse series (months without events are gaps) need their points shown to be seen at all.
      // Only the points that carry a value: not the empty months.
      points: {
        show: !sr.bars && sr.values.filter((v) => v !== null && v !== undefined && (v !== 0 || sr.axis === "right")).length < 80,
        size: 5,
        filter: (u, si, show) => show ? u.data[si].flatMap((v, i) => (v !== null && v !== undefined && (v !== 0 || sr.axis === "right") ? [i] : [])) : null,
      },
    }))],
    scales: { x: { time: true }, g: { range: [-10, 10] } },
    axes: [{}, { scale: "n" }].concat(right ? [{ scale: "g", side: 1, grid: { show: false } }] : []),
  };
  new uPlot(opts, data, box);
  return box;
}

function svgChart(keys, series) {
  const W = 900, H = 260, L = 48, R = 40, T = 12, B = 28;
  const left = series.filter((sr) => sr.axis !== "right");
  const right = series.filter((sr) => sr.axis === "right");
  const maxL = Math.max(1, ...left.flatMap((sr) => sr.values.map((v) => v || 0)));
  const n = keys.length;
  const x = (i) => L + (n === 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (n - 1));
  const yL = (v) => T + (H - T - B) * (1 - (v || 0) / maxL);
  const yR = (v) => T + (H - T - B) * (1 - ((v || 0) + 10) / 20);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "svgchart", role: "img", "aria-label": series.map((sr) => sr.label).join(", ") });
  for (const f of [0, 0.5, 1]) {
    const yy = T + (H - T - B) * (1 - f);
    svg.append(s("line", { x1: L, x2: W - R, y1: yy, y2: yy, class: "grid" }));
    svg.append(s("text", { x: L - 6, y: yy + 4, "text-anchor": "end", class: "tick" }, num(Math.round(maxL * f))));
  }
  if (right.length) {
    for (const v of [-10, 0, 10]) svg.append(s("text", { x: W - R + 6, y: yR(v) + 4, class: "tick" }, String(v)));
  }
  const step = Math.max(1, Math.ceil(n / 8));
  keys.forEach((k, i) => {
    if (i % step === 0 || i === n - 1) svg.append(s("text", { x: x(i), y: H - 8, "text-anchor": "middle", class: "tick" }, k));
  });
  const bw = Math.max(2, Math.min(24, ((W - L - R) / Math.max(1, n)) * 0.7));
  for (const sr of series) {
    const y = sr.axis === "right" ? yR : yL;
    const color = COLORS[sr.cls] || "#333";
    if (sr.bars) {
      sr.values.forEach((v, i) => {
        if (!v) return;
        svg.append(s("rect", { x: x(i) - bw / 2, y: y(v), width: bw, height: H - B - y(v), fill: color, opacity: 0.35 },
          s("title", {}, `${keys[i]}: ${num(v)}`)));
      });
      continue;
    }
    const pts = sr.values.map((v, i) => (v === null || v === undefined ? null : `${x(i)},${y(v)}`)).filter(Boolean);
    if (pts.length > 1) svg.append(s("polyline", { points: pts.join(" "), fill: "none", stroke: color, "stroke-width": 2 }));
    if (n <= 60) sr.values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      svg.append(s("circle", { cx: x(i), cy: y(v), r: 3, fill: color }, s("title", {}, `${sr.label} ${keys[i]}: ${sr.axis === "right" ? g1(v) : num(v)}`)));
    });
  }
  return svg;
}

// bars is a horizontal bar list of counts with links.
function bars(items, href, label) {
  if (!items.length) return h("p", { class: "muted" }, "None.");
  const max = Math.max(...items.map((c) => c.count));
  return h("table", { class: "bars" }, h("tbody", {}, items.map((c) => {
    const bar = h("span", { class: "bar" });
    bar.style.width = Math.max(1, (100 * c.count) / max) + "%";
    return h("tr", {},
      h("td", { class: "k" }, href ? h("a", { href: href(c) }, label ? label(c) : c.key) : (label ? label(c) : c.key || "—")),
      h("td", { class: "b" }, bar),
      h("td", { class: "n" }, num(c.count)),
      h("td", { class: "n muted", title: "mean Goldstein" }, g1(c.goldstein)));
  })));
}

// ---- tables and paging ----

function eventsTable(items) {
  if (!items.length) return h("p", { class: "muted" }, "No events.");
  return h("div", { class: "scroll" }, h("table", { class: "events" },
    h("thead", {}, h("tr", {}, ["Date", "Source", "Event", "Target", "Goldstein", "Mentions", "Languages"].map((c) => h("th", {}, c)))),
    h("tbody", {}, items.map((e) => h("tr", {},
      h("td", { class: "nowrap" }, h("a", { href: "#/event/" + enc(e.id) }, e.date || "undated")),
      h("td", {}, actorLink(e.source)),
      h("td", {}, quadBadge(e.quad_class), " ", h("a", { href: "#/event/" + enc(e.id) }, h("code", {}, e.code)), " ", h("span", { class: "muted" }, e.plover || "")),
      h("td", {}, actorLink(e.target)),
      h("td", { class: "n" }, g1(e.goldstein)),
      h("td", { class: "n" }, num(e.num_mentions)),
      h("td", {}, langBadges(e.languages)))))));
}

function pager(route, params, list) {
  const off = Number(params.offset || 0);
  const lim = list.limit || PAGE;
  const link = (o, text) => h("a", { class: "btn", href: "#/" + route + qs({ ...params, offset: o || undefined }) }, text);
  return h("nav", { class: "pager" },
    off > 0 ? link(Math.max(0, off - lim), "← Newer") : "",
    h("span", { class: "muted" }, list.items.length ? `${num(off + 1)}–${num(off + list.items.length)}` : ""),
    list.more ? link(off + lim, "Older →") : "");
}

// ---- pages ----

async function overview() {
  const [stats, months, dyads, langs, sources, quads] = await Promise.all([
    api("stats"), api("counts", { by: "month", split: "quad" }), api("counts", { by: "dyad", limit: 15 }),
    api("counts", { by: "lang", limit: 20 }), api("counts", { by: "source", limit: 15 }), api("counts", { by: "quad" }),
  ]);
  const cards = h("div", { class: "stats" }, ["articles", "events", "mentions", "statements", "claims"].map((k) =>
    h("div", { class: "stat" }, h("b", {}, num(stats[k])), h("span", {}, k))));
  return [h("h1", {}, "Overview"), cards,
    section("Events over time by quad class", quadChart(months.items)),
    h("div", { class: "grid" },
      section("Top dyads", bars(dyads.items, (c) => "#/dyad/" + enc(c.key))),
      section("Quad classes", bars(quads.items, null, (c) => (QUADS[c.key] || { name: c.key }).name)),
      section("Languages", bars(langs.items, (c) => "#/events" + qs({ lang: c.key }))),
      section("Sources", bars(sources.items, (c) => "#/articles" + qs({ source: c.key })))),
  ];
}

// fillMonths returns every month from the first key to the last when all keys are months (YYYY-MM), so
// that empty months show as empty rather than being bridged; other keys are returned as they are.
function fillMonths(keys) {
  if (!keys.length || keys.length > 1200 || !keys.every((k) => /^\d{4}-\d{2}$/.test(k))) return keys;
  const out = [];
  let [y, m] = keys[0].split("-").map(Number);
  const last = keys[keys.length - 1];
  for (let i = 0; i < 1200; i++) {
    const k = `${y}-${String(m).padStart(2, "0")}`;
    out.push(k);
    if (k >= last) break;
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

// quadChart turns month counts (split by quad class when the store does it) into one line per class.
function quadChart(items) {
  const keys = fillMonths([...new Set(items.map((c) => c.key))].sort());
  const idx = new Map(keys.map((k, i) => [k, i]));
  const split = items.some((c) => c.quad_class);
  if (!split) {
    const vals = keys.map(() => 0);
    for (const c of items) vals[idx.get(c.key)] += c.count;
    return timeChart(keys, [{ label: "Events", values: vals, cls: "total" }]);
  }
  const series = [1, 2, 3, 4].map((q) => ({ label: QUADS[q].name, values: keys.map(() => 0), cls: QUADS[q].cls }));
  for (const c of items) if (c.quad_class >= 1 && c.quad_class <= 4) series[c.quad_class - 1].values[idx.get(c.key)] += c.count;
  return timeChart(keys, series);
}

function filtersForm(route, params, fields) {
  const form = h("form", { class: "filters" },
    fields.map(([name, label, ph]) => h("label", {}, label, h("input", { name, value: params[name] || "", placeholder: ph || "" }))),
    h("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const p = {};
    for (const [name] of fields) p[name] = form.elements[name].value.trim();
    location.hash = "#/" + route + qs(p);
  });
  return form;
}

const EVENT_FILTERS = [["actor", "Actor", "VNM, CHNGOV"], ["dyad", "Dyad", "VNM:CHN"], ["code", "CAMEO", "04"],
  ["from", "From", "2024-01-01"], ["to", "To", "2025-12-31"], ["lang", "Language", "fr"], ["place", "Place", "Hanoi, VN"]];

async function eventsPage(_, params) {
  const list = await api("events", { ...params, limit: PAGE });
  return [h("h1", {}, "Events"), filtersForm("events", params, EVENT_FILTERS), eventsTable(list.items), pager("events", params, list)];
}

async function dyadPage(arg, params) {
  const dyad = decodeURIComponent(arg || "");
  const [a, b] = dyad.split(":");
  const f = { dyad, from: params.from, to: params.to, code: params.code, lang: params.lang };
  const [months, codes, list] = await Promise.all([
    api("counts", { by: "month", ...f }), api("counts", { by: "code", limit: 12, ...f }),
    api("events", { ...f, limit: PAGE, offset: params.offset }),
  ]);
  const keys = fillMonths(months.items.map((c) => c.key));
  const byKey = new Map(months.items.map((c) => [c.key, c]));
  const chart = timeChart(keys, [
    { label: "Events", values: keys.map((k) => (byKey.get(k) || { count: 0 }).count), cls: "total", bars: true },
    { label: "Mean Goldstein", values: keys.map((k) => (byKey.has(k) ? byKey.get(k).goldstein : null)), cls: "gold", axis: "right" },
  ]);
  return [h("h1", {}, "Dyad ", h("a", { href: "#/actor/" + enc(a) }, a), " – ", h("a", { href: "#/actor/" + enc(b) }, b)),
    filtersForm("dyad/" + enc(dyad), params, [["code", "CAMEO", "04"], ["from", "From"], ["to", "To"], ["lang", "Language"]]),
    section("Volume and mean Goldstein per month", chart),
    section("Event codes", bars(codes.items, (c) => "#/dyad/" + enc(dyad) + qs({ ...params, code: c.key, offset: undefined }))),
    section("Events", eventsTable(list.items), pager("dyad/" + enc(dyad), params, list))];
}

// placeLabel shows an event's location: as written, the place it is (canonical name, country, precision,
// coordinates) when the gazetteer knows it.
function placeLabel(l) {
  if (!l) return "—";
  if (!l.place_id) return l.name || "—";
  const where = [l.canonical, l.country].filter(Boolean).join(", ");
  const named = l.name && l.name !== l.canonical ? `${l.name} · ` : "";
  return `${named}${where} (${l.precision}, ${Number(l.lat).toFixed(3)}, ${Number(l.lon).toFixed(3)}; from the ${l.via})`;
}

async function eventPage(arg) {
  const e = await api("events/" + enc(decodeURIComponent(arg)));
  const byLang = new Map();
  for (const m of e.mentions || []) {
    if (!byLang.has(m.lang)) byLang.set(m.lang, []);
    byLang.get(m.lang).push(m);
  }
  const dl = h("dl", { class: "facts" },
    h("dt", {}, "Date"), h("dd", {}, e.date || "undated", e.date_precision ? ` (${e.date_precision})` : "", e.date_inferred ? " inferred" : ""),
    h("dt", {}, "Source"), h("dd", {}, actorLink(e.source)),
    h("dt", {}, "Target"), h("dd", {}, actorLink(e.target)),
    h("dt", {}, "Event"), h("dd", {}, quadBadge(e.quad_class), " ", h("code", {}, e.code), " ", e.plover || "", " · Goldstein ", g1(e.goldstein)),
    h("dt", {}, "Location"), h("dd", {}, placeLabel(e.location)),
    h("dt", {}, "Evidence"), h("dd", {}, `${num(e.num_mentions)} mentions in ${num(e.num_articles)} articles from ${num(e.num_sources)} sources`),
    h("dt", {}, "Dyad"), h("dd", {}, h("a", { href: "#/dyad/" + enc((e.source.country || e.source.code) + ":" + (e.target.country || e.target.code)) }, "all events between these two")));
  const mentions = [...byLang.entries()].map(([lang, ms]) => h("div", { class: "langgroup" },
    h("h3", {}, h("span", { class: "lang" }, lang), ` ${ms.length} mention${ms.length > 1 ? "s" : ""}`),
    ms.map((m) => h("blockquote", { class: "mention", lang },
      h("mark", { class: "sent" }, m.sentence),
      h("footer", {}, m.source || "", " · ", h("a", { href: "#/article/" + enc(m.article_id) + qs({ hl: `${m.start}-${m.end}` }) }, "article"),
        m.date ? ` · dated ${m.date}${m.date_inferred ? " (inferred)" : ""}` : "", m.confidence ? ` · confidence ${g1(m.confidence)}` : "")))));
  return [h("h1", {}, "Event ", h("code", {}, e.code), " ", e.source.code, " → ", e.target.code, " ", e.date || ""), dl,
    section("Mentions", mentions.length ? mentions : h("p", { class: "muted" }, "No mentions."))];
}

// byteToChar maps UTF-8 byte offsets of text (the API's offsets) to JS string indexes.
function byteToChar(text) {
  const m = new Map();
  let b = 0, i = 0;
  for (const ch of text) {
    m.set(b, i);
    const cp = ch.codePointAt(0);
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  m.set(b, i);
  return (off) => {
    while (off > 0 && !m.has(off)) off--;
    return m.get(off) ?? 0;
  };
}

// highlighted renders text with event sentences and actor mentions marked, from byte-offset spans.
function highlighted(text, sentences, mentions, hl) {
  const c = byteToChar(text);
  const S = sentences.map((x) => ({ ...x, s: c(x.start), e: c(x.end) }));
  const M = mentions.map((x) => ({ ...x, s: c(x.start), e: c(x.end) }));
  const H = hl ? [{ s: c(hl[0]), e: c(hl[1]) }] : [];
  const cuts = new Set([0, text.length]);
  for (const x of [...S, ...M, ...H]) { cuts.add(Math.max(0, Math.min(text.length, x.s))); cuts.add(Math.max(0, Math.min(text.length, x.e))); }
  const pts = [...cuts].sort((a, b) => a - b);
  const out = h("div", { class: "articletext" });
  let first = null;
  for (let k = 0; k + 1 < pts.length; k++) {
    const a = pts[k], b = pts[k + 1];
    let node = document.createTextNode(text.slice(a, b));
    const m = M.find((x) => x.s <= a && b <= x.e);
    if (m) node = h("a", { class: "actor", href: "#/actor/" + enc(m.actor.id || m.actor.code), title: `${m.actor.name} ${m.actor.code || ""} (${m.via || "name"})` }, node);
    const sent = S.find((x) => x.s <= a && b <= x.e);
    if (sent) node = h("span", { class: "evsent", title: sent.title }, node);
    if (H.length && H[0].s <= a && b <= H[0].e) {
      node = h("span", { class: "focus" }, node);
      first = first || node;
    }
    out.append(node);
  }
  if (first) setTimeout(() => first.scrollIntoView({ block: "center" }), 0);
  return out;
}

async function articlePage(arg, params) {
  const rec = await api("articles/" + enc(decodeURIComponent(arg)));
  const a = rec.article;
  const sentences = [];
  for (const e of rec.events) for (const m of e.mentions || []) {
    if (m.article_id === a.id) sentences.push({ start: m.start, end: m.end, title: `${e.code} ${e.source.code} → ${e.target.code} ${e.date || ""}` });
  }
  let hl = null;
  const mm = /^(\d+)-(\d+)$/.exec(params.hl || "");
  if (mm) hl = [Number(mm[1]), Number(mm[2])];
  const meta = h("p", { class: "muted" }, [a.source, a.published, a.dateline, a.lang].filter(Boolean).join(" · "),
    /^https?:\/\//i.test(a.url || "") ? [" · ", h("a", { href: a.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : "",
    a.near_duplicate_of ? [" · near duplicate of ", h("a", { href: "#/article/" + enc(a.near_duplicate_of) }, a.near_duplicate_of)] : "");
  const statements = rec.statements.map((st) => h("li", {}, actorLink({ code: st.speaker.code, name: st.speaker.name, actor_id: st.speaker.id }), " ", st.verb, ": ",
    h("q", {}, st.text), st.claim_id ? [" ", h("a", { href: "#/claim/" + enc(st.claim_id) }, "claim")] : ""));
  return [h("h1", { lang: a.lang }, a.title || "(untitled)"), meta,
    h("p", { class: "legendline" }, h("span", { class: "actor" }, "actor"), " ", h("span", { class: "evsent" }, "event sentence")),
    h("div", { class: "cols" },
      h("article", { class: "card", lang: a.lang }, highlighted(a.text || "", sentences, rec.mentions, hl)),
      h("aside", {},
        section("Events", eventsTable(rec.events)),
        section("Statements", statements.length ? h("ul", {}, statements) : h("p", { class: "muted" }, "None.")))),
  ];
}

async function articlesPage(_, params) {
  const list = await api("articles", { ...params, limit: PAGE });
  return [h("h1", {}, "Articles"),
    filtersForm("articles", params, [["lang", "Language", "en"], ["source", "Source", "Xinhua"], ["from", "From"], ["to", "To"]]),
    h("div", { class: "scroll" }, h("table", {}, h("thead", {}, h("tr", {}, ["Published", "Title", "Source", "Language"].map((c) => h("th", {}, c)))),
      h("tbody", {}, list.items.map((a) => h("tr", {},
        h("td", { class: "nowrap" }, a.published || ""), h("td", { lang: a.lang }, h("a", { href: "#/article/" + enc(a.id) }, a.title || a.uri)),
        h("td", {}, a.source || ""), h("td", {}, h("span", { class: "lang" }, a.lang))))))),
    pager("articles", params, list)];
}

async function actorPage(arg, params) {
  const id = decodeURIComponent(arg);
  const ap = await api("actors/" + enc(id));
  const code = ap.actor.code || id;
  const list = await api("events", { actor: ap.known ? ap.actor.id : code, limit: PAGE, offset: params.offset });
  const byID = ap.events && ap.events.length;
  const keys = fillMonths([...new Set([...ap.as_source, ...ap.as_target, ...(ap.events || [])].map((c) => c.key))].sort());
  const val = (arr) => { const m = new Map(arr.map((c) => [c.key, c.count])); return keys.map((k) => m.get(k) || 0); };
  const a = ap.actor;
  const roles = (a.roles || []).slice().sort((x, y) => (x.from || "").localeCompare(y.from || ""));
  return [h("h1", {}, a.name && a.name !== code ? [a.name, " ", h("code", {}, code)] : code),
    h("p", { class: "muted" }, [a.type, a.country, a.sector].filter(Boolean).join(" · "), a.aliases && a.aliases.length ? " · also " + a.aliases.slice(0, 8).join(", ") : ""),
    roles.length ? section("Roles", h("ol", { class: "timeline" }, roles.map((r) => h("li", {},
      h("span", { class: "when" }, `${r.from || "?"} – ${r.to || "now"}`), " ", r.title, r.org ? ", " + r.org : "", r.country ? ` (${r.country})` : "")))) : "",
    byID ? section("Events per month", timeChart(keys, [{ label: "Events", values: val(ap.events), cls: "total", bars: true }]))
      : section("Events per month as source and as target", timeChart(keys, [
        { label: "As source", values: val(ap.as_source), cls: "q2" }, { label: "As target", values: val(ap.as_target), cls: "q3" }])),
    section("Events", eventsTable(list.items), pager("actor/" + enc(id), params, list))];
}

async function claimsPage(_, params) {
  const list = await api("claims", { ...params, limit: PAGE });
  return [h("h1", {}, "Claims"), filtersForm("claims", params, [["q", "Label contains"]]),
    h("ul", { class: "plain" }, list.items.map((c) => h("li", {}, h("a", { href: "#/claim/" + enc(c.id) }, c.label || c.id),
      h("span", { class: "muted" }, ` · ${num(c.count)} statements`, c.first ? ` · ${c.first} – ${c.last || ""}` : ""), " ", langBadges(c.languages)))),
    pager("claims", params, list)];
}

async function claimPage(arg) {
  const c = await api("claims/" + enc(decodeURIComponent(arg)));
  const sts = (c.statements || []).slice().sort((x, y) => (x.date || "").localeCompare(y.date || ""));
  return [h("h1", {}, "Claim: ", c.label || c.id),
    h("p", { class: "muted" }, `${num(c.count)} statements`, c.first ? ` · ${c.first} – ${c.last || ""}` : "", " · speakers: ", (c.speakers || []).join(", ")),
    section("History", h("ol", { class: "timeline" }, sts.map((st) => h("li", {},
      h("span", { class: "when" }, st.date || "undated"), " ", h("span", { class: "lang" }, st.lang), " ",
      actorLink({ code: st.speaker.code, name: st.speaker.name, actor_id: st.speaker.id }), " ", st.verb, ": ",
      h("q", { lang: st.lang }, st.text), " ", h("a", { href: "#/article/" + enc(st.article_id) + qs({ hl: `${st.start}-${st.end}` }) }, st.source || "article")))))];
}

// snippet turns the API's "[term]" marks into <mark> elements, as text.
function snippet(str) {
  const out = h("p", { class: "snippet" });
  const re = /\[([^\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(str))) {
    out.append(document.createTextNode(str.slice(last, m.index)), h("mark", {}, m[1]));
    last = re.lastIndex;
  }
  out.append(document.createTextNode(str.slice(last)));
  return out;
}

async function searchPage(_, params) {
  const form = h("form", { class: "filters" }, h("label", {}, "Query", h("input", { name: "q", value: params.q || "", placeholder: "pham binh" })), h("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); location.hash = "#/search" + qs({ q: form.elements.q.value.trim() }); });
  if (!params.q) return [h("h1", {}, "Search"), form];
  const [hits, actors] = await Promise.all([api("search", { q: params.q, limit: 20, offset: params.offset }), api("actors", { q: params.q, limit: 10 }).catch(() => ({ items: [] }))]);
  return [h("h1", {}, "Search"), form,
    actors.items.length ? section("Actors", h("ul", { class: "plain" }, actors.items.map((a) => h("li", {}, h("a", { href: "#/actor/" + enc(a.id) }, a.name), " ", h("code", {}, a.code || ""), " ", h("span", { class: "muted" }, a.type || ""))))) : "",
    section("Articles", hits.items.length ? h("ol", { class: "plain" }, hits.items.map((hit) => h("li", {},
      h("a", { href: "#/article/" + enc(hit.article.id) }, hit.article.title || hit.article.uri), " ",
      h("span", { class: "muted" }, [hit.article.source, hit.article.published, hit.article.lang].filter(Boolean).join(" · ")),
      snippet(hit.snippet || "")))) : h("p", { class: "muted" }, "No articles match."), pager("search", params, hits))];
}


// ---- map: Leaflet when the npm files are there, otherwise inline SVG; the basemap ships in static/ ----

// once memoizes a promise-returning loader.
function once(fn) {
  let p = null;
  return () => (p = p || fn());
}

// loadScript adds a vendor script (and its stylesheet); it resolves false when the build has not got it.
function loadScript(src, css) {
  return new Promise((resolve) => {
    const sc = document.createElement("script");
    sc.src = src;
    sc.onload = () => {
      if (css) document.head.append(h("link", { rel: "stylesheet", href: css }));
      resolve(true);
    };
    sc.onerror = () => { sc.remove(); resolve(false); };
    document.head.append(sc);
  });
}

const loadLeaflet = once(() => loadScript("vendor/leaflet.js", "vendor/leaflet.css"));
// The country outlines (Natural Earth 1:110m, see server/ui/basemap/NOTICE): no tile server, no internet.
const loadBasemap = once(() => fetch("countries-110m.geojson").then((r) => (r.ok ? r.json() : null)).catch(() => null));
const BASEMAP_CREDIT = "Country outlines: Natural Earth (public domain)";

// dominantQuad is the quad class (1-4) with most of a place's events, the first on ties.
function dominantQuad(quads) {
  let best = 0;
  (quads || []).forEach((n, i) => { if (n > (quads[best] || 0)) best = i; });
  return best + 1;
}

// markerRadius grows with the square root of the count, so that a marker's area is proportional to it.
const markerRadius = (count, max) => 4 + 18 * Math.sqrt(count / Math.max(1, max));

function placeTitle(p) {
  const q = p.quads || [];
  return `${p.name} (${[p.country, p.precision].filter(Boolean).join(", ")}): ${num(p.count)} event${p.count === 1 ? "" : "s"}` +
    ` · ${[1, 2, 3, 4].filter((k) => q[k - 1]).map((k) => `${QUADS[k].name} ${num(q[k - 1])}`).join(", ")}`;
}

// afterRender holds what a page must do once its nodes are in the document (Leaflet needs a sized box).
let afterRender = [];

async function mapPage(_, params) {
  const f = {};
  for (const [name] of EVENT_FILTERS) if (params[name]) f[name] = params[name];
  const [places, world, leaflet] = await Promise.all([api("places", { ...f, limit: 2000 }), loadBasemap(), loadLeaflet()]);
  const panel = h("div", { class: "placepanel" }, h("p", { class: "muted" }, "Click a marker to list the events that took place there."));
  const box = h("div", { class: "map", role: "region", "aria-label": "Map of events by place" });
  const items = places.items;
  const max = Math.max(1, ...items.map((p) => p.count));
  const select = (p) => showPlace(panel, p, f);
  afterRender.push(() => {
    if (leaflet && window.L) leafletMap(box, world, items, max, select);
    else svgMap(box, world, items, max, select);
    const sel = items.find((p) => p.place_id === params.sel);
    if (sel) select(sel);
  });
  const legendRow = h("div", { class: "legend" }, [1, 2, 3, 4].map((q) => h("span", { class: "key dot " + QUADS[q].cls }, QUADS[q].name)),
    h("span", { class: "muted" }, "colour: the quad class of most of a place's events; area: the number of events"));
  return [h("h1", {}, "Map"), filtersForm("map", params, EVENT_FILTERS),
    h("div", { class: "cols" },
      section(`Events by place: ${num(items.length)} place${items.length === 1 ? "" : "s"}${places.more ? " (the most eventful)" : ""}`, box, legendRow,
        items.length ? "" : h("p", { class: "muted" }, "No placed events match.")),
      section("Events at the place", panel))];
}

function leafletMap(box, world, items, max, select) {
  const map = L.map(box, { minZoom: 1, maxZoom: 12, zoomSnap: 0.5, worldCopyJump: false });
  // The view first: Leaflet adds layers to a map only once it has one.
  const bounds = items.map((p) => [p.lat, p.lon]);
  if (bounds.length > 1) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 6 });
  else if (bounds.length === 1) map.setView(bounds[0], 4);
  else map.setView([20, 10], 1.5);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution(BASEMAP_CREDIT);
  if (world) L.geoJSON(world, { interactive: false, style: { color: "#adb5bd", weight: 0.7, fillColor: "#f1f3f5", fillOpacity: 1 } }).addTo(map);
  for (const p of items) {
    const q = dominantQuad(p.quads);
    const m = L.circleMarker([p.lat, p.lon], {
      radius: markerRadius(p.count, max), color: COLORS["q" + q], weight: 1.5, fillColor: COLORS["q" + q], fillOpacity: 0.5,
      className: "marker q" + q,
    });
    // An element, never an HTML string: the place name is shown as text.
    m.bindTooltip(h("span", {}, placeTitle(p)));
    m.on("click", () => select(p));
    m.addTo(map);
    m.getElement().setAttribute("data-place", p.place_id);
  }
}

// svgMap draws the basemap and markers on an equirectangular projection, without Leaflet.
function svgMap(box, world, items, max, select) {
  const W = 1000, H = 520, N = 84, S = -60;
  const x = (lon) => ((lon + 180) * W) / 360;
  const y = (lat) => ((N - lat) * H) / (N - S);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "mapsvg", role: "img", "aria-label": "Map of events by place" });
  const ring = (r) => "M" + r.map(([lon, lat]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join("L") + "Z";
  for (const ft of (world && world.features) || []) {
    const g = ft.geometry;
    const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    svg.append(s("path", { d: polys.map((poly) => poly.map(ring).join("")).join(""), class: "country" }));
  }
  for (const p of items) {
    const q = dominantQuad(p.quads);
    const c = s("circle", { cx: x(p.lon), cy: y(p.lat), r: markerRadius(p.count, max), class: "marker q" + q, "data-place": p.place_id,
      fill: COLORS["q" + q], stroke: COLORS["q" + q] }, s("title", {}, placeTitle(p)));
    c.addEventListener("click", () => select(p));
    svg.append(c);
  }
  box.append(svg, h("p", { class: "muted credit" }, BASEMAP_CREDIT));
}

// showPlace lists a place's events (with the map's filters) in the panel, and records the choice in the URL.
async function showPlace(panel, p, f) {
  history.replaceState(null, "", "#/map" + qs({ ...f, sel: p.place_id }));
  panel.replaceChildren(h("p", { class: "muted" }, "Loading…"));
  let list;
  try {
    list = await api("events", { ...f, place: p.place_id, limit: PAGE });
  } catch (err) {
    panel.replaceChildren(errorBox(err));
    return;
  }
  const wide = p.precision === "country" || p.precision === "admin1";
  panel.replaceChildren(
    h("h3", { class: "placename" }, p.name),
    h("p", { class: "muted" }, placeTitle(p), " · ", `${Number(p.lat).toFixed(3)}, ${Number(p.lon).toFixed(3)}`,
      wide ? ` · the marker counts the events placed in the ${p.precision} as a whole; the list has every event in it` : ""),
    placeEvents(list.items),
    h("p", {}, h("a", { href: "#/events" + qs({ ...f, place: p.place_id }) }, list.more ? "All the events there →" : "As a table →")));
}

function placeEvents(items) {
  if (!items.length) return h("p", { class: "muted" }, "No events.");
  return h("ol", { class: "plain placeevents" }, items.map((e) => {
    const m = (e.mentions || [])[0];
    return h("li", {},
      h("a", { href: "#/event/" + enc(e.id) }, e.date || "undated"), " ", quadBadge(e.quad_class), " ", h("code", {}, e.code), " ",
      h("span", { class: "muted" }, e.plover || ""), " ", actorLink(e.source), " → ", actorLink(e.target),
      m ? h("q", { class: "sent", lang: m.lang }, m.sentence) : "");
  }));
}

const ROUTES = {
  "": overview, events: eventsPage, dyad: dyadPage, event: eventPage, article: articlePage, articles: articlesPage,
  actor: actorPage, claims: claimsPage, claim: claimPage, search: searchPage, map: mapPage,
};

let seq = 0;
async function route() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, query] = raw.split("?");
  const [name, ...rest] = path.split("/");
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  const page = ROUTES[name] || null;
  const app = document.getElementById("app");
  const mine = ++seq;
  document.querySelectorAll("header nav a").forEach((a) => a.classList.toggle("active", a.getAttribute("href") === "#/" + name));
  app.setAttribute("aria-busy", "true");
  let nodes;
  afterRender = [];
  try {
    nodes = page ? await page(rest.join("/"), params) : [h("h1", {}, "Not found"), h("p", {}, "No such page.")];
  } catch (err) {
    nodes = [h("h1", {}, "Error"), errorBox(err)];
  }
  if (mine !== seq) return; // a newer navigation won
  app.replaceChildren(...[nodes].flat(Infinity).filter(Boolean));
  const todo = afterRender;
  afterRender = [];
  for (const fn of todo) {
    try { fn(); } catch (err) { app.append(errorBox(err)); }
  }
  app.removeAttribute("aria-busy");
  app.dataset.page = name || "overview";
  const h1 = app.querySelector("h1");
  document.title = h1 ? h1.textContent + " · dyad" : "dyad";
}

// loadVendor loads uPlot when the build put it there; without it charts are SVG. Leaflet is loaded by the
// map page.
const loadVendor = () => loadScript("vendor/uPlot.iife.min.js", "vendor/uPlot.min.css");

document.getElementById("quick").addEventListener("submit", (ev) => {
  ev.preventDefault();
  location.hash = "#/search" + qs({ q: ev.target.elements.q.value.trim() });
});
window.addEventListener("hashchange", route);
loadVendor().then(route);
