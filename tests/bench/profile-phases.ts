/**
 * Where `check`'s time goes (issue 14, point 1): a V8 CPU profile (`node --cpu-prof`) of the real
 * command, its samples put into the phases the issue names — reading the file, unzip, the
 * workbook's parts and shared strings, the sheet XML scan, Grid building, recognition, per-cell
 * parsing, checks, the fix summary, JSON output — plus what the engine adds (GC, module loading).
 *
 * A sample belongs to the phase of the nearest function on its stack that has one: a date parser
 * (src/values) called while typing rows counts as per-cell parsing, the same parser called by a
 * check counts as checks. Phases are known by source file, read from the one-file build itself:
 * webpack.cli.config.js keeps each module's path as its id (`/***\/ "./src/…"`) and marks the
 * modules it joins into one (`;// ./src/…`), so a function renamed or added inside a file keeps
 * its phase without a list of names here. A few files hold two phases (the scanner's `finish` is
 * Grid building, not the scan), named by function below.
 *
 * Used by tests/bench/profile-run.ts (one profiled run), tests/bench/profile.bench.ts (the report)
 * and tests/unit/bench/profile-phases.test.ts.
 */

export interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  /** 0-based, as V8 reports it. */
  readonly lineNumber: number;
  readonly columnNumber: number;
}

export interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

/** The parts of a .cpuprofile (Chrome DevTools format) read here. */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  /** µs since the previous sample. */
  readonly timeDeltas: readonly number[];
}

export type PhaseId =
  | 'read'
  | 'unzip'
  | 'parts'
  | 'scan'
  | 'grid'
  | 'recognition'
  | 'typing'
  | 'checks'
  | 'fixable'
  | 'json'
  | 'write'
  | 'gc'
  | 'loading'
  | 'engine'
  | 'idle'
  | 'other';

/** The report's rows, in the order the command goes through them. */
export const PHASES: readonly { readonly id: PhaseId; readonly label: string }[] = [
  { id: 'loading', label: 'module loading' },
  { id: 'read', label: 'reading the file' },
  { id: 'unzip', label: 'unzip (zip directory, inflate callbacks)' },
  { id: 'parts', label: 'shared strings, styles, workbook parts' },
  { id: 'scan', label: 'sheet XML scan (cells into rows)' },
  { id: 'grid', label: 'Grid building (merges, used area, dense rows)' },
  { id: 'recognition', label: 'recognition (header, columns, kind)' },
  { id: 'typing', label: 'per-cell parsing (typed rows)' },
  { id: 'checks', label: 'checks' },
  { id: 'fixable', label: 'fix summary (fixable.*, check ⊇ fix)' },
  { id: 'json', label: 'JSON output (and sorting the findings)' },
  { id: 'write', label: 'writing to stdout' },
  { id: 'gc', label: 'garbage collector' },
  { id: 'engine', label: 'V8 and Node outside JS functions' },
  { id: 'idle', label: 'idle (waiting for inflate or a write)' },
  { id: 'other', label: 'other (orchestration, policy, Node internals)' },
];

/** The phases issue 14 asks the report to show. */
export const ISSUE_PHASES: readonly PhaseId[] = ['unzip', 'scan', 'parts', 'grid', 'recognition', 'typing', 'checks', 'json'];

/** Source file → phase. Files absent here (src/values, src/rules, src/i18n, …) take their caller's. */
const BY_FILE: readonly (readonly [RegExp, PhaseId])[] = [
  [/^\.\/src\/workbook\/file\/zip-directory\.ts$/, 'unzip'],
  [/^\.\/src\/cli\/inflate-stream\.ts$/, 'unzip'],
  [/^\.\/src\/workbook\/file\/(xlsx-grid-reader|settings-sheet|sniff)\.ts$/, 'parts'],
  [/^\.\/src\/workbook\/file\/xlsx-sheet\.ts$/, 'scan'],
  [
    /^\.\/src\/ledger\/(recognize|columns|header-text|grid-text|value-inference|ambiguous-headers|synonyms|synonyms-forms|sheet-kind|taught-map)\.ts$/,
    'recognition',
  ],
  [/^\.\/src\/ledger\/rows\.ts$/, 'typing'],
  [/^\.\/src\/ledger\/checks\/fixable\.ts$/, 'fixable'],
  [/^\.\/src\/ledger\/transforms\//, 'fixable'],
  [/^\.\/src\/ledger\/checks\//, 'checks'],
  [/^\.\/src\/cli\/(output|json-bytes)\.ts$/, 'json'],
  // The orchestrators: their own time is theirs, never their caller's (module loading).
  [/^\.\/src\/cli\/main\.ts$/, 'other'],
  [/^\.\/src\/ledger\/check-workbook\.ts$/, 'other'],
];

/** Functions whose phase is not their file's (or whose file has none). */
const BY_FUNCTION: Readonly<Record<string, Readonly<Record<string, PhaseId>>>> = {
  './src/workbook/file/xlsx-sheet.ts': { finish: 'grid', dense: 'grid', sameStrings: 'grid' },
  './src/workbook/file/xlsx-grid-reader.ts': { entryBytes: 'unzip', deflated: 'unzip' },
  './src/ledger/findings.ts': { sortFindingsInPlace: 'json', sortFindings: 'json' },
  './src/ledger/check-workbook.ts': { readLedger: 'typing' },
  './src/cli/main.ts': { readInput: 'read', outBytes: 'write' },
};

/** Which source module each line of a one-file build belongs to. */
export type ModuleOf = (url: string, line: number) => string | null;

const MODULE_START = /^\/\*\*\*\/ "(\.\/[^"]+)"/;
const JOINED_MODULE = /^;\/\/ (\S.*)$/;

/**
 * The module of each line (0-based) of a bundle's text: from each `/***\/ "./src/x.ts"` (a module
 * of its own) or `;// ./src/x.ts` (a module joined into the one before; also `;// external "fs"`)
 * to the next.
 */
export function bundleModules(text: string): (string | null)[] {
  const out: (string | null)[] = [];
  let current: string | null = null;
  for (const line of text.split('\n')) {
    const m = MODULE_START.exec(line) ?? JOINED_MODULE.exec(line);
    if (m) current = m[1];
    out.push(current);
  }
  return out;
}

/** ModuleOf for the given bundles (url → text); lines of any other url have no module. */
export function modulesOf(bundles: ReadonlyMap<string, string>): ModuleOf {
  const lines = new Map([...bundles].map(([url, text]) => [url, bundleModules(text)]));
  return (url, line) => lines.get(url)?.[line] ?? null;
}

/** The phase of one stack frame; null when it takes its caller's. */
export function framePhase(frame: CallFrame, moduleOf: ModuleOf): PhaseId | null {
  const { functionName: fn, url } = frame;
  if (fn === '(garbage collector)') return 'gc';
  if (fn === '(idle)') return 'idle';
  if (fn === '(program)') return 'engine';
  if (fn === '(root)') return null;
  if (url.startsWith('node:internal/modules/') || fn === '__webpack_require__') return 'loading';
  if (url === 'node:zlib' || url.startsWith('node:internal/zlib')) return 'unzip';
  if (url === 'node:fs' && fn.startsWith('readFile')) return 'read';
  const mod = moduleOf(url, frame.lineNumber);
  if (mod === null) return null;
  const named = BY_FUNCTION[mod]?.[fn];
  if (named) return named;
  for (const [test, phase] of BY_FILE) if (test.test(mod)) return phase;
  return null;
}

export interface PhaseTimes {
  /** µs by phase (every phase present, 0 when none). */
  readonly byPhase: ReadonlyMap<PhaseId, number>;
  /** µs sampled in all. */
  readonly total: number;
  /** µs by function and phase (its own time, not its callees'), with its module: the biggest first. */
  readonly topFunctions: readonly { readonly name: string; readonly module: string | null; readonly phase: PhaseId; readonly us: number }[];
}

/** Every sample's time, into the phase of the nearest frame on its stack that has one ('other' when none). */
export function phaseTimes(profile: CpuProfile, moduleOf: ModuleOf): PhaseTimes {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // The phase of each node, computed once: its own, else its parent's.
  const phaseOfNode = new Map<number, PhaseId>();
  const nodePhase = (id: number): PhaseId => {
    const known = phaseOfNode.get(id);
    if (known) return known;
    const chain: number[] = [];
    let at: number | undefined = id;
    let found: PhaseId = 'other';
    while (at !== undefined) {
      const cached = phaseOfNode.get(at);
      if (cached) {
        found = cached;
        break;
      }
      chain.push(at);
      const node = byId.get(at);
      const own = node ? framePhase(node.callFrame, moduleOf) : null;
      if (own) {
        found = own;
        break;
      }
      at = parent.get(at);
    }
    for (const c of chain) phaseOfNode.set(c, found);
    return found;
  };
  const byPhase = new Map<PhaseId, number>(PHASES.map((p) => [p.id, 0]));
  const bySelf = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    const id = profile.samples[i];
    total += dt;
    const phase = nodePhase(id);
    byPhase.set(phase, (byPhase.get(phase) ?? 0) + dt);
    bySelf.set(id, (bySelf.get(id) ?? 0) + dt);
  }
  // Own time by function and phase (a function appears at several nodes, one per caller; a
  // parser called while typing and by a check is listed twice).
  const byFunction = new Map<string, { name: string; module: string | null; phase: PhaseId; us: number }>();
  for (const [id, us] of bySelf) {
    const f = (byId.get(id) as ProfileNode).callFrame;
    const module = moduleOf(f.url, f.lineNumber);
    const phase = nodePhase(id);
    const key = `${f.functionName}|${f.url}|${f.lineNumber}|${f.columnNumber}|${phase}`;
    const entry = byFunction.get(key) ?? { name: f.functionName || '(anonymous)', module: module ?? (f.url || null), phase, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const topFunctions = [...byFunction.values()].sort((a, b) => b.us - a.us);
  return { byPhase, total, topFunctions };
}
