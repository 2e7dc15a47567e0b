// Problems, for admins: webhook elements that could not be stored (parked), with their error and raw JSON;
// Retry runs one through the webhook's path again (after a fix), Dismiss sets it aside.
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { formatTimestamp } from '../format';
import { graphql } from '../gql';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/I18n';
import type { MessageId } from '../i18n/en';

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

const KIND_LABEL: Record<string, MessageId> = {
  message: 'problems.kindMessage',
  status: 'problems.kindStatus',
  error: 'problems.kindError',
};

export function Problems() {
  const t = useT();
  const { locale } = useIntl();
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
    setOutcome((current) => ({
      ...current,
      [id]: action === 'retry' ? t('problems.retrying') : t('problems.dismissing'),
    }));
    try {
      if (action === 'retry') {
        const result = await retry({ variables: { id } });
        const state = result.data?.retryInboundFailure.state;
        setOutcome((current) => ({
          ...current,
          [id]: state === 'RESOLVED' ? t('problems.stored') : t('problems.refusedAgain'),
        }));
      } else {
        await dismiss({ variables: { id } });
      }
    } catch (failure) {
      setOutcome((current) => ({
        ...current,
        [id]: failure instanceof Error ? failure.message : t('problems.failed'),
      }));
    }
    await refetch();
  };

  return (
    <div className="problems">
      <h1>{t('problems.title')}</h1>
      <p className="muted">{t('problems.lead')}</p>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      {loading && !connection && <p className="muted">{t('common.loading')}</p>}
      {connection && connection.totalCount === 0 && <p className="empty-problems">{t('problems.empty')}</p>}
      {connection && connection.totalCount > 0 && <p>{t('problems.waiting', { count: connection.totalCount })}</p>}
      <ul className="problem-list">
        {connection?.edges.map(({ node }) => (
          <li key={node.id} className="problem" data-testid="problem">
            <div className="problem-head">
              <strong>{KIND_LABEL[node.kind] ? t(KIND_LABEL[node.kind]!) : node.kind}</strong>
              {node.sender && <span>{t('problems.from', { sender: `+${node.sender}` })}</span>}
              <time dateTime={node.receivedAt} className="muted">
                {formatTimestamp(node.receivedAt, locale)}
              </time>
            </div>
            <p className="problem-error">
              <code>{node.errorCode}</code> {node.errorMessage}
            </p>
            <p className="muted problem-meta">
              {node.whatsappId && <span className="problem-id">{node.whatsappId}</span>}
              <span>{t('problems.tried', { count: node.attempts })}</span>
            </p>
            <details>
              <summary>{t('problems.raw')}</summary>
              <pre>{node.rawJson}</pre>
            </details>
            <div className="actions">
              <button type="button" className="primary" onClick={() => void act(node.id, 'retry')}>
                {t('problems.retry')}
              </button>
              <button type="button" onClick={() => void act(node.id, 'dismiss')}>
                {t('problems.dismiss')}
              </button>
              {outcome[node.id] && <span role="status">{outcome[node.id]}</span>}
            </div>
          </li>
        ))}
      </ul>
      {connection?.pageInfo.hasNextPage && (
        <button type="button" onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } })}>
          {t('problems.older')}
        </button>
      )}
    </div>
  );
}
