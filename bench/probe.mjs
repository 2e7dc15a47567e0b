// Loaded into the server's process by the benchmark (`--import`, with `--expose-gc`): answers "memory" on the
// IPC channel with what the process holds after a full garbage collection (JavaScript heap, plus the
// buffers and native objects it owns), so that memory per connection is not a reading of garbage not yet
// collected, nor of pages the allocator has not handed back. "usage" answers the parts, and the resident set.
process.on('message', (message) => {
  if (message !== 'memory' && message !== 'usage') return;
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, external, rss } = process.memoryUsage();
  process.send?.(message === 'memory' ? { memory: heapUsed + external } : { usage: { heapUsed, external, rss } });
});
