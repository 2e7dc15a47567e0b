import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // GraphiQL's editor (Monaco) is one module graph of about 3 MB, loaded on /explorer only; split up, its dozens
    // of files would be named in the first screen's preload map. The first screen's own budget is
    // scripts/bundle-size.mjs (and test/e2e/explorer.test.ts), not this warning.
    chunkSizeWarningLimit: 3 * 1024,
    rolldownOptions: {
      // GraphiQL's modules start with React Compiler's "use no memo", which bundling cannot keep (nor needs to).
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use no memo')) return;
        warn(warning);
      },
      output: {
        // The libraries change less often than our screens: in chunks of their own, a new version of the desk
        // sends agents' browsers only what changed (and no chunk passes Vite's 500 kB warning).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            {
              name: 'apollo',
              test: /node_modules[\\/](@apollo|graphql|graphql-ws|rxjs|@wry|optimism|tslib|ts-invariant)[\\/]/,
              // Only what the first screen loads: the explorer (GraphiQL) uses much more of graphql-js, and that
              // part travels with the explorer's own chunks instead.
              tags: ['$initial'],
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    // Host is passed on unchanged: the server accepts the session cookie for changes only when Origin matches Host.
    proxy: {
      '/graphql': { target: api, ws: true },
      '/webhooks': api,
      '/healthz': api,
      '/readyz': api,
      '/media': api,
      '/reports/': api,
    },
  },
});
