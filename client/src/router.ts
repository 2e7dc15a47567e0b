// A small router over the History API: the dashboard has few screens and needs no more.
import { useEffect, useState } from 'react';

export type Route =
  | { screen: 'tickets'; ticketId: string | null }
  /** Everyone the desk has talked to. */
  | { screen: 'contacts' }
  /** A contact's page; fromTicketId is the ticket it was opened from, to go back to. */
  | { screen: 'contact'; phoneNumber: string; fromTicketId: string | null }
  | { screen: 'simulator' }
  | { screen: 'canned-responses' }
  | { screen: 'reports' }
  | { screen: 'settings' }
  /** Settings › Webhooks, for admins: the endpoints, or one endpoint's settings and delivery log. */
  | { screen: 'webhooks'; endpointId: string | null }
  /** My password and my sessions. */
  | { screen: 'account' }
  /** Setting a new password with a reset code: reachable without signing in. */
  | { screen: 'reset-password' }
  /** Webhook elements that could not be stored, for admins. */
  | { screen: 'problems' }
  /** GraphiQL on the API, with the session or a pasted token; always opened by a full page load (its CSP). */
  | { screen: 'explorer' };

export function parseRoute(path: string, search = ''): Route {
  const ticket = /^\/tickets\/([^/]+)\/?$/.exec(path);
  if (ticket) return { screen: 'tickets', ticketId: decodeURIComponent(ticket[1]!) };
  if (path === '/contacts' || path === '/contacts/') return { screen: 'contacts' };
  const contact = /^\/contacts\/([^/]+)\/?$/.exec(path);
  if (contact)
    return {
      screen: 'contact',
      phoneNumber: decodeURIComponent(contact[1]!),
      fromTicketId: new URLSearchParams(search).get('from'),
    };
  if (path.startsWith('/simulator')) return { screen: 'simulator' };
  if (path.startsWith('/canned-responses')) return { screen: 'canned-responses' };
  const webhooks = /^\/settings\/webhooks(?:\/([^/]+))?\/?$/.exec(path);
  if (webhooks) return { screen: 'webhooks', endpointId: webhooks[1] ? decodeURIComponent(webhooks[1]) : null };
  if (path.startsWith('/settings')) return { screen: 'settings' };
  if (path === '/account' || path === '/account/') return { screen: 'account' };
  if (path === '/reset-password' || path === '/reset-password/') return { screen: 'reset-password' };
  if (path.startsWith('/problems')) return { screen: 'problems' };
  if (path === '/reports' || path === '/reports/') return { screen: 'reports' };
  if (path === '/explorer' || path === '/explorer/') return { screen: 'explorer' };
  return { screen: 'tickets', ticketId: null };
}

/** Where a contact's page is, opened from a ticket (to go back to) or not. */
export const contactPath = (phoneNumber: string, fromTicketId?: string | null) =>
  `/contacts/${encodeURIComponent(phoneNumber)}${fromTicketId ? `?from=${encodeURIComponent(fromTicketId)}` : ''}`;

export function navigate(path: string): void {
  if (path === location.pathname + location.search) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** An in-app link's click handler: the router moves to `path`, the page does not reload. */
export const navigateOnClick = (path: string) => (event: { preventDefault: () => void }) => {
  event.preventDefault();
  navigate(path);
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname, location.search));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname, location.search));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
