/** Standalone mode: download the workbook as changed in this browser (原文件名-已修正.xlsx). */
import { useState, type ReactElement } from 'react';
import { Button, Card, Text } from '@fluentui/react-components';
import { C } from '../../i18n/strings-check';
import type { WorkbookPort } from '../../workbook/port';
import { useLocale, useT } from '../i18n';
import { useSession } from '../session';
import { correctedFileName, downloadBytes, XLSX_MIME } from '../download';

interface Savable {
  save(): Promise<Uint8Array>;
}
export const canSave = (p: WorkbookPort | null): p is WorkbookPort & Savable => p !== null && typeof (p as Partial<Savable>).save === 'function';

export function DownloadBar({ onError }: { onError: (e: unknown) => void }): ReactElement | null {
  const t = useT();
  const { locale } = useLocale();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const port = session.workbook?.port ?? null;
  if (!session.workbook || !canSave(port)) return null;
  const label = typeof session.workbook.label === 'string' ? session.workbook.label : t(session.workbook.label);
  const name = correctedFileName(label, locale);
  const download = async (): Promise<void> => {
    setBusy(true);
    try {
      downloadBytes(await port.save(), name, XLSX_MIME);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card appearance="filled-alternative" size="small">
      <Text size={200}>{t(C.downloadHint, { name })}</Text>
      <div>
        <Button appearance="primary" onClick={() => void download()} disabled={busy} data-testid="download-workbook">
          {t(C.download)}
        </Button>
      </div>
    </Card>
  );
}
