#!/usr/bin/env node
'use strict';
/**
 * npm start.
 *  - Windows / macOS (where desktop Excel exists): office-addin-debugging builds, serves
 *    https://localhost:3000 with the Office dev certificates and sideloads manifest.xml into Excel.
 *    If that fails, falls back to standalone mode.
 *  - Linux (no Excel): says so in one line and serves standalone mode at
 *    http://localhost:3000/taskpane.html (webpack-dev-server, development build) until Ctrl-C.
 * The office-addin tools send no usage data (their usage-data module is a no-op in the installed
 * versions; tests/metadata/no-usage-data.test.ts checks it).
 */
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const PORT = Number(process.env.PORT || require('../package.json').config.dev_server_port || 3000);
const PID_FILE = path.join(os.tmpdir(), `cadre-ledger-dev-server-${PORT}.pid`);
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function standalone(reasonZh, reasonEn) {
  const url = `http://localhost:${PORT}/taskpane.html`;
  console.log(`${reasonZh}，以独立模式运行：${url}（按 Ctrl-C 停止） / ${reasonEn}: serving standalone mode at ${url} (Ctrl-C to stop)`);
  const child = spawn(bin('webpack'), ['serve', '--mode', 'development'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, PORT: String(PORT), DEV_HTTPS: '' },
    shell: process.platform === 'win32',
  });
  fs.writeFileSync(PID_FILE, String(process.pid));
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code, signal) => {
    try {
      fs.unlinkSync(PID_FILE);
    } catch {
      // already gone
    }
    process.exit(signal ? 0 : (code ?? 0));
  });
}

function sideload() {
  return new Promise((resolve) => {
    const args = [
      'start',
      'manifest.xml',
      'desktop',
      '--app',
      'excel',
      '--dev-server',
      'npx webpack serve --mode development',
      '--dev-server-port',
      String(PORT),
    ];
    const child = spawn(bin('office-addin-debugging'), args, {
      cwd: ROOT,
      env: { ...process.env, DEV_HTTPS: '1', PORT: String(PORT) },
      shell: process.platform === 'win32',
    });
    let out = '';
    const tee = (stream, sink) =>
      stream.on('data', (d) => {
        out += d;
        sink.write(d);
      });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    // office-addin-debugging can exit 0 after failing, so its output is read as well.
    child.on('exit', (code) => resolve(code === 0 && !/Unable to (start|sideload)|Error:|failed/i.test(out)));
    child.on('error', () => resolve(false));
  });
}

async function main() {
  if (process.platform === 'win32' || process.platform === 'darwin') {
    if (await sideload()) return;
    standalone('未能把加载项旁加载到 Excel', 'Sideloading into Excel failed');
    return;
  }
  standalone('此计算机上没有 Excel（Linux）', 'Excel is not available on this computer (Linux)');
}

main();
