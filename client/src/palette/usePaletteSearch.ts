// The palette's found things for what the agent typed: tickets (the list's search, and one by its number), the
// contacts those tickets belong to, and canned responses to put in the open ticket's reply box.
// Contacts come from the tickets found: there is no contacts query in the schema yet (issue 16 adds one).
import { useQuery } from '@apollo/client/react';
import { useDebounced } from '../useDebounced';
import { personAddress } from '../format';
import { sendDeskCommand } from '../keyboard/desk-commands';
import { focusRowWhenShown } from '../keyboard/list-navigation';
import { contactPath, navigate } from '../router';
import { STATUS_LABELS } from '../tickets/labels';
import { PALETTE_CANNED, PALETTE_TICKET_BY_NUMBER, PALETTE_TICKETS } from './palette.documents';
import type { PaletteItem } from './palette-item';
import { useT } from '../i18n/I18n';

export function openTicket(id: string): void {
  navigate(`/tickets/${encodeURIComponent(id)}`);
  focusRowWhenShown(id);
}

export function usePaletteSearch(typed: string, openTicketId: string | null): { items: PaletteItem[]; busy: boolean } {
  const t = useT();
  const search = useDebounced(typed.trim(), 150);
  const number = /^#?(\d{1,9})$/.exec(search)?.[1] ?? null;
  const tickets = useQuery(PALETTE_TICKETS, { variables: { search }, skip: !search });
  const byNumber = useQuery(PALETTE_TICKET_BY_NUMBER, {
    variables: { id: number ?? '' },
    skip: !number,
    errorPolicy: 'ignore',
  });
  const canned = useQuery(PALETTE_CANNED, { variables: { search }, skip: !search || !openTicketId });

  if (!search) return { items: [], busy: false };
  const found = [
    ...(number && byNumber.data?.ticket ? [byNumber.data.ticket] : []),
    ...(tickets.data?.tickets.edges.map(({ node }) => node) ?? []),
  ].filter((ticket, index, all) => all.findIndex((other) => other.id === ticket.id) === index);

  const items: PaletteItem[] = found.map((ticket) => ({
    key: `ticket-${ticket.id}`,
    group: 'Tickets',
    label: `#${ticket.id} ${ticket.senderName ?? personAddress(ticket)}`,
    detail: `${t(STATUS_LABELS[ticket.status])} · ${ticket.issueDescription}`,
    run: () => openTicket(ticket.id),
  }));
  const people = new Map<string, (typeof found)[number]>();
  for (const ticket of found) if (!people.has(ticket.phoneNumber)) people.set(ticket.phoneNumber, ticket);
  for (const [phoneNumber, ticket] of people)
    items.push({
      key: `contact-${phoneNumber}`,
      group: 'Contacts',
      label: ticket.senderName ?? personAddress(ticket),
      detail: `${personAddress(ticket)} · ${t('list.count', { count: found.filter((other) => other.phoneNumber === phoneNumber).length })} found`,
      run: () => navigate(contactPath(phoneNumber, openTicketId)),
    });
  if (openTicketId)
    for (const response of canned.data?.cannedResponses ?? [])
      items.push({
        key: `canned-${response.id}`,
        group: 'Canned responses',
        label: `/${response.shortcode} ${response.title}`,
        detail: response.body,
        run: () =>
          sendDeskCommand({ type: 'reply-box', ticketId: openTicketId, action: 'insert', text: response.body }),
      });
  return { items, busy: search !== typed.trim() || tickets.loading || canned.loading };
}
