/**
 * Why this file exists: Kubernetes stops a container by sending SIGTERM, waits the pod's grace
 * period, then kills it. Every container here wants the same two answers: on the first signal,
 * finish what it is doing (its own `stop`); on a second one, do what that container decides
 * (`stopNow`: exit at once by default, or nothing at all for a drain that must not be cut short).
 */
export function onTermination(
  stop: (signal: NodeJS.Signals) => void,
  stopNow: (signal: NodeJS.Signals) => void = () => process.exit(1),
): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return stopNow(signal);
    stopping = true;
    stop(signal);
  };
  // SIGTERM is what the kubelet sends; SIGINT is Ctrl-C in `npm run dev`.
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
