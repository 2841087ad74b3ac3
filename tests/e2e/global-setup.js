'use strict';
// jest globalSetup of the "addin" project: one production build for the manifest and e2e tests,
// and the WPS 表格 add-in build (tests/manifest/wps-build.test.ts).
const { buildOnce, buildWpsOnce } = require('./build');

module.exports = async () => {
  await buildOnce();
  await buildWpsOnce();
};
