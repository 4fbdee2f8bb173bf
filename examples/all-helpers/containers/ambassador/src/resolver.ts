import dns from 'node:dns';
import net from 'node:net';

type Addresses = dns.LookupAddress[];
type Resolve = (hostname: string, callback: (err: NodeJS.ErrnoException | null, addresses: Addresses) => void) => void;
type Done = (err: NodeJS.ErrnoException | null, addresses?: Addresses) => void;

const systemResolve: Resolve = (hostname, callback) => dns.lookup(hostname, { all: true }, callback);

/** How often the background loop looks for names to resolve; an unresolved name is retried this often. */
const UNRESOLVED_RETRY_MS = 1000;

export type CachingLookup = net.LookupFunction & {
  /**
   * Resolves these names now, retries the ones that do not resolve yet, and refreshes the
   * others every refreshMs, in the background. Returns a function that stops it.
   */
  keepResolved(hostnames: string[]): () => void;
};

/**
 * A lookup for net.connect that asks the resolver once per name and then answers from
 * memory, refreshing in the background once an answer is older than refreshMs. So a slow
 * or failing DNS server (a cluster's under load, podman's aardvark) never eats into the
 * connect timeout, and never breaks the way to an upstream whose address is known.
 *
 * With keepResolved, the upstreams' names are known before the first connection: a
 * failover to the backup then needs no DNS at the worst moment, just after a pod went away
 * (podman's aardvark drops queries while it reloads, and a lost query costs seconds).
 */
export function cachingLookup(refreshMs: number, resolve: Resolve = systemResolve, now: () => number = Date.now): CachingLookup {
  const cache = new Map<string, { addresses: Addresses; at: number }>();
  /** Callers waiting for the answer to a question already asked: one question per name at a time. */
  const inFlight = new Map<string, Done[]>();

  const ask = (hostname: string, done?: Done) => {
    const waiting = inFlight.get(hostname);
    if (waiting) {
      if (done) waiting.push(done);
      return;
    }
    inFlight.set(hostname, done ? [done] : []);
    resolve(hostname, (err, addresses) => {
      const entry = cache.get(hostname);
      if (!err && addresses.length) cache.set(hostname, { addresses, at: now() });
      // A failed refresh keeps the last good answer, and is tried again refreshMs later.
      else if (entry) entry.at = now();
      const callers = inFlight.get(hostname) ?? [];
      inFlight.delete(hostname);
      for (const caller of callers) caller(err, addresses);
    });
  };

  const lookup = ((hostname, options, callback) => {
    const answer = (addresses: Addresses) => {
      if (options.all) (callback as (e: null, a: Addresses) => void)(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    };
    const entry = cache.get(hostname);
    if (!entry) {
      ask(hostname, (err, addresses) => (err || !addresses?.length ? callback(err ?? notFound(hostname), '', 0) : answer(addresses)));
      return;
    }
    if (now() - entry.at >= refreshMs) ask(hostname);
    answer(entry.addresses);
  }) as CachingLookup;

  lookup.keepResolved = (hostnames) => {
    const names = [...new Set(hostnames)].filter((name) => net.isIP(name) === 0);
    const tick = () => {
      for (const name of names) {
        const entry = cache.get(name);
        if (!entry || now() - entry.at >= refreshMs) ask(name);
      }
    };
    tick();
    const timer = setInterval(tick, Math.min(refreshMs, UNRESOLVED_RETRY_MS));
    timer.unref(); // never what keeps the process alive
    return () => clearInterval(timer);
  };
  return lookup;
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
}
