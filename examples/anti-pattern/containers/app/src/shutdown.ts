/**
 * Runs `stop` on the first SIGTERM (what the kubelet sends) or SIGINT (Ctrl-C in `npm run dev`),
 * and `stopNow` on any later one: a second signal means "stop now", not "stop again".
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
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
