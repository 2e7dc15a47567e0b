// Serves the built admin UI (dist/client) at /, with the single-page app's routes falling back to index.html.
// The page is revalidated on every load (no-cache), so that a deploy reaches browsers at once; the files under
// /assets carry a hash of their content in their names, so they are cached for a year and never revalidated.
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from './project-root.js';

export const ADMIN_UI_DIR = join(projectRoot, 'dist', 'client');

const isHashedAsset = (path: string) => path.startsWith(join(ADMIN_UI_DIR, 'assets') + sep);

export async function registerAdminUi(http: FastifyInstance): Promise<boolean> {
  if (!existsSync(join(ADMIN_UI_DIR, 'index.html'))) {
    http.get('/', async (_request, reply) =>
      reply
        .type('text/plain')
        .send('The admin UI is not built. Run `npm run build` (npm start does it), then reload.\n'),
    );
    return false;
  }
  await http.register(fastifyStatic, {
    root: ADMIN_UI_DIR,
    wildcard: false,
    index: 'index.html',
    // Runs after @fastify/static's own Cache-Control (its maxAge), for routes and sendFile alike.
    setHeaders: (reply, path) =>
      void reply.header('cache-control', isHashedAsset(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  // index.html links the SVG icon; browsers and tools that still ask for /favicon.ico on their own get it too.
  http.get('/favicon.ico', async (_request, reply) => reply.redirect('/favicon.svg', 301));
  http.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isPage =
      request.method === 'GET' &&
      !/\.[a-z0-9]+$/i.test(path) &&
      !/^\/(graphql|webhooks|simulator\/cloud-api|assets|healthz|readyz)\b/.test(path);
    if (isPage) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send({ error: 'not found' });
  });
  return true;
}
