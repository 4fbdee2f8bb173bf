import type dns from 'node:dns';
import { describe, expect, it } from 'vitest';
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
    expect(await all).toEqual({ err: null, addresses: [{ address: '10.0.0.1', family: 4 }, { address: '::1', family: 6 }] });
  });
});
