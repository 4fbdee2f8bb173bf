import dns from 'node:dns';
import type net from 'node:net';

type Addresses = dns.LookupAddress[];
type Resolve = (hostname: string, callback: (err: NodeJS.ErrnoException | null, addresses: Addresses) => void) => void;

const systemResolve: Resolve = (hostname, callback) => dns.lookup(hostname, { all: true }, callback);

/**
 * A lookup for net.connect that asks the resolver once per name and then answers from
 * memory, refreshing in the background once an answer is older than refreshMs. So a slow
 * or failing DNS server (a cluster's under load, podman's aardvark) never eats into the
 * connect timeout, and never breaks the way to an upstream whose address is known.
 */
export function cachingLookup(refreshMs: number, resolve: Resolve = systemResolve, now: () => number = Date.now): net.LookupFunction {
  const cache = new Map<string, { addresses: Addresses; at: number; refreshing: boolean }>();

  const refresh = (hostname: string, done?: (err: NodeJS.ErrnoException | null, addresses?: Addresses) => void) =>
    resolve(hostname, (err, addresses) => {
      const entry = cache.get(hostname);
      if (!err && addresses.length) cache.set(hostname, { addresses, at: now(), refreshing: false });
      // A failed refresh keeps the last good answer, and is tried again refreshMs later.
      else if (entry) Object.assign(entry, { at: now(), refreshing: false });
      done?.(err, addresses);
    });

  return (hostname, options, callback) => {
    const answer = (addresses: Addresses) => {
      if (options.all) (callback as (e: null, a: Addresses) => void)(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    };
    const entry = cache.get(hostname);
    if (!entry) {
      refresh(hostname, (err, addresses) => (err ? callback(err, '', 0) : answer(addresses!)));
      return;
    }
    if (now() - entry.at >= refreshMs && !entry.refreshing) {
      entry.refreshing = true;
      refresh(hostname);
    }
    answer(entry.addresses);
  };
}
