#!/usr/bin/env node
'use strict';
// The CLI is built by `npm install` (the "prepare" script; or `npm run build:cli`) into one file,
// dist/node/bundle/cadre-ledger.js (webpack.cli.config.js): it loads in a third of the time of
// tsc's ~90 modules.
const path = require('path');
const entry = path.join(__dirname, '..', 'dist', 'node', 'bundle', 'cadre-ledger.js');
let main;
try {
  main = require(entry).main;
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(entry)) {
    process.stderr.write('cadre-ledger: 尚未编译，请先运行 npm install（或 npm run build:cli）。Not built yet: run npm install.\n');
    process.exit(2);
  }
  throw e;
}
// exitCode, not process.exit(): stdout into a pipe is written asynchronously, and exiting at once
// cut a long --json result after its first 64 KiB.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`cadre-ledger: ${err && err.message ? err.message : err}\n`);
    process.exitCode = 2;
  },
);
