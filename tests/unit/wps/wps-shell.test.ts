import { DOMParser } from '@xmldom/xmldom';
import * as fs from 'fs';
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { HostFnError } from '../../../src/functions/functions';
import { currentPolicy } from '../../../src/functions/policy-source';
import { wpsApplication } from '../../../src/wps/detect';
import { registerCadreFunctions, wpsCallback, type FunctionEntry } from '../../../src/wps/functions-wps';
import { POLICY_STAMP_KEY } from '../../../src/wps/policy-stamp';
import type { EtApplication } from '../../../src/workbook/wps/et';
import { WpsWorkbook } from '../../../src/workbook/wps/wps-workbook';
import { FakeEt } from '../../support/fake-et';
import { seedLedger } from '../../support/fake-ledger';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const wps = require('../../../scripts/wps-addin.js') as {
  wpsFunctions(meta: unknown, associate: unknown): FunctionEntry[];
  functionsJson(list: FunctionEntry[]): string;
  publishXml(version: string): string;
  jspluginsXml(url: string): string;
  folderName(version: string): string;
};

const ROOT = path.resolve(__dirname, '../../..');

async function cadreFunctions(): Promise<FunctionEntry[]> {
  const g = await generateCustomFunctionsMetadata(path.join(ROOT, 'src/functions/functions.ts'));
  expect(g.errors).toEqual([]);
  return wps.wpsFunctions(JSON.parse(g.metadataJson), g.associate);
}

function storage(): { getItem(k: string): unknown; setItem(k: string, v: unknown): void } {
  const m = new Map<string, unknown>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

describe('WPS 表格 add-in files', () => {
  it('functions.json lists every CADRE function in wpsjs format, with the JavaScript function it calls', async () => {
    const list = await cadreFunctions();
    expect(list.length).toBeGreaterThanOrEqual(18);
    const byId = new Map(list.map((f) => [f.id, f]));
    expect(byId.get('VOTERATIO')).toMatchObject({
      functionName: 'voteRatio',
      metadata: {
        parameters: [
          { name: 'votes', type: 'any' },
          { name: 'base', type: 'any' },
        ],
        result: { type: 'number' },
      },
    });
    expect(byId.get('SHORTLIST')?.metadata.result.type).toBe('any[][]');
    const json = JSON.parse(wps.functionsJson(list)) as { functions: { name: string }[] };
    expect(json.functions.map((f) => f.name)).toEqual(list.map((f) => f.id));
  });

  it('publish.xml (offline) names the add-in folder; jsplugins.xml (online) the server URL; both well-formed', () => {
    const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
    const pub = parse(wps.publishXml('0.1.0')).getElementsByTagName('jsplugin')[0];
    expect(['name', 'type', 'url', 'version', 'enable'].map((a) => pub.getAttribute(a))).toEqual([
      'cadre-ledger',
      'et',
      wps.folderName('0.1.0'),
      '0.1.0',
      'enable_dev',
    ]);
    const online = parse(wps.jspluginsXml('http://10.1.2.3/jsaddons/cadre')).getElementsByTagName('jspluginonline')[0];
    expect([online.getAttribute('type'), online.getAttribute('url')]).toEqual(['et', 'http://10.1.2.3/jsaddons/cadre/']);
    expect(() => wps.jspluginsXml('ftp://x')).toThrow(/http/);
  });

  it('ribbon.xml: one tab 干部台账 with 打开助手, 检查台账, 生成常委会材料 wired to the page callbacks', () => {
    const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(ROOT, 'wps/ribbon.xml'), 'utf8'), 'text/xml');
    expect(doc.documentElement!.getAttribute('onLoad')).toBe('OnAddinLoad');
    const tabs = doc.getElementsByTagName('tab');
    expect(tabs.length).toBe(1);
    expect(tabs[0].getAttribute('label')).toBe('干部台账');
    const buttons = Array.from(doc.getElementsByTagName('button')).map((b) => [b.getAttribute('id'), b.getAttribute('label'), b.getAttribute('onAction')]);
    expect(buttons).toEqual([
      ['btnCadreOpen', '打开助手', 'OnAction'],
      ['btnCadreCheck', '检查台账', 'OnAction'],
      ['btnCadreBrief', '生成常委会材料', 'OnAction'],
    ]);
  });
});

describe('WPS 表格 host detection', () => {
  it('recognises a WPS add-in page by window.Application with ActiveWorkbook and the wps root', () => {
    const app = { ActiveWorkbook: null };
    expect(wpsApplication({ Application: app, wps: {} })).toBe(app);
    expect(wpsApplication({ Application: { PluginStorage: {}, ActiveWorkbook: {} } })).not.toBeNull();
    expect(wpsApplication({})).toBeNull();
    expect(wpsApplication({ Application: {}, wps: {} })).toBeNull();
    expect(wpsApplication({ Application: { ActiveWorkbook: {} } })).toBeNull();
  });
});

describe('CADRE functions in WPS 表格', () => {
  it('registers every function under CADRE, computes like Excel, and turns errors into WPS errors', async () => {
    const list = await cadreFunctions();
    const registered = new Map<string, (...a: unknown[]) => unknown>();
    const root = {
      AddCustomFunction: (ns: string, name: string, cb: (...a: unknown[]) => unknown) => void registered.set(`${ns}.${name}`, cb),
      PluginStorage: storage(),
    };
    expect(registerCadreFunctions(root, list, null)).toBe(list.length);
    expect(registered.get('CADRE.VOTERATIO')!(45, 90)).toBe(0.5);
    expect(() => registered.get('CADRE.VOTERATIO')!(100, 90)).toThrow(/^#VALUE! /);
    expect(registerCadreFunctions({ PluginStorage: storage() }, list, null)).toBe(0);
  });

  it('spilled error cells become their literal; other errors pass through', () => {
    const cb = wpsCallback(
      () => [
        [1, new HostFnError('#N/A', 'x')],
        [2, 3],
      ],
      () => undefined,
    );
    expect(cb()).toEqual([
      [1, '#N/A'],
      [2, 3],
    ]);
    expect(() =>
      wpsCallback(
        () => {
          throw new RangeError('boom');
        },
        () => undefined,
      )(),
    ).toThrow(RangeError);
  });

  it('loads the workbook policy at start and again after the task pane saved settings (PluginStorage stamp)', async () => {
    const fx = new FakeEt();
    seedLedger(fx, '花名册', 2);
    const port = new WpsWorkbook(() => fx.application as EtApplication);
    const store = storage();
    const list = await cadreFunctions();
    const registered = new Map<string, (...a: unknown[]) => unknown>();
    const root = { AddCustomFunction: (_ns: string, name: string, cb: (...a: unknown[]) => unknown) => void registered.set(name, cb), PluginStorage: store };
    registerCadreFunctions(root, list, (k) => port.settingNow(k));
    const before = JSON.stringify(currentPolicy());
    await port.setSetting('policy', JSON.stringify({ notice: { days: 7 } }));
    registered.get('VOTERATIO')!(1, 2);
    expect(JSON.stringify(currentPolicy())).toBe(before); // no stamp yet: nothing reloaded
    store.setItem(POLICY_STAMP_KEY, '1');
    registered.get('VOTERATIO')!(1, 2);
    expect(currentPolicy().notice.days).toBe(7);
  });
});
