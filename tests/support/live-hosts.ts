/**
 * The live-workbook adapters (Office over the strict Excel fake, WPS over the strict ET fake) as
 * one list, so every adapter suite runs over both: `describe.each(LIVE_HOSTS)(…)`.
 */
import type { Msg } from '../../src/i18n/message';
import type { UndoSnapshot } from '../../src/ledger/edit-plan';
import { OfficeWorkbook } from '../../src/workbook/office/office-workbook';
import type { WorkbookPort } from '../../src/workbook/port';
import type { EtApplication } from '../../src/workbook/wps/et';
import { WpsWorkbook } from '../../src/workbook/wps/wps-workbook';
import { FakeEt } from './fake-et';
import { FakeExcel } from './fake-excel';
import { allSets, seedAll } from './fake-ledger';

export interface LivePort extends WorkbookPort {
  lastUndo(): Promise<UndoSnapshot | null>;
  takeNotices(): Msg[];
  select(sheet: string, row: number, col: number): Promise<void>;
}

export interface LiveHost {
  readonly name: string;
  /** An empty fake of this host (Office: Excel on the web, with its 5 MB limits). */
  make(): FakeExcel;
  /** An empty fake of this host without payload limits (Office: desktop Excel). */
  desktop(): FakeExcel;
  port(fx: FakeExcel): LivePort;
  /** What "round trips" cost on this host: requests (Office) or object-model calls (WPS). */
  cost(fx: FakeExcel): number;
}

export const OFFICE: LiveHost = {
  name: 'Office',
  make: () => new FakeExcel(),
  desktop: () => FakeExcel.desktop(),
  port: (fx) => new OfficeWorkbook(fx.run, { isSetSupported: allSets }),
  cost: (fx) => fx.stats.syncs,
};

export const WPS: LiveHost = {
  name: 'WPS',
  make: () => new FakeEt(),
  desktop: () => new FakeEt(),
  port: (fx) => new WpsWorkbook(() => (fx as FakeEt).application as EtApplication),
  cost: (fx) => (fx as FakeEt).calls,
};

export const LIVE_HOSTS: readonly LiveHost[] = [OFFICE, WPS];

/** A fake of `host` seeded with roster-like ledgers (fake-ledger.ts). */
export function hostWith(host: LiveHost, ...sheets: [string, number][]): FakeExcel {
  return seedAll(host.make(), sheets);
}
