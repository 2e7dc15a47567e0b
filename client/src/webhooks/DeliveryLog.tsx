// An endpoint's delivery log: newest first, filtered by status, a page at a time; a row unfolds to the JSON body
// as sent, and Redeliver queues the same event (same event id) again.
import { useMutation } from '@apollo/client/react';
import { Fragment, useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { formatTimestamp } from '../format';
import type { WebhookDeliveriesQuery, WebhookDeliveryStatus } from '../gql/graphql';
import { useT } from '../i18n/I18n';
import { navigateOnClick } from '../router';
import { EVENT_LABEL, STATUS_LABEL, wireName } from './event-types';
import { REDELIVER_WEBHOOK_DELIVERY } from './webhook.documents';

type Connection = NonNullable<WebhookDeliveriesQuery['webhookEndpoint']>['deliveries'];
type Delivery = Connection['edges'][number]['node'];

const STATUSES: WebhookDeliveryStatus[] = ['PENDING', 'DELIVERED', 'FAILED'];

/** The body as sent, indented to read; as it is when it is not JSON. */
function pretty(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

export function DeliveryLog({
  connection,
  status,
  onStatus,
  onMore,
  onRedelivered,
}: {
  connection: Connection;
  status: WebhookDeliveryStatus | null;
  onStatus: (status: WebhookDeliveryStatus | null) => void;
  onMore: () => void;
  onRedelivered: () => void;
}) {
  const t = useT();
  const { locale } = useIntl();
  const id = useId();
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const [outcome, setOutcome] = useState<Record<string, string>>({});
  const [redeliver] = useMutation(REDELIVER_WEBHOOK_DELIVERY);
  const when = (iso: string | null) =>
    iso ? <time dateTime={iso}>{formatTimestamp(iso, locale)}</time> : <span className="muted">–</span>;
  const toggle = (deliveryId: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(deliveryId)) next.add(deliveryId);
      return next;
    });
  const again = async (delivery: Delivery) => {
    setOutcome((current) => ({ ...current, [delivery.id]: t('webhooks.redelivering') }));
    try {
      await redeliver({ variables: { id: delivery.id } });
      setOutcome((current) => ({ ...current, [delivery.id]: t('webhooks.redeliverQueued') }));
      onRedelivered();
    } catch (failure) {
      setOutcome((current) => ({
        ...current,
        [delivery.id]: failure instanceof Error ? failure.message : String(failure),
      }));
    }
  };
  // The status code, then the error; the error often starts with the code already ("HTTP 503: …").
  const answer = ({ lastStatusCode: code, lastError: error }: Delivery) => {
    const status = code ? `HTTP ${code}` : '';
    if (!error) return status;
    return !status || error.startsWith(status) ? error : `${status} · ${error}`;
  };

  return (
    <section className="webhook-log" aria-labelledby={`${id}-title`}>
      <div className="webhook-log-head">
        <h2 id={`${id}-title`}>{t('webhooks.logTitle')}</h2>
        <label>
          {t('webhooks.statusFilter')}
          <select
            value={status ?? ''}
            onChange={(event) => onStatus((event.target.value || null) as WebhookDeliveryStatus | null)}
          >
            <option value="">{t('webhooks.statusAll')}</option>
            {STATUSES.map((item) => (
              <option key={item} value={item}>
                {t(STATUS_LABEL[item])}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted" aria-live="polite">
        {t('webhooks.logCount', { shown: connection.edges.length, total: connection.totalCount })}
      </p>
      {connection.edges.length > 0 && (
        <table className="webhook-deliveries">
          <thead>
            <tr>
              <th>{t('webhooks.col.event')}</th>
              <th>{t('webhooks.col.ticket')}</th>
              <th>{t('webhooks.col.status')}</th>
              <th>{t('webhooks.col.attempts')}</th>
              <th>{t('webhooks.col.answer')}</th>
              <th>{t('webhooks.col.created')}</th>
              <th>{t('webhooks.col.deliveredOrNext')}</th>
              <th>
                <span className="visually-hidden">{t('webhooks.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {connection.edges.map(({ node }) => (
              <Fragment key={node.id}>
                <tr data-testid="webhook-delivery" data-status={node.status}>
                  <td data-label={t('webhooks.col.event')}>
                    <div>
                      <span className="webhook-event-type" title={t(EVENT_LABEL[node.eventType])}>
                        {wireName(node.eventType)}
                      </span>
                      <code className="webhook-event-id">{node.eventId}</code>
                    </div>
                  </td>
                  <td data-label={t('webhooks.col.ticket')}>
                    {node.ticketId ? (
                      <a href={`/tickets/${node.ticketId}`} onClick={navigateOnClick(`/tickets/${node.ticketId}`)}>
                        #{node.ticketId}
                      </a>
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </td>
                  <td data-label={t('webhooks.col.status')}>
                    <span className={`delivery-status ${node.status.toLowerCase()}`}>
                      {t(STATUS_LABEL[node.status])}
                    </span>
                  </td>
                  <td data-label={t('webhooks.col.attempts')}>{node.attempts}</td>
                  <td data-label={t('webhooks.col.answer')} className="webhook-answer">
                    {answer(node) || <span className="muted">–</span>}
                  </td>
                  <td data-label={t('webhooks.col.created')}>{when(node.createdAt)}</td>
                  <td data-label={t('webhooks.col.deliveredOrNext')}>
                    {node.deliveredAt ? (
                      when(node.deliveredAt)
                    ) : node.nextAttemptAt && node.status === 'PENDING' ? (
                      <span>
                        {t('webhooks.nextAttempt')} {when(node.nextAttemptAt)}
                      </span>
                    ) : (
                      when(null)
                    )}
                  </td>
                  <td className="webhook-row-actions">
                    <div>
                      <button
                        type="button"
                        aria-expanded={open.has(node.id)}
                        aria-controls={open.has(node.id) ? `${id}-payload-${node.id}` : undefined}
                        onClick={() => toggle(node.id)}
                      >
                        {t('webhooks.payload')}
                      </button>
                      <button type="button" onClick={() => void again(node)}>
                        {t('webhooks.redeliver')}
                      </button>
                      {outcome[node.id] && <span role="status">{outcome[node.id]}</span>}
                    </div>
                  </td>
                </tr>
                {open.has(node.id) && (
                  <tr className="webhook-payload-row">
                    <td colSpan={8} id={`${id}-payload-${node.id}`}>
                      <pre>{pretty(node.payload)}</pre>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {connection.edges.length === 0 && (
        <p className="webhooks-empty">{status ? t('webhooks.logEmptyFiltered') : t('webhooks.logEmpty')}</p>
      )}
      {connection.pageInfo.hasNextPage && (
        <button type="button" onClick={onMore}>
          {t('webhooks.loadMore')}
        </button>
      )}
    </section>
  );
}
