// How an endpoint stands: enabled or disabled (and why), failing since when, and its last successful delivery.
import { useIntl } from 'react-intl';
import { formatTimestamp } from '../format';
import type { WebhookEndpointFieldsFragment } from '../gql/graphql';
import { useT } from '../i18n/I18n';
import { wireName } from './event-types';

export function EndpointStatePill({ endpoint }: { endpoint: WebhookEndpointFieldsFragment }) {
  const t = useT();
  if (!endpoint.enabled) return <span className="webhook-pill off">{t('webhooks.disabled')}</span>;
  if (endpoint.failingSince) return <span className="webhook-pill failing">{t('webhooks.failing')}</span>;
  return <span className="webhook-pill on">{t('webhooks.enabled')}</span>;
}

/** The admin's label for the endpoint, if any, and the events it receives, by the names the bodies carry. */
export function EndpointEvents({ endpoint }: { endpoint: WebhookEndpointFieldsFragment }) {
  const t = useT();
  return (
    <>
      {endpoint.description && <p className="webhook-description">{endpoint.description}</p>}
      <p className="webhook-event-names">
        <span className="visually-hidden">{t('webhooks.events')}: </span>
        {endpoint.events.map((type) => (
          <code key={type}>{wireName(type)}</code>
        ))}
      </p>
    </>
  );
}

export function EndpointFacts({ endpoint }: { endpoint: WebhookEndpointFieldsFragment }) {
  const t = useT();
  const { locale } = useIntl();
  const when = (iso: string) => (
    <time dateTime={iso} title={new Date(iso).toISOString()}>
      {formatTimestamp(iso, locale)}
    </time>
  );
  return (
    <>
      {!endpoint.enabled && (
        <p className="webhook-disabled-reason" data-testid="webhook-disabled-reason">
          {endpoint.disabledAt && (
            <>
              {t('webhooks.disabledAt')} {when(endpoint.disabledAt)}.{' '}
            </>
          )}
          {endpoint.disabledReason}
        </p>
      )}
      <dl className="webhook-facts">
        {endpoint.failingSince && (
          <div className="failing">
            <dt>{t('webhooks.failingSince')}</dt>
            <dd>{when(endpoint.failingSince)}</dd>
          </div>
        )}
        <div>
          <dt>{t('webhooks.lastDelivery')}</dt>
          <dd>{endpoint.lastDeliveryAt ? when(endpoint.lastDeliveryAt) : t('webhooks.never')}</dd>
        </div>
        <div>
          <dt>{t('webhooks.created')}</dt>
          <dd>{when(endpoint.createdAt)}</dd>
        </div>
      </dl>
    </>
  );
}
