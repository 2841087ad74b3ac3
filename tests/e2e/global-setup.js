'use strict';
// jest globalSetup of the "addin" project: one production build for the manifest and e2e tests.
const { buildOnce } = require('./build');

module.exports = async () => {
  await buildOnce();
};
