import fc from 'fast-check';
import { buildForms } from '../../../src/brief/form-model';
import { decodeLrmx, dottedDate, formToLrmx, LRMX_ELEMENTS, lrmxRosterRow, lrmxRosterValues, parseLrmx, splitEducation } from '../../../src/brief/lrmx';
import type { FieldKey } from '../../../src/ledger/fields';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { gridsOf } from './fixtures';
import { FORM_IDS, FORMS_AS_OF, formsWorkbook } from './form-fixtures';

/**
 * A .lrmx as the public examples write it (root <Person>, pinyin elements, yyyyMM dates, family
 * <Item>s, a photo and the program version); built here, not copied from any file.
 */
const SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<Person>
  <XingMing>周&amp;八</XingMing>
  <XingBie>男</XingBie>
  <ChuShengNianYue>198601</ChuShengNianYue>
  <MinZu>汉族</MinZu>
  <JiGuan>江苏南通</JiGuan>
  <ChuShengDi>江苏如皋</ChuShengDi>
  <RuDangShiJian>200907</RuDangShiJian>
  <CanJiaGongZuoShiJian>20080801</CanJiaGongZuoShiJian>
  <JianKangZhuangKuang>健康</JianKangZhuangKuang>
  <ZhuanYeJiShuZhiWu/>
  <ShuXiZhuanYeYouHeZhuanChang>统计分析</ShuXiZhuanYeYouHeZhuanChang>
  <QuanRiZhiJiaoYu_XueLi>大学本科</QuanRiZhiJiaoYu_XueLi>
  <QuanRiZhiJiaoYu_XueWei>经济学学士</QuanRiZhiJiaoYu_XueWei>
  <QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi>苏州大学经济学专业</QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi>
  <QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi>
  </QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi>
  <ZaiZhiJiaoYu_XueLi></ZaiZhiJiaoYu_XueLi>
  <XianRenZhiWu>县统计局统计股股长</XianRenZhiWu>
  <NiRenZhiWu>县统计局副局长</NiRenZhiWu>
  <NiMianZhiWu>县统计局统计股股长</NiMianZhiWu>
  <JianLi><![CDATA[2004.09--2008.07  苏州大学经济学专业学习
2008.08--  县统计局工作]]></JianLi>
  <JiangChengQingKuang>无</JiangChengQingKuang>
  <NianDuKaoHeJieGuo>2022年度考核称职；2023年度考核优秀。</NianDuKaoHeJieGuo>
  <RenMianLiYou>工作需要</RenMianLiYou>
  <JiaTingChengYuan>
    <Item><ChengWei>妻子</ChengWei><XingMing>吴某</XingMing><ChuShengRiQi>198703</ChuShengRiQi><ZhengZhiMianMao>群众</ZhengZhiMianMao><GongZuoDanWeiJiZhiWu>县人民医院医生</GongZuoDanWeiJiZhiWu></Item>
    <Item><ChengWei/><XingMing/><ChuShengRiQi/><ZhengZhiMianMao/><GongZuoDanWeiJiZhiWu/></Item>
  </JiaTingChengYuan>
  <ChengBaoDanWei>县统计局</ChengBaoDanWei>
  <JiSuanNianLingShiJian>20250310</JiSuanNianLingShiJian>
  <TianBiaoShiJian>20250305</TianBiaoShiJian>
  <TianBiaoRen>组织科</TianBiaoRen>
  <ShenFenZheng>${FORM_IDS[0]}</ShenFenZheng>
  <ZhaoPian>iVBORw0KGgo=</ZhaoPian>
  <Version>3.2.1.16</Version>
</Person>`;

describe('parseLrmx', () => {
  it('reads every element, entities and CDATA, and the family members that are filled', () => {
    const r = parseLrmx(SAMPLE);
    if (!r.ok) throw new Error(r.reason);
    const v = r.person.values;
    expect(v.XingMing).toBe('周&八');
    expect(v.ZhuanYeJiShuZhiWu).toBe('');
    expect(v.QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi).toBe('');
    expect(v.ZaiZhiJiaoYu_XueWei).toBe(''); // absent element
    expect(v.JianLi).toBe('2004.09--2008.07  苏州大学经济学专业学习\n2008.08--  县统计局工作');
    expect(r.person.family).toEqual([
      { ChengWei: '妻子', XingMing: '吴某', ChuShengRiQi: '198703', ZhengZhiMianMao: '群众', GongZuoDanWeiJiZhiWu: '县人民医院医生' },
    ]);
  });

  it.each([
    ['<Person><XingBie>男</XingBie></Person>', '没有姓名'],
    ['<root><XingMing>张三</XingMing></root>', '没有 <Person>'],
    ['<!DOCTYPE Person [<!ENTITY x "y">]><Person><XingMing>&x;</XingMing></Person>', 'DOCTYPE'],
  ])('refuses %s', (xml, reason) => {
    const r = parseLrmx(xml);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('imports a person into a roster row: dates with their dot, 学历 and 学位 joined, only the roster\u2019s columns', () => {
    const r = parseLrmx(SAMPLE);
    if (!r.ok) throw new Error(r.reason);
    expect(lrmxRosterValues(r.person)).toMatchObject({
      name: '周&八',
      birth: '1986.01',
      partyJoin: '2009.07',
      workStart: '2008.08',
      birthPlace: '江苏如皋',
      fullTimeEducation: '大学本科 经济学学士',
      fullTimeSchool: '苏州大学经济学专业',
      post: '县统计局统计股股长',
      removalPost: '县统计局统计股股长',
      idNumber: FORM_IDS[0],
    });
    expect(lrmxRosterValues(r.person).partTimeEducation).toBeUndefined();
    const columns = new Map<FieldKey, number>([
      ['name', 1],
      ['sex', 2],
      ['birth', 3],
      ['proTitle', 4],
      ['resume', 5],
    ]);
    expect(lrmxRosterRow(r.person, columns, 7)).toEqual([
      null,
      '周&八',
      '男',
      '1986.01',
      null,
      '2004.09--2008.07  苏州大学经济学专业学习\n2008.08--  县统计局工作',
      null,
    ]);
  });

  it('decodes UTF-8 (with BOM) and GB18030 files by their declaration', () => {
    const utf8 = new TextEncoder().encode(`\uFEFF${SAMPLE}`);
    expect(parseLrmx(decodeLrmx(utf8)).ok).toBe(true);
    // "张三" in GBK is D5C5 C8FD.
    const gbk = new Uint8Array([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="gb2312"?><Person><XingMing>'),
      0xd5,
      0xc5,
      0xc8,
      0xfd,
      ...new TextEncoder().encode('</XingMing></Person>'),
    ]);
    const r = parseLrmx(decodeLrmx(gbk));
    expect(r.ok && r.person.values.XingMing).toBe('张三');
  });
});

describe('formToLrmx', () => {
  it('writes every element of the public template in its order, dates as yyyyMM, no ID number, no photo', async () => {
    const [form] = buildForms(await gridsOf(await formsWorkbook()), DEFAULT_POLICY, FORMS_AS_OF);
    const xml = formToLrmx(form);
    const order = [...xml.matchAll(/^ {2}<(\w+)/gm)].map((m) => m[1]);
    expect(order).toEqual([...LRMX_ELEMENTS]);
    const r = parseLrmx(xml);
    if (!r.ok) throw new Error(r.reason);
    expect(r.person.values).toMatchObject({
      XingMing: '张三',
      ChuShengNianYue: '197805',
      RuDangShiJian: '200107',
      CanJiaGongZuoShiJian: '200008',
      QuanRiZhiJiaoYu_XueLi: '大学本科',
      QuanRiZhiJiaoYu_XueWei: '农学学士',
      ZaiZhiJiaoYu_XueLi: '在职研究生',
      ZaiZhiJiaoYu_XueWei: '农业推广硕士',
      JiSuanNianLingShiJian: '20250310',
      ShenFenZheng: '',
      ZhaoPian: '',
      Version: '3.2.1.16',
    });
    expect(r.person.values.JianLi.split('\n')).toHaveLength(3);
    for (const id of FORM_IDS) expect(xml).not.toContain(id);
  });

  it('round-trips any text through escaping', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== '' && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\r]/.test(s)),
        (name) => {
          const xml = formToLrmx({
            name,
            post: 'p',
            asOf: FORMS_AS_OF,
            items: { resume: { text: name, sources: [] } },
            birthLine: null,
            unreadable: [],
            privacy: [],
          });
          const r = parseLrmx(xml);
          return r.ok && r.person.values.XingMing === name.trim() && r.person.values.JianLi === name.trim();
        },
      ),
    );
  });
});

describe('helpers', () => {
  it.each([
    ['197805', '1978.05'],
    ['19780512', '1978.05'],
    ['1978.05', '1978.05'],
    ['群众', '群众'],
    ['', ''],
  ])('dottedDate(%s) = %s', (a, b) => expect(dottedDate(a)).toBe(b));

  it.each([
    ['大学本科 农学学士', '大学本科', '农学学士'],
    ['大学本科', '大学本科', ''],
    ['硕士研究生', '硕士研究生', ''],
    ['工学硕士', '', '工学硕士'],
    ['', '', ''],
  ])('splitEducation(%s)', (t, xueLi, xueWei) => expect(splitEducation(t)).toEqual({ xueLi, xueWei }));
});
