// Temporary per-phase timing of the keystroke loop (not committed).
const path = require('path');
const O = '/work/wt-keys/out';
const stats = {};
function wrap(modPath, name, label = name) {
  const m = require(path.join(O, modPath));
  const f = m[name];
  if (typeof f !== 'function') throw new Error(modPath + ' ' + name);
  m[name] = function (...a) { const t = performance.now(); try { return f.apply(this, a); } finally { const d = performance.now() - t; (stats[label] ??= []).push(d); } };
}
const td = require('/work/wt-keys/node_modules/vscode-languageserver-textdocument');
const upd = td.TextDocument.update;
td.TextDocument.update = function (...a) { const t = performance.now(); try { return upd.apply(this, a); } finally { (stats.tdUpdate ??= []).push(performance.now() - t); } };
wrap('grammar/parse.js', 'parse');
wrap('server/model/model.js', 'buildModel');
wrap('server/checks/engine.js', 'runRules');
wrap('server/checks/item-cache.js', 'runItemRules');
wrap('server/checks/document-cache.js', 'reusable');
wrap('server/checks/suppression.js', 'findSuppressions');
wrap('server/checks/index.js', 'syntaxDiagnostics');
wrap('server/lsp/convert.js', 'toLspDiagnostic');
const ALL = require(path.join(O, 'server/checks/rules')).ALL_RULES;
for (const r of ALL) if (!r.checkItem && r.check) { const f = r.check; r.check = function (...a) { const t = performance.now(); try { return f.apply(this, a); } finally { (stats['doc:' + r.code] ??= []).push(performance.now() - t); } }; }
for (const r of ALL) if (r.facts) { const f = r.facts; r.facts = function (...a) { const t = performance.now(); try { return f.apply(this, a); } finally { (stats['facts:' + r.code] ??= []).push(performance.now() - t); } }; }
const { keystrokes } = require(path.join(O, 'bench/keystrokes.js'));
const { generateProtocol } = require(path.join(O, 'bench/generate.js'));
const lines = Number(process.argv[2] ?? 5000);
const k = keystrokes(generateProtocol(lines), Number(process.argv[3] ?? 1000));
console.log(lines, 'p50', k.compute.p50.toFixed(3), 'p95', k.compute.p95.toFixed(3), 'same', k.sameAsFresh);
const rows = Object.entries(stats).map(([k, v]) => { const s = [...v].sort((a, b) => a - b); return [k, v.length, s[s.length >> 1], v.reduce((a, b) => a + b, 0) / v.length]; });
rows.sort((a, b) => b[3] - a[3]);
for (const [k, n, med, mean] of rows.slice(0, 30)) console.log(k.padEnd(45), String(n).padStart(6), 'median', med.toFixed(4), 'mean', mean.toFixed(4));
