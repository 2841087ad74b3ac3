/**
 * Builds the WPS 表格 add-in (WPS 加载项, publish mode) into dist-wps/:
 *
 *   dist-wps/cadre-ledger_<version>/   the add-in folder WPS loads:
 *     index.html + wps-addin.js         main page: ribbon callbacks, CADRE functions (src/wps/addin.ts)
 *     ribbon.xml                        the 干部台账 tab (wps/ribbon.xml, customUI)
 *     manifest.xml + functions.json     the CADRE functions' namespace and metadata (wpsjs 2.x format)
 *     taskpane.html + taskpane.js       the same React task pane, on the WPS adapter
 *     assets/, help/
 *   dist-wps/publish.xml                offline (离线) deployment: copy it and the folder into jsaddons
 *   dist-wps/jsplugins.xml              online (在线) deployment: oem.ini [Server] JSPluginsServer
 *   dist-wps/install-wps.bat / .sh      copy the folder and publish.xml into the user's jsaddons
 *
 * Why not `wpsjs publish`: it asks its questions interactively (inquirer), packs with 7-Zip and
 * expects a Vite project (wpsjs 2.2.3 src/lib/publish.js, build.js); the files it writes are
 * small, documented above and in scripts/wps-addin.js, so this build writes them itself.
 *
 * Environment: WPS_ADDIN_URL=http://intranet-host/path/ the URL the add-in folder is served from
 * (online mode); without it jsplugins.xml points at http://127.0.0.1:3889/ (wpsjs's debug port).
 */
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');
const pkg = require('./package.json');
const { commonOptions, csp, SizeReport } = require('./webpack.config.js');
const wps = require('./scripts/wps-addin.js');

const FOLDER = wps.folderName(pkg.version);
const DEFAULT_URL = 'http://127.0.0.1:3889/';

/** WPS loads an offline add-in from file://; 'self' alone may not match file: pages (unverified), so file: is allowed too. */
function wpsCsp() {
  return csp({ dev: false, cdn: false })
    .split('; ')
    .map((d) => (/^(default|script|style|img|font|connect|frame|worker)-src /.test(d) ? d.replace("'self'", "'self' file:") : d))
    .join('; ');
}

const installBat = `@echo off
rem 安装干部台账助手 WPS 加载项：把加载项文件夹和 publish.xml 复制到当前用户的 jsaddons 目录
set "DEST=%APPDATA%\\kingsoft\\wps\\jsaddons"
if not exist "%DEST%" mkdir "%DEST%"
xcopy /E /I /Y "%~dp0${FOLDER}" "%DEST%\\${FOLDER}"
copy /Y "%~dp0publish.xml" "%DEST%\\publish.xml"
echo 已安装到 %DEST%，请重新启动 WPS。
`;

const installSh = `#!/bin/sh
# 安装干部台账助手 WPS 加载项（Linux：麒麟 / 统信 UOS）：复制到当前用户的 jsaddons 目录
set -e
DEST="$HOME/.local/share/Kingsoft/wps/jsaddons"
HERE="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$DEST"
cp -R "$HERE/${FOLDER}" "$DEST/"
cp "$HERE/publish.xml" "$DEST/publish.xml"
echo "已安装到 $DEST，请重新启动 WPS（quickstartoffice restart）。"
`;

module.exports = async (env = {}) => {
  const outDir = path.resolve(__dirname, env.outDir || process.env.WPS_OUT || 'dist-wps');
  const generated = await generateCustomFunctionsMetadata('./src/functions/functions.ts');
  if (generated.errors.length) throw new Error(generated.errors.join('\n'));
  const functions = wps.wpsFunctions(JSON.parse(generated.metadataJson), generated.associate);
  const base = process.env.WPS_ADDIN_URL || DEFAULT_URL;
  if (!process.env.WPS_ADDIN_URL && !env.quiet)
    console.warn(`[build:wps] WPS_ADDIN_URL is not set: jsplugins.xml points at ${DEFAULT_URL} (offline publish.xml needs no URL)`);
  const page = { csp: wpsCsp(), officeJs: null, runtime: 'taskpane' };
  fs.rmSync(outDir, { recursive: true, force: true });
  return {
    mode: 'production',
    devtool: false,
    entry: {
      'wps-addin': './src/wps/addin.ts',
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.join(outDir, FOLDER),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
    },
    ...commonOptions(),
    plugins: [
      new SizeReport(),
      new webpack.DefinePlugin({
        __APP_VERSION__: JSON.stringify(pkg.version),
        __OFFICE_JS__: JSON.stringify('none'),
        __CADRE_WPS_FUNCTIONS__: JSON.stringify(functions),
      }),
      // Blocking, like the wpsjs template's main.js: the ribbon's onLoad callback must exist when WPS reads ribbon.xml.
      new HtmlWebpackPlugin({ filename: 'index.html', template: './wps/index.html', chunks: ['wps-addin'], scriptLoading: 'blocking', ...page }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], scriptLoading: 'defer', ...page }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'wps/ribbon.xml', to: 'ribbon.xml' },
          { from: 'wps/manifest.xml', to: 'manifest.xml' },
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/functions/help.html', to: 'help/functions.html' },
        ],
      }),
      {
        // functions.json inside the add-in folder; the deployment files beside it, in dist-wps/.
        apply(compiler) {
          compiler.hooks.thisCompilation.tap('WpsFunctionsJson', (compilation) => {
            compilation.hooks.processAssets.tap({ name: 'WpsFunctionsJson', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
              compilation.emitAsset('functions.json', new webpack.sources.RawSource(wps.functionsJson(functions)));
            });
          });
          compiler.hooks.afterEmit.tap('WpsPublishFiles', () => {
            fs.writeFileSync(path.join(outDir, 'publish.xml'), wps.publishXml(pkg.version));
            fs.writeFileSync(path.join(outDir, 'jsplugins.xml'), wps.jspluginsXml(base));
            fs.writeFileSync(path.join(outDir, 'install-wps.bat'), installBat.replace(/\n/g, '\r\n'));
            fs.writeFileSync(path.join(outDir, 'install-wps.sh'), installSh, { mode: 0o755 });
          });
        },
      },
    ],
  };
};
