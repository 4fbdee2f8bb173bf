import type dns from 'node:dns';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { cachingLookup } from '../src/resolver';

type Answer = { err: NodeJS.ErrnoException | null; addresses: dns.LookupAddress[] };

/** A resolver the test answers by hand, counting the questions. */
function fakeResolver() {
  const pending: ((answer: Answer) => void)[] = [];
  const resolve = (_host: string, callback: (err: NodeJS.ErrnoException | null, a: dns.LookupAddress[]) => void) =>
    pending.push(({ err, addresses }) => callback(err, addresses));
  return { resolve, pending, answer: (a: Answer) => pending.shift()!(a) };
}

function lookupOnce(lookup: ReturnType<typeof cachingLookup>, host: string): Promise<{ err: Error | null; address: string }> {
  return new Promise((resolve) => lookup(host, {}, (err, address) => resolve({ err, address: address as string })));
}

const ip = (address: string): dns.LookupAddress[] => [{ address, family: 4 }];

describe('upstream names are resolved once, then answered from memory', () => {
  it('asks the resolver for a new name, then answers from the cache without asking', async () => {
    const dns = fakeResolver();
    const lookup = cachingLookup(5000, dns.resolve, () => 0);
    const first = lookupOnce(lookup, 'upstream');
    dns.answer({ err: null, addresses: ip('10.0.0.1') });
    expect(await first).toEqual({ err: null, address: '10.0.0.1' });
    expect(await lookupOnce(lookup, 'upstream')).toEqual({ err: null, address: '10.0.0.1' });
    expect(dns.pending).toHaveLength(0);
  });

  it('refreshes an old answer in the background, answering at once with the one it has', async () => {
    let now = 0;
    const dns = fakeResolver();
    const lookup = cachingLookup(5000, dns.resolve, () => now);
    const first = lookupOnce(lookup, 'upstream');
    dns.answer({ err: null, addresses: ip('10.0.0.1') });
    await first;
    now = 6000;
    expect(await lookupOnce(lookup, 'upstream')).toEqual({ err: null, address: '10.0.0.1' });
    expect(dns.pending).toHaveLength(1);
    dns.answer({ err: null, addresses: ip('10.0.0.2') });
    expect(await lookupOnce(lookup, 'upstream')).toEqual({ err: null, address: '10.0.0.2' });
  });

  it('keeps the last good answer when a refresh fails, and reports a name it never resolved', async () => {
    let now = 0;
    const dns = fakeResolver();
    const lookup = cachingLookup(5000, dns.resolve, () => now);
    const first = lookupOnce(lookup, 'upstream');
    dns.answer({ err: null, addresses: ip('10.0.0.1') });
    await first;
    now = 6000;
    await lookupOnce(lookup, 'upstream');
    dns.answer({ err: Object.assign(new Error('timeout'), { code: 'EAI_AGAIN' }), addresses: [] });
    expect(await lookupOnce(lookup, 'upstream')).toEqual({ err: null, address: '10.0.0.1' });
    expect(dns.pending).toHaveLength(0); // the failed refresh is not retried at once

    const unknown = lookupOnce(lookup, 'nowhere');
    dns.answer({ err: Object.assign(new Error('not found'), { code: 'ENOTFOUND' }), addresses: [] });
    expect((await unknown).err).toMatchObject({ code: 'ENOTFOUND' });
  });

  it('answers net.connect in the form it asks for (all addresses, with autoSelectFamily)', async () => {
    const dns = fakeResolver();
    const lookup = cachingLookup(5000, dns.resolve, () => 0);
    const all = new Promise((resolve) => lookup('upstream', { all: true }, (err, addresses) => resolve({ err, addresses })));
    dns.answer({ err: null, addresses: [...ip('10.0.0.1'), { address: '::1', family: 6 }] });
    expect(await all).toEqual({
      err: null,
      addresses: [
        { address: '10.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ],
    });
  });
});

describe('upstream names are known before the first connection', () => {
  it('asks once for a name, however many connections wait for it', async () => {
    const dns = fakeResolver();
    const lookup = cachingLookup(5000, dns.resolve, () => 0);
    const waiting = [lookupOnce(lookup, 'upstream'), lookupOnce(lookup, 'upstream'), lookupOnce(lookup, 'upstream')];
    expect(dns.pending).toHaveLength(1);
    dns.answer({ err: null, addresses: ip('10.0.0.1') });
    expect(await Promise.all(waiting)).toEqual(Array(3).fill({ err: null, address: '10.0.0.1' }));
  });

  it('resolves the upstreams from the start, so a failover to the backup asks no DNS', async () => {
    const dns = fakeResolver();
    const lookup = cachingLookup(5000, dns.resolve, () => 0);
    const stop = lookup.keepResolved(['primary', 'backup', '127.0.0.1']); // an address needs no DNS
    expect(dns.pending).toHaveLength(2);
    dns.answer({ err: null, addresses: ip('10.0.0.1') });
    dns.answer({ err: null, addresses: ip('10.0.0.2') });
    expect(await lookupOnce(lookup, 'backup')).toEqual({ err: null, address: '10.0.0.2' });
    expect(dns.pending).toHaveLength(0);
    stop();
  });

  it('retries a name that does not resolve yet every second, and refreshes known ones every refreshMs', async () => {
    vi.useFakeTimers();
    onTestFinished(() => void vi.useRealTimers());
    let now = 0;
    const dns = fakeResolver();
    const lookup = cachingLookup(5000, dns.resolve, () => now);
    const stop = lookup.keepResolved(['backup']);
    dns.answer({ err: Object.assign(new Error('not found'), { code: 'ENOTFOUND' }), addresses: [] }); // its pod is not up yet
    now += 1000;
    vi.advanceTimersByTime(1000);
    expect(dns.pending).toHaveLength(1);
    dns.answer({ err: null, addresses: ip('10.0.0.2') });
    now += 1000;
    vi.advanceTimersByTime(3000);
    expect(dns.pending).toHaveLength(0); // known, and not old yet
    now += 5000;
    vi.advanceTimersByTime(1000);
    expect(dns.pending).toHaveLength(1); // old: refreshed
    stop();
  });
});
