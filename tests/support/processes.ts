/**
 * What the e2e tests need to know about processes and sockets, read from Linux's /proc: which
 * processes a run started (to signal one of them, and to prove none is left), and which of them
 * listens on a port. No `ss`, `lsof` or `ps` needed on the machine.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Process group. */
  pgid: number;
  /** Clock ticks after boot: with the pid, names one process even after its pid is reused. */
  startTime: string;
  /** `Z`: exited, not yet reaped; it holds no sockets and runs no code. */
  state: string;
  cmdline: string;
}

export function processInfo(pid: number, { withCmdline = true } = {}): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp ..."; comm may hold spaces and parentheses: cut after the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = withCmdline ? readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ') : '';
    return { pid, state: fields[0], ppid: Number(fields[1]), pgid: Number(fields[2]), startTime: fields[19], cmdline };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** Every process; without command lines unless asked (reading them all is the slow part). */
export function allProcesses({ withCmdline = false } = {}): ProcessInfo[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => processInfo(Number(name), { withCmdline }))
    .filter((info): info is ProcessInfo => info !== undefined);
}

/** The processes below `roots` (not the roots themselves), by parent pid. */
export function descendantsOf(roots: number[], table = allProcesses()): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>();
  for (const info of table) children.set(info.ppid, [...(children.get(info.ppid) ?? []), info]);
  const found = new Map<number, ProcessInfo>();
  const queue = [...roots];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      if (found.has(child.pid)) continue;
      found.set(child.pid, child);
      queue.push(child.pid);
    }
  }
  // Command lines only for what was found.
  return [...found.values()].map((info) => ({ ...info, cmdline: processInfo(info.pid)?.cmdline ?? '' }));
}

/** True while that very process (same pid and start time) runs; a zombie does not count. */
export function isRunning(pid: number, startTime: string): boolean {
  const info = processInfo(pid);
  return info !== undefined && info.startTime === startTime && info.state !== 'Z';
}

export interface Listener {
  /** Local address as text: `127.0.0.1`, `0.0.0.0`, `::`, `::1`, `::ffff:127.0.0.1`. */
  address: string;
  port: number;
  inode: string;
}

/** Every listening TCP socket of this network namespace. */
export function tcpListeners(): Listener[] {
  const out: Listener[] = [];
  for (const [file, decode] of [['/proc/net/tcp', ipv4] as const, ['/proc/net/tcp6', ipv6] as const]) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10 || cols[3] !== '0A') continue; // 0A: LISTEN
      const [hexAddress, hexPort] = cols[1].split(':');
      out.push({ address: decode(hexAddress), port: parseInt(hexPort, 16), inode: cols[9] });
    }
  }
  return out;
}

/** The socket inodes a process holds open. */
export function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  let fds: string[] = [];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return inodes;
  }
  for (const fd of fds) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]);
    } catch {
      // closed meanwhile
    }
  }
  return inodes;
}

/** Which of `pids` listen on `port`, with the address each listens on. */
export function listenersAmong(pids: number[], port: number): { pid: number; address: string }[] {
  const onPort = tcpListeners().filter((l) => l.port === port);
  if (onPort.length === 0) return [];
  const out: { pid: number; address: string }[] = [];
  for (const pid of pids) {
    const inodes = socketInodes(pid);
    for (const listener of onPort) if (inodes.has(listener.inode)) out.push({ pid, address: listener.address });
  }
  return out;
}

/** Who holds `port` on this machine, for error messages: "1234 conmon ...", or "" if no one. */
export function describeListeners(port: number): string {
  const onPort = tcpListeners().filter((l) => l.port === port);
  if (onPort.length === 0) return '';
  const owners = allProcesses({ withCmdline: true })
    .filter((p) => onPort.some((l) => socketInodes(p.pid).has(l.inode)))
    .map((p) => `pid ${p.pid} (${p.cmdline || 'no cmdline'})`);
  return `${onPort.map((l) => `${l.address}:${l.port}`).join(', ')} held by ${owners.join(', ') || 'a process out of sight'}`;
}

function ipv4(hex: string): string {
  // Four bytes in host (little-endian) order.
  return [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join('.');
}

function ipv6(hex: string): string {
  // Four 32-bit words, each in host (little-endian) order.
  const bytes: number[] = [];
  for (let word = 0; word < 4; word += 1) {
    for (const i of [3, 2, 1, 0]) bytes.push(parseInt(hex.slice(word * 8 + i * 2, word * 8 + i * 2 + 2), 16));
  }
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return `::ffff:${bytes.slice(12).join('.')}`;
  }
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[i * 2] << 8) | bytes[i * 2 + 1]).toString(16));
  return groups
    .join(':')
    .replace(/(^|:)0(:0)+(:|$)/, '::')
    .replace(/:{3,}/, '::');
}
