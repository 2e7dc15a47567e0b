// A small router over the History API: the dashboard has few screens and needs no more.
import { useEffect, useState } from 'react';

export type Route =
  | { screen: 'tickets'; ticketId: string | null }
  | { screen: 'simulator' }
  | { screen: 'canned-responses' }
  | { screen: 'settings' };

export function parseRoute(path: string): Route {
  const ticket = /^\/tickets\/([^/]+)\/?$/.exec(path);
  if (ticket) return { screen: 'tickets', ticketId: decodeURIComponent(ticket[1]!) };
  if (path.startsWith('/simulator')) return { screen: 'simulator' };
  if (path.startsWith('/canned-responses')) return { screen: 'canned-responses' };
  if (path.startsWith('/settings')) return { screen: 'settings' };
  return { screen: 'tickets', ticketId: null };
}

export function navigate(path: string): void {
  if (path === location.pathname + location.search) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
