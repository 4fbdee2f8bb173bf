import { type FSWatcher, watch } from 'node:fs';

/**
 * Wakes the shipper as soon as anything in the log's folder changes (inotify, as `tail -F`
 * does), so lines go out at once instead of at the next poll. Polling stays the fallback:
 * on network and some shared volumes no event ever comes, and watching can fail (inotify
 * limits), in which case this only waits.
 */
export class ChangeSignal {
  private watcher?: FSWatcher;
  private changed = false;
  private wake?: () => void;

  constructor(dir: string, onError: (err: Error) => void) {
    try {
      // Not persistent: it never keeps the process alive by itself.
      this.watcher = watch(dir, { persistent: false }, () => this.notify());
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
