// Loaded into the server's process by the benchmark (`--import`, with `--expose-gc`), never by the server itself:
// answers on the IPC channel only, so nothing new is reachable over the network.
// - "memory": what the process holds after a full garbage collection (JavaScript heap, plus the buffers and
//   native objects it owns), so that memory per connection is not a reading of garbage not yet collected, nor
//   of pages the allocator has not handed back.
// - "usage" (the scale sweep): the parts of that memory, and the resident set.
// - "stats" (the soak): heap used after a full collection, resident memory, and the open handles by kind
//   (process.getActiveResourcesInfo(): sockets, timers, file requests…).
// - { snapshot: dir } (the soak): writes a heap snapshot there and answers with its path.
import { writeHeapSnapshot } from 'node:v8';

const collect = () => {
  globalThis.gc?.();
  globalThis.gc?.();
};

process.on('message', (message) => {
  if (message === 'memory') {
    collect();
    const { heapUsed, external } = process.memoryUsage();
    process.send?.({ memory: heapUsed + external });
  } else if (message === 'usage') {
    collect();
    const { heapUsed, external, rss } = process.memoryUsage();
    process.send?.({ usage: { heapUsed, external, rss } });
  } else if (message === 'stats') {
    collect();
    const { heapUsed, external, rss } = process.memoryUsage();
    const handles = {};
    for (const kind of process.getActiveResourcesInfo()) handles[kind] = (handles[kind] ?? 0) + 1;
    process.send?.({ stats: { heapUsed, external, rss, handles } });
  } else if (typeof message?.snapshot === 'string') {
    collect();
    process.send?.({ snapshotPath: writeHeapSnapshot(`${message.snapshot}/server-${Date.now()}.heapsnapshot`) });
  }
});
