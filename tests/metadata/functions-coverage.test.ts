/**
 * Every CADRE function of SPEC §4 is in the generated functions.json with a zh-CN description
 * carrying an example, every parameter described, a help URL on the page the build ships, and
 * the volatility the design documents: only the *TODAY twins (no as-of date) are volatile.
 */
import * as fs from 'fs';
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

const ROOT = path.join(__dirname, '..', '..');
const INPUT = path.join(ROOT, 'src', 'functions', 'functions.ts');
const HELP = path.join(ROOT, 'src', 'functions', 'help.html');

/** SPEC §4 "at least" list. */
const SPEC_FUNCTIONS = [
  'VOTERATIO',
  'VOTEPASS',
  'NOTICEEND',
  'NOTICEOK',
  'PROBATIONEND',
  'PROBATIONSTATUS',
  'REPORTSDUE',
  'INCOMPETENTTRIGGER',
  'ELIMRANK',
  'ELIMTIER',
  'SHORTLIST',
  'COMMITTEEPASS',
  'ACCOUNTABILITY',
  'IDCHECK',
  'IDMASK',
  'TODATE',
];
/** The volatile twins of the as-of functions (see functions.ts, "Volatility"). */
const VOLATILE = ['PROBATIONSTATUSTODAY', 'REPORTSDUETODAY'];
/** Population functions: whole columns in, a spilled column out. */
const SPILLING = ['ELIMRANK', 'ELIMTIER', 'SHORTLIST'];

interface FunctionMeta {
  id: string;
  description?: string;
  helpUrl?: string;
  parameters: { name: string; description?: string; type: string; dimensionality?: string; optional?: boolean }[];
  result: { type?: string; dimensionality?: string };
  options?: { volatile?: boolean };
}

describe('CADRE functions in functions.json', () => {
  let functions: FunctionMeta[] = [];
  let errors: string[] = [];

  beforeAll(async () => {
    const r = await generateCustomFunctionsMetadata(INPUT, false);
    errors = r.errors;
    functions = (JSON.parse(r.metadataJson) as { functions: FunctionMeta[] }).functions;
  }, 60_000);

  const byId = (id: string): FunctionMeta => {
    const f = functions.find((x) => x.id === id);
    if (!f) throw new Error(`${id} is missing from functions.json`);
    return f;
  };

  test('generates without errors and holds every SPEC §4 function and the volatile twins, nothing else', () => {
    expect(errors).toEqual([]);
    expect(functions.map((f) => f.id).sort()).toEqual([...SPEC_FUNCTIONS, ...VOLATILE].sort());
  });

  test.each([...SPEC_FUNCTIONS, ...VOLATILE])('%s: zh-CN description with an example, every parameter described with an example', (id) => {
    const f = byId(id);
    expect(f.description).toMatch(/[\u4e00-\u9fff]/);
    expect(f.description).toContain(`示例：=CADRE.${id}(`);
    for (const p of f.parameters) {
      expect([p.name, p.description ?? '']).toEqual([p.name, expect.stringMatching(/[\u4e00-\u9fff].*示例：/)]);
    }
  });

  test.each([...SPEC_FUNCTIONS, ...VOLATILE])('%s: help URL on the shipped help page, with an anchor that exists there', (id) => {
    const f = byId(id);
    expect(f.helpUrl).toBe(`https://localhost:3000/help/functions.html#${id}`);
    expect(fs.readFileSync(HELP, 'utf8')).toContain(`id="${id}"`);
  });

  test('volatility: only the *TODAY twins are volatile; the as-of versions and everything else are not', () => {
    for (const f of functions) expect([f.id, f.options?.volatile === true]).toEqual([f.id, VOLATILE.includes(f.id)]);
    // Each twin is its base function minus the as-of parameter.
    for (const v of VOLATILE) {
      const base = byId(v.replace(/TODAY$/, ''));
      expect(base.parameters.map((p) => p.name)).toContain('asOf');
      expect(byId(v).parameters.map((p) => p.name)).toEqual(base.parameters.map((p) => p.name).filter((n) => n !== 'asOf'));
    }
  });

  test('arguments are typed any so Excel passes blanks and text as they are', () => {
    for (const f of functions) for (const p of f.parameters) expect([f.id, p.name, p.type]).toEqual([f.id, p.name, 'any']);
  });

  test('population functions take whole ranges and spill a matrix', () => {
    for (const id of SPILLING) {
      const f = byId(id);
      expect(f.result.dimensionality).toBe('matrix');
      for (const p of f.parameters) expect([id, p.name, p.dimensionality]).toEqual([id, p.name, 'matrix']);
    }
  });
});
