/**
 * Reading the A1 addresses Excel returns for ranges and multi-area ranges (RangeAreas), e.g.
 * "Sheet1!A1:B4, Sheet1!D1:D4" or "'My Sheet'!$C$3", into 0-based boxes. Sheet names may contain
 * commas and quotes, so only the part after each '!' is parsed. Pure.
 */
import { columnIndex, columnLetter, type RangeBox } from './grid';

const REF = /!\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?(?=\s*,|\s*$)/g;

/** All rectangles of an address list; a sheet-less "A1:B2" is accepted too. */
export function parseAreas(address: string): RangeBox[] {
  const text = address.includes('!') ? address : `!${address.split(/\s*,\s*/).join(',!')}`;
  const out: RangeBox[] = [];
  for (const m of text.matchAll(REF)) {
    const top = Number(m[2]) - 1;
    const left = columnIndex(m[1]);
    const bottom = m[4] ? Number(m[4]) - 1 : top;
    const right = m[3] ? columnIndex(m[3]) : left;
    out.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
  }
  return out;
}

/** "B3:F20" for a box (a single cell is "B3"). */
export function boxAddress(b: RangeBox): string {
  const tl = `${columnLetter(b.left)}${b.top + 1}`;
  return b.top === b.bottom && b.left === b.right ? tl : `${tl}:${columnLetter(b.right)}${b.bottom + 1}`;
}

/** Rows (0-based) inside [top, bottom] that no box covers: the hidden rows of a visible-cells answer. */
export function uncoveredRows(top: number, bottom: number, boxes: readonly RangeBox[]): number[] {
  const covered = new Uint8Array(bottom - top + 1);
  for (const b of boxes) for (let r = Math.max(b.top, top); r <= Math.min(b.bottom, bottom); r++) covered[r - top] = 1;
  const out: number[] = [];
  for (let i = 0; i < covered.length; i++) if (!covered[i]) out.push(top + i);
  return out;
}
