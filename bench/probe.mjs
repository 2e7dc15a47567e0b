// Loaded into the server's process by the benchmark (`--import`, with `--expose-gc`): answers "memory" on the
// IPC channel with what the process holds after a full garbage collection (JavaScript heap, plus the
// buffers and native objects it owns), so that memory per connection is not a reading of garbage not yet
// collected, nor of pages the allocator has not handed back.
process.on('message', (message) => {
  if (message !== 'memory') return;
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, external } = process.memoryUsage();
  process.send?.({ memory: heapUsed + external });
});
