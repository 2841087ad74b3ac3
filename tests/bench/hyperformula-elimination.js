/**
 * Child process of functions.bench.ts: the bottom-elimination sheet a user would build with
 * built-in formulas, evaluated by HyperFormula (a real spreadsheet engine, GPL key, dev only).
 * Runs in its own process so the bench can stop it at a time budget: the sheet is O(n²).
 *
 * Columns per row r (data from the parent, same values the custom functions get):
 *   A 不称职票, B 有效票, C 职务层次
 *   D ratio   =IF(OR(C="正科级",C="副科级"),A/B,"")
 *   E rank    =IF(D="","",COUNTIF(D$2:D$n,">"&D)+1)     — RANK.EQ(D,D$2:D$n,0); HyperFormula 3.5
 *                                                         has no RANK.EQ, and this COUNTIF form is
 *                                                         its exact equivalent (ties share a rank)
 *   F tier    =IF(D="","",IF(D=0,"",IF(E<=removal,"免职",IF(E<=removal+admonition,"诫勉",IF(E<=prelim,"初步淘汰","")))))
 *   G tie     =IF(F="","",IF(OR(AND(E<=cut, E+COUNTIF(D$2:D$n,D)-1>cut) for each cut),"（并列）",""))
 *   I1 N =COUNTIF(C,"正科级")+COUNTIF(C,"副科级"), I2 prelim =ROUND(2%·N,0),
 *   I3 removal =MIN(ROUND(1%·N,0),I2), I4 admonition =MIN(ROUND(1%·N,0),I2−I3)
 */
const { HyperFormula } = require('hyperformula');

function sheet(inc, valid, level) {
  const n = inc.length;
  const last = n + 1;
  const rows = [['不称职票', '有效票', '职务层次', '比例', '名次', '档次', '并列', '', `=COUNTIF(C2:C${last},"正科级")+COUNTIF(C2:C${last},"副科级")`]];
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    const cut = (c) => `AND(E${r}<=${c},E${r}+COUNTIF(D$2:D$${last},D${r})-1>${c})`;
    rows.push([
      inc[i],
      valid[i],
      level[i],
      `=IF(OR(C${r}="正科级",C${r}="副科级"),A${r}/B${r},"")`,
      `=IF(D${r}="","",COUNTIF(D$2:D$${last},">"&D${r})+1)`,
      `=IF(D${r}="","",IF(D${r}=0,"",IF(E${r}<=$I$3,"免职",IF(E${r}<=$I$3+$I$4,"诫勉",IF(E${r}<=$I$2,"初步淘汰","")))))`,
      `=IF(F${r}="","",IF(OR(${cut('$I$3')},${cut('$I$3+$I$4')},${cut('$I$2')}),"（并列）",""))`,
    ]);
  }
  rows[1].push('', '=ROUND(0.02*I1,0)');
  rows[2].push('', '=MIN(ROUND(0.01*I1,0),I2)');
  rows[3].push('', '=MIN(ROUND(0.01*I1,0),I2-I3)');
  return rows;
}

process.on('message', ({ inc, valid, level, sample }) => {
  const data = sheet(inc, valid, level);
  const t0 = process.hrtime.bigint();
  // smartRounding off: compare ratios as the doubles they are, as Excel does. maxRows: the
  // default limit is 40,000 rows; Excel's is 1,048,576.
  const hf = HyperFormula.buildFromArray(data, { licenseKey: 'gpl-v3', smartRounding: false, maxRows: 1_000_000 });
  const t1 = process.hrtime.bigint();
  const n = inc.length;
  const values = hf.getRangeValues({ start: { sheet: 0, col: 4, row: 1 }, end: { sheet: 0, col: 6, row: n } });
  const t2 = process.hrtime.bigint();
  const rows = sample.map((i) => {
    const [rank, tier, tie] = values[i];
    const show = (v) => (v !== null && typeof v === 'object' ? String(v.value) : v === null ? '' : v);
    return { i, rank: show(rank), tier: `${show(tier)}${show(tie)}` };
  });
  process.send({
    buildMs: Number(t1 - t0) / 1e6,
    readMs: Number(t2 - t1) / 1e6,
    counts: [1, 2, 3, 4].map((r) => hf.getCellValue({ sheet: 0, col: 8, row: r - 1 })),
    rows,
  });
  hf.destroy();
});
