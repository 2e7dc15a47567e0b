// The palette's found things for what the agent typed: tickets (the list's search, and one by its number),
// contacts (the contacts list's search: name, number, username), and canned responses for the open ticket's reply box.
import { useQuery } from '@apollo/client/react';
import { useDebounced } from '../useDebounced';
import { personAddress } from '../format';
import { useT } from '../i18n/I18n';
import { sendDeskCommand } from '../keyboard/desk-commands';
import { focusRowWhenShown } from '../keyboard/list-navigation';
import { contactPath, navigate } from '../router';
import { PALETTE_CANNED, PALETTE_CONTACTS, PALETTE_TICKET_BY_NUMBER, PALETTE_TICKETS } from './palette.documents';
import type { PaletteItem } from './palette-item';

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
  const contacts = useQuery(PALETTE_CONTACTS, { variables: { search }, skip: !search });
  const canned = useQuery(PALETTE_CANNED, { variables: { search }, skip: !search || !openTicketId });

  if (!search) return { items: [], busy: false };
  const found = [
    ...(number && byNumber.data?.ticket ? [byNumber.data.ticket] : []),
    ...(tickets.data?.tickets.edges.map(({ node }) => node) ?? []),
  ].filter((ticket, index, all) => all.findIndex((other) => other.id === ticket.id) === index);

  const items: PaletteItem[] = found.map((ticket) => ({
    key: `ticket-${ticket.id}`,
    group: t('header.tickets'),
    label: `#${ticket.id} ${ticket.senderName ?? personAddress(ticket)}`,
    detail: t('palette.ticketDetail', { status: ticket.status, issue: ticket.issueDescription }),
    run: () => openTicket(ticket.id),
  }));
  for (const { node: contact } of contacts.data?.contacts.edges ?? [])
    items.push({
      key: `contact-${contact.phoneNumber}`,
      group: t('header.contacts'),
      label: contact.name ?? personAddress(contact),
      detail: t('palette.contactDetail', { address: personAddress(contact), count: contact.ticketCount }),
      run: () => navigate(contactPath(contact.phoneNumber, openTicketId)),
    });
  if (openTicketId)
    for (const response of canned.data?.cannedResponses ?? [])
      items.push({
        key: `canned-${response.id}`,
        group: t('header.canned'),
        label: `/${response.shortcode} ${response.title}`,
        detail: response.body,
        run: () =>
          sendDeskCommand({ type: 'reply-box', ticketId: openTicketId, action: 'insert', text: response.body }),
      });
  return { items, busy: search !== typed.trim() || tickets.loading || contacts.loading || canned.loading };
}
