import { promises as fs } from 'fs';
import * as path from 'path';
import { ALL_CODES } from '../../../src/ledger/codes';
import { findingsMarkdown } from '../../../src/ledger/codes-doc';

const DOC = path.join(__dirname, '..', '..', '..', 'docs', 'findings.md');

describe('finding codes', () => {
  it('are unique, dotted, documented in both languages', () => {
    const codes = ALL_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of ALL_CODES) {
      expect(c.code).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(c.doc['zh-CN'].length).toBeGreaterThan(3);
      expect(c.doc['en-US'].length).toBeGreaterThan(3);
    }
    for (const required of ['vote.below-threshold', 'id.checksum', 'id.precision-lost', 'date.ambiguous', 'notice.too-short', 'probation.report-overdue']) {
      expect(codes).toContain(required);
    }
  });

  it('docs/findings.md is the generated table (UPDATE_FINDINGS_DOC=1 rewrites it)', async () => {
    const md = findingsMarkdown();
    if (process.env.UPDATE_FINDINGS_DOC === '1') await fs.writeFile(DOC, md);
    const doc = await fs.readFile(DOC, 'utf8');
    expect(doc).toBe(md);
    for (const c of ALL_CODES) expect(doc).toContain(`| \`${c.code}\` |`);
  });
});
