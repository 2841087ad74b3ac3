/** The task pane shell: header, language switch, navigation and the routed screens. */
import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import { Button, FluentProvider, MessageBar, MessageBarBody, Tab, TabList, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { Locale, Msg } from '../i18n/message';
import { S } from '../i18n/strings';
import type { HostInfo } from './host';
import { LocaleContext, saveLocale, useT } from './i18n';
import { ROUTES, navigate, useRoute, type Route } from './router';
import { SessionContext, type SessionState, type Workbook } from './session';
import { errorMsg } from './use-grids';
import { HomePage } from './pages/Home';
import { CheckPage } from './pages/Check';
import { BriefPage } from './pages/Brief';
import { SettingsPage } from './pages/Settings';
import { AboutPage } from './pages/About';
import { WizardsPage } from './pages/Wizards';
import type { WorkbookPort } from '../workbook/port';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: '8px',
    padding: '10px 12px',
    backgroundColor: '#a4161a',
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0, color: '#ffffff' },
  subtitle: { color: '#ffe8e8' },
  lang: { display: 'flex', gap: '4px' },
  nav: { backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  // the pane is 320–350 px wide: the tabs wrap onto a second line rather than cut off the last one
  tabs: { flexWrap: 'wrap', rowGap: '0px' },
  main: { padding: '12px', flexGrow: 1, display: 'flex', flexDirection: 'column', gap: '12px' },
});

const NAV: Readonly<Record<Route, keyof typeof S>> = {
  home: 'navHome',
  wizards: 'navWizards',
  check: 'navCheck',
  brief: 'navBrief',
  settings: 'navSettings',
  about: 'navAbout',
};

export interface AppProps {
  readonly host: HostInfo;
  readonly initialLocale: Locale;
  /** Excel mode: the port over the open workbook; standalone: null (a file is opened here). */
  readonly excelPort: WorkbookPort | null;
}

export function App({ host, initialLocale, excelPort }: AppProps): ReactElement {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    saveLocale(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = S.appTitle[locale];
  }, [locale]);

  const session = useWorkbookSession(host, excelPort);
  const localeState = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);

  return (
    <LocaleContext.Provider value={localeState}>
      <FluentProvider theme={webLightTheme} lang={locale}>
        <SessionContext.Provider value={session}>
          <Shell host={host} />
        </SessionContext.Provider>
      </FluentProvider>
    </LocaleContext.Provider>
  );
}

/** The file adapter (exceljs) is loaded only when a file is opened: Excel mode never needs it. */
const standalone = () => import(/* webpackChunkName: "standalone" */ './standalone/open');

function useWorkbookSession(host: HostInfo, excelPort: WorkbookPort | null): SessionState {
  const [workbook, setWorkbook] = useState<Workbook | null>(excelPort ? { port: excelPort, label: S.thisWorkbook, source: 'excel' } : null);
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Msg | null>(null);

  const load = useCallback(async (open: () => Promise<Workbook>) => {
    setBusy(true);
    setError(null);
    try {
      setWorkbook(await open());
      setGeneration((g) => g + 1);
    } catch (e) {
      setError(errorMsg(e));
    } finally {
      setBusy(false);
    }
  }, []);

  const openFile = useCallback(
    (file: File) =>
      load(async () => {
        const { book, note } = await (await standalone()).openWorkbookFile(file);
        return { port: book, label: file.name, source: 'file' as const, note };
      }),
    [load],
  );
  const openSample = useCallback(
    () => load(async () => ({ port: await (await standalone()).openSampleLedger(), label: S.sampleName, source: 'sample' as const })),
    [load],
  );
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  // Standalone mode opens the sample ledger by default, so the pane shows something real at once.
  useEffect(() => {
    if (host.kind === 'standalone') void openSample();
  }, [host.kind, openSample]);

  return { workbook, generation, busy, error, openFile, openSample, reload };
}

function Shell({ host }: { host: HostInfo }): ReactElement {
  const styles = useStyles();
  const t = useT();
  const route = useRoute();
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div>
          <h1 className={styles.title}>{t(S.appTitle)}</h1>
          <Text size={200} className={styles.subtitle}>
            {t(host.label ?? (host.kind === 'excel' ? S.modeExcel : S.modeStandalone))}
          </Text>
        </div>
        <LanguageSwitch />
      </header>
      <nav className={styles.nav} aria-label={t(S.nav)}>
        <TabList className={styles.tabs} selectedValue={route} onTabSelect={(_, d) => navigate(d.value as Route)} size="small">
          {ROUTES.map((r) => (
            <Tab key={r} value={r} id={`nav-${r}`}>
              {t(S[NAV[r]])}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.main} id="main" aria-live="polite">
        {host.notice ? (
          <MessageBar intent="warning" data-host-notice={host.reason}>
            <MessageBarBody>{t(host.notice)}</MessageBarBody>
          </MessageBar>
        ) : null}
        {host.kind === 'standalone' && route === 'home' ? (
          <MessageBar intent="info">
            <MessageBarBody>{t(S.standaloneExplain)}</MessageBarBody>
          </MessageBar>
        ) : null}
        <Page route={route} host={host} />
      </main>
    </div>
  );
}

function Page({ route, host }: { route: Route; host: HostInfo }): ReactElement {
  switch (route) {
    case 'home':
      return <HomePage host={host} />;
    case 'check':
      return <CheckPage />;
    case 'brief':
      return <BriefPage />;
    case 'settings':
      return <SettingsPage />;
    case 'wizards':
      return <WizardsPage />;
    case 'about':
      return <AboutPage host={host} />;
  }
}

function LanguageSwitch(): ReactElement {
  const t = useT();
  const styles = useStyles();
  return (
    <LocaleContext.Consumer>
      {({ locale, setLocale }) => (
        <div role="group" aria-label={t(S.language)} className={styles.lang}>
          <Button
            size="small"
            appearance={locale === 'zh-CN' ? 'primary' : 'secondary'}
            aria-pressed={locale === 'zh-CN'}
            lang="zh-CN"
            onClick={() => setLocale('zh-CN')}
          >
            {S.langZh['zh-CN']}
          </Button>
          <Button
            size="small"
            appearance={locale === 'en-US' ? 'primary' : 'secondary'}
            aria-pressed={locale === 'en-US'}
            lang="en-US"
            onClick={() => setLocale('en-US')}
          >
            {S.langEn['en-US']}
          </Button>
        </div>
      )}
    </LocaleContext.Consumer>
  );
}
