// What the ticket list says when it shows nothing: on a new desk, how the first ticket arrives; with filters,
// that they matched nothing; otherwise that nothing is open.
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { navigateOnClick } from '../router';
import { useSimulatorOn } from '../simulator/useSimulatorOn';

const DESK_TICKET_COUNT = graphql(`
  query DeskTicketCount {
    tickets(first: 1) { totalCount }
  }
`);

export function EmptyTicketList({ view }: { view: 'default' | 'snoozed' | 'filtered' }) {
  const { data } = useQuery(DESK_TICKET_COUNT, { skip: view !== 'default', fetchPolicy: 'cache-and-network' });
  const simulatorOn = useSimulatorOn();
  const newDesk = view === 'default' && data?.tickets.totalCount === 0;
  return (
    <div className="muted empty" data-testid="empty-tickets">
      {view === 'snoozed' && <p>No snoozed tickets.</p>}
      {view === 'filtered' && <p>No tickets match these filters.</p>}
      {view === 'default' && !newDesk && <p>No open tickets right now.</p>}
      {newDesk && (
        <>
          <p>
            <strong>No tickets yet.</strong> A ticket opens when a person writes to the bot on WhatsApp and picks “Chat
            Support” in its menu; it shows up here at once.
          </p>
          {simulatorOn && (
            <p>
              To try it, play that person in the{' '}
              <a href="/simulator" onClick={navigateOnClick('/simulator')}>
                WhatsApp simulator
              </a>
              .
            </p>
          )}
        </>
      )}
    </div>
  );
}
