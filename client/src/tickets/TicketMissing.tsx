// What a ticket's pane shows when the ticket cannot be shown: one that does not exist (a mistyped or old link),
// or one that could not be loaded, with the way back to the list either way.
import { navigateOnClick } from '../router';

export function TicketMissing({ ticketId, error }: { ticketId: string; error: string | null }) {
  return (
    <section className="ticket-detail ticket-missing" aria-labelledby="ticket-missing-title">
      <div className="ticket-missing-card">
        <h2 id="ticket-missing-title">{error ? 'This ticket could not be loaded' : 'Ticket not found'}</h2>
        <p className="muted">
          {error ?? `There is no ticket #${ticketId} on this desk. The link may be mistyped, or from another desk.`}
        </p>
        <a className="button" href="/" onClick={navigateOnClick('/')}>
          Back to the ticket list
        </a>
      </div>
    </section>
  );
}
