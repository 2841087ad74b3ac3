/** Build-time facts (webpack DefinePlugin), with safe fallbacks when the code runs unbundled (jest). */
export const APP_VERSION: string = typeof __APP_VERSION__ !== 'undefined' ? __APP_VERSION__ : '0.0.0-dev';
export const OFFICE_JS_SOURCE: 'local' | 'cdn' = typeof __OFFICE_JS__ !== 'undefined' ? __OFFICE_JS__ : 'local';
/** The sample ledger shipped in assets/ and opened by default in standalone mode. */
export const SAMPLE_LEDGER_URL = 'assets/sample-ledger.xlsx';
