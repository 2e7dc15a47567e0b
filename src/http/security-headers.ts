// Security headers on every answer (@fastify/helmet): a strict Content-Security-Policy for the admin UI,
// no framing, no sniffing, no referrer, and HSTS when the operator says the desk is served over HTTPS.
import type { IncomingMessage } from 'node:http';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** A Host header fit to be named in a CSP source (a name or address and a port), or null. */
function safeHost(host: string | undefined): string | null {
  return host && /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host) ? host : null;
}

/**
 * The page's own WebSocket (GraphQL subscriptions on /graphql). CSP Level 3 lets 'self' cover ws: and wss: on
 * the page's host, but older Safari does not, so the socket's address is named too.
 */
function webSocketSources(publicUrl: string | null) {
  return (request: IncomingMessage): string => {
    if (publicUrl) return publicUrl.replace(/^http/, 'ws');
    const host = safeHost(request.headers.host);
    return host ? `ws://${host} wss://${host}` : '';
  };
}

/** The API explorer's page (GraphiQL, client/src/explorer): the one page whose policy is relaxed, and only for styles. */
const isExplorerPage = (request: IncomingMessage) => /^\/explorer\/?(?:\?|$)/.test(request.url ?? '');

export async function registerSecurityHeaders(http: FastifyInstance, publicUrl: string | null): Promise<void> {
  const https = publicUrl?.startsWith('https:') ?? false;
  await http.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // Vite's build is one module script and its chunks, all files under /assets: no inline script anywhere.
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // The stylesheet is a file too. React (and Recharts through it) set element styles through the CSSOM,
        // which a CSP does not govern, so no 'unsafe-inline' is needed for styles either.
        // Except on /explorer: GraphiQL's editor (Monaco) writes its theme and decorations into <style> elements it
        // creates at run time, and style attributes into markup it builds as HTML, with no way to give them a nonce
        // (test/e2e/explorer.test.ts sees both refused without this). Scripts stay as strict as anywhere (its workers
        // are our own files under /assets), and leaving the page reloads it (plain links): no other screen gets this.
        styleSrc: [(request) => (isExplorerPage(request as IncomingMessage) ? "'self' 'unsafe-inline'" : "'self'")],
        // Media come from /media on this origin; a picked file is previewed from a blob: URL.
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", webSocketSources(publicUrl)],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Only when the operator says the desk is HTTPS: HSTS on a plain-HTTP desk would lock browsers out of it.
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
  });
}
