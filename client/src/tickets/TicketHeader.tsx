// The top of a ticket's detail: who wrote, since when, its SLA and rating, the contact's notes, the ad they came
// from, the button that unfolds the contact panel on a narrow screen, and which other agents have it open.
import { useIntl } from 'react-intl';
import { formatTimestamp, personAddress } from '../format';
import { useT } from '../i18n/I18n';
import { navigate } from '../router';
import { SatisfactionSummaryLine } from '../satisfaction/SatisfactionBadge';
import type { Viewer } from './presence';
import { ReferralCard } from './ReferralCard';
import { SlaBanner } from './SlaPill';
import type { DetailTicket } from './ticket.documents';
import { Viewers } from './Viewers';

export function TicketHeader({
  ticket,
  others,
  contactUnfolded,
  onToggleContact,
}: {
  ticket: DetailTicket;
  others: Viewer[];
  contactUnfolded: boolean;
  onToggleContact: () => void;
}) {
  const t = useT();
  const { locale } = useIntl();
  return (
    <header className="detail-head">
      <button type="button" className="back" onClick={() => navigate('/')} aria-label={t('detail.back')}>
        ←
      </button>
      <div>
        <h2 id="ticket-title">
          {ticket.senderName ?? personAddress(ticket)} <span className="muted">#{ticket.id}</span>
        </h2>
        <p className="muted">
          {/* Without a name the heading already shows the number: once is enough. */}
          {ticket.senderName ? `${personAddress(ticket)} · ` : ''}
          {ticket.studentId ? t('detail.student', { studentId: ticket.studentId }) : ''}
          {t('detail.opened', { time: formatTimestamp(ticket.createdAt, locale) })}
        </p>
        <SlaBanner sla={ticket.sla} answered={ticket.firstResponseAt != null} />
        {ticket.satisfaction && <SatisfactionSummaryLine satisfaction={ticket.satisfaction} />}
        {/* Wide screens show the notes in the contact panel beside the thread; this line is for narrow ones. */}
        {ticket.contact?.notes && (
          <p className="contact-notes-preview" title={ticket.contact.notes}>
            📝 {ticket.contact.notes}
          </p>
        )}
        {ticket.referral && <ReferralCard referral={ticket.referral} />}
      </div>
      {/* The avatars' place is kept even when nobody else is here, so the button does not move when they come. */}
      <div className="detail-side">
        <Viewers viewers={others} />
        <button
          type="button"
          className="contact-toggle"
          aria-expanded={contactUnfolded}
          aria-controls="contact-panel"
          onClick={onToggleContact}
        >
          {t('detail.contact')}
        </button>
      </div>
    </header>
  );
}
