/**
 * 政策设置: every rule value of SPEC §2 with its default and source, editable and saved in the open
 * workbook (settings 'policy' and 'calendar', src/policy/workbook-policy.ts) — the same editor as
 * the settings wizard. Without a workbook it shows the built-in values read-only.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Text, Title3 } from '@fluentui/react-components';
import { msg, phrase, type Msg, type Phrase } from '../../i18n/message';
import { S } from '../../i18n/strings';
import { W2 } from '../../i18n/strings-wizards-2';
import { DEFAULT_POLICY } from '../../policy/policy';
import { loadWorkbookPolicy } from '../../policy/workbook-policy';
import { defaultOptions } from '../../wizards/framework';
import { flatOverrides, flattenDiff, overridesFromCalendar, runSettings, settingsOptionFields, settingsToStore } from '../../wizards/settings';
import type { OptionValues } from '../../wizards/types';
import type { CalendarOverrides } from '../../calendar';
import { phraseText, useT } from '../i18n';
import { useSession } from '../session';
import { errorMsg } from '../use-grids';
import { SettingsEditor } from '../wizards/SettingsEditor';
import { refreshFunctions } from '../excel-port';
import { PolicyTable } from './PolicyTable';
import { workbookBaseName } from '../download';

/** The separator between refusals: a Chinese semicolon, or an English one. */
const SEMI: Msg = msg('；', '; ');
const joinMsgs = (list: readonly Msg[]): Msg => msg(list.map((m) => m['zh-CN']).join(SEMI['zh-CN']), list.map((m) => m['en-US']).join(SEMI['en-US']));

interface Loaded {
  readonly values: OptionValues;
  readonly current: Record<string, unknown>;
  readonly calendar: CalendarOverrides;
  readonly storedErrors: readonly Msg[];
}

export function SettingsPage(): ReactElement {
  const t = useT();
  const session = useSession();
  const port = session.workbook?.port ?? null;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [values, setValues] = useState<OptionValues | null>(null);
  // A Phrase, worded at render: the message follows the language switch.
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: Phrase } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!port) return;
    let live = true;
    setLoaded(null);
    void loadWorkbookPolicy((k) => port.getSetting(k)).then((w) => {
      if (!live) return;
      const calendar = overridesFromCalendar(w.calendar);
      const v = defaultOptions(settingsOptionFields(w.policy, calendar));
      setLoaded({ values: v, current: flatOverrides(flattenDiff(w.policy)), calendar, storedErrors: w.errors.map((e) => e.message) });
      setValues(v);
    });
    return () => {
      live = false;
    };
  }, [port, session.generation]);

  const save = async (): Promise<void> => {
    if (!port || !loaded || !values) return;
    setMessage(null);
    const result = runSettings(values, loaded.current, loaded.calendar);
    if (result.refused.length) {
      setMessage({ intent: 'error', text: phrase(W2.setNotSavedList, { list: joinMsgs(result.refused) }) });
      return;
    }
    setSaving(true);
    try {
      for (const s of settingsToStore(result)) await port.setSetting(s.key, s.value);
      if (session.workbook?.source === 'excel') await refreshFunctions(port);
      const n = Object.keys(result.flat).length;
      setMessage({ intent: 'success', text: phrase(session.workbook?.source === 'excel' ? W2.setSaved : W2.setSavedDownload, { n }) });
      session.reload();
    } catch (e) {
      setMessage({ intent: 'error', text: phrase(errorMsg(e)) });
    } finally {
      setSaving(false);
    }
  };

  const download = async (): Promise<void> => {
    const p = port as { save?: () => Promise<Uint8Array> } | null;
    if (!p?.save) return;
    const blob = new Blob([new Uint8Array(await p.save())], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    const label = session.workbook?.label;
    a.href = url;
    a.download = t(W2.setFileName, { base: typeof label === 'string' ? workbookBaseName(label) : t(label ?? W2.setFileBase) });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section aria-labelledby="settings-title" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Title3 as="h2" id="settings-title">
        {t(S.settingsTitle)}
      </Title3>
      <Text as="p">{t(S.settingsIntro)}</Text>
      {!port ? (
        <>
          <MessageBar intent="info">
            <MessageBarBody>{t(W2.setNoWorkbook)}</MessageBarBody>
          </MessageBar>
          <PolicyTable policy={DEFAULT_POLICY} label={t(S.settingsTitle)} />
        </>
      ) : !values || !loaded ? (
        <Spinner size="tiny" label={t(W2.setLoading)} />
      ) : (
        <>
          {loaded.storedErrors.length ? (
            <MessageBar intent="warning" data-testid="stored-errors">
              <MessageBarBody>
                {t(W2.setStoredRefused)}
                {loaded.storedErrors.map((m) => t(m)).join(t(SEMI))}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <SettingsEditor value={values} onChange={setValues} />
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button appearance="primary" onClick={() => void save()} disabled={saving} data-testid="settings-save">
              {t(W2.setSave)}
            </Button>
            {session.workbook?.source !== 'excel' && message?.intent === 'success' ? (
              <Button onClick={() => void download()} data-testid="settings-download">
                {t(W2.setDownload)}
              </Button>
            ) : null}
          </div>
          {message ? (
            <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'} data-testid="settings-message">
              <MessageBarBody>{phraseText(t, message.text)}</MessageBarBody>
            </MessageBar>
          ) : null}
        </>
      )}
    </section>
  );
}
