// Unloaded request latency of several HTTP/1.1 servers, measured request by request in
// turn (round robin, rotating who goes first), each over its own keep-alive connection: drift
// in machine load hits every target alike. A raw socket client, so the client's own cost is
// small and the same for all.
import net from 'node:net';

function connect(port) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setNoDelay(true);
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends one GET and resolves with the µs until the whole answer (by Content-Length) arrived. */
function request(socket, path) {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const started = process.hrtime.bigint();
    const onData = (chunk) => {
      received = Buffer.concat([received, chunk]);
      const headerEnd = received.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const head = received.subarray(0, headerEnd).toString('latin1');
      const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1]);
      if (!Number.isFinite(length)) return fail(new Error(`no Content-Length in answer: ${head.split('\r\n')[0]}`));
      if (received.length < headerEnd + 4 + length) return;
      cleanup();
      if (!/^HTTP\/1\.1 200 /.test(head)) return reject(new Error(`answer ${head.split('\r\n')[0]}`));
      resolve(Number(process.hrtime.bigint() - started) / 1000);
    };
    const fail = (err) => {
      cleanup();
      reject(err);
    };
    const onClose = () => fail(new Error('connection closed'));
    const timer = setTimeout(() => fail(new Error('no answer within 5 s')), 5000);
    const cleanup = () => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
    };
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
  });
}

/** { name: port } -> { name: [µs, ...] }, `count` requests each after `warmup` each. */
export async function interleavedLatencies(ports, { count, warmup = 200, path = '/' }) {
  const names = Object.keys(ports);
  const sockets = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await connect(ports[n])])));
  try {
    const samples = Object.fromEntries(names.map((n) => [n, []]));
    for (let i = 0; i < warmup + count; i++) {
      const order = names.slice(i % names.length).concat(names.slice(0, i % names.length));
      for (const name of order) {
        const us = await request(sockets[name], path);
        if (i >= warmup) samples[name].push(us);
      }
    }
    return samples;
  } finally {
    for (const socket of Object.values(sockets)) socket.destroy();
  }
}
