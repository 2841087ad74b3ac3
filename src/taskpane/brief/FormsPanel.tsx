/**
 * 生成任免审批表 on the 常委会材料 screen: the forms of the proposed cadres as of the brief's date,
 * downloaded as one .docx (Excel and standalone alike) and, on request, written as a worksheet per
 * person through the WorkbookPort (asking before replacing sheets of the same names).
 */
import { useState, type ReactElement } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { phrase, type Phrase } from '../../i18n/message';
import { C } from '../../i18n/strings-check';
import { F } from '../../i18n/strings-forms';
import type { LocalDate } from '../../values/local-date';
import type { WorkbookPort } from '../../workbook/port';
import { phraseText, useT } from '../i18n';
import { errorMsg } from '../use-grids';
import { workbookPolicy } from '../check/controller';
import { downloadBytes } from '../download';
import { formsDocxFile, prepareForms, writeFormSheets } from './forms-controller';

export function FormsPanel({ port, asOf, onWritten }: { port: WorkbookPort; asOf: LocalDate; onWritten: () => void }): ReactElement {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<{ intent: 'success' | 'warning' | 'error' | 'info'; text: Phrase }[]>([]);
  const [confirm, setConfirm] = useState<readonly string[] | null>(null);

  const run = async (job: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setMessages([]);
    try {
      await job();
    } catch (e) {
      setMessages([{ intent: 'error', text: phrase(C.failed, { reason: errorMsg(e) }) }]);
    } finally {
      setBusy(false);
    }
  };

  const forms = async () => {
    const { policy, calendar } = await workbookPolicy(port);
    return prepareForms(port, policy, asOf, calendar);
  };

  const notes = (list: Awaited<ReturnType<typeof forms>>) =>
    list.flatMap((f) => f.unreadable.map((note) => ({ intent: 'warning' as const, text: phrase(F.unreadable, { name: f.name, note }) })));

  const docx = () =>
    run(async () => {
      const list = await forms();
      if (!list.length) return setMessages([{ intent: 'info', text: phrase(F.none) }]);
      const f = await formsDocxFile(list, asOf);
      downloadBytes(f.bytes, f.fileName, f.mime);
      setMessages([
        { intent: 'success', text: phrase(F.ready, { name: f.fileName, n: list.length }) },
        { intent: 'info', text: phrase(F.people, { n: list.length, names: list.map((x) => `${x.name}（${x.post}）`).join('、') }) },
        ...(f.masked ? [{ intent: 'warning' as const, text: phrase(C.masked, { n: f.masked }) }] : []),
        ...notes(list),
      ]);
    });

  const sheets = (replace: boolean) =>
    run(async () => {
      setConfirm(null);
      const list = await forms();
      if (!list.length) return setMessages([{ intent: 'info', text: phrase(F.none) }]);
      const r = await writeFormSheets(port, list, { replace });
      if (r.status === 'exists') return setConfirm(r.sheets);
      setMessages([{ intent: 'success', text: phrase(F.sheetsWritten, { names: r.sheets.join('、') }) }, ...notes(list)]);
      onWritten();
    });

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }} data-testid="forms-panel">
      <h3 style={{ margin: '4px 0' }}>{t(F.title)}</h3>
      <Text size={200}>{t(F.intro)}</Text>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button onClick={() => void docx()} disabled={busy} data-testid="forms-docx">
          {t(F.generate)}
        </Button>
        <Button onClick={() => void sheets(false)} disabled={busy} data-testid="forms-sheets">
          {t(F.writeSheets)}
        </Button>
      </div>
      {busy ? <Spinner size="tiny" /> : null}
      {confirm ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody data-testid="forms-exists">{t(F.sheetsExist, { names: confirm.join('、') })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => void sheets(true)} data-testid="forms-replace">
              {t(C.replace)}
            </Button>
            <Button size="small" onClick={() => setConfirm(null)}>
              {t(C.keep)}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {messages.map((m, i) => (
        <MessageBar key={i} intent={m.intent}>
          <MessageBarBody data-testid="forms-info">{phraseText(t, m.text)}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
