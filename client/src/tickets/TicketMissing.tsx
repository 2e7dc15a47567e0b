// What a ticket's pane shows when the ticket cannot be shown: one that does not exist (a mistyped or old link),
// or one that could not be loaded, with the way back to the list either way.
import { useT } from '../i18n/I18n';
import { navigateOnClick } from '../router';

export function TicketMissing({ ticketId, error }: { ticketId: string; error: string | null }) {
  const t = useT();
  return (
    <section className="ticket-detail ticket-missing" aria-labelledby="ticket-missing-title">
      <div className="ticket-missing-card">
        <h2 id="ticket-missing-title">{error ? t('missing.loadFailed') : t('missing.notFound')}</h2>
        <p className="muted">{error ?? t('missing.explain', { ticketId })}</p>
        <a className="button" href="/" onClick={navigateOnClick('/')}>
          {t('missing.back')}
        </a>
      </div>
    </section>
  );
}
