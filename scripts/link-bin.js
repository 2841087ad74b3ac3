#!/usr/bin/env node
'use strict';
/**
 * `npx cadre-ledger …` from the repository root (SPEC §7). npm links the bins of dependencies into
 * node_modules/.bin but never the root package's own bin, so npx would look the name up on the
 * registry instead. Run by `prepare` after the CLI is compiled: link it here.
 */
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const binDir = path.join(root, 'node_modules', '.bin');
const target = path.join(root, 'bin', 'cadre-ledger.js');

if (!fs.existsSync(path.join(root, 'node_modules'))) process.exit(0); // installed as a tarball: npm links bins itself
fs.mkdirSync(binDir, { recursive: true });
if (process.platform === 'win32') {
  fs.writeFileSync(path.join(binDir, 'cadre-ledger.cmd'), `@node "%~dp0\\..\\..\\bin\\cadre-ledger.js" %*\r\n`);
} else {
  const link = path.join(binDir, 'cadre-ledger');
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.relative(binDir, target), link);
  fs.chmodSync(target, 0o755);
}
