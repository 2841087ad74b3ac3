import { initialLocale, officeHostHinted, type HostWindow } from '../../../src/taskpane/host';

const plain = (over: Partial<HostWindow> = {}): HostWindow => {
  const self = {};
  return { location: { search: '', hash: '' }, name: '', external: {}, parent: self, self, ...over };
};

describe('officeHostHinted: signs that the page runs inside an Office host', () => {
  test('a plain top-level browser page shows none', () => {
    expect(officeHostHinted(plain())).toBe(false);
    expect(officeHostHinted(plain({ location: { search: '?lang=zh', hash: '#/check' } }))).toBe(false);
  });

  test.each<[string, Partial<HostWindow>]>([
    ['the _host_Info query parameter (Office on the web, desktop)', { location: { search: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0', hash: '' } }],
    ['_host_Info in the hash', { location: { search: '', hash: '#/home?_host_Info=Excel$Mac$16.00' } }],
    ['hostInfo kept in window.name', { name: '{"hostInfo":"Excel|Win32|16.01|zh-CN"}' }],
    ['window.external.GetHostInfo (Windows desktop)', { external: { GetHostInfo: () => 'Excel' } }],
    ['agaveHost (Mac desktop)', { agaveHost: {} }],
    ['running inside a frame', { parent: {}, self: {} }],
  ])('%s', (_, over) => {
    expect(officeHostHinted(plain(over))).toBe(true);
  });
});

describe('initialLocale: zh-CN first', () => {
  test.each<[string, Parameters<typeof initialLocale>[0], string | null, string]>([
    ['saved choice wins', { kind: 'excel', displayLanguage: 'en-US', reason: 'excel' }, 'zh-CN', 'zh-CN'],
    ['English Office', { kind: 'excel', displayLanguage: 'en-US', reason: 'excel' }, null, 'en-US'],
    ['Chinese Office', { kind: 'excel', displayLanguage: 'zh-CN', reason: 'excel' }, null, 'zh-CN'],
    ['plain browser in English still starts in Chinese', { kind: 'standalone', displayLanguage: 'en-US', reason: 'no-host' }, null, 'zh-CN'],
    ['garbage saved value ignored', { kind: 'standalone', displayLanguage: null, reason: 'no-host' }, 'fr', 'zh-CN'],
  ])('%s', (_, host, saved, expected) => {
    expect(initialLocale(host, saved)).toBe(expected);
  });
});
