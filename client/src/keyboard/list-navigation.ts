// The ticket list as the keyboard walks it: its rows in the order the current view shows them, read from the page
// (the list owns its filters and order; this only follows them).
const ROWS = '.ticket-list [data-testid="ticket-row"]';

export function ticketRows(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>(ROWS)];
}

export function ticketIdOfRow(row: HTMLAnchorElement): string | null {
  const match = /^\/tickets\/([^/?#]+)/.exec(new URL(row.href, location.href).pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** The ids of the tickets the list shows, in its order. */
export function listedTicketIds(): string[] {
  return ticketRows()
    .map(ticketIdOfRow)
    .filter((id): id is string => id !== null);
}

/** The row the keyboard is on: the focused one, else the open ticket's. */
export function currentRowIndex(rows: HTMLAnchorElement[], openTicketId: string | null): number {
  const focused = rows.indexOf(document.activeElement as HTMLAnchorElement);
  if (focused >= 0) return focused;
  return openTicketId ? rows.findIndex((row) => ticketIdOfRow(row) === openTicketId) : -1;
}

export function focusRow(row: HTMLElement): void {
  row.focus();
  row.scrollIntoView({ block: 'nearest' });
}

/** The ticket to go on to after `ticketId` leaves the list: the one after it in `order`, else the one before. */
export function nextAfter(order: readonly string[], ticketId: string): string | null {
  const index = order.indexOf(ticketId);
  if (index < 0) return order.find((id) => id !== ticketId) ?? null;
  return order[index + 1] ?? order[index - 1] ?? null;
}

/** Focuses the row of `ticketId` once the list shows it (it may still be loading), for up to two seconds. */
export function focusRowWhenShown(ticketId: string, deadline = Date.now() + 2000): void {
  const row = ticketRows().find((candidate) => ticketIdOfRow(candidate) === ticketId);
  if (row) focusRow(row);
  else if (Date.now() < deadline) requestAnimationFrame(() => focusRowWhenShown(ticketId, deadline));
}

/** Focuses the first of `selectors` that is on screen (a folded or hidden element cannot take the focus). */
export function focusFirstShown(selectors: readonly string[]): void {
  for (const selector of selectors) {
    const element = [...document.querySelectorAll<HTMLElement>(selector)].find((found) => found.offsetParent !== null);
    if (element) {
      element.focus();
      return;
    }
  }
}
