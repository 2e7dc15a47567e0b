// The top of a ticket's detail: who wrote, since when, its SLA and rating, the contact's notes, the ad they came
// from, a link to the contact's history, and which other agents have it open.
import { formatTimestamp, personAddress } from '../format';
import { contactPath, navigate, navigateOnClick } from '../router';
import { SatisfactionSummaryLine } from '../satisfaction/SatisfactionBadge';
import type { Viewer } from './presence';
import { ReferralCard } from './ReferralCard';
import { SlaBanner } from './SlaPill';
import type { DetailTicket } from './ticket.documents';
import { Viewers } from './Viewers';

export function TicketHeader({ ticket, others }: { ticket: DetailTicket; others: Viewer[] }) {
  const contact = contactPath(ticket.phoneNumber, ticket.id);
  return (
    <header className="detail-head">
      <button type="button" className="back" onClick={() => navigate('/')} aria-label="Back to the list">
        ←
      </button>
      <div>
        <h2 id="ticket-title">
          {ticket.senderName ?? personAddress(ticket)} <span className="muted">#{ticket.id}</span>
        </h2>
        <p className="muted">
          {/* Without a name the heading already shows the number: once is enough. */}
          {ticket.senderName ? `${personAddress(ticket)} · ` : ''}
          {ticket.studentId ? `student ${ticket.studentId} · ` : ''}opened {formatTimestamp(ticket.createdAt)}
        </p>
        <SlaBanner sla={ticket.sla} answered={ticket.firstResponseAt != null} />
        {ticket.satisfaction && <SatisfactionSummaryLine satisfaction={ticket.satisfaction} />}
        {ticket.contact?.notes && (
          <p className="contact-notes-preview" title={ticket.contact.notes}>
            📝 {ticket.contact.notes}
          </p>
        )}
        {ticket.referral && <ReferralCard referral={ticket.referral} />}
      </div>
      {/* The avatars' place is kept even when nobody else is here, so the link does not move when they come. */}
      <div className="detail-side">
        <Viewers viewers={others} />
        <a className="button contact-link" href={contact} onClick={navigateOnClick(contact)}>
          Contact &amp; history
        </a>
      </div>
    </header>
  );
}
