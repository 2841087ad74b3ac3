/**
 * Builds the add-in into dist/: taskpane.html (the shared runtime page hosting the task pane, the
 * custom functions and the ribbon commands), taskpane-only.html with legacy-check.js and
 * manifest-taskpane.xml (the task-pane-only add-in for Office 2016/2019), functions.json (generated from src/functions by
 * custom-functions-metadata), functions.html, the bundles, icons, the sample ledger, office.js
 * (copied from @microsoft/office-js, so the add-in works on an intranet) and manifest.xml.
 *
 * Environment:
 *   ADDIN_URL=https://host/path   production URL; every https://localhost:3000/ URL in the
 *                                 emitted manifest.xml, manifest-taskpane.xml and functions.json (the functions'
 *                                 @helpurl links to help/functions.html) is rewritten to it
 *   OFFICE_JS=cdn                 load office.js from Microsoft's CDN instead of the add-in
 *   DEV_HTTPS=1                   serve https with the Office dev certificates (sideloading)
 *   PORT=3000                     dev server port
 */
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const pkg = require('./package.json');

const DEV_URL = 'https://localhost:3000/';
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

/** Normalised production base URL (always ends in "/"), or null when not set. */
function addinUrl() {
  const raw = process.env.ADDIN_URL;
  if (!raw) return null;
  const u = new URL(raw);
  if (u.protocol !== 'https:') throw new Error(`ADDIN_URL must be https (Office loads add-ins over https only): ${raw}`);
  return u.href.endsWith('/') ? u.href : `${u.href}/`;
}

/** The manifest as emitted: every dev URL rewritten to the production base. */
function rewriteManifest(xml, base) {
  return base ? xml.split(DEV_URL).join(base) : xml;
}

/**
 * office.js files an Excel add-in needs: the loader, Excel's host scripts for every platform, the
 * custom functions runtime, the app/file mapping table and the UI strings of every locale. The
 * optional telemetry sinks (telemetry/, ariatelemetry/) are deliberately not shipped: office.js
 * then switches its own telemetry logger off.
 */
const OFFICE_JS_FILES = [
  'office.js',
  'o15apptofilemappingtable.js',
  'custom-functions-runtime.js',
  'es6-promise.js',
  'excel-*.js',
  'excelwebapp-*.js',
  'excelios-*.js',
  '*/office_strings.js',
];

function csp({ dev, cdn }) {
  const script = ["'self'", cdn ? 'https://appsforoffice.microsoft.com' : null].filter(Boolean).join(' ');
  // ws: only for the development server's live reload.
  const connect = ["'self'", dev ? 'ws://localhost:*' : null, dev ? 'wss://localhost:*' : null].filter(Boolean).join(' ');
  return [
    "default-src 'self'",
    `script-src ${script}`,
    // Fluent UI (Griffel) and Office's host scripts insert <style> elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    // Outside Office, office.js tries to frame Microsoft's telemetry proxy; only our own pages may be framed.
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** Resolution, TypeScript loading and output settings shared with the WPS build (webpack.wps.config.js). */
function commonOptions() {
  return {
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Types are checked by `npm run typecheck`; the bundle only needs transpiling.
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: true } } },
        },
      ],
    },
    performance: { hints: false },
    optimization: { splitChunks: false },
    stats: 'errors-warnings',
  };
}

/** functions.json carries the @helpurl of every CADRE function: rewrite it like the manifest. */
class RewriteFunctionsJson {
  constructor(base) {
    this.base = base;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('RewriteFunctionsJson', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'RewriteFunctionsJson', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset('functions.json');
        if (!asset || !this.base) return;
        compilation.updateAsset('functions.json', new webpack.sources.RawSource(rewriteManifest(asset.source.source().toString(), this.base)));
      });
    });
  }
}

/** After each build, one line per bundle and page, and the office.js total (sizes in KiB). */
class SizeReport {
  apply(compiler) {
    compiler.hooks.done.tap('SizeReport', (stats) => {
      const assets = stats.compilation.getAssets().map((a) => ({ name: a.name, size: a.info.size ?? a.source.size() }));
      const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
      const mine = assets.filter((a) => !a.name.startsWith('office-js/') && !a.name.endsWith('.map') && !a.name.endsWith('.LICENSE.txt'));
      const office = assets.filter((a) => a.name.startsWith('office-js/'));
      const lines = mine.sort((a, b) => b.size - a.size).map((a) => `  ${a.name.padEnd(32)} ${kib(a.size).padStart(12)}`);
      if (office.length) lines.push(`  ${`office-js/ (${office.length} files)`.padEnd(32)} ${kib(office.reduce((s, a) => s + a.size, 0)).padStart(12)}`);
      console.log(
        `\n[build] bundle sizes (${stats.compilation.options.mode}) → ${path.relative(process.cwd(), stats.compilation.outputOptions.path) || '.'}\n${lines.join('\n')}\n`,
      );
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || 'production';
  const dev = mode === 'development';
  const cdn = process.env.OFFICE_JS === 'cdn' || env.officeJs === 'cdn';
  const base = dev ? null : addinUrl();
  const outDir = path.resolve(__dirname, env.outDir || process.env.BUILD_OUT || 'dist');
  const port = Number(process.env.PORT || pkg.config.dev_server_port || 3000);
  const https = process.env.DEV_HTTPS === '1';
  if (!dev && !base && !env.quiet) {
    console.warn('[build] ADDIN_URL is not set: dist/manifest.xml keeps https://localhost:3000/. Production: ADDIN_URL=https://host/path npm run build');
  }

  const pageOptions = {
    csp: csp({ dev, cdn }),
    officeJs: cdn ? CDN_OFFICE_JS : 'office-js/office.js',
  };

  const config = {
    mode: dev ? 'development' : 'production',
    // Never eval-based source maps: the pages' CSP forbids eval.
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      functions: './src/functions/functions.ts',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: outDir,
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      // dist/node (the CLI, compiled by `npm install`) and dist/scripts are not ours to delete.
      clean: { keep: /^(node|scripts)([\\/]|$)/ },
    },
    ...commonOptions(),
    plugins: [
      new SizeReport(),
      new webpack.DefinePlugin({
        __APP_VERSION__: JSON.stringify(pkg.version),
        __OFFICE_JS__: JSON.stringify(cdn ? 'cdn' : 'local'),
      }),
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new RewriteFunctionsJson(base),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane', 'commands', 'functions'],
        scriptLoading: 'defer',
        ...pageOptions,
      }),
      // Office 2016/2019 (manifest-taskpane.xml): the pane alone, no functions, no commands.
      new HtmlWebpackPlugin({
        filename: 'taskpane-only.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        runtime: 'taskpane',
        legacyCheck: true,
        ...pageOptions,
      }),
      new HtmlWebpackPlugin({
        filename: 'functions.html',
        template: './src/functions/functions.html',
        chunks: ['functions'],
        scriptLoading: 'defer',
        ...pageOptions,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/sample-ledger.xlsx', to: 'assets/sample-ledger.xlsx' },
          // The Chinese help page every CADRE function's @helpurl points at.
          { from: 'src/functions/help.html', to: 'help/functions.html' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => rewriteManifest(content.toString('utf8'), base) },
          { from: 'manifest-taskpane.xml', to: 'manifest-taskpane.xml', transform: (content) => rewriteManifest(content.toString('utf8'), base) },
          // ES5, not transpiled: must run in IE11 / Edge Legacy to say the pane cannot.
          { from: 'src/taskpane/legacy-check.js', to: 'legacy-check.js', info: { minimized: true } },
          // Already minified by Microsoft: mark them so Terser leaves them alone.
          ...(cdn
            ? []
            : OFFICE_JS_FILES.map((glob) => ({
                from: glob,
                context: OFFICE_JS_DIR,
                to: 'office-js/[path][name][ext]',
                globOptions: { ignore: ['**/*.debug.js'] },
                info: { minimized: true },
              }))),
        ],
      }),
    ],
    devServer: {
      port,
      host: 'localhost',
      server: 'http',
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: false, logging: 'warn' },
      headers: { 'Access-Control-Allow-Origin': '*' },
      historyApiFallback: false,
      devMiddleware: { writeToDisk: false },
    },
  };
  if (!https) return config;
  // Sideloading needs https with the Office dev certificates (office-addin-dev-certs installs them).
  return require('office-addin-dev-certs')
    .getHttpsServerOptions()
    .then((options) => ({ ...config, devServer: { ...config.devServer, server: { type: 'https', options } } }));
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.csp = csp;
module.exports.commonOptions = commonOptions;
module.exports.SizeReport = SizeReport;
module.exports.DEV_URL = DEV_URL;
