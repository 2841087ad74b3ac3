/**
 * 检查台账: run the ledger check (marks + 问题清单), browse the findings by sheet and code, preview
 * and apply safe fixes, 公式转为数值 / 修复公式, undo the last change, clear the marks; in standalone
 * mode download the changed workbook. The logic lives in ../check/*.ts; this is the screen.
 */
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import {
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarActions,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  Title3,
} from '@fluentui/react-components';
import { msg, phrase, type Msg, type Phrase } from '../../i18n/message';
import { C } from '../../i18n/strings-check';
import { S } from '../../i18n/strings';
import { cellStateAt } from '../../ledger/apply-plan';
import { cellRef, type LedgerFinding } from '../../ledger/findings';
import type { UndoSnapshot } from '../../ledger/edit-plan';
import { formatIso, todayLocal } from '../../values/local-date';
import type { SheetInfo, WorkbookPort } from '../../workbook/port';
import { phraseText, useT } from '../i18n';
import { errorMsg } from '../use-grids';
import { useSession } from '../session';
import { clearAllMarks, runLedgerCheck, workbookPolicy, type CheckRun } from '../check/controller';
import { applyTicked, editKey, lastUndo, prepareFixes, prepareRepair, prepareToValues, showState, undoLast, type PreparedPlan } from '../check/changes';
import { parseAsOf } from '../brief/controller';
import { isRunCheckRequest } from '../check/run-request';
import { FindingsList } from '../check/FindingsList';
import { PlanPreview } from '../check/PlanPreview';
import { DownloadBar } from '../check/DownloadBar';
import { ColumnMapPanel } from '../check/ColumnMapPanel';
import { DEFAULT_POLICY } from '../../policy/policy';

type SubTab = 'findings' | 'fix' | 'share';

interface Picked {
  readonly sheet: string;
  readonly ref: string;
  readonly content: string;
  readonly formula: string | null;
  readonly findings: readonly LedgerFinding[];
}

interface Selectable {
  select(sheet: string, row: number, col: number): Promise<void>;
}
const canSelect = (p: WorkbookPort): p is WorkbookPort & Selectable => typeof (p as Partial<Selectable>).select === 'function';

/** What failed, kept as a Phrase so the message follows the language switch. */
function failure(e: unknown): Phrase {
  return phrase(C.failed, { reason: errorMsg(e) });
}

export function CheckPage(): ReactElement {
  const t = useT();
  const session = useSession();
  const port = session.workbook?.port ?? null;
  const [tab, setTab] = useState<SubTab>('findings');
  const [asOfText, setAsOfText] = useState(() => formatIso(todayLocal()));
  const [run, setRun] = useState<CheckRun | null>(null);
  const [busy, setBusy] = useState<Msg | null>(null);
  // Messages are kept as Phrases (message + values) and worded at render: they follow the language switch.
  const [error, setError] = useState<Phrase | null>(null);
  const [info, setInfo] = useState<Phrase | null>(null);
  const [preview, setPreview] = useState<PreparedPlan | null>(null);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [undoSnap, setUndoSnap] = useState<UndoSnapshot | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [changed, setChanged] = useState(false);
  // A column taught with 指定列 is a workbook setting: in standalone mode it is kept only by downloading.
  const [taughtChanged, setTaughtChanged] = useState(false);
  const [sheets, setSheets] = useState<readonly SheetInfo[]>([]);
  const [shareSheet, setShareSheet] = useState('');
  const [shareRange, setShareRange] = useState('');

  // A new workbook: forget what belonged to the previous one.
  useEffect(() => {
    setRun(null);
    setPreview(null);
    setPicked(null);
    setChanged(false);
    setTaughtChanged(false);
    setInfo(null);
    setError(null);
  }, [port]);

  // The last change kept in the workbook (also after the pane was closed and reopened).
  useEffect(() => {
    if (!port) return setUndoSnap(null);
    let live = true;
    lastUndo(port).then(
      (s) => live && setUndoSnap(s),
      () => live && setUndoSnap(null),
    );
    return () => {
      live = false;
    };
  }, [port, session.generation]);

  useEffect(() => {
    if (!port || tab !== 'share') return;
    let live = true;
    port.listSheets().then(
      (list) => live && setSheets(list.filter((s) => s.visibility === 'visible')),
      () => live && setSheets([]),
    );
    return () => {
      live = false;
    };
  }, [port, tab, session.generation]);

  const act = useCallback(async (what: Msg, job: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    setInfo(null);
    try {
      await job();
    } catch (e) {
      setError(failure(e));
    } finally {
      setBusy(null);
    }
  }, []);

  const asOf = (): ReturnType<typeof parseAsOf> => parseAsOf(asOfText);

  const doCheck = useCallback(async () => {
    if (!port) return;
    const d = parseAsOf(asOfText);
    if ('error' in d) return setError(phrase(d.error));
    await act(C.checking, async () => {
      setPicked(null);
      setTab('findings');
      setRun(await runLedgerCheck(port, d.date));
      setChanged(false);
    });
  }, [port, asOfText, act]);

  // 检查台账 from the ribbon: #/check/run runs the check as soon as a workbook is there.
  const runRef = useRef(doCheck);
  runRef.current = doCheck;
  useEffect(() => {
    if (!port) return;
    const onHash = (): void => {
      if (!isRunCheckRequest(window.location.hash)) return;
      window.history.replaceState(null, '', '#/check');
      void runRef.current();
    };
    onHash();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [port]);

  const onPick = async (f: LedgerFinding): Promise<void> => {
    if (!port) return;
    if (canSelect(port)) {
      await act(C.working, () => port.select(f.sheet, f.row, f.col));
      return;
    }
    await act(C.working, async () => {
      const [grid] = await port.read([f.sheet]);
      const state = cellStateAt(grid, f.row, f.col);
      setPicked({
        sheet: f.sheet,
        ref: cellRef(f),
        content: showState({ ...state, formula: null }),
        formula: state.formula,
        findings: (run?.findings ?? []).filter((x) => x.sheet === f.sheet && x.row === f.row && x.col === f.col),
      });
    });
  };

  const openPreview = (make: () => Promise<PreparedPlan>): Promise<void> =>
    act(C.working, async () => {
      setUnticked(new Set());
      setPreview(await make());
    });

  const previewFixes = async (): Promise<void> => {
    if (!port) return;
    const d = asOf();
    if ('error' in d) return setError(phrase(d.error));
    await openPreview(async () => {
      const { policy, calendar, taught, taughtProblems } = await workbookPolicy(port);
      return prepareFixes(port, { policy, calendar, asOf: d.date, taught, taughtProblems });
    });
  };

  const apply = (): Promise<void> =>
    act(C.working, async () => {
      if (!port || !preview) return;
      const snap = await applyTicked(port, preview, unticked);
      setPreview(null);
      if (!snap) return setInfo(phrase(C.nothingTicked));
      setUndoSnap(snap);
      setChanged(true);
      setInfo(phrase(C.applied, { n: snap.cells.length }));
      session.reload();
    });

  const undo = (): Promise<void> =>
    act(C.working, async () => {
      if (!port) return;
      const snap = await undoLast(port);
      setUndoSnap(null);
      if (!snap) return setInfo(phrase(C.nothingToUndo));
      setChanged(true);
      setInfo(phrase(C.undone, { label: snap.label, n: snap.cells.length }));
      session.reload();
    });

  const clear = (): Promise<void> =>
    act(C.working, async () => {
      if (!port) return;
      await clearAllMarks(port);
      setInfo(phrase(C.marksCleared));
    });

  const toggle = (key: string, ticked: boolean): void =>
    setUnticked((prev) => {
      const next = new Set(prev);
      if (ticked) next.delete(key);
      else next.add(key);
      return next;
    });
  const toggleAll = (ticked: boolean): void => {
    if (!preview) return;
    setUnticked(ticked ? new Set() : new Set(preview.plan.edits.map(editKey)));
  };

  const ledgerCount = run ? run.models.filter((m) => m.kind !== 'unknown').length : 0;

  return (
    <section aria-labelledby="check-title" style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
      <Title3 as="h2" id="check-title">
        {t(S.checkTitle)}
      </Title3>
      <Text as="p" style={{ margin: 0 }}>
        {t(C.checkIntro)}
      </Text>
      {!port ? <Text as="p">{t(C.noWorkbook)}</Text> : null}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'end' }}>
        <Field label={t(C.asOf)} size="small">
          <Input type="date" size="small" value={asOfText} onChange={(_, d) => setAsOfText(d.value)} data-testid="check-as-of" />
        </Field>
        <Button appearance="primary" onClick={() => void doCheck()} disabled={!port || busy !== null} data-testid="run-check">
          {t(C.runCheck)}
        </Button>
        <Button onClick={() => void clear()} disabled={!port || busy !== null} data-testid="clear-marks">
          {t(C.clearMarks)}
        </Button>
      </div>
      {busy ? <Spinner size="small" label={t(busy)} /> : null}
      {error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody data-testid="check-error">{phraseText(t, error)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {info ? (
        <MessageBar intent="success">
          <MessageBarBody data-testid="check-info">{phraseText(t, info)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {undoSnap ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody data-testid="last-change">
            {t(C.lastChange, { label: t(undoSnap.label), n: undoSnap.cells.length, time: new Date(undoSnap.createdAt).toLocaleString() })}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void undo()} disabled={busy !== null} data-testid="undo">
              {t(C.undo)}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {changed || undoSnap || taughtChanged ? <DownloadBar onError={(e) => setError(failure(e))} /> : null}

      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as SubTab)} size="small" aria-label={t(S.checkTitle)}>
        <Tab value="findings" data-testid="tab-findings">
          {t(C.tabFindings)}
        </Tab>
        <Tab value="fix" data-testid="tab-fix">
          {t(C.tabFix)}
        </Tab>
        <Tab value="share" data-testid="tab-share">
          {t(C.tabShare)}
        </Tab>
      </TabList>

      {tab === 'findings' ? (
        <>
          {!run ? <Text as="p">{t(C.notRunYet)}</Text> : null}
          {run ? (
            <>
              <MessageBar intent={run.counts.error ? 'warning' : 'success'} layout="multiline">
                <MessageBarBody data-testid="check-summary">
                  {run.findings.length === 0
                    ? t(C.summaryNone, { sheets: ledgerCount })
                    : t(C.summary, {
                        sheets: ledgerCount,
                        n: run.findings.length,
                        error: run.counts.error,
                        warning: run.counts.warning,
                        info: run.counts.info,
                        marked: run.marked,
                      })}
                  {run.findingsSheet && run.findings.length ? ` ${t(C.listedIn, { sheet: run.findingsSheet })}` : ''}
                </MessageBarBody>
              </MessageBar>
              {run.notices.map((n) => (
                <MessageBar key={n['en-US']} intent="warning" layout="multiline">
                  <MessageBarBody data-testid="check-notice">{t(n)}</MessageBarBody>
                </MessageBar>
              ))}
              {run.repairableFormulas ? (
                <MessageBar intent="info">
                  <MessageBarBody>{t(C.repairHint, { n: run.repairableFormulas })}</MessageBarBody>
                </MessageBar>
              ) : null}
              {changed ? (
                <Text size={200} italic>
                  {t(C.rerunHint)}
                </Text>
              ) : null}
              {run.findings.length ? <Text size={200}>{t(port && canSelect(port) ? C.clickToSelect : C.clickToShow)}</Text> : null}
              {picked ? <CellCard picked={picked} onClose={() => setPicked(null)} /> : null}
              <FindingsList groups={run.groups} onPick={(f) => void onPick(f)} />
              {port ? (
                <ColumnMapPanel
                  port={port}
                  models={run.models}
                  policy={run.policy ?? DEFAULT_POLICY}
                  busy={busy !== null}
                  onSaved={(text) => {
                    setTaughtChanged(true);
                    void doCheck().then(() => setInfo(phrase(msg(text, text))));
                  }}
                />
              ) : null}
            </>
          ) : null}
        </>
      ) : null}

      {tab === 'fix' ? (
        preview && preview.kind === 'fix' ? (
          <PlanPreview
            prepared={preview}
            unticked={unticked}
            onToggle={toggle}
            onToggleAll={toggleAll}
            onApply={() => void apply()}
            onCancel={() => setPreview(null)}
            busy={busy !== null}
          />
        ) : (
          <>
            <Text as="p" style={{ margin: 0 }}>
              {t(C.fixIntro)}
            </Text>
            <div>
              <Button appearance="primary" onClick={() => void previewFixes()} disabled={!port || busy !== null} data-testid="preview-fixes">
                {t(C.previewFixes)}
              </Button>
            </div>
          </>
        )
      ) : null}

      {tab === 'share' ? (
        preview && preview.kind !== 'fix' ? (
          <PlanPreview
            prepared={preview}
            unticked={unticked}
            onToggle={toggle}
            onToggleAll={toggleAll}
            onApply={() => void apply()}
            onCancel={() => setPreview(null)}
            busy={busy !== null}
          />
        ) : (
          <>
            <Text as="p" style={{ margin: 0 }}>
              {t(C.shareIntro)}
            </Text>
            <Field label={t(C.shareSheet)} size="small">
              <Select size="small" value={shareSheet} onChange={(_, d) => setShareSheet(d.value)} data-testid="share-sheet">
                <option value="">{t(C.allSheets)}</option>
                {sheets.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t(C.shareRange)} size="small">
              <Input size="small" value={shareRange} onChange={(_, d) => setShareRange(d.value)} data-testid="share-range" />
            </Field>
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
              <Button
                onClick={() => port && void openPreview(() => prepareToValues(port, shareSheet || null, shareRange))}
                disabled={!port || busy !== null}
                data-testid="preview-to-values"
              >
                {t(C.toValues)}
              </Button>
              <Button
                onClick={() => port && void openPreview(() => prepareRepair(port, shareSheet || null, shareRange))}
                disabled={!port || busy !== null}
                data-testid="preview-repair"
              >
                {t(C.repair)}
              </Button>
            </div>
          </>
        )
      ) : null}
    </section>
  );
}

function CellCard({ picked, onClose }: { picked: Picked; onClose: () => void }): ReactElement {
  const t = useT();
  return (
    <Card size="small" data-testid="cell-card" aria-label={t(C.cellDetail, { ref: `${picked.sheet}!${picked.ref}` })}>
      <strong>{t(C.cellDetail, { ref: `${picked.sheet}!${picked.ref}` })}</strong>
      <Text size={200}>
        {t(C.cellValue)}: <code data-testid="cell-content">{picked.content === '' ? t(C.cellEmpty) : picked.content}</code>
      </Text>
      {picked.formula ? (
        <Text size={200}>
          {t(C.cellFormula)}: <code>{picked.formula}</code>
        </Text>
      ) : null}
      <Text size={200}>{t(C.cellFindings)}:</Text>
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {picked.findings.map((f, i) => (
          <li key={i}>
            <Text size={200}>
              {t(f.message)} <code>({f.code})</code>
            </Text>
          </li>
        ))}
      </ul>
      <div>
        <Button size="small" onClick={onClose}>
          {t(C.close)}
        </Button>
      </div>
    </Card>
  );
}
