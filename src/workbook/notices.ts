/** Messages an adapter collects about what it skipped (要提示的事项), each once, handed over and forgotten. */
import type { Msg } from '../i18n/message';

export class Notices {
  private list: Msg[] = [];

  add(m: Msg): void {
    if (!this.list.some((n) => n['en-US'] === m['en-US'])) this.list.push(m);
  }

  /** The messages since the last call, then forgets them. */
  take(): Msg[] {
    const out = this.list;
    this.list = [];
    return out;
  }
}
