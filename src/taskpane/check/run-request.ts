/**
 * The ribbon's 检查台账 asks the task pane to run the check as soon as it shows: the command sets
 * the hash #/check/run (the commands bundle shares the page with the pane in the shared runtime,
 * but not its modules, so the request travels in the URL); the Check page runs the check and
 * sets the hash back to #/check.
 */
export const RUN_CHECK_HASH = '#/check/run';

export function isRunCheckRequest(hash: string): boolean {
  return /^#\/?check\/run\b/.test(hash);
}
