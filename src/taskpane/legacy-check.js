/*
 * Runs first in taskpane-only.html (manifest-taskpane.xml, Office 2016/2019). Written in ES5 and
 * copied as is: volume-licensed Office 2016/2019 may host add-ins in Internet Explorer 11
 * ("Trident") or Edge Legacy ("EdgeHTML"), which cannot run the pane's bundle. Microsoft
 * recommends detecting them through navigator.userAgent and showing a graceful message
 * ("Support older Microsoft webviews and Office versions", learn.microsoft.com/office/dev/add-ins/
 * develop/support-ie-11). The message is built with textContent only.
 */
/* global window, document */
(function () {
  'use strict';
  var ua = window.navigator.userAgent || '';
  if (ua.indexOf('Trident') === -1 && ua.indexOf('Edge/') === -1) return;
  window.__cadreLegacyWebview = true;
  var standalone = window.location.href.replace(/[?#].*$/, '').replace(/taskpane-only\.html$/, 'taskpane.html');
  var lines = [
    '此版本的 Office 用旧的网页内核（Internet Explorer 11 或旧版 Edge）显示加载项，干部台账助手无法在这里运行。',
    '可以：1. 用浏览器（Chrome、新版 Edge 或 360 极速模式）打开独立页面 ' + standalone + '，选择台账文件进行检查、办理向导和生成常委会材料；2. 使用命令行工具 cadre-ledger；3. 使用 WPS 表格加载项，或升级到 Microsoft 365 / Office 2021 及以上版本。',
    'This Office shows add-ins in an old web engine (Internet Explorer 11 or Edge Legacy), where the Cadre Ledger Assistant cannot run.',
    'Instead: 1. open the standalone page ' + standalone + ' in a browser (Chrome, the new Edge) and choose the ledger file; 2. use the cadre-ledger command line; 3. use the WPS Spreadsheets add-in, or Microsoft 365 / Office 2021 or later.'
  ];
  function show() {
    var root = document.getElementById('root');
    if (!root) return;
    while (root.firstChild) root.removeChild(root.firstChild);
    for (var i = 0; i < lines.length; i++) {
      var p = document.createElement('p');
      p.style.padding = '0 16px';
      p.textContent = lines[i];
      root.appendChild(p);
    }
    root.setAttribute('data-legacy-webview', 'true');
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
})();
