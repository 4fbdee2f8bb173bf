/** Runs `stop` once on SIGTERM (Kubernetes) or SIGINT (Ctrl-C in `npm run dev`). */
export function onTermination(stop: (signal: NodeJS.Signals) => void): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stop(signal);
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
