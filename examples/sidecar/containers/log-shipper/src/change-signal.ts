import { type FSWatcher, watch } from 'node:fs';

/**
 * Wakes the shipper as soon as one of the log's files changes (inotify, as `tail -F`
 * does), so lines go out at once instead of at the next poll. Changes to other files in
 * the folder (the shipper's own state file, anything else) are ignored: waking for them
 * would spin the shipper at full speed while another file is written often. Polling stays
 * the fallback: on network and some shared volumes no event ever comes, and watching can
 * fail (inotify limits), in which case this only waits.
 */
export class ChangeSignal {
  private watcher?: FSWatcher;
  private changed = false;
  private wake?: () => void;
  /** How many changes woke (or would have woken) the shipper: for tests. */
  wakeups = 0;

  constructor(dir: string, isWatched: (name: string) => boolean, onError: (err: Error) => void) {
    try {
      // Not persistent: it never keeps the process alive by itself.
      this.watcher = watch(dir, { persistent: false }, (_event, name) => {
        // No name given (some platforms): take it as a change of ours, to be safe.
        if (name === null || isWatched(name.toString())) this.notify();
      });
      this.watcher.on('error', (err) => {
        onError(err);
        this.close();
      });
    } catch (err) {
      onError(err as Error);
    }
  }

  /** Signals a change by hand: ends the current wait. */
  notify(): void {
    this.wakeups += 1;
    this.changed = true;
    this.wake?.();
  }

  /** Resolves at the next change (or at once if there was one since the last wait), or after `ms`. */
  wait(ms: number): Promise<void> {
    if (this.changed) {
      this.changed = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.changed = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  close(): void {
    this.watcher?.close();
    this.watcher = undefined;
    this.wake?.();
  }
}
