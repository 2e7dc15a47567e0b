import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: fileURLToPath(new URL('../dist/client', import.meta.url)), emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: { '/graphql': { target: api, ws: true, changeOrigin: true }, '/webhooks': api, '/healthz': api, '/readyz': api, '/media': api, '/reports/': api },
  },
});
