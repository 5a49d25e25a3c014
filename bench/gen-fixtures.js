// gen-fixtures.js writes ../palette/testdata/tinycolor-fixtures.json: random
// inputs with the outputs of tinycolor2 1.6.0 (and of Peacock's derivation,
// peacock.js), for palette's differential test (tinycolor_test.go).
//
//   cd bench && npm install && node gen-fixtures.js
//
// The generator is seeded, so re-running it gives the same file. Numbers are
// written with JSON.stringify, which round-trips float64 exactly, so the Go
// test compares channels with ==.
'use strict';
const fs = require('fs');
const path = require('path');
const { tinycolor, config, derive } = require('./peacock.js');

// FIXTURE_SEED and FIXTURE_SCALE (a multiplier of the counts) and FIXTURE_OUT
// allow larger one-off runs; the committed file uses the defaults.
let seed = Number(process.env.FIXTURE_SEED || 0x9e3779b9);
const scale = Number(process.env.FIXTURE_SCALE || 1);
function rand() { // mulberry32
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = n => Math.floor(rand() * n);
const pick = a => a[int(a.length)];
const chance = p => rand() < p;

const names = Object.keys(tinycolor.names);
const spaces = [' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\ufeff', '\u3000', '\v'];

function number() {
  switch (int(16)) {
    case 0: return String(int(256));
    case 1: return String(int(400) - 50);
    case 2: return int(101) + '%';
    case 3: return pick(['1.0', '1.00', '1', '0', '0.0', '.0', '1.0%', '01.0', '+1.0', '100%', '200%', '150%', '-0', '+0', '-0.0']);
    case 4: return '.' + int(1000);
    case 5: return (rand() * 1.2).toFixed(int(6) + 1);
    case 6: return (rand() * 1.2).toFixed(int(6) + 1) + '%';
    case 7: return pick(['0.00000000005', '0.0000001', '0.000000001%', '0.00001%', '1e5', '12.5.5', '3.', '99999999999999999999', '0.3333333333333333333', '0.07', '0.29', '0.57', '0.58']);
    case 8: return (rand() * 360).toFixed(int(4));
    case 9: return (rand() * 100).toFixed(int(4)) + '%';
    case 10: return pick(['+', '-']) + int(300);
    case 11: return pick(['+', '-', '']) + '.' + int(100) + pick(['', '%']);
    case 12: return String(rand() * 255);
    case 13: return (rand() * 2 - 0.5).toFixed(3);
    case 14: return int(360) + pick(['deg', 'turn', '%', '']);
    default: return String(int(101) / 100);
  }
}

function functional() {
  const kw = pick(['rgb', 'rgba', 'hsl', 'hsla', 'hsv', 'hsva', 'RGB', 'Hsl', 'HSVA', 'rgbx', 'hs', 'rg']);
  const open = pick(['(', ' ', ' (', '|', '( ', '', '((', '\t', '\u00a0(']);
  const n = pick([3, 3, 3, 4, 4, 2, 5]);
  const seps = [',', ' ', ', ', '|', ' ,', ',,', '\t', ' | ', ';', ' / '];
  const sep = chance(0.7) ? pick(seps.slice(0, 3)) : null;
  let s = kw + open;
  for (let i = 0; i < n; i++) {
    if (i > 0) s += sep || pick(seps);
    s += number();
  }
  s += pick(['', ')', ' )', '))', ' / 50%', 'x', ')junk', ' ']);
  if (chance(0.1)) s = pick(['foo ', 'x', 'my ', '#']) + s;
  return s;
}

function hex() {
  const len = pick([3, 4, 6, 8, 6, 8, 2, 5, 7, 9]);
  let s = '';
  for (let i = 0; i < len; i++) s += '0123456789abcdefABCDEF'[int(22)];
  if (chance(0.03)) s = s.slice(0, -1) + 'g';
  return (chance(0.7) ? '#' : '') + s;
}

function colorText() {
  let s;
  switch (int(10)) {
    case 0: case 1: {
      s = pick(names);
      if (chance(0.3)) s = s.toUpperCase();
      else if (chance(0.2)) s = s[0].toUpperCase() + s.slice(1);
      if (chance(0.05)) s += 'x';
      break;
    }
    case 2: case 3: case 4: s = hex(); break;
    case 5: s = pick(['transparent', 'TRANSPARENT', '', 'invalid', 'constructor', '__proto__', 'toString', 'none', '#', 'rgb', '\u0130ndigo', '\u212Ahaki']); break;
    default: s = functional();
  }
  if (chance(0.15)) s = pick(spaces) + s;
  if (chance(0.15)) s += pick(spaces);
  return s;
}

const rgba = c => [c._r, c._g, c._b, c._a];

// parse: [text, r, g, b, a] or [text] when tinycolor rejects it.
const parse = [];
const seen = new Set();
while (parse.length < 6000 * scale) {
  const s = colorText();
  if (seen.has(s)) continue;
  seen.add(s);
  const c = tinycolor(s);
  parse.push(c.isValid() ? [s, ...rgba(c)] : [s]);
}

// ops: [text, amount, lighten(rgba), darken(rgba), complement(rgba),
// triad[1](rgba)] on the parsed, unrounded color of text.
const ops = [];
for (const p of parse) {
  if (p.length === 1 || ops.length >= 1500 * scale) continue;
  const amount = pick([10, 10, 5, 1, 0, 3.7, 20, 50, 100, int(11)]);
  const mk = () => tinycolor(p[0]);
  ops.push([p[0], amount,
    ...rgba(mk().lighten(amount)), ...rgba(mk().darken(amount)),
    ...rgba(mk().complement()), ...rgba(mk().triad()[1])]);
}

// hsl: [h, s, l, a, r, g, b, a] for tinycolor({h, s, l, a}).
const hsl = [];
for (let i = 0; i < 2000 * scale; i++) {
  const h = pick([rand() * 360, int(361), rand() * 400 - 20, 360, 0]);
  const s = pick([rand(), int(101) / 100, rand() * 100, 0, 1, rand() * 1e-6]);
  const l = pick([rand(), int(101) / 100, int(17) / 16, rand() * 100, 0, 1]);
  const a = pick([1, rand(), 0, 1.5]);
  hsl.push([h, s, l, a, ...rgba(tinycolor({ h, s, l, a }))]);
}

// derive: [text, settings, want] with Peacock's output (want null: invalid);
// a fourth element true means the editor is Cursor.
const bools = ['affectActivityBar', 'affectStatusBar', 'affectTitleBar', 'affectSashHover',
  'affectEditorGroupBorder', 'affectPanelBorder', 'affectSideBarBorder', 'affectStatusAndTitleBorders',
  'affectDebuggingStatusBar', 'affectTabActiveBorder', 'affectTabActiveBackground', 'affectWindowBorder',
  'keepForegroundColor', 'keepBadgeColor', 'squigglyBeGone'];
const adjustments = ['none', 'lighten', 'darken'];
const fgs = ['', '#000', 'navy', '#fff8', 'not a color', 'hsl(200, 50%, 30%)', '#e7e7e7', 'ivory', 'rgba(10,20,30,0.5)',
  'rgba(1, 2, 3, 0.999)' /* alpha rounds to ff but is < 1: written #010203ff */];
const derived = [];
const derivable = parse.filter(p => p.length > 1);
for (let i = 0; i < 600 * scale; i++) {
  const text = i % 3 === 0 ? pick(derivable)[0] : (i % 3 === 1 ? hex() : colorText());
  const settings = {};
  for (const b of bools) if (chance(0.3)) settings['peacock.' + b] = chance(0.5);
  if (chance(0.6)) {
    const ea = {};
    for (const k of ['activityBar', 'statusBar', 'titleBar']) if (chance(0.6)) ea[k] = pick(adjustments);
    settings['peacock.elementAdjustments'] = ea;
  }
  if (chance(0.15)) settings['peacock.darkForegroundColor'] = pick(fgs);
  if (chance(0.15)) settings['peacock.lightForegroundColor'] = pick(fgs);
  derived.push([text, settings, derive(text, config(settings))]);
}
// Colors whose alpha is below 1 but rounds to the byte ff (formatHex writes
// #rrggbbff for them), and Cursor: [text, settings, want, true].
for (const text of ['rgba(1, 2, 3, 0.999)', 'hsla(200, 50%, 40%, 0.9995)', 'rgba(250, 250, 250, .9999)']) {
  for (const ea of [{}, { activityBar: 'none' }, { statusBar: 'darken', titleBar: 'lighten' }]) {
    const settings = { 'peacock.elementAdjustments': ea, 'peacock.affectDebuggingStatusBar': true, 'peacock.affectWindowBorder': true };
    derived.push([text, settings, derive(text, config(settings))]);
  }
}
for (let i = 0; i < 100 * scale; i++) {
  const text = i % 2 === 0 ? pick(derivable)[0] : hex();
  const settings = {};
  for (const b of bools) if (chance(0.3)) settings['peacock.' + b] = chance(0.5);
  if (chance(0.5)) settings['peacock.elementAdjustments'] = { titleBar: pick(adjustments) };
  if (chance(0.2)) settings['peacock.darkForegroundColor'] = pick(fgs);
  derived.push([text, settings, derive(text, config(settings), true), true]);
}

const out = process.env.FIXTURE_OUT || path.join(__dirname, '..', 'palette', 'testdata', 'tinycolor-fixtures.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
const lines = ['{'];
const section = (name, rows, last) => {
  lines.push(`"${name}": [`);
  rows.forEach((r, i) => lines.push(JSON.stringify(r) + (i < rows.length - 1 ? ',' : '')));
  lines.push(']' + (last ? '' : ','));
};
lines.push(`"generator": "bench/gen-fixtures.js, tinycolor2 ${JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('tinycolor2')), '..', 'package.json'), 'utf8')).version}",`);
section('parse', parse);
section('ops', ops);
section('hsl', hsl);
section('derive', derived, true);
lines.push('}');
fs.writeFileSync(out, lines.join('\n') + '\n');
console.log(`wrote ${out}: ${parse.length} parse (${derivable.length} valid), ${ops.length} ops, ${hsl.length} hsl, ${derived.length} derive`);
