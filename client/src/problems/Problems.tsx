// Problems, for admins: webhook elements that could not be stored (parked), with their error and raw JSON;
// Retry runs one through the webhook's path again (after a fix), Dismiss sets it aside.
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { formatTimestamp } from '../format';
import { graphql } from '../gql';

const PARKED = graphql(`
  query ParkedElements($after: String) {
    inboundFailures(first: 25, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id kind whatsappId sender field errorCode errorMessage attempts receivedAt lastFailedAt rawJson } }
    }
  }
`);
const PARKED_COUNT_CHANGED = graphql(`
  subscription ParkedCountChanged {
    notificationsChanged { parkedElements }
  }
`);
const RETRY = graphql(`
  mutation RetryParkedElement($id: ID!) {
    retryInboundFailure(id: $id) { id state errorCode errorMessage attempts lastFailedAt }
  }
`);
const DISMISS = graphql(`
  mutation DismissParkedElement($id: ID!) {
    dismissInboundFailure(id: $id) { id state }
  }
`);

const KIND_LABEL: Record<string, string> = { message: 'Message', status: 'Delivery receipt', error: 'Error report' };

export function Problems() {
  const { data, loading, error, refetch, fetchMore } = useQuery(PARKED, { fetchPolicy: 'cache-and-network' });
  // A new parked element (or one closed elsewhere) changes the count: read the list again then, not on every ticket event.
  useSubscription(PARKED_COUNT_CHANGED, {
    onData: ({ data: event }) => {
      const count = event.data?.notificationsChanged.parkedElements;
      if (count !== undefined && count !== data?.inboundFailures.totalCount) void refetch();
    },
  });
  const [retry] = useMutation(RETRY);
  const [dismiss] = useMutation(DISMISS);
  const [outcome, setOutcome] = useState<Record<string, string>>({});
  const connection = data?.inboundFailures;

  const act = async (id: string, action: 'retry' | 'dismiss') => {
    setOutcome((current) => ({ ...current, [id]: action === 'retry' ? 'Retrying…' : 'Dismissing…' }));
    try {
      if (action === 'retry') {
        const result = await retry({ variables: { id } });
        const state = result.data?.retryInboundFailure.state;
        setOutcome((current) => ({
          ...current,
          [id]: state === 'RESOLVED' ? 'Stored.' : 'Refused again: the error above is the latest.',
        }));
      } else {
        await dismiss({ variables: { id } });
      }
    } catch (failure) {
      setOutcome((current) => ({ ...current, [id]: failure instanceof Error ? failure.message : 'Failed' }));
    }
    await refetch();
  };

  return (
    <div className="problems">
      <h1>Problems</h1>
      <p className="muted">
        Parts of WhatsApp deliveries that could not be stored. WhatsApp was told they arrived, so they are kept here
        until you retry them (after a fix) or dismiss them.
      </p>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      {loading && !connection && <p className="muted">Loading…</p>}
      {connection && connection.totalCount === 0 && (
        <p className="empty-problems">Nothing is waiting: every delivery was stored.</p>
      )}
      {connection && connection.totalCount > 0 && (
        <p>
          {connection.totalCount === 1 ? '1 element is waiting.' : `${connection.totalCount} elements are waiting.`}
        </p>
      )}
      <ul className="problem-list">
        {connection?.edges.map(({ node }) => (
          <li key={node.id} className="problem" data-testid="problem">
            <div className="problem-head">
              <strong>{KIND_LABEL[node.kind] ?? node.kind}</strong>
              {node.sender && <span>from +{node.sender}</span>}
              <time dateTime={node.receivedAt} className="muted">
                {formatTimestamp(node.receivedAt)}
              </time>
            </div>
            <p className="problem-error">
              <code>{node.errorCode}</code> {node.errorMessage}
            </p>
            <p className="muted problem-meta">
              {node.whatsappId && <span className="problem-id">{node.whatsappId}</span>}
              <span>{node.attempts === 1 ? 'tried once' : `tried ${node.attempts} times`}</span>
            </p>
            <details>
              <summary>Raw JSON</summary>
              <pre>{node.rawJson}</pre>
            </details>
            <div className="actions">
              <button type="button" className="primary" onClick={() => void act(node.id, 'retry')}>
                Retry
              </button>
              <button type="button" onClick={() => void act(node.id, 'dismiss')}>
                Dismiss
              </button>
              {outcome[node.id] && <span role="status">{outcome[node.id]}</span>}
            </div>
          </li>
        ))}
      </ul>
      {connection?.pageInfo.hasNextPage && (
        <button type="button" onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } })}>
          Show older
        </button>
      )}
    </div>
  );
}
