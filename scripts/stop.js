#!/usr/bin/env node
'use strict';
/** npm stop: ends the Excel debugging session (Windows/macOS) and the standalone server started by npm start. */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const PORT = Number(process.env.PORT || require('../package.json').config.dev_server_port || 3000);
const PID_FILE = path.join(os.tmpdir(), `cadre-ledger-dev-server-${PORT}.pid`);

if (process.platform === 'win32' || process.platform === 'darwin') {
  const bin = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'office-addin-debugging.cmd' : 'office-addin-debugging');
  spawnSync(bin, ['stop', 'manifest.xml'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
}

let stopped = false;
if (fs.existsSync(PID_FILE)) {
  const pid = Number(fs.readFileSync(PID_FILE, 'utf8'));
  try {
    process.kill(pid, 'SIGTERM');
    stopped = true;
  } catch {
    // not running any more
  }
  fs.rmSync(PID_FILE, { force: true });
}
console.log(stopped ? '已停止独立模式服务。Standalone server stopped.' : '没有正在运行的独立模式服务。No standalone server was running.');
