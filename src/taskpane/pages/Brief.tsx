/**
 * 常委会议研究材料: choose the as-of date, preview the sections and the policy in force, write the
 * brief worksheet (asking before replacing one of the same name) and download the .docx. The
 * sequencing lives in ../brief/controller.ts.
 */
import { useEffect, useState, type ReactElement } from 'react';
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
} from '@fluentui/react-components';
import { phrase, type Phrase } from '../../i18n/message';
import { S } from '../../i18n/strings';
import { C } from '../../i18n/strings-check';
import { formatIso, todayLocal } from '../../values/local-date';
import { phraseText, useT } from '../i18n';
import { errorMsg } from '../use-grids';
import { useSession } from '../session';
import { briefDocxFile, parseAsOf, prepareBrief, writeBriefSheet, type BriefPreview } from '../brief/controller';
import { workbookPolicy } from '../check/controller';
import { downloadBytes } from '../download';
import { DownloadBar } from '../check/DownloadBar';
import { FormsPanel } from '../brief/FormsPanel';
import type { LocalDate } from '../../values/local-date';

export function BriefPage(): ReactElement {
  const t = useT();
  const session = useSession();
  const port = session.workbook?.port ?? null;
  const [asOfText, setAsOfText] = useState(() => formatIso(todayLocal()));
  const [preview, setPreview] = useState<BriefPreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState(false);
  // Messages are kept as Phrases (message + values) and worded at render, so a message shown
  // before the language switch follows it (e.g. “….docx” was generated, n items masked).
  const [error, setError] = useState<Phrase | null>(null);
  const [info, setInfo] = useState<Phrase[]>([]);
  const [confirmReplace, setConfirmReplace] = useState<string | null>(null);
  const [written, setWritten] = useState(false);

  const failure = (e: unknown): Phrase => phrase(C.failed, { reason: errorMsg(e) });

  useEffect(() => {
    setPreview(null);
    setConfirmReplace(null);
    if (!port) return;
    const d = parseAsOf(asOfText);
    if ('error' in d) {
      setError(phrase(d.error));
      return;
    }
    let live = true;
    setLoading(true);
    setError(null);
    (async () => {
      const { policy, calendar } = await workbookPolicy(port);
      return prepareBrief(port, policy, d.date, calendar);
    })().then(
      (p) => {
        if (!live) return;
        setPreview(p);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(failure(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [port, asOfText, session.generation]);

  const run = async (job: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    setInfo([]);
    try {
      await job();
    } catch (e) {
      setError(failure(e));
    } finally {
      setBusy(false);
    }
  };

  const write = (replace: boolean): Promise<void> =>
    run(async () => {
      if (!port || !preview) return;
      setConfirmReplace(null);
      const r = await writeBriefSheet(port, preview.model, { replace });
      if (r.status === 'exists') return setConfirmReplace(r.sheet);
      setInfo([phrase(C.sheetWritten, { name: r.sheet }), ...(r.masked ? [phrase(C.masked, { n: r.masked })] : [])]);
      setWritten(true);
      session.reload();
    });

  const docx = (): Promise<void> =>
    run(async () => {
      if (!preview) return;
      const f = await briefDocxFile(preview.model);
      downloadBytes(f.bytes, f.fileName, f.mime);
      setInfo([phrase(C.docxReady, { name: f.fileName }), ...(f.masked ? [phrase(C.masked, { n: f.masked })] : [])]);
    });

  return (
    <section aria-labelledby="brief-title" style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
      <Title3 as="h2" id="brief-title">
        {t(S.briefTitle)}
      </Title3>
      <Text as="p" style={{ margin: 0 }}>
        {t(C.briefIntro)}
      </Text>
      {!port ? <Text as="p">{t(S.noWorkbook)}</Text> : null}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'end' }}>
        <Field label={t(C.asOf)} size="small">
          <Input type="date" size="small" value={asOfText} onChange={(_, d) => setAsOfText(d.value)} data-testid="brief-as-of" />
        </Field>
      </div>
      {loading ? <Spinner size="small" label={t(C.preparing)} /> : null}
      {error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody data-testid="brief-error">{phraseText(t, error)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {info.map((m, i) => (
        <MessageBar key={i} intent="success">
          <MessageBarBody data-testid="brief-info">{phraseText(t, m)}</MessageBarBody>
        </MessageBar>
      ))}
      {confirmReplace ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody data-testid="brief-exists">{t(C.sheetExists, { name: confirmReplace })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => void write(true)} data-testid="brief-replace">
              {t(C.replace)}
            </Button>
            <Button
              size="small"
              onClick={() => {
                setInfo([phrase(C.keptSheet, { name: confirmReplace })]);
                setConfirmReplace(null);
              }}
            >
              {t(C.keep)}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {preview ? (
        <>
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button appearance="primary" onClick={() => void write(false)} disabled={busy} data-testid="brief-write">
              {t(C.writeSheet, { name: preview.sheetName })}
            </Button>
            <Button onClick={() => void docx()} disabled={busy} data-testid="brief-docx">
              {t(C.downloadDocx)}
            </Button>
          </div>
          {busy ? <Spinner size="tiny" /> : null}
          {written ? <DownloadBar onError={(e) => setError(failure(e))} /> : null}
          {port && 'date' in parseAsOf(asOfText) ? (
            <FormsPanel port={port} asOf={(parseAsOf(asOfText) as { date: LocalDate }).date} onWritten={() => session.reload()} />
          ) : null}
          <h3 style={{ margin: '4px 0' }}>{t(C.briefSections)}</h3>
          <ol style={{ margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 6 }} data-testid="brief-sections">
            {preview.sections.map((s) => (
              <li key={s.id} data-testid="brief-section" data-section={s.id}>
                <Text weight="semibold" block>
                  {t(s.heading)}
                </Text>
                <Text size={200} block>
                  {t(s.summary)}
                </Text>
              </li>
            ))}
          </ol>
          <h3 style={{ margin: '4px 0' }}>{t(C.briefPolicy)}</h3>
          <Table aria-label={t(C.briefPolicy)} size="extra-small" data-testid="brief-policy">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t(C.colItem)}</TableHeaderCell>
                <TableHeaderCell>{t(C.colValue)}</TableHeaderCell>
                <TableHeaderCell>{t(C.colDefault)}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.policy.map((p) => (
                <TableRow key={p.key}>
                  <TableCell>
                    <Text size={200}>{t(p.screen.label)}</Text>
                  </TableCell>
                  <TableCell>
                    <Text size={200}>{t(p.screen.value)}</Text>{' '}
                    {p.changed ? (
                      <Badge size="small" appearance="tint" color="warning">
                        {t(C.changed)}
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <Text size={200}>{t(p.screen.defaultValue)}</Text>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : null}
    </section>
  );
}
