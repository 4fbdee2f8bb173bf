/**
 * A node:fs callback call as a promise: `whenDone((callback) => rename(from, to, callback))`.
 * The write layer uses the callback functions, not node:fs/promises: loading that module
 * costs every scaffold about 1 ms.
 */
export function whenDone(start: (callback: (error: NodeJS.ErrnoException | null) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => start((error) => (error ? reject(error) : resolve())));
}
