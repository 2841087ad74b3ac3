/**
 * The WPS 表格 add-in as `npm run build:wps` emits it (built once by the addin project's global
 * setup into test-output/dist-wps): the add-in folder with its main page, ribbon, manifest,
 * functions and task pane, and the deployment files beside it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DOMParser } from '@xmldom/xmldom';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { WPS_OUT, WPS_ADDIN_URL, ROOT } = require('../e2e/build') as { WPS_OUT: string; WPS_ADDIN_URL: string; ROOT: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require('../../package.json') as { version: string };

const FOLDER = `cadre-ledger_${pkg.version}`;
const inFolder = (f: string): string => path.join(WPS_OUT, FOLDER, f);
const xml = (file: string) => new DOMParser().parseFromString(fs.readFileSync(file, 'utf8'), 'text/xml');

describe('npm run build:wps', () => {
  test('emits the add-in folder and the deployment files', () => {
    for (const f of [
      'index.html',
      'wps-addin.js',
      'ribbon.xml',
      'manifest.xml',
      'functions.json',
      'taskpane.html',
      'taskpane.js',
      'assets/icon-80.png',
      'help/functions.html',
    ])
      expect([f, fs.existsSync(inFolder(f))]).toEqual([f, true]);
    for (const f of ['publish.xml', 'jsplugins.xml', 'install-wps.bat', 'install-wps.sh']) expect([f, fs.existsSync(path.join(WPS_OUT, f))]).toEqual([f, true]);
  });

  test('the main page loads its script before WPS reads the ribbon, and the ribbon is the source one', () => {
    const html = fs.readFileSync(inFolder('index.html'), 'utf8');
    expect(html).toMatch(/<script src="?wps-addin\.js"?>/);
    expect(html).not.toMatch(/defer/);
    expect(fs.readFileSync(inFolder('ribbon.xml'), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'wps/ribbon.xml'), 'utf8'));
    const js = fs.readFileSync(inFolder('wps-addin.js'), 'utf8');
    for (const name of ['OnAddinLoad', 'OnAction', 'GetImage', 'AddCustomFunction']) expect(js).toContain(name);
  });

  test('functions: namespace CADRE, every function in functions.json, registered from the bundle', () => {
    const ns = xml(inFolder('manifest.xml')).getElementsByTagName('Namespace')[0].textContent;
    expect(ns).toBe('CADRE');
    const fns = (JSON.parse(fs.readFileSync(inFolder('functions.json'), 'utf8')) as { functions: { name: string }[] }).functions.map((f) => f.name);
    expect(fns).toEqual(expect.arrayContaining(['VOTERATIO', 'VOTEPASS', 'IDCHECK', 'IDMASK', 'NOTICEEND', 'TODATE', 'SHORTLIST', 'ELIMRANK']));
    const js = fs.readFileSync(inFolder('wps-addin.js'), 'utf8');
    for (const f of fns) expect([f, js.includes(`"${f}"`)]).toEqual([f, true]);
  });

  test('the task pane page has no office.js, runs as the pane alone, and forbids eval', () => {
    const html = fs.readFileSync(inFolder('taskpane.html'), 'utf8');
    expect(html).not.toContain('office.js');
    expect(html).toMatch(/name="?cadre-runtime"? content="?taskpane"?/);
    const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });

  test('publish.xml registers the folder offline; jsplugins.xml the server online', () => {
    const pub = xml(path.join(WPS_OUT, 'publish.xml')).getElementsByTagName('jsplugin')[0];
    expect([pub.getAttribute('type'), pub.getAttribute('url'), pub.getAttribute('version')]).toEqual(['et', FOLDER, pkg.version]);
    const online = xml(path.join(WPS_OUT, 'jsplugins.xml')).getElementsByTagName('jspluginonline')[0];
    expect([online.getAttribute('type'), online.getAttribute('url')]).toEqual(['et', WPS_ADDIN_URL]);
    expect(fs.readFileSync(path.join(WPS_OUT, 'install-wps.sh'), 'utf8')).toContain('.local/share/Kingsoft/wps/jsaddons');
    expect(fs.readFileSync(path.join(WPS_OUT, 'install-wps.bat'), 'utf8')).toContain('kingsoft\\wps\\jsaddons');
  });
});
