// The signed-in agent's token, and reply drafts that survive a reload or an expired session.
const TOKEN_KEY = 'support.token';
const DRAFT_PREFIX = 'support.draft.';
const DRAFT_SINCE_PREFIX = 'support.draftSince.';

type Listener = (token: string | null) => void;
const listeners = new Set<Listener>();

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
  for (const listener of listeners) listener(token);
}

export function onTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function loadDraft(ticketId: string): string {
  return localStorage.getItem(DRAFT_PREFIX + ticketId) ?? '';
}

export function saveDraft(ticketId: string, text: string): void {
  if (text) localStorage.setItem(DRAFT_PREFIX + ticketId, text);
  else localStorage.removeItem(DRAFT_PREFIX + ticketId);
}

/** When a draft began, on the server's clock (the newest message it was written after): for collision checks. */
export function loadDraftSince(ticketId: string): string | null {
  return localStorage.getItem(DRAFT_SINCE_PREFIX + ticketId);
}

export function saveDraftSince(ticketId: string, since: string | null): void {
  if (since) localStorage.setItem(DRAFT_SINCE_PREFIX + ticketId, since);
  else localStorage.removeItem(DRAFT_SINCE_PREFIX + ticketId);
}
