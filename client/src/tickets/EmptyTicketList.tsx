// What the ticket list says when it shows nothing: on a new desk, how the first ticket arrives; with filters,
// that they matched nothing; otherwise that nothing is open.
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { T, useT } from '../i18n/I18n';
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
  const t = useT();
  const newDesk = view === 'default' && data?.tickets.totalCount === 0;
  return (
    <div className="muted empty" data-testid="empty-tickets">
      {view === 'snoozed' && <p>{t('list.emptySnoozed')}</p>}
      {view === 'filtered' && <p>{t('list.emptyFiltered')}</p>}
      {view === 'default' && !newDesk && <p>{t('list.emptyOpen')}</p>}
      {newDesk && (
        <>
          <p>
            <T id="list.emptyNewDesk" values={{ strong: (text) => <strong>{text}</strong> }} />
          </p>
          {simulatorOn && (
            <p>
              <T
                id="list.emptyTryIt"
                values={{
                  link: (text) => (
                    <a href="/simulator" onClick={navigateOnClick('/simulator')}>
                      {text}
                    </a>
                  ),
                }}
              />
            </p>
          )}
        </>
      )}
    </div>
  );
}
