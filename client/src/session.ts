// Whether this browser is signed in, and reply drafts that survive a reload or an expired session. The session
// itself is an HttpOnly cookie the server sets at sign-in: no script on the page can read it, this one included.
const SIGNED_IN_KEY = 'support.signedIn';
const DRAFT_PREFIX = 'support.draft.';
const DRAFT_SINCE_PREFIX = 'support.draftSince.';

// Earlier versions kept the session token itself here.
localStorage.removeItem('support.token');

type Listener = (signedIn: boolean) => void;
const listeners = new Set<Listener>();

/** What the last sign-in or sign-out said; the server has the last word (an ended session answers UNAUTHENTICATED). */
export function isSignedIn(): boolean {
  return localStorage.getItem(SIGNED_IN_KEY) === 'yes';
}

export function setSignedIn(signedIn: boolean): void {
  if (signedIn) localStorage.setItem(SIGNED_IN_KEY, 'yes');
  else localStorage.removeItem(SIGNED_IN_KEY);
  for (const listener of listeners) listener(signedIn);
}

export function onSignedInChange(listener: Listener): () => void {
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
