// The bilan dashboard. Every piece of report text is set with textContent, never parsed as
// HTML; the page state lives in the URL's query string so that any view can be shared.
"use strict";

const OUTCOMES = ["killed", "injured", "missing", "detained", "kidnapped", "displaced"];
const VICTIMS = ["people", "civilians", "children", "women", "men", "combatants", "rebels",
  "security_forces", "journalists", "medical_workers", "aid_workers", "other"];
const PAGE = 50;
const SVG = "http://www.w3.org/2000/svg";

const $ = (id) => document.getElementById(id);

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

// -- state in the URL -------------------------------------------------------------------

function state() {
  const params = new URLSearchParams(location.search);
  return {
    outcome: params.get("outcome") || "killed",
    victims: params.get("victims") || "people",
    place: params.get("place") || "",
    from: params.get("from") || "",
    to: params.get("to") || "",
    offset: Number(params.get("offset") || 0),
    doc: params.get("doc") || "",
    claim: params.get("claim") || "",
  };
}

function setState(changes) {
  const params = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === "" || value === null || value === undefined || value === 0) params.delete(name);
    else params.set(name, value);
  }
  history.pushState(null, "", "?" + params.toString());
  render();
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== "" && value !== null && value !== undefined) query.set(name, value);
  }
  const response = await fetch(path + (query.toString() ? "?" + query : ""));
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

// -- filters ------------------------------------------------------------------------------

function fillFilters(current) {
  for (const [id, values] of [["outcome", OUTCOMES], ["victims", VICTIMS]]) {
    const select = $(id);
    if (!select.options.length) {
      for (const value of values) select.append(new Option(value, value));
    }
    select.value = current[id];
  }
  $("place").value = current.place;
  $("from").value = current.from;
  $("to").value = current.to;
}

async function lookUpPlace() {
  const name = $("place").value.trim();
  $("place-found").textContent = "";
  if (!name) return;
  try {
    const found = await api("/api/places", { q: name });
    $("place-found").textContent = found.places.length
      ? "= " + found.places.map((p) => `${p.name} (${p.country}, ${p.precision || "place"})`).join(" / ")
      : "not in the gazetteer";
  } catch (error) {
    $("place-found").textContent = error.message;
  }
}

// -- map --------------------------------------------------------------------------------

let map = null;
let circles = null;

async function ensureMap() {
  if (map) return;
  map = L.map("map", { worldCopyJump: true, attributionControl: true }).setView([30, 20], 2);
  map.attributionControl.addAttribution("Natural Earth");
  const topology = await (await fetch("/static/vendor/world-atlas/countries-110m.json")).json();
  L.geoJSON(topojson.feature(topology, topology.objects.countries), {
    style: { color: "#78909c", weight: 1, fillColor: "#eceff1", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  circles = L.layerGroup().addTo(map);
}

function drawCircles(claims) {
  circles.clearLayers();
  const places = new Map();
  for (const claim of claims) {
    if (claim.lat === null || claim.lon === null) continue;
    const key = `${claim.place}|${claim.lat}|${claim.lon}`;
    const place = places.get(key) || { name: claim.place, lat: claim.lat, lon: claim.lon, most: 0, claims: 0 };
    place.most = Math.max(place.most, claim.count.value);
    place.claims += 1;
    places.set(key, place);
  }
  const bounds = [];
  for (const place of places.values()) {
    const circle = L.circleMarker([place.lat, place.lon], {
      radius: 4 + 3 * Math.sqrt(place.most), color: "#b71c1c", weight: 1, fillOpacity: 0.35,
      className: "place-circle",
    });
    // Leaflet sets tooltip content as HTML when given a string: give it a text node.
    circle.bindTooltip(document.createTextNode(
      `${place.name}: up to ${place.most} stated, ${place.claims} claims`));
    circles.addLayer(circle);
    bounds.push([place.lat, place.lon]);
  }
  if (bounds.length) map.fitBounds(bounds, { maxZoom: 8, padding: [40, 40] });
}

// -- tally, timeline, contradictions --------------------------------------------------------

function counted(number, noun) {
  return `${number} ${noun}${number === 1 ? "" : "s"}`;
}

function showTally(answer) {
  const bounds = answer.series[0];
  $("tally-low").textContent = bounds.low;
  $("tally-high").textContent = bounds.high === null ? "∞" : bounds.high;
  $("tally-best").textContent = bounds.best;
  $("tally-rests").textContent = `rests on ${counted(answer.claims, "claim")} in `
    + counted(answer.reports, "report")
    + (answer.contradictions.length ? `, ${answer.contradictions.length} contradicted` : "");
  $("tally-query").textContent = `${answer.outcome} ${answer.victims}`
    + (answer.place ? ` in ${answer.place}` : " everywhere") + `, ${answer.first} to ${answer.last}`;
}

function showTimeline(answer) {
  const chart = $("timeline");
  chart.replaceChildren();
  const days = answer.series;
  const width = chart.clientWidth || 800;
  const height = 180;
  const top = Math.max(1, ...days.map((d) => (d.high === null ? d.low : d.high)), ...days.map((d) => d.best)) * 1.1;
  const step = (width - 40) / Math.max(1, days.length);
  const y = (value) => height - 20 - (value / top) * (height - 30);
  chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const line = [];
  days.forEach((day, index) => {
    const x = 30 + index * step;
    const open = day.high === null;
    const rect = svg("rect", {
      x: x + 1, width: Math.max(1, step - 2), y: open ? 10 : y(day.high),
      height: Math.max(1, y(day.low) - (open ? 10 : y(day.high))),
      class: open ? "day open" : "day band", "data-day": day.first,
    });
    const title = svg("title", {});
    title.textContent = `${day.first}: [${day.low}, ${open ? "∞" : day.high}], best ${day.best.toFixed(1)}`;
    rect.append(title);
    chart.append(rect);
    // The low bound of a day with no upper bound is drawn as a solid edge.
    if (open) chart.append(svg("line", { x1: x + 1, x2: x + step - 1, y1: y(day.low), y2: y(day.low), class: "low" }));
    line.push(`${x + step / 2},${y(day.best)}`);
    if (days.length <= 31 || index % Math.ceil(days.length / 15) === 0) {
      const label = svg("text", { x: x + 2, y: height - 6 });
      label.textContent = day.first.slice(5);
      chart.append(label);
    }
  });
  chart.append(svg("polyline", { points: line.join(" "), class: "best" }));
  const scale = svg("text", { x: 2, y: 12 });
  scale.textContent = Math.round(top);
  chart.append(scale);
}

function claimLines(constraint) {
  const list = element("ul");
  for (const claim of constraint.claims) {
    const item = element("li");
    const quote = element("a", `«${claim.quote}»`);
    quote.href = "#";
    quote.addEventListener("click", (event) => {
      event.preventDefault();
      setState({ doc: claim.document, claim: claim.claim });
    });
    item.append(quote, ` — ${claim.source || "no source"} (${claim.origin || claim.document.slice(0, 12)})`);
    list.append(item);
  }
  return list;
}

function interval(low, high) {
  return `[${low}, ${high === null ? "∞" : high}]`;
}

function showContradictions(answer) {
  const box = $("contradictions");
  box.replaceChildren();
  if (!answer.contradictions.length) {
    box.append(element("p", "no contradiction among these claims", "muted"));
    return;
  }
  const binding = answer.evidence.filter((c) => !answer.contradictions.some(
    (x) => x.first === c.first && x.last === c.last && x.low === c.low && x.victims === c.victims));
  for (const item of answer.contradictions) {
    const block = element("div", null, "contradiction");
    block.append(element("p", `${item.victims} ${item.first} → ${item.last}: stated ${interval(item.low, item.high)}, `
      + `but the claims together fit ${item.fitted}`));
    block.append(claimLines(item));
    block.append(element("p", "against:", "muted"));
    for (const other of binding) {
      block.append(element("p", `${other.victims} ${other.first} → ${other.last} ${interval(other.low, other.high)}`, "muted"));
      block.append(claimLines(other));
    }
    box.append(block);
  }
}

// -- events ------------------------------------------------------------------------------------

// The events holding the filtered claims: what several reports say of one happening, its
// totals reconciled over all their claims. A row opens the report of its first claim.
function showEvents(page) {
  const body = $("events").tBodies[0];
  body.replaceChildren();
  for (const event of page.items) {
    const row = element("tr");
    row.dataset.event = event.id;
    const days = [event.event_date, event.event_date_last].filter(Boolean);
    const totals = Object.entries(event.totals)
      .map(([outcome, total]) => `${outcome} ${interval(total.low, total.high)}`);
    const broken = Object.values(event.contradictions).reduce((sum, n) => sum + n, 0);
    if (broken) totals.push(`(${counted(broken, "claim")} contradicted)`);
    for (const text of [[...new Set(days)].join(" → "), event.event_type || "", event.location || "",
      totals.join(", "), event.documents.length, event.claims.length]) {
      row.append(element("td", text));
    }
    if (event.claims.length) {
      const first = event.claims[0];
      row.addEventListener("click", () => setState({ doc: first.document, claim: first.claim }));
    }
    body.append(row);
  }
  $("events-count").textContent = page.total > page.items.length
    ? `(first ${page.items.length} of ${page.total})` : `(${page.total})`;
}

// -- claims and the report --------------------------------------------------------------------

function countText(count) {
  return `${count.qualifier} ${count.value}` + (count.high ? `–${count.high}` : "");
}

function showClaims(page, current) {
  const body = $("claims").tBodies[0];
  body.replaceChildren();
  for (const claim of page.items) {
    const row = element("tr");
    row.dataset.document = claim.document;
    row.dataset.claim = claim.id;
    if (claim.document === current.doc && claim.id === current.claim) row.classList.add("selected");
    const period = claim.period ? `${claim.period.start || "?"} → ${claim.period.end || "?"}` : "";
    for (const text of [claim.quote, countText(claim.count), claim.victims, claim.place || "",
      period, claim.source || "", claim.origin || claim.document.slice(0, 12)]) {
      row.append(element("td", text));
    }
    row.addEventListener("click", () => setState({ doc: claim.document, claim: claim.id }));
    body.append(row);
  }
  $("claims-count").textContent = `(${page.offset + 1}–${page.offset + page.items.length} of ${page.total})`;
  $("prev").disabled = page.offset === 0;
  $("next").disabled = page.offset + page.items.length >= page.total;
}

// The report's text cut at every claim's quote and sentence boundary; each piece knows
// which quotes and sentences cover it.
function highlighted(text, claims, selected) {
  const cuts = new Set([0, text.length]);
  for (const claim of claims) {
    for (const offset of [claim.start, claim.end, claim.sentence_start, claim.sentence_end]) cuts.add(offset);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    const quotes = claims.filter((c) => c.start <= start && end <= c.end && c.start < c.end);
    const inSentence = claims.some((c) => c.sentence_start <= start && end <= c.sentence_end);
    let node = document.createTextNode(text.slice(start, end));
    if (quotes.length) {
      const mark = element("mark");
      mark.append(node);
      mark.dataset.claims = quotes.map((c) => c.id).join(" ");
      mark.title = quotes.map((c) => `${c.id}: ${c.outcome} ${c.victims} ${countText(c.count)}`).join("; ");
      if (quotes.some((c) => c.id === selected)) mark.classList.add("selected");
      node = mark;
    }
    if (inSentence) {
      const span = element("span", null, "sentence");
      span.append(node);
      node = span;
    }
    pieces.push(node);
  }
  return pieces;
}

async function showDocument(current) {
  const section = $("document-section");
  if (!current.doc) {
    section.hidden = true;
    return;
  }
  const found = await api(`/api/documents/${encodeURIComponent(current.doc)}`);
  section.hidden = false;
  $("document-title").textContent = found.title || found.external_id || found.origin;
  $("document-meta").textContent = [found.outlet, found.published, found.lang, found.url]
    .filter(Boolean).join(" · ");
  $("document-text").replaceChildren(...highlighted(found.text, found.claims, current.claim));
  const selected = $("document-text").querySelector("mark.selected");
  (selected || section).scrollIntoView({ block: "center" });
}

// -- putting it together --------------------------------------------------------------------

async function render() {
  const current = state();
  document.body.dataset.ready = "false";
  fillFilters(current);
  $("status").textContent = "";
  await ensureMap();
  try {
    const asked = { outcome: current.outcome, victims: current.victims, place: current.place,
      from: current.from, to: current.to };
    // Claims and events of any victims when "people" are asked (the tally sums them all).
    const filtered = { ...asked, victims: current.victims === "people" ? "" : current.victims };
    const page = await api("/api/claims", { ...filtered, limit: PAGE, offset: current.offset });
    showClaims(page, current);
    // The map shows every place of the filter, not only this page's.
    const all = page.total <= PAGE ? page : await api("/api/claims", { ...filtered, limit: 1000 });
    drawCircles(all.items);
    showEvents(await api("/api/events", { ...filtered, limit: PAGE }));
    if (current.from && current.to) {
      const [answer, days] = await Promise.all([api("/api/tally", asked), api("/api/timeline", asked)]);
      showTally(answer);
      showTimeline(days);
      showContradictions(answer);
    } else {
      $("status").textContent = "choose the first and last day to see the tally and the timeline";
    }
    await showDocument(current);
  } catch (error) {
    $("status").textContent = error.message;
  }
  document.body.dataset.ready = "true";
}

$("filters").addEventListener("submit", (event) => {
  event.preventDefault();
  setState({ outcome: $("outcome").value, victims: $("victims").value, place: $("place").value.trim(),
    from: $("from").value, to: $("to").value, offset: 0, doc: "", claim: "" });
});
$("place").addEventListener("change", lookUpPlace);
$("prev").addEventListener("click", () => setState({ offset: Math.max(0, state().offset - PAGE) }));
$("next").addEventListener("click", () => setState({ offset: state().offset + PAGE }));
$("close-document").addEventListener("click", () => setState({ doc: "", claim: "" }));
window.addEventListener("popstate", render);
render();
