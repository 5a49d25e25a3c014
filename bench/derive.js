// derive.js times Peacock's own derivation (peacock.js on tinycolor2 1.6.0)
// for one full default palette per op: validity check, normalization and
// every key, over the same colors as BenchmarkDerive (palette/bench_test.go).
//
//   node derive.js [N]    prints "node ns/palette <value>"
'use strict';
const { config, derive } = require('./peacock.js');

const colors = [
  '#dd0531', '#007fff', '#f9e64f', '#1857a4', '#215732', '#61dafb', '#832561', '#ff3d00',
  '#42b883', '#8d8c1f', '#f0f0f688', '#000000', '#ffffff', '#639', '#103362', '#b52e31',
];
const n = Number(process.argv[2]) || 200000;
const cfg = config({});

let sink = 0;
const run = count => {
  for (let i = 0; i < count; i++) {
    const m = derive(colors[i % colors.length], cfg);
    sink += Object.keys(m).length;
  }
};
run(Math.min(n, 20000)); // warm up the JIT
const start = process.hrtime.bigint();
run(n);
const ns = Number(process.hrtime.bigint() - start) / n;
if (sink % 24 !== 0) throw new Error('unexpected key count');
console.log(`node ns/palette ${ns.toFixed(0)}`);
