// The ticket list's tab and filters, kept in the address (?tab=mine&status=…) so reload and Back keep them.
import { useCallback, useEffect, useState } from 'react';

export type BuiltInTab = 'mine' | 'unassigned' | 'all' | 'mentions';
/** A built-in tab, or `view:<id>` for a saved view. */
export type Tab = BuiltInTab | `view:${string}`;

export interface ListParams {
  tab: Tab;
  /** The status view: active (open and in progress), snoozed, all, or one status. */
  status: string;
  priority: string;
  label: string;
  sla: string;
  sort: string;
  /** One agent's tickets, on the All tab. */
  agent: string;
  q: string;
}

export const DEFAULT_PARAMS: ListParams = {
  tab: 'all',
  status: 'active',
  priority: '',
  label: '',
  sla: '',
  sort: 'activity',
  agent: '',
  q: '',
};

const KEYS = Object.keys(DEFAULT_PARAMS) as (keyof ListParams)[];

export function readParams(search: string): ListParams {
  const query = new URLSearchParams(search);
  const params = { ...DEFAULT_PARAMS };
  for (const key of KEYS) {
    const value = query.get(key);
    if (value !== null) (params as Record<string, string>)[key] = value;
  }
  return params;
}

/** Only what differs from the defaults, so a plain list is a plain address. */
export function writeParams(params: ListParams): string {
  const query = new URLSearchParams();
  for (const key of KEYS) if (params[key] !== DEFAULT_PARAMS[key]) query.set(key, params[key]);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * The list's parameters and a setter. A new tab or filter is a step Back returns from; typing in the search box
 * replaces the current step rather than adding one per keystroke.
 */
export function useListParams(): [ListParams, (change: Partial<ListParams>, replace?: boolean) => void] {
  const [params, setParams] = useState(() => readParams(location.search));
  useEffect(() => {
    const update = () => setParams(readParams(location.search));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  const change = useCallback((next: Partial<ListParams>, replace = false) => {
    const merged = { ...readParams(location.search), ...next };
    const url = location.pathname + writeParams(merged);
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    setParams(merged);
  }, []);
  return [params, change];
}
