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
    rolldownOptions: {
      output: {
        // The libraries change less often than our screens: in chunks of their own, a new version of the desk
        // sends agents' browsers only what changed (and no chunk passes Vite's 500 kB warning).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            {
              name: 'apollo',
              test: /node_modules[\\/](@apollo|graphql|graphql-ws|rxjs|@wry|optimism|tslib|ts-invariant)[\\/]/,
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
