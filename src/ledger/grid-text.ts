/** Reading header and label text out of a Grid, merges included (表头文字). */
import { normalizeText } from '../values/text';
import type { Grid, RangeBox } from './grid';

export function textAt(g: Grid, r: number, c: number): string {
  const v = g.values[r]?.[c];
  return typeof v === 'string' ? normalizeText(v) : '';
}

/** The merge covering (r, c), if any. */
export function mergeAt(merges: readonly RangeBox[], r: number, c: number): RangeBox | undefined {
  for (const m of merges) if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right) return m;
  return undefined;
}

/** Text of a cell or, inside a merge, of its top-left cell. */
export function mergedText(g: Grid, merges: readonly RangeBox[], r: number, c: number): string {
  const m = mergeAt(merges, r, c);
  return m ? textAt(g, m.top, m.left) : textAt(g, r, c);
}
