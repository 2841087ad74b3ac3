/**
 * functions.json is generated from src/functions by the custom-functions-metadata API (the same
 * call the webpack plugin makes) with zero errors, and every function is documented.
 */
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

const INPUT = path.join(__dirname, '..', '..', 'src', 'functions', 'functions.ts');

interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string; type: string; optional?: boolean }[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

describe('custom functions metadata', () => {
  let functions: FunctionMeta[] = [];
  let errors: string[] = [];
  let associate: { id: string; functionName: string }[] = [];

  beforeAll(async () => {
    const r = await generateCustomFunctionsMetadata(INPUT, false);
    errors = r.errors;
    associate = r.associate;
    functions = (JSON.parse(r.metadataJson) as { functions: FunctionMeta[] }).functions;
  }, 60_000);

  test('generates with zero errors', () => {
    expect(errors).toEqual([]);
    expect(functions.length).toBeGreaterThan(0);
  });

  test('every function has an upper-case id, a zh-CN description and described parameters', () => {
    for (const f of functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9.]*$/);
      expect(f.name).toBe(f.id);
      expect(f.description ?? '').toMatch(/[\u4e00-\u9fff]/);
      for (const p of f.parameters) expect([f.id, p.name, (p.description ?? '').length > 0]).toEqual([f.id, p.name, true]);
    }
  });

  test('every function is associated with its implementation', () => {
    expect(associate.map((a) => a.id).sort()).toEqual(functions.map((f) => f.id).sort());
  });

  test('VOTERATIO(votes, base) takes two arguments and returns a number', () => {
    const f = functions.find((x) => x.id === 'VOTERATIO');
    expect(f).toBeDefined();
    // `any`, not `number`: Excel would turn a blank cell into 0 and refuse "12" typed as text
    // before the function could name the argument (tests/metadata/functions-coverage.test.ts).
    expect(f!.parameters.map((p) => [p.name, p.type])).toEqual([
      ['votes', 'any'],
      ['base', 'any'],
    ]);
    expect(f!.result.type).toBe('number');
  });
});
