// diff.js: differential test of peacock against the Peacock extension's own
// code (ext.js). It draws random cases (seeded): a color in every form
// tinycolor reads and many it does not, every peacock.* setting with values
// of its type and of every wrong type (strings "false"/"", numbers 0/1/1e400,
// objects, arrays, null), in user settings, workspace settings or both, an
// existing workbench.colorCustomizations, remote and Cursor windows. Each case
// runs through the extension's applyColor (ext.js) and through what `peacock
// apply` runs (bench/extdiff, built from this tree), and the resulting
// workbench.colorCustomizations are compared.
//
//   cd bench && npm install && node diff.js [-seeds 1,2,3,4] [-n 3000] [-out mismatches.json]
//   sh bench/diff.sh   (the same, from the module root, building extdiff first)
//
// It prints the agreement per seed and per class of disagreement, and writes
// the disagreeing cases to -out (default: none). -record FILE writes every
// case with the extension's result instead (for testdata). Equal means: the
// same keys and values (order aside); "no colorCustomizations" and "{}" are
// the same; the extension failing (it throws, writes nothing) agrees with
// peacock exiting with an error or leaving the file's colors as they were.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { run, load } = require('./ext.js');
const tinycolor = require('tinycolor2');

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf('-' + name);
  return i >= 0 ? args[i + 1] : def;
};
const seeds = opt('seeds', '1,2,3,4').split(',').map(Number);
const perSeed = Number(opt('n', 3000));
const outFile = opt('out', '');
const recordFile = opt('record', '');
const bin = opt('bin', process.env.EXTDIFF || path.join(__dirname, 'extdiff', 'extdiff'));

// ---- seeded randomness (mulberry32)
let seed = 1;
function rand() {
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = n => Math.floor(rand() * n);
const pick = a => a[int(a.length)];
const chance = p => rand() < p;

// A number written as this text in the JSON (1e400, -0, 1.0).
class Raw { constructor(text) { this.text = text; } }
function toJSON(v) {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return '[' + v.map(toJSON).join(', ') + ']';
  if (v && typeof v === 'object') return '{' + Object.entries(v).map(([k, x]) => JSON.stringify(k) + ': ' + toJSON(x)).join(', ') + '}';
  return JSON.stringify(v);
}

const names = Object.keys(tinycolor.names);
const spaces = [' ', '  ', '\t', '\n', '\u00a0', ''];
function num() {
  switch (int(12)) {
    case 0: return String(int(256));
    case 1: return String(int(400) - 50);
    case 2: return int(151) + '%';
    case 3: return pick(['1.0', '1', '0', '.5', '0.0', '+1', '-0', '100%', '200%', '-5%', '1e2', '0x10']);
    case 4: return (rand() * 1.2).toFixed(int(5) + 1);
    case 5: return (rand() * 360).toFixed(int(4));
    case 6: return (rand() * 100).toFixed(int(4)) + '%';
    case 7: return pick(['+', '-']) + int(300);
    case 8: return String(rand() * 255);
    case 9: return int(360) + pick(['deg', '%', '', 'turn']);
    default: return String(int(101) / 100);
  }
}
function functional() {
  const kw = pick(['rgb', 'rgba', 'hsl', 'hsla', 'hsv', 'hsva', 'RGB', 'Hsl', 'HSVA', 'hwb', 'oklch', 'rgbx']);
  const open = pick(['(', ' ', ' (', '( ', '', '\t(']);
  const n = pick([3, 3, 3, 4, 4, 2, 5]);
  const sep = pick([',', ' ', ', ', ' ,', ' / ', ',,']);
  let s = kw + open;
  for (let i = 0; i < n; i++) s += (i ? (chance(0.9) ? sep : pick([',', ' ', '/'])) : '') + num();
  return s + pick([')', ')', ' )', '', '))', ')x']);
}
function hex() {
  const len = pick([3, 4, 6, 8, 6, 6, 8, 2, 5, 7]);
  let s = '';
  for (let i = 0; i < len; i++) s += '0123456789abcdefABCDEF'[int(22)];
  return (chance(0.8) ? '#' : '') + s;
}
function colorText() {
  let s;
  switch (int(10)) {
    case 0: case 1: s = hex(); break;
    case 2: case 3: s = functional(); break;
    case 4: s = pick(names); if (chance(0.3)) s = s.toUpperCase(); break;
    case 5: s = pick(['#42b883', '#007fff', '#dd0531', '#fff', '#000', 'white', 'black', 'transparent', '#ffffff00', '#80808080', 'gray']); break;
    case 6: s = pick(['', ' ', 'garbage', 'not a color', '#', 'rgb()', 'red blue', '#ggg', 'hsl(120deg, 50%, 50%)', 'rgba(1,2,3)', 'oklch(0.6 0.2 30)', 'hwb(120 10% 20%)', 'color(srgb 1 0 0)']); break;
    default: s = '#' + int(0x1000000).toString(16).padStart(6, '0');
  }
  if (chance(0.1)) s = pick(spaces) + s + pick(spaces);
  return s;
}

const ownedKeys = [
  'activityBar.activeBackground', 'activityBar.activeBorder', 'activityBar.background', 'activityBar.foreground',
  'activityBar.inactiveForeground', 'activityBarBadge.background', 'activityBarBadge.foreground',
  'activityBarTop.activeBackground', 'activityBarTop.activeBorder', 'activityBarTop.background',
  'activityBarTop.foreground', 'activityBarTop.inactiveForeground', 'commandCenter.border', 'commandCenter.foreground',
  'editorGroup.border', 'panel.border', 'sideBar.border', 'sash.hoverBorder', 'editorError.foreground',
  'editorWarning.foreground', 'editorInfo.foreground', 'statusBar.border', 'statusBar.background',
  'statusBar.foreground', 'statusBar.debuggingBorder', 'statusBar.debuggingBackground',
  'statusBar.debuggingForeground', 'statusBarItem.hoverBackground', 'statusBarItem.remoteBackground',
  'statusBarItem.remoteForeground', 'tab.activeBorder', 'tab.activeBackground', 'titleBar.activeBackground',
  'titleBar.activeForeground', 'titleBar.border', 'titleBar.inactiveBackground', 'titleBar.inactiveForeground',
  'window.activeBorder', 'window.inactiveBorder',
];
const boolKeys = ['affectActivityBar', 'affectStatusBar', 'affectTitleBar', 'affectSashHover', 'affectEditorGroupBorder',
  'affectPanelBorder', 'affectSideBarBorder', 'affectStatusAndTitleBorders', 'affectDebuggingStatusBar',
  'affectTabActiveBorder', 'affectTabActiveBackground', 'affectWindowBorder', 'keepForegroundColor', 'keepBadgeColor',
  'squigglyBeGone', 'surpriseMeOnStartup', 'surpriseMeFromFavoritesOnly', 'surpriseMeInFavoritesOrder', 'showColorInStatusBar'];

function wrong() {
  return pick(['false', 'true', '', 'yes', 'no', '0', 0, 1, -5, 150, new Raw('1e400'), new Raw('-1e400'), new Raw('-0'), new Raw('1.0'),
    null, [], [false], {}, { a: 1 }, 'none', 0.5]);
}
function boolValue() { return chance(0.6) ? chance(0.5) : wrong(); }
function adjValue() { return pick(['lighten', 'darken', 'none', 'lighten', 'darken', 'Lighten', '', null, 1, true, [], {}, ['darken'], 'DARKEN', ' lighten']); }
function adjustments() {
  if (chance(0.15)) return pick(['lighten', '', null, [], ['lighten'], 1, 0, true, 'none']);
  const o = {};
  for (const k of ['activityBar', 'statusBar', 'titleBar', 'sideBar', 'toString']) if (chance(k.length > 9 ? 0.5 : 0.05)) o[k] = adjValue();
  return o;
}
function fgValue() {
  switch (int(6)) {
    case 0: case 1: return colorText();
    case 2: return pick(['', null, 0, false, true, 1, [], ['#fff'], 'garbage']);
    case 3: return pick([{ r: 255, g: 0, b: 0 }, { r: '50%', g: 10, b: 200 }, { h: 120, s: 0.5, l: 0.5 }, { h: 200, s: '50%', v: '50%' }, { r: 1, g: 2, b: 3, a: 0.5 }, { r: 1, g: 2 }, { x: 1 }, { r: 300, g: -4, b: 1.5 }]);
    default: return pick(['#15202b', '#e7e7e7', '#000', '#fff', '#ff0000', '#80808080', 'red']);
  }
}
function excluded() {
  switch (int(6)) {
    case 0: case 1: { const l = []; const n = int(4); for (let i = 0; i < n; i++) l.push(pick(ownedKeys)); return l; }
    case 2: return [pick(ownedKeys), pick([1, null, true, {}, ['x']]), pick(ownedKeys)];
    case 3: return pick(ownedKeys) + (chance(0.5) ? ',' + pick(ownedKeys) : '');
    case 4: return pick([[], '', 'x']);
    default: return pick([null, 0, 1, true, false, {}, { 'activityBar.background': true }]);
  }
}
function percent() { return chance(0.5) ? int(12) : pick([0, -5, 150, new Raw('1e400'), '7', '', null, true, false, [], [3], {}, 'abc', 0.5]); }
function colorValue() { return chance(0.85) ? colorText() : pick([null, 5, 0, true, false, [], {}, ['#fff'], '']); }

function settingsPair() {
  const user = {};
  const ws = {};
  const put = (k, v) => {
    const where = int(5); // 0,1,2: ws; 3: user; 4: both
    if (where <= 2 || where === 4) ws['peacock.' + k] = v;
    if (where >= 3) user['peacock.' + k] = where === 4 && chance(0.5) ? v : (k === 'elementAdjustments' ? adjustments() : v);
  };
  for (const k of boolKeys) if (chance(0.25)) put(k, boolValue());
  if (chance(0.4)) put('elementAdjustments', adjustments());
  if (chance(0.05)) ws['peacock.elementAdjustments.' + pick(['activityBar', 'statusBar', 'titleBar'])] = adjValue();
  if (chance(0.02)) ws['peacock.' + pick(boolKeys) + '.x'] = boolValue();
  if (chance(0.03)) (chance(0.5) ? ws : user).peacock = pick([{ affectStatusBar: false }, { elementAdjustments: { statusBar: 'darken' } }, { keepForegroundColor: 1, affectTitleBar: '' }]);
  if (chance(0.2)) put('darkForegroundColor', fgValue());
  if (chance(0.2)) put('lightForegroundColor', fgValue());
  if (chance(0.2)) put('excludedSettings', excluded());
  if (chance(0.15)) put('darkenLightenPercentage', percent());
  if (chance(0.05)) put('favoriteColors', pick([[], [{ name: 'x', value: '#fff' }], null, 'x']));
  return { user, ws };
}
function existing() {
  if (chance(0.5)) return undefined;
  const o = {};
  const n = int(6);
  for (let i = 0; i < n; i++) o[pick(ownedKeys)] = pick(['#123456', '#abcdef80', 'red', '#000']);
  if (chance(0.5)) o['editor.background'] = '#101010';
  return o;
}

function genCase() {
  const { user, ws } = settingsPair();
  const remote = chance(0.15);
  const cursor = chance(0.1);
  const where = int(6);
  const c = colorValue();
  if (where === 5) user['peacock.color'] = c; else ws['peacock.color'] = c;
  if (remote || chance(0.05)) {
    const r = chance(0.7) ? colorValue() : undefined;
    if (r !== undefined) (chance(0.8) ? ws : user)['peacock.remoteColor'] = r;
  }
  const ex = existing();
  if (ex !== undefined) ws['workbench.colorCustomizations'] = ex;
  return { user, ws, remote, cursor };
}

// ---- comparison
function norm(colors) {
  if (colors === null || colors === undefined) return '{}';
  if (typeof colors !== 'object') return JSON.stringify(colors);
  return JSON.stringify(Object.fromEntries(Object.entries(colors).sort()));
}
function classify(c, e, g, before) {
  const ext = e.error ? 'error' : norm(e.colors);
  if (e.error) {
    if (g.error || norm(g.colors) === norm(before)) return null;
    return 'extension fails (' + e.error.slice(0, 60) + '), peacock writes';
  }
  if (g.css4 && !e.valid) return 'deliberate: CSS Color 4 color';
  if (g.error) {
    return 'peacock error: ' + g.error.replace(/.*?: (setting |)/, '').replace(/"[^"]*"/g, '"…"').replace(/#[0-9a-f]+/g, '#…').slice(0, 90);
  }
  if (norm(g.colors) === ext) return null;
  const ek = e.colors || {}, gk = g.colors || {};
  const diff = [];
  for (const k of new Set([...Object.keys(ek), ...Object.keys(gk)])) if (ek[k] !== gk[k]) diff.push(k);
  const onlyE = diff.filter(k => !(k in gk)), onlyG = diff.filter(k => !(k in ek));
  if (onlyE.length && !onlyG.length && onlyE.length === diff.length) return 'peacock lacks ' + onlyE.slice(0, 3).join(',');
  if (onlyG.length && onlyG.length === diff.length) return 'peacock has extra ' + onlyG.slice(0, 3).join(',');
  return 'values differ: ' + diff.slice(0, 3).join(',');
}

// fill: node diff.js -fill FILE rewrites FILE (a list of {name, user, ws,
// remote, cursor}, user and ws the raw JSON text of the user settings and
// of the workspace file's settings) with each case's "want": the
// workbench.colorCustomizations the extension leaves ({} for none), or
// "extensionFails": true.
async function fill(file) {
  const cases = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const c of cases) {
    const e = await run({ user: JSON.parse(c.user), ws: JSON.parse(c.ws), remote: !!c.remote, cursor: !!c.cursor });
    delete c.want;
    delete c.extensionFails;
    if (e.error) c.extensionFails = true;
    else c.want = e.colors ? Object.fromEntries(Object.entries(e.colors).sort()) : {};
  }
  fs.writeFileSync(file, JSON.stringify(cases, null, '\t') + '\n');
  console.log(`${file}: ${cases.length} cases filled from the extension`);
}

async function main() {
  load();
  if (opt('fill', '')) return fill(opt('fill', ''));
  const go = spawn(bin, [], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buf = '';
  const waiting = [];
  go.stdout.on('data', d => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      waiting.shift()(JSON.parse(line));
    }
  });
  const goRun = c => new Promise(res => {
    waiting.push(res);
    go.stdin.write(JSON.stringify({ user: toJSON(c.user), ws: toJSON(c.ws), remote: c.remote, cursor: c.cursor }) + '\n');
  });
  const mismatches = [];
  const recorded = [];
  const classes = {};
  let total = 0, agree = 0, deliberate = 0;
  for (const s of seeds) {
    seed = s;
    let sa = 0;
    for (let i = 0; i < perSeed; i++) {
      const c = genCase();
      // The extension reads the files as JSON text, as VS Code does.
      const user = JSON.parse(toJSON(c.user));
      const ws = JSON.parse(toJSON(c.ws));
      const e = await run({ user, ws, remote: c.remote, cursor: c.cursor });
      const g = await goRun(c);
      const cls = classify(c, e, g, ws['workbench.colorCustomizations']);
      total++;
      if (recordFile) recorded.push({ seed: s, user: toJSON(c.user), ws: toJSON(c.ws), remote: c.remote, cursor: c.cursor, want: e.error ? null : e.colors || {}, extensionFails: !!e.error });
      if (cls === null) { agree++; sa++; continue; }
      if (cls.startsWith('deliberate')) { deliberate++; classes[cls] = (classes[cls] || 0) + 1; continue; }
      classes[cls] = (classes[cls] || 0) + 1;
      mismatches.push({ seed: s, class: cls, user: toJSON(c.user), ws: toJSON(c.ws), remote: c.remote, cursor: c.cursor, extension: e, peacock: g });
    }
    console.log(`seed ${s}: ${sa}/${perSeed} agree`);
  }
  go.stdin.end();
  console.log(`total: ${agree}/${total} agree, ${deliberate} documented differences (README), ${total - agree - deliberate} disagree`);
  for (const [k, n] of Object.entries(classes).sort((a, b) => b[1] - a[1])) console.log(`  ${n}\t${k}`);
  if (outFile) fs.writeFileSync(outFile, JSON.stringify(mismatches, null, 1));
  if (recordFile) fs.writeFileSync(recordFile, JSON.stringify(recorded, null, 1) + '\n');
  process.exit(agree + deliberate === total ? 0 : 1);
}
main().catch(err => { console.error(err); process.exit(2); });
