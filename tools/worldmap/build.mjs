// Regenerates Footfall's world map outlines and flags from three npm packages (see
// src/main/resources/analytics/worldmap/README.md). Run from the repository root:
//   node tools/worldmap/build.mjs
// Needs Node 18+ and npm on PATH; downloads the pinned package versions below into a temporary folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGES = { atlas: 'world-atlas@2.0.2', codes: 'i18n-iso-countries@7.14.0', flags: 'flag-icons@7.5.0' };
const MAP_OUT = 'src/main/resources/analytics/worldmap/countries.txt';
const FLAGS_OUT = 'src/main/resources/META-INF/resources/static/flags';
const WIDTH = 1000; // viewBox width; the height follows from the projection
const MARGIN = 4;

const work = mkdtempSync(join(tmpdir(), 'worldmap-'));
const unpacked = {};
for (const [key, spec] of Object.entries(PACKAGES)) {
  const tgz = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', work], { encoding: 'utf8' }).trim();
  const dir = join(work, key);
  mkdirSync(dir);
  execFileSync('tar', ['xzf', join(work, tgz), '-C', dir]);
  unpacked[key] = join(dir, 'package');
}
const json = (key, file) => JSON.parse(readFileSync(join(unpacked[key], file), 'utf8'));

// ISO 3166-1 numeric -> alpha-2. Natural Earth leaves three disputed areas without a numeric id:
// Kosovo gets its user-assigned code XK (GeoIP databases use it); N. Cyprus and Somaliland are drawn
// as part of CY and SO, which is what a country database reports for visitors there.
const alpha2 = new Map(json('codes', 'codes.json').map(([a2, , numeric]) => [numeric, a2]));
const UNNUMBERED = { 'Kosovo': 'XK', 'N. Cyprus': 'CY', 'Somaliland': 'SO' };
const ANTARCTICA = '010';

// Equal Earth projection (Šavrič, Patterson, Jenny 2018), lon/lat in degrees -> unitless x, y (y up).
const [A1, A2, A3, A4, M] = [1.340264, -0.081106, 0.000893, 0.003796, Math.sqrt(3) / 2];
function project([lon, lat]) {
  const l = lon * Math.PI / 180, t = Math.asin(M * Math.sin(lat * Math.PI / 180));
  const t2 = t * t, t6 = t2 * t2 * t2;
  return [l * Math.cos(t) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2))),
          t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))];
}

// TopoJSON: quantized, delta-encoded arcs; a negative index ~i means arc i reversed.
const topo = json('atlas', 'countries-110m.json');
const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
const arcs = topo.arcs.map(arc => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
});
function ring(indexes) {
  const points = [];
  for (const i of indexes) {
    const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

// world-atlas 2 does not cut rings at the antimeridian (d3 clips on the sphere), so Russia, Fiji and the
// Aleutians would streak across a flat map: unwrap each ring's longitudes, then clip it at ±180°.
function clip(points, inside, edge) {
  const out = [];
  for (let i = 0; i < points.length; i++) {
    const a = points[i], b = points[(i + 1) % points.length];
    if (inside(a)) out.push(a);
    if (inside(a) !== inside(b)) out.push([edge, a[1] + (b[1] - a[1]) * (edge - a[0]) / (b[0] - a[0])]);
  }
  return out;
}
function splitAtAntimeridian(points) {
  const unwrapped = [points[0]];
  for (const [lon, lat] of points.slice(1)) {
    const previous = unwrapped[unwrapped.length - 1][0];
    unwrapped.push([lon + 360 * Math.round((previous - lon) / 360), lat]);
  }
  const pieces = [
    clip(clip(unwrapped, p => p[0] >= -180, -180), p => p[0] <= 180, 180),
    clip(unwrapped, p => p[0] >= 180, 180).map(([lon, lat]) => [lon - 360, lat]),
    clip(unwrapped, p => p[0] <= -180, -180).map(([lon, lat]) => [lon + 360, lat]),
  ];
  return pieces.filter(piece => piece.length >= 3);
}

const polygonsByCode = new Map();
for (const g of topo.objects.countries.geometries) {
  if (g.id === ANTARCTICA) continue;
  const code = g.id ? alpha2.get(g.id) : UNNUMBERED[g.properties.name];
  if (!code) throw new Error(`no alpha-2 code for ${g.id} ${g.properties.name}`);
  const polygons = g.type === 'Polygon' ? [g.arcs] : g.arcs;
  polygonsByCode.set(code, [...(polygonsByCode.get(code) || []), ...polygons.map(p => p.flatMap(r => splitAtAntimeridian(ring(r)).map(piece => piece.map(project))))]);
}

let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
for (const polygons of polygonsByCode.values())
  for (const rings of polygons) for (const r of rings) for (const [x, y] of r) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
const scale = (WIDTH - 2 * MARGIN) / (maxX - minX);
const height = Math.ceil((maxY - minY) * scale + 2 * MARGIN);
// To tenths of a viewBox unit, as integers, so the relative steps below add up exactly.
const toView = ([x, y]) => [Math.round(((x - minX) * scale + MARGIN) * 10), Math.round(((maxY - y) * scale + MARGIN) * 10)];

const num = tenths => {
  const s = (tenths / 10).toString();
  return s.replace(/^(-?)0\./, '$1.');
};
function pathData(polygons) {
  let d = '';
  for (const rings of polygons) for (const r of rings) {
    const points = [];
    for (const p of r.map(toView)) {
      const last = points[points.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
    }
    if (points.length > 1 && points[0][0] === points.at(-1)[0] && points[0][1] === points.at(-1)[1]) points.pop();
    if (points.length < 3) continue;
    const numbers = [];
    for (let i = 1; i < points.length; i++) numbers.push(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]);
    d += `M${num(points[0][0])} ${num(points[0][1])}l` + numbers.map(num).reduce((s, n) => s + (n.startsWith('-') ? '' : ' ') + n, '').trimStart() + 'z';
  }
  return d;
}

const lines = [
  `# Country outlines for analytics.worldmap: generated by tools/worldmap/build.mjs, do not edit.`,
  `# Natural Earth 1:110m via ${PACKAGES.atlas}, codes via ${PACKAGES.codes}; Equal Earth projection.`,
  `viewBox\t0 0 ${WIDTH} ${height}`,
];
for (const code of [...polygonsByCode.keys()].sort()) lines.push(`${code}\t${pathData(polygonsByCode.get(code))}`);
mkdirSync('src/main/resources/analytics/worldmap', { recursive: true });
writeFileSync(MAP_OUT, lines.join('\n') + '\n');
console.log(`${MAP_OUT}: ${polygonsByCode.size} countries, ${readFileSync(MAP_OUT).length} bytes`);

// Flags: the 4:3 set, two-letter codes and the placeholder xx only (no regions or organisations),
// with whitespace between tags, the root id and style attributes removed. The style attributes are
// Inkscape leftovers with no visible effect, dropped so nothing depends on inline styles under the CSP.
const flagsIn = join(unpacked.flags, 'flags', '4x3');
if (existsSync(FLAGS_OUT)) rmSync(FLAGS_OUT, { recursive: true });
mkdirSync(FLAGS_OUT, { recursive: true });
let total = 0, count = 0;
for (const file of readdirSync(flagsIn).filter(f => /^[a-z]{2}\.svg$/.test(f)).sort()) {
  const svg = readFileSync(join(flagsIn, file), 'utf8')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s+style="[^"]*"/g, '')
    .replace(/(<svg[^>]*?)\s+id="flag-icons-[a-z]+"/, '$1')
    .replace(/>\s+</g, '><')
    .replace(/\s*\n\s*/g, ' ')
    .trim() + '\n';
  writeFileSync(join(FLAGS_OUT, file), svg);
  total += svg.length; count++;
}
console.log(`${FLAGS_OUT}: ${count} flags, ${total} bytes`);
// The packages' licence texts travel with what we ship from them (MIT and ISC ask for their notice).
const LICENSES_OUT = 'src/main/resources/analytics/worldmap/licenses';
mkdirSync(LICENSES_OUT, { recursive: true });
for (const [key, spec] of Object.entries(PACKAGES)) {
  writeFileSync(join(LICENSES_OUT, `${spec.replace(/@[^@]*$/, '')}.LICENSE`), readFileSync(join(unpacked[key], 'LICENSE')));
}
rmSync(work, { recursive: true });
