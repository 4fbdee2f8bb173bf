// Loaded into every container `npm run dev` or `npm run demo` starts (`node --require`), never
// into an image. A runner that dies without stopping its containers (kill -9, out of memory)
// would leave them running, holding their ports, and the next `npm run dev` could not bind
// them. So each container watches its parent: once the runner is gone, it gets the SIGTERM the
// runner would have sent, and stops as it would in a pod. (Unix only: elsewhere ppid never changes.)
//
// The runner passes its pid: a runner killed while the container was still booting has already
// handed it to another parent, and the container's first look would take that one for its runner.
const runner = Number(process.env.DEV_RUNNER_PID) || process.ppid;
// The container's own code never sees it.
delete process.env.DEV_RUNNER_PID;

const runnerGone = () => process.ppid !== runner;
const watch = setInterval(() => {
  if (!runnerGone()) return;
  clearInterval(watch);
  process.kill(process.pid, 'SIGTERM');
}, 250);
// The watch alone never keeps a container alive.
watch.unref();
