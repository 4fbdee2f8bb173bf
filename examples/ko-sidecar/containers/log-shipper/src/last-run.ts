import type { SavedPosition } from './position-store';

/**
 * How many looks must miss a file of the last run before it is taken for deleted. A look
 * stats the log's names one at a time, so a file the app renames meanwhile (it rotates
 * every few seconds) can be under none of the names it checked; the next look finds it.
 */
const LOOKS_BEFORE_GONE = 3;

/** What a restarted shipper has to say about the files of its last run it did not find again. */
export interface GoneSinceLastRun {
  /** Files it had not finished, deleted while it was down: what they held after `offset` is lost, however much they grew meanwhile. */
  unread: SavedPosition[];
  /**
   * Set when even the newest file it knew is gone: the app rotated at least as many times as
   * it keeps files, and files written and deleted in between left no trace.
   */
  noTrace?: { knownFiles: number; newestKnownFileId: string };
}

/**
 * The positions the last run saved, until each is matched to a file found on disk or found
 * gone. Kept in the state file meanwhile, so a second restart does not forget them either.
 */
export class LastRun {
  private readonly pending: { position: SavedPosition; missedLooks: number }[];
  private readonly knownFiles: number;
  private readonly newest?: SavedPosition;

  constructor(saved: SavedPosition[]) {
    this.pending = saved.map((position) => ({ position, missedLooks: 0 }));
    this.knownFiles = saved.length;
    // Saved oldest first: the last one is the file the app was writing.
    this.newest = saved.at(-1);
  }

  /** Removes and returns the first position that `matches`. */
  take(matches: (saved: SavedPosition) => boolean): SavedPosition | undefined {
    const index = this.pending.findIndex(({ position }) => matches(position));
    return index === -1 ? undefined : this.pending.splice(index, 1)[0].position;
  }

  /** The positions not matched yet. */
  positions(): SavedPosition[] {
    return this.pending.map(({ position }) => position);
  }

  /** Counts a look that did not find them; returns the files now taken for gone, or undefined. */
  missedByLook(): GoneSinceLastRun | undefined {
    for (const entry of this.pending) entry.missedLooks += 1;
    const gone = this.pending.filter(({ missedLooks }) => missedLooks >= LOOKS_BEFORE_GONE).map(({ position }) => position);
    if (gone.length === 0) return undefined;
    this.pending.splice(0, this.pending.length, ...this.pending.filter(({ position }) => !gone.includes(position)));
    const newestGone = this.newest !== undefined && gone.includes(this.newest);
    return {
      unread: gone.filter((position) => !position.done),
      ...(newestGone ? { noTrace: { knownFiles: this.knownFiles, newestKnownFileId: this.newest!.fileId } } : {}),
    };
  }
}
