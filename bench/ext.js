// ext.js: runs the Peacock extension's own code (its TypeScript sources,
// read from a fetched copy of github.com/johnpapa/vscode-peacock, never
// committed here) under a stand-in for the `vscode` module that does what VS
// Code's configuration service does: package defaults < user < workspace,
// merged as configurationModels.ts does (addToValueTree on dotted keys,
// mergeContents: objects key by key, anything else, null included, replaces;
// get() falls back to its default only for undefined). Only glue is written
// here: the payload comes from the extension's applyColor, prepareColors,
// color-library and tinycolor2 1.6.0 from npm.
//
// The extension source is the newest commit of the snapshot (4.3.4);
// PEACOCK_441=1 (the default) adds what 4.4.1 (PR #751) changed: the two
// keys activityBar.activeBorder and activityBarTop.activeBorder, equal to
// the activity bar foreground under the same condition, and owned.
//
//   EXT_GIT=/work/.mirror/johnpapa+vscode-peacock/repo node ext.js vectors.json
//
// checks the harness against a vectors file (../../shared/testdata/peacock-vectors-4.4.1.json).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');
const { execFileSync } = require('child_process');

const EXT_GIT = process.env.EXT_GIT || '/work/.mirror/johnpapa+vscode-peacock/repo';
const EXT_REV = process.env.EXT_REV || 'HEAD';
const V441 = process.env.PEACOCK_441 !== '0';

function git(...args) {
  return execFileSync('git', ['--git-dir', EXT_GIT, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
}

// ---- VS Code's configuration model (src/vs/platform/configuration/common/configurationModels.ts)
function isObject(o) {
  return typeof o === 'object' && o !== null && !Array.isArray(o) && !(o instanceof RegExp) && !(o instanceof Date);
}
// objects.deepClone (src/vs/base/common/objects.ts): own enumerable
// properties, so a property set on an array by a dotted key survives.
function deepClone(obj) {
  if (!obj || typeof obj !== 'object') return obj;
  if (obj instanceof RegExp) return obj;
  const result = Array.isArray(obj) ? [] : {};
  Object.entries(obj).forEach(([key, value]) => {
    result[key] = value && typeof value === 'object' ? deepClone(value) : value;
  });
  return result;
}
function addToValueTree(root, key, value) {
  const segments = key.split('.');
  const last = segments.pop();
  let curr = root;
  for (const s of segments) {
    let obj = curr[s];
    switch (typeof obj) {
      case 'undefined':
        obj = curr[s] = Object.create(null);
        break;
      case 'object':
        if (obj === null) return; // conflict: ignored
        break;
      default:
        return; // conflict: ignored
    }
    curr = obj;
  }
  if (typeof curr === 'object' && curr !== null) curr[last] = value;
}
function toValuesTree(flat) {
  const root = Object.create(null);
  for (const k of Object.keys(flat)) addToValueTree(root, k, flat[k]);
  return root;
}
function mergeContents(source, target) {
  for (const key of Object.keys(target)) {
    if (key in source && isObject(source[key]) && isObject(target[key])) {
      mergeContents(source[key], target[key]);
      continue;
    }
    source[key] = deepClone(target[key]);
  }
}
function lookUp(tree, key) {
  if (!key) return undefined;
  const parts = key.split('.');
  let node = tree;
  for (let i = 0; node && i < parts.length; i++) node = node[parts[i]];
  return node;
}

// ---- the stand-in vscode module
const state = { defaults: null, user: {}, ws: {}, remoteName: undefined, appName: 'Visual Studio Code', written: undefined, updates: 0 };
function mergedTree() {
  const t = deepClone(state.defaults);
  mergeContents(t, state.user);
  mergeContents(t, state.ws);
  return t;
}
function getConfiguration(section) {
  const all = mergedTree();
  const cfg = section ? lookUp(all, section) : all;
  const api = {
    get(key, def) {
      const r = lookUp(cfg, key);
      return typeof r === 'undefined' ? def : r;
    },
    has(key) { return typeof lookUp(cfg, key) !== 'undefined'; },
    inspect(key) {
      const full = section ? `${section}.${key}` : key;
      // extHostConfiguration's inspect hands out deep clones.
      return { key: full, defaultValue: deepClone(lookUp(state.defaults, full)), globalValue: deepClone(lookUp(state.user, full)), workspaceValue: deepClone(lookUp(state.ws, full)) };
    },
    async update(key, value, target) {
      const full = section ? `${section}.${key}` : key;
      state.updates++;
      if (full === 'workbench.colorCustomizations' && target === 2) state.written = value === undefined ? null : deepClone(value);
    },
  };
  return new Proxy(api, { get: (t, p) => (p in t ? t[p] : cfg && typeof p === 'string' ? cfg[p] : undefined) });
}
const noop = () => anything;
const anything = new Proxy(function () {}, { get: (t, p) => (p === 'then' ? undefined : anything), apply: () => anything, construct: () => anything });
const vscodeMock = {
  workspace: { getConfiguration, workspaceFolders: [{ uri: {}, name: 'w', index: 0 }], onDidChangeConfiguration: noop },
  env: {
    get remoteName() { return state.remoteName; },
    get appName() { return state.appName; },
  },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  Uri: { parse: s => ({ toString: () => s }) },
  window: anything,
  commands: anything,
  extensions: anything,
};

// ---- load the extension's sources, transpiled by typescript
let ext;
function load() {
  if (ext) return ext;
  const ts = require('typescript');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peacock-ext-'));
  const files = git('ls-tree', '-r', '--name-only', EXT_REV, 'src').split('\n').filter(f => f.endsWith('.ts') && !f.includes('/test/'));
  for (const f of files) {
    let src = git('show', `${EXT_REV}:${f}`);
    if (V441) src = patch441(f, src);
    const out = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: false } }).outputText;
    const dest = path.join(dir, f.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, out);
  }
  const pkg = JSON.parse(git('show', `${EXT_REV}:package.json`));
  let confs = pkg.contributes.configuration;
  if (!Array.isArray(confs)) confs = [confs];
  const flat = {};
  for (const c of confs) for (const [k, p] of Object.entries(c.properties || {})) if ('default' in p) flat[k] = p.default;
  state.defaults = toValuesTree(flat);
  const tinyPath = require.resolve('tinycolor2');
  const origResolve = Module._resolveFilename;
  Module._resolveFilename = function (req, parent, ...rest) {
    if (req === 'vscode' || req.startsWith('vsls')) return req;
    if (req === 'tinycolor2') return tinyPath;
    return origResolve.call(this, req, parent, ...rest);
  };
  require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscodeMock };
  require.cache.vsls = { id: 'vsls', filename: 'vsls', loaded: true, exports: anything };
  require.cache['vsls/vscode'] = { id: 'vsls/vscode', filename: 'vsls/vscode', loaded: true, exports: anything };
  const apply = require(path.join(dir, 'src/apply-color.js'));
  const conf = require(path.join(dir, 'src/configuration/index.js'));
  const colors = require(path.join(dir, 'src/color-library.js'));
  const models = require(path.join(dir, 'src/models/index.js'));
  require(path.join(dir, 'src/logging.js')).Logger.initialize();
  fs.rmSync(dir, { recursive: true, force: true });
  ext = { apply, conf, models, owned: Object.values(models.ColorSettings), isValid: colors.isValidColorInput };
  return ext;
}

// patch441 makes the 4.3.4 source what 4.4.1 is (PR #751): two more owned
// keys, written as the activity bar foreground when that is written.
function patch441(file, src) {
  const must = (s, from, to) => {
    if (!s.includes(from)) throw new Error(`patch441: ${file}: anchor not found: ${from}`);
    return s.replace(from, to);
  };
  if (file === 'src/models/enums.ts') {
    src = must(src, "activityBar_activeBackground = 'activityBar.activeBackground',",
      "activityBar_activeBackground = 'activityBar.activeBackground',\n  activityBar_activeBorder = 'activityBar.activeBorder',\n  activityBarTop_activeBorder = 'activityBarTop.activeBorder',");
  }
  if (file === 'src/configuration/read-configuration.ts') {
    src = must(src, 'activityBarSettings[ColorSettings.activityBarTop_inactiveForeground] =\n        activityBarStyle.inactiveForegroundHex;',
      'activityBarSettings[ColorSettings.activityBarTop_inactiveForeground] =\n        activityBarStyle.inactiveForegroundHex;\n' +
      '      activityBarSettings[ColorSettings.activityBar_activeBorder] = activityBarStyle.foregroundHex;\n' +
      '      activityBarSettings[ColorSettings.activityBarTop_activeBorder] = activityBarStyle.foregroundHex;');
  }
  return src;
}

// run does what the extension does when a window opens (remote/integration.ts
// addRemoteIntegration): applyColor(remote ? remoteColor || color : color),
// with the user and workspace settings given as flat objects (dotted keys, as
// in settings.json). The workspace's workbench.colorCustomizations is what
// the file holds before. It returns the colorCustomizations afterwards (null:
// the setting removed; the input's when nothing was written) or {error}.
async function run({ user = {}, ws = {}, remote = false, cursor = false }) {
  const e = load();
  state.user = toValuesTree(deepClone(user));
  state.ws = toValuesTree(deepClone(ws));
  state.remoteName = remote ? 'ssh-remote' : undefined;
  state.appName = cursor ? 'Cursor' : 'Visual Studio Code';
  state.written = undefined;
  state.updates = 0;
  let c;
  try {
    c = remote ? e.conf.getPeacockRemoteColor() || e.conf.getPeacockColor() : e.conf.getPeacockColor();
    await e.apply.applyColor(c);
  } catch (err) {
    return { error: String(err && err.message || err) };
  }
  if (state.written === undefined) {
    const before = ws['workbench.colorCustomizations'];
    return { colors: before === undefined ? null : before, wrote: false, valid: e.isValid(c) };
  }
  return { colors: state.written, wrote: true, valid: e.isValid(c) };
}

module.exports = { run, load, toValuesTree, lookUp };

if (require.main === module) {
  (async () => {
    const vs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
    let bad = 0;
    for (const v of vs) {
      const r = await run({ ws: { ...v.settings, 'peacock.color': v.color } });
      const got = r.colors ? JSON.stringify(Object.fromEntries(Object.entries(r.colors).sort())) : 'null';
      const want = v.want ? JSON.stringify(Object.fromEntries(Object.entries(v.want).sort())) : 'null';
      if (got !== want) {
        bad++;
        if (bad < 5) console.log('MISMATCH', v.name, got, want, r.error || '');
      }
    }
    console.log(`${vs.length - bad}/${vs.length} vectors match`);
    process.exit(bad ? 1 : 0);
  })();
}
