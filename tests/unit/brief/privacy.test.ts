import { briefDocument, documentTexts } from '../../../src/brief/brief-document';
import { buildBrief } from '../../../src/brief/brief-model';
import { guardDocument, guardText, leaks } from '../../../src/brief/privacy';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { AS_OF, fullBriefWorkbook, gridsOf, STRAY_ID } from './fixtures';

describe('guardText', () => {
  it('masks 18- and 15-digit ID numbers, full-width ones too', () => {
    expect(guardText('身份证号110101197805120013。').text).toBe('身份证号110101********0013。');
    expect(guardText('旧证110101780512001，').text).toBe('旧证110101*****2001，');
    expect(guardText('证号１１０１０１１９７８０５１２００１Ｘ').text).toBe('证号110101********001X');
    expect(guardText('号码 11010119780512001x 已核').hits).toEqual([{ kind: 'id-number', replacement: '110101********001X' }]);
  });

  it('masks ID numbers written in groups (spaces, ideographic spaces, hyphens), also among other numbers', () => {
    expect(guardText('身份证号 1101 0119 7805 1200 13。').text).toBe('身份证号 110101********0013。');
    expect(guardText('证号110101-19780512-0013').text).toBe('证号110101********0013');
    expect(guardText('证号 110101\u300019780512\u3000001X，').text).toBe('证号 110101********001X，');
    expect(guardText('证号 1101 0119 7805 1200 1x 2025 年').text).toBe('证号 110101********001X 2025 年');
    expect(guardText('旧证 110101 780512 001').text).toBe('旧证 110101*****2001');
    expect(guardText('证号１１０１ ０１１９ ７８０５ １２００ １３').text).toBe('证号110101********0013');
  });

  it('leaves grouped numbers that spell no ID alone (dates, phone numbers)', () => {
    for (const t of ['公示期 2025-03-03 2025-03-07', '电话 0851-1234 5678', '票数 30 48 50 12']) expect(guardText(t)).toEqual({ text: t, hits: [] });
  });

  it('leaves shorter or longer digit runs alone (phone numbers, counts)', () => {
    for (const t of ['电话13812345678', '得票30/48', '编号1234567890123456789', '2025年3月3日至3月7日']) expect(guardText(t)).toEqual({ text: t, hits: [] });
  });

  it('cuts birth dates to the month, before or after the word 出生', () => {
    expect(guardText('男，1978年5月12日出生，汉族').text).toBe('男，1978年5月出生，汉族');
    expect(guardText('出生日期：1978-05-12').text).toBe('出生日期：1978.05');
    expect(guardText('生于1978.5.12，').text).toBe('生于1978.05，');
    expect(guardText('19780512生').text).toBe('1978.05生');
    expect(guardText('1978年5月出生').hits).toEqual([]);
    expect(guardText('男，１９８３年９月９日出生').text).toBe('男，1983年9月出生');
    expect(guardText('出生年月日：１９８３．０９．０９').text).toBe('出生年月日：1983.09');
  });

  it('does not touch other day-precision dates', () => {
    const t = '任前公示2025年3月3日至3月7日，2025年3月10日生效';
    expect(guardText(t).text).toBe(t);
  });

  it('reports what a text still leaks', () => {
    expect(leaks('无')).toEqual([]);
    expect(leaks(`x${STRAY_ID}`).map((h) => h.kind)).toEqual(['id-number']);
  });
});

describe('guardDocument', () => {
  it('masks the stray ID a free-text cell brought in, and nothing else changes', async () => {
    const doc = briefDocument(buildBrief(await gridsOf(await fullBriefWorkbook()), DEFAULT_POLICY, AS_OF));
    const g = guardDocument(doc);
    expect(g.hits).toEqual([{ kind: 'id-number', replacement: `${STRAY_ID.slice(0, 6)}********${STRAY_ID.slice(14)}` }]);
    const before = documentTexts(doc);
    const after = documentTexts(g.doc);
    expect(after.join('\n')).not.toContain(STRAY_ID);
    expect(after.filter((t, i) => t !== before[i])).toHaveLength(1);
    expect(after.flatMap((t) => leaks(t))).toEqual([]);
  });
});
