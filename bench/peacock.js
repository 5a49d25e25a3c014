// peacock.js: Peacock 4.3.4's color derivation (spec §5, src/color-library.ts
// and prepareColors) written against tinycolor2 1.6.0, the way the extension
// computes it: every helper takes and returns hex strings. Used by
// gen-fixtures.js (reference outputs for palette tests) and derive.js (the
// node side of the benchmark). Not part of the Go module.
'use strict';
const tinycolor = require('tinycolor2');

const inactiveElementAlpha = 0x99 / 0xff;
const defaultAmountToDarkenLighten = 10;
const defaultSaturation = 0.5;
const UserInterfaceLow = 2;

function formatHex(color) {
  return color.getAlpha() < 1 ? color.toHex8String() : color.toHexString();
}

function makeHelpers(cfg) {
  const dark = () => cfg.darkForegroundColor || '#15202b';
  const light = () => cfg.lightForegroundColor || '#e7e7e7';
  const h = {
    getColorHex: (color = '') => formatHex(tinycolor(color)),
    getInactiveBackgroundColorHex(backgroundColor = '') {
      const background = tinycolor(backgroundColor);
      background.setAlpha(inactiveElementAlpha);
      return formatHex(background);
    },
    getBackgroundHoverColorHex(backgroundColor = '') {
      const background = tinycolor(backgroundColor);
      const hoverColor = background.isLight() ? background.darken() : background.lighten();
      return formatHex(hoverColor);
    },
    getForegroundColorHex(backgroundColor = '') {
      const background = tinycolor(backgroundColor);
      const foreground = background.isLight() ? dark() : light();
      return formatHex(tinycolor(foreground));
    },
    getInactiveForegroundColorHex(backgroundColor = '') {
      const foreground = tinycolor(h.getForegroundColorHex(backgroundColor));
      foreground.setAlpha(inactiveElementAlpha);
      return formatHex(foreground);
    },
    getReadableAccentColorHex(backgroundColor = '', ratio) {
      const background = tinycolor(backgroundColor);
      const foreground = background.triad()[1];
      let { h: hue, s, l } = foreground.toHsl();
      if (s === 0) hue = 60 * Math.round(l * 6);
      if (s < 0.15) s = defaultSaturation;
      const shadeCount = 16;
      const shadeValue = 1 / shadeCount;
      const shades = [...Array(shadeCount).keys()].map(index => {
        const shade = tinycolor({ h: hue, s, l: index * shadeValue });
        return { contrast: tinycolor.readability(shade, background), hex: formatHex(shade) };
      });
      shades.sort((a, b) => a.contrast - b.contrast);
      const first = shades.find(shade => shade.contrast >= ratio);
      return first ? first.hex : '#ffffff';
    },
    getAdjustedColorHex(color, adjustment) {
      switch (adjustment) {
        case 'lighten':
          return formatHex(tinycolor(color).lighten(defaultAmountToDarkenLighten));
        case 'darken':
          return formatHex(tinycolor(color).darken(defaultAmountToDarkenLighten));
        default:
          return color;
      }
    },
    getComplementHex: color => formatHex(tinycolor(color).complement()),
  };
  return h;
}

const defaults = {
  affectActivityBar: true,
  affectStatusBar: true,
  affectTitleBar: true,
  affectSashHover: true,
  affectEditorGroupBorder: false,
  affectPanelBorder: false,
  affectSideBarBorder: false,
  affectStatusAndTitleBorders: false,
  affectDebuggingStatusBar: false,
  affectTabActiveBorder: false,
  affectTabActiveBackground: false,
  affectWindowBorder: false,
  elementAdjustments: { activityBar: 'lighten', statusBar: 'none', titleBar: 'none' },
  keepForegroundColor: false,
  keepBadgeColor: false,
  squigglyBeGone: false,
  darkForegroundColor: '#15202b',
  lightForegroundColor: '#e7e7e7',
};

// config merges peacock.* settings (as in the vectors file) over the defaults.
function config(settings = {}) {
  const cfg = { ...defaults, elementAdjustments: { ...defaults.elementAdjustments } };
  for (const [k, v] of Object.entries(settings)) {
    const name = k.replace(/^peacock\./, '');
    if (name === 'elementAdjustments') Object.assign(cfg.elementAdjustments, v);
    else cfg[name] = v;
  }
  return cfg;
}

// derive returns the colorCustomizations Peacock writes for input, sorted by
// key, or null when tinycolor rejects input. cursor: the editor is Cursor.
function derive(input, cfg, cursor = false) {
  if (!tinycolor(input).isValid()) return null;
  const h = makeHelpers(cfg);
  const B = h.getColorHex(input);
  const adj = cfg.elementAdjustments;
  const A = h.getAdjustedColorHex(B, adj.activityBar);
  const S = h.getAdjustedColorHex(B, adj.statusBar);
  const T = h.getAdjustedColorHex(B, adj.titleBar);
  const keepFg = cfg.keepForegroundColor;
  const out = {};
  if (cfg.affectActivityBar) {
    out['activityBar.background'] = A;
    out['activityBar.activeBackground'] = A;
    out['activityBarTop.background'] = A;
    out['activityBarTop.activeBackground'] = A;
    if (!keepFg) {
      out['activityBar.foreground'] = h.getForegroundColorHex(A);
      out['activityBar.inactiveForeground'] = h.getInactiveForegroundColorHex(A);
      out['activityBarTop.foreground'] = h.getForegroundColorHex(A);
      out['activityBarTop.inactiveForeground'] = h.getInactiveForegroundColorHex(A);
    }
    if (!cfg.keepBadgeColor) {
      const badge = h.getReadableAccentColorHex(A, UserInterfaceLow);
      out['activityBarBadge.background'] = badge;
      out['activityBarBadge.foreground'] = h.getForegroundColorHex(badge);
    }
  }
  if (cfg.affectTitleBar) {
    out['titleBar.activeBackground'] = T;
    if (cfg.affectStatusAndTitleBorders) out['titleBar.border'] = T;
    out['titleBar.inactiveBackground'] = h.getInactiveBackgroundColorHex(T);
    if (!keepFg) {
      const fg = cursor ? '#595959' : h.getForegroundColorHex(T);
      out['titleBar.activeForeground'] = fg;
      out['commandCenter.foreground'] = fg;
      out['titleBar.inactiveForeground'] = h.getInactiveForegroundColorHex(T);
      out['commandCenter.border'] = h.getInactiveForegroundColorHex(T);
    }
  }
  if (cfg.affectStatusBar) {
    out['statusBar.background'] = S;
    out['statusBarItem.hoverBackground'] = h.getBackgroundHoverColorHex(S);
    out['statusBarItem.remoteBackground'] = h.getReadableAccentColorHex(S, UserInterfaceLow);
    if (cfg.affectStatusAndTitleBorders) out['statusBar.border'] = S;
    if (!keepFg) {
      out['statusBar.foreground'] = h.getForegroundColorHex(S);
      out['statusBarItem.remoteForeground'] = h.getForegroundColorHex(S);
    }
    if (cfg.affectDebuggingStatusBar) {
      const D = h.getComplementHex(S);
      out['statusBar.debuggingBackground'] = D;
      if (!keepFg) out['statusBar.debuggingForeground'] = h.getForegroundColorHex(D);
      if (cfg.affectStatusAndTitleBorders) out['statusBar.debuggingBorder'] = D;
    } else {
      out['statusBar.debuggingBackground'] = S;
      if (!keepFg) out['statusBar.debuggingForeground'] = h.getForegroundColorHex(S);
    }
  }
  if (cfg.affectEditorGroupBorder) out['editorGroup.border'] = A;
  if (cfg.affectPanelBorder) out['panel.border'] = A;
  if (cfg.affectSideBarBorder) out['sideBar.border'] = A;
  if (cfg.affectSashHover) out['sash.hoverBorder'] = A;
  if (cfg.affectTabActiveBorder) out['tab.activeBorder'] = A;
  if (cfg.affectTabActiveBackground) out['tab.activeBackground'] = A;
  if (cfg.affectWindowBorder) {
    out['window.activeBorder'] = A;
    out['window.inactiveBorder'] = A;
  }
  if (cfg.squigglyBeGone) {
    out['editorError.foreground'] = '#00000000';
    out['editorWarning.foreground'] = '#00000000';
    out['editorInfo.foreground'] = '#00000000';
  }
  const sorted = {};
  for (const k of Object.keys(out).sort()) sorted[k] = out[k];
  return sorted;
}

module.exports = { tinycolor, config, derive, formatHex };

// Self-check against the shared Peacock vectors: node peacock.js <vectors.json>
if (require.main === module) {
  const vs = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
  let bad = 0;
  for (const v of vs) {
    const cfg = config(v.settings);
    const got = derive(v.color, cfg);
    if (got) for (const k of cfg.excludedSettings || []) delete got[k];
    if (JSON.stringify(got) !== JSON.stringify(v.want && Object.fromEntries(Object.entries(v.want).sort()))) {
      bad++;
      console.log('MISMATCH', v.name, JSON.stringify(got), JSON.stringify(v.want));
    }
  }
  console.log(`${vs.length - bad}/${vs.length} vectors match`);
  process.exit(bad ? 1 : 0);
}
