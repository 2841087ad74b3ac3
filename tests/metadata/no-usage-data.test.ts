/**
 * No usage data leaves this machine through the Office add-in tools: every installed copy of
 * office-addin-usage-data is the no-op version (reporting removed upstream), and no telemetry
 * client (applicationinsights) is installed at all.
 */
import * as fs from 'fs';
import * as path from 'path';

const NM = path.join(__dirname, '..', '..', 'node_modules');

function find(dir: string, name: string, depth = 0, out: string[] = []): string[] {
  if (depth > 4 || !fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const p = path.join(dir, e.name);
    if (e.name === name) out.push(p);
    if (e.name === 'node_modules' || e.name.startsWith('@') || dir.endsWith('node_modules')) find(p, name, depth + 1, out);
  }
  return out;
}

test('no telemetry client is installed', () => {
  expect(find(NM, 'applicationinsights')).toEqual([]);
});

test('every office-addin-usage-data copy reports nothing', () => {
  const copies = find(NM, 'office-addin-usage-data');
  expect(copies.length).toBeGreaterThan(0);
  for (const dir of copies) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(dir) as { OfficeAddinUsageData: new (o: object) => { isUsageDataOn(): boolean; getUsageDataLevel(): string } };
    const u = new mod.OfficeAddinUsageData({ projectName: 'cadre-ledger', usageDataLevel: 'on', instrumentationKey: 'x' });
    expect([dir, u.isUsageDataOn(), u.getUsageDataLevel()]).toEqual([dir, false, 'off']);
  }
});
