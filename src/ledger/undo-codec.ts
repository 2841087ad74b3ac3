/**
 * The undo snapshot (撤销快照) as text that fits worksheet cells, so "Undo last change" still works
 * after the task pane was closed and reopened: the Office adapter keeps it in a very hidden sheet,
 * one chunk per cell. Excel holds at most 32,767 characters in a cell ("Excel specifications and
 * limits", support.microsoft.com); chunks stay well below. Pure.
 */
import type { CellValue } from './grid';
import type { CellState, UndoSnapshot } from './edit-plan';

export const UNDO_CHUNK_CHARS = 30_000;

export function encodeSnapshot(s: UndoSnapshot, chunk = UNDO_CHUNK_CHARS): string[] {
  const text = JSON.stringify(s);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(text.slice(i, i + chunk));
  return out;
}

const isValue = (v: unknown): v is CellValue =>
  v === null ||
  typeof v === 'string' ||
  typeof v === 'boolean' ||
  (typeof v === 'number' && Number.isFinite(v)) ||
  (typeof v === 'object' && typeof (v as { error?: unknown }).error === 'string');

const isState = (s: unknown): s is CellState => {
  const o = s as CellState;
  return typeof o === 'object' && o !== null && isValue(o.value) && (o.formula === null || typeof o.formula === 'string') && typeof o.numberFormat === 'string';
};

/** The snapshot back, or null when the chunks are missing, cut or not a snapshot. */
export function decodeSnapshot(chunks: readonly string[]): UndoSnapshot | null {
  if (chunks.length === 0) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(chunks.join(''));
  } catch {
    return null;
  }
  const s = parsed as UndoSnapshot;
  if (typeof s !== 'object' || s === null || typeof s.id !== 'string' || typeof s.createdAt !== 'string') return null;
  if (typeof s.label?.['zh-CN'] !== 'string' || typeof s.label?.['en-US'] !== 'string') return null;
  if (!Array.isArray(s.cells) || !Array.isArray(s.createdSheets)) return null;
  for (const c of s.cells) {
    if (typeof c.sheet !== 'string' || !Number.isInteger(c.row) || !Number.isInteger(c.col) || !isState(c.state)) return null;
  }
  return s;
}
