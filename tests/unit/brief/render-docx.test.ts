import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { buildBrief } from '../../../src/brief/brief-model';
import { SECTION_TITLES } from '../../../src/brief/brief-document';
import { briefDocxFileName, DOCX_FONTS, PAGE, renderDocx } from '../../../src/brief/render-docx';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { libreOfficeOr, pageOnePng, toPdf } from '../../support/libreoffice';
import { AS_OF, ASSET_TEXT, emptyBriefWorkbook, fullBriefWorkbook, gridsOf, ROSTER_IDS, STRAY_ID } from './fixtures';

const OUT = path.join(__dirname, '../../../test-output/brief');

async function partsOf(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml')) out[name] = await zip.file(name)!.async('string');
  return out;
}

/** Text of document.xml's runs, so titles split across runs would still be found. */
const runText = (xml: string): string => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('renderDocx', () => {
  let bytes: Uint8Array;
  let parts: Record<string, string>;
  beforeAll(async () => {
    const model = buildBrief(await gridsOf(await fullBriefWorkbook()), DEFAULT_POLICY, AS_OF);
    const r = await renderDocx(model);
    bytes = r.bytes;
    expect(r.privacy).toHaveLength(1);
    parts = await partsOf(bytes);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(path.join(OUT, 'brief.docx'), bytes);
  });

  it('is a Word document with the GB/T 9704 page: A4, margins 37/35/28/26 mm, 22 lines', () => {
    const doc = parts['word/document.xml'];
    expect(doc).toContain(`<w:pgSz w:w="11906" w:h="16838"`);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(doc)![1];
    expect(mar).toContain(`w:top="${PAGE.margin.top}"`);
    expect(mar).toContain(`w:bottom="${PAGE.margin.bottom}"`);
    expect(mar).toContain(`w:left="${PAGE.margin.left}"`);
    expect(mar).toContain(`w:right="${PAGE.margin.right}"`);
    expect([PAGE.margin.top, PAGE.margin.bottom, PAGE.margin.left, PAGE.margin.right]).toEqual([2098, 1984, 1587, 1474]);
    expect(doc).toContain('w:linePitch="579"');
    expect(doc).toContain('w:line="579" w:lineRule="exact"');
  });

  it('sets the title in 2号 小标宋 centred and the body in 3号 仿宋, headings in 黑体', () => {
    const doc = parts['word/document.xml'];
    const title = /<w:p>(?:(?!<\/w:p>).)*常委会议研究材料(?:(?!<\/w:p>).)*<\/w:p>/s.exec(doc)![0];
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain(`w:eastAsia="${DOCX_FONTS.title}"`);
    expect(title).toContain('<w:sz w:val="44"/>');
    const heading = /<w:p>(?:(?!<\/w:p>).)*一、拟任人选(?:(?!<\/w:p>).)*<\/w:p>/s.exec(doc)![0];
    expect(heading).toContain(`w:eastAsia="${DOCX_FONTS.heading}"`);
    expect(heading).toContain('<w:sz w:val="32"/>');
    expect(doc).toContain(`w:eastAsia="${DOCX_FONTS.body}"`);
  });

  it('numbers pages "— n —" in 4号 宋体, odd pages right and even pages left', () => {
    const footers = Object.entries(parts)
      .filter(([n]) => /word\/footer\d+\.xml/.test(n))
      .map(([, x]) => x);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(f).toContain('— ');
      expect(f).toContain(`w:eastAsia="${DOCX_FONTS.pageNumber}"`);
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)![1]).sort()).toEqual(['left', 'right']);
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders');
  });

  it('holds every section title and no ID number or asset detail', () => {
    const text = runText(parts['word/document.xml']);
    for (const t of Object.values(SECTION_TITLES)) expect(text).toContain(t);
    for (const id of [...ROSTER_IDS, STRAY_ID]) expect(text).not.toContain(id);
    expect(text).not.toContain(ASSET_TEXT);
    expect(text).not.toMatch(/[0-9]{15}/);
  });

  it('offers a download name with the date', () => {
    expect(briefDocxFileName(AS_OF)).toBe('常委会议研究材料（2025-03-10）.docx');
  });

  it('opens and converts with LibreOffice; the PDF has every section title and no full ID number', () => {
    // House rule: no skipped tests. Without LibreOffice the structural checks above stand alone (not under CI: libreOfficeOr throws).
    if (!libreOfficeOr('the .docx was checked structurally only')) {
      expect(existsSync(path.join(OUT, 'brief.docx'))).toBe(true);
      return;
    }
    const pdf = toPdf(path.join(OUT, 'brief.docx'));
    execFileSync('pdftotext', ['-layout', pdf, path.join(OUT, 'brief.txt')]);
    const text = readFileSync(path.join(OUT, 'brief.txt'), 'utf8').replace(/[ \t]+/g, '');
    for (const t of Object.values(SECTION_TITLES)) expect(text.replace(/\n/g, '')).toContain(t);
    expect(text).not.toMatch(/[0-9]{15}/);
    expect(text).toContain('—1—');
    // Page 1 as a picture for people to look at (pdftoppm pads page numbers by the page count: -singlefile names it exactly).
    expect(existsSync(pageOnePng(pdf, path.join(OUT, 'brief-page-1')))).toBe(true);
  }, 180_000);
});

describe('renderDocx with nothing to report', () => {
  it('writes each empty section in one line', async () => {
    const r = await renderDocx(buildBrief(await gridsOf(await emptyBriefWorkbook()), DEFAULT_POLICY, AS_OF));
    expect(r.privacy).toEqual([]);
    const text = runText((await partsOf(r.bytes))['word/document.xml']);
    expect(text).toContain('一、拟任人选（一职双备）情况本工作簿中未识别到考察对象或任前公示，拟任人选未能核对。');
    expect(text).toContain('四、不称职票达到二分之一人员的联合调查本工作簿中未识别到年度考核测评，不称职票联合调查未能核对。');
  });
});
