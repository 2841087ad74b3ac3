'use strict';
/**
 * The production build the add-in tests look at: built once per test run into test-output/dist
 * with a production ADDIN_URL, and reused while no input changed (a stamp of input mtimes).
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test-output', 'dist');
const ADDIN_URL = 'https://addin.example.gov.cn/cadre-ledger/';
const INPUTS = ['src', 'assets', 'manifest.xml', 'manifest-taskpane.xml', 'webpack.config.js', 'package-lock.json', 'tsconfig.json'];

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

function stamp() {
  return JSON.stringify({ url: ADDIN_URL, inputs: INPUTS.map((p) => [p, newestMtime(path.join(ROOT, p))]) });
}

async function buildOnce() {
  const stampFile = path.join(OUT, '.build-stamp');
  const want = stamp();
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === want) return { built: false, out: OUT };
  const started = Date.now();
  const webpack = require('webpack');
  const previous = process.env.ADDIN_URL;
  process.env.ADDIN_URL = ADDIN_URL;
  let config;
  try {
    config = require(path.join(ROOT, 'webpack.config.js'))({ outDir: OUT, quiet: true }, { mode: 'production' });
  } finally {
    if (previous === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = previous;
  }
  config.plugins = config.plugins.filter((p) => p.constructor.name !== 'SizeReport');
  const stats = await new Promise((resolve, reject) =>
    webpack(config, (err, s) => (err ? reject(err) : s.hasErrors() ? reject(new Error(s.toString('errors-only'))) : resolve(s))),
  );
  void stats;
  fs.writeFileSync(stampFile, want);
  process.stdout.write(`\n[addin tests] production build → ${path.relative(ROOT, OUT)} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return { built: true, out: OUT };
}

/** The WPS 表格 add-in (webpack.wps.config.js), built the same way into test-output/dist-wps. */
const WPS_OUT = path.join(ROOT, 'test-output', 'dist-wps');
const WPS_ADDIN_URL = 'http://10.0.0.8/jsaddons/';
const WPS_INPUTS = ['src', 'assets', 'wps', 'webpack.wps.config.js', 'webpack.config.js', 'scripts/wps-addin.js', 'package-lock.json', 'tsconfig.json'];

async function buildWpsOnce() {
  const stampFile = path.join(path.dirname(WPS_OUT), '.wps-build-stamp');
  const want = JSON.stringify({ url: WPS_ADDIN_URL, inputs: WPS_INPUTS.map((p) => [p, newestMtime(path.join(ROOT, p))]) });
  if (fs.existsSync(stampFile) && fs.existsSync(WPS_OUT) && fs.readFileSync(stampFile, 'utf8') === want) return { built: false, out: WPS_OUT };
  const started = Date.now();
  const webpack = require('webpack');
  const previous = process.env.WPS_ADDIN_URL;
  process.env.WPS_ADDIN_URL = WPS_ADDIN_URL;
  let config;
  try {
    config = await require(path.join(ROOT, 'webpack.wps.config.js'))({ outDir: WPS_OUT, quiet: true });
  } finally {
    if (previous === undefined) delete process.env.WPS_ADDIN_URL;
    else process.env.WPS_ADDIN_URL = previous;
  }
  config.plugins = config.plugins.filter((p) => p.constructor.name !== 'SizeReport');
  await new Promise((resolve, reject) =>
    webpack(config, (err, s) => (err ? reject(err) : s.hasErrors() ? reject(new Error(s.toString('errors-only'))) : resolve(s))),
  );
  fs.writeFileSync(stampFile, want);
  process.stdout.write(`\n[addin tests] WPS build → ${path.relative(ROOT, WPS_OUT)} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return { built: true, out: WPS_OUT };
}

module.exports = { buildOnce, buildWpsOnce, OUT, ADDIN_URL, ROOT, WPS_OUT, WPS_ADDIN_URL };
