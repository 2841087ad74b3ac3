'use strict';
// Preloaded (node -r) into a whole-command bench run: on exit, the run's peak memory (VmHWM of
// /proc/self/status) goes to stderr as one JSON line, after everything the command wrote.
process.on('exit', () => {
  let kb = NaN;
  try {
    kb = Number(/VmHWM:\s+(\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]);
  } catch {
    kb = process.resourceUsage().maxRSS;
  }
  process.stderr.write(`\n${JSON.stringify({ benchPeakMb: kb / 1024 })}\n`);
});
