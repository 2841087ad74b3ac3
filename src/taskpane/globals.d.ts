/** Values webpack's DefinePlugin fills in at build time (see webpack.config.js). */
declare const __APP_VERSION__: string;
declare const __OFFICE_JS__: 'local' | 'cdn';
