// Runs wrk against a URL (loopback only, bounded by -d) and parses what it prints.
import { run } from './proc.mjs';

const UNIT_MS = { us: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function toMs(text) {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text);
  return match ? Number(match[1]) * UNIT_MS[match[2]] : NaN;
}

export function parseWrk(output) {
  const percentile = (p) => {
    const match = new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(output);
    return match ? toMs(match[1]) : NaN;
  };
  const requests = /(\d+) requests in/.exec(output);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? NaN),
    requests: requests ? Number(requests[1]) : NaN,
    p50: percentile(50),
    p90: percentile(90),
    p99: percentile(99),
    errors: (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0) + (non2xx ? Number(non2xx[1]) : 0),
  };
}

export async function wrk(bin, url, { seconds, connections, threads = 1 }) {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`wrk is only pointed at loopback, not ${url}`);
  const result = await run(
    bin,
    ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '2s', '--latency', url],
    {
      timeoutMs: (seconds + 15) * 1000,
    },
  );
  if (result.code !== 0) throw new Error(`wrk failed (${result.code ?? result.signal}): ${result.stderr || result.stdout}`);
  const parsed = parseWrk(result.stdout);
  if (!Number.isFinite(parsed.rps)) throw new Error(`could not read wrk's output: ${result.stdout}`);
  return parsed;
}
