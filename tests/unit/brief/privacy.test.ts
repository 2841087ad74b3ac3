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

  it('leaves shorter or longer digit runs alone (phone numbers, counts)', () => {
    for (const t of ['电话13812345678', '得票30/48', '编号1234567890123456789', '2025年3月3日至3月7日']) expect(guardText(t)).toEqual({ text: t, hits: [] });
  });

  it('cuts birth dates to the month, before or after the word 出生', () => {
    expect(guardText('男，1978年5月12日出生，汉族').text).toBe('男，1978年5月出生，汉族');
    expect(guardText('出生日期：1978-05-12').text).toBe('出生日期：1978.05');
    expect(guardText('生于1978.5.12，').text).toBe('生于1978.05，');
    expect(guardText('19780512生').text).toBe('1978.05生');
    expect(guardText('1978年5月出生').hits).toEqual([]);
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
