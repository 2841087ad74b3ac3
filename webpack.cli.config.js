/**
 * The command line as one file (issue 14): dist/node/bundle/cadre-ledger.js, which bin/cadre-ledger.js
 * runs. Loading the ~90 modules tsc emits into dist/node took ~90 ms of every `check`; one bundle
 * loads in ~35 ms. brief, forms, lrmx, the full reader (exceljs) and the legacy reader stay
 * separate chunks, loaded only by the commands that use them; packages in node_modules are
 * required from there as usual (never bundled). No minifying: stack traces stay readable.
 * Built by `npm run build:cli` (and `npm install`, via prepare) after tsc, which checks the types.
 */
const path = require('path');

module.exports = {
  mode: 'production',
  target: 'node20',
  entry: { 'cadre-ledger': './src/cli/main.ts' },
  output: {
    path: path.resolve(__dirname, 'dist', 'node', 'bundle'),
    filename: '[name].js',
    chunkFilename: '[name].chunk.js',
    library: { type: 'commonjs2' },
    clean: true,
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: { transpileOnly: true, configFile: 'tsconfig.cli.json', compilerOptions: { module: 'esnext', sourceMap: false } },
        },
      },
    ],
  },
  // Packages stay in node_modules (their own loading, licences and updates); the holiday data is ours to bundle.
  externals: [
    ({ request }, callback) => (/^[@a-z]/.test(request) && !request.startsWith('chinese-days/') ? callback(null, `commonjs ${request}`) : callback()),
  ],
  externalsPresets: { node: true },
  // Modules keep their source path as id: a CPU profile of the bundle (tests/bench/profile-phases.ts)
  // and a stack trace name the file each function comes from.
  optimization: { minimize: false, splitChunks: false, moduleIds: 'named' },
  devtool: false,
  performance: { hints: false },
  stats: 'errors-warnings',
};
