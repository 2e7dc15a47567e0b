// Settings › Webhooks, for admins: the endpoints that get the desk's events (state, failures, last delivery), and
// a form to add one; its signing secret is shown once. Each endpoint's page has its settings and delivery log.
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { graphql } from '../gql';
import { useT } from '../i18n/I18n';
import { navigateOnClick } from '../router';
import { EndpointEvents, EndpointFacts, EndpointStatePill } from './EndpointStatus';
import { SecretNotice } from './SecretNotice';
import { CREATE_WEBHOOK_ENDPOINT, WEBHOOK_ENDPOINTS } from './webhook.documents';
import { WebhookEndpointForm } from './WebhookEndpointForm';

/** The header's count of endpoints disabled automatically, kept current by its notificationsChanged subscription. */
export const DISABLED_WEBHOOKS = graphql(`
  query DisabledWebhookEndpoints {
    notifications { disabledWebhookEndpoints }
  }
`);

export const endpointPath = (id: string) => `/settings/webhooks/${encodeURIComponent(id)}`;

export const isForbidden = (error: unknown) =>
  CombinedGraphQLErrors.is(error) && error.errors.some((item) => item.extensions?.code === 'FORBIDDEN');

export function NotAllowed() {
  const t = useT();
  return (
    <div className="webhooks not-allowed" role="alert">
      <h1>{t('webhooks.notAllowedTitle')}</h1>
      <p>{t('webhooks.notAllowed')}</p>
      <a href="/" onClick={navigateOnClick('/')}>
        {t('webhooks.backToTickets')}
      </a>
    </div>
  );
}

export function WebhookSettings() {
  const t = useT();
  const { data, loading, error, refetch } = useQuery(WEBHOOK_ENDPOINTS, { fetchPolicy: 'cache-and-network' });
  const { data: notifications } = useQuery(DISABLED_WEBHOOKS);
  const disabledCount = notifications?.notifications.disabledWebhookEndpoints;
  const [create] = useMutation(CREATE_WEBHOOK_ENDPOINT);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [formKey, setFormKey] = useState(0);

  // An endpoint disabled automatically (or re-enabled elsewhere) changes the count: read the list again then.
  useEffect(() => {
    if (disabledCount !== undefined) void refetch();
  }, [disabledCount, refetch]);

  if (isForbidden(error)) return <NotAllowed />;
  const endpoints = data?.webhookEndpoints ?? [];
  return (
    <div className="webhooks">
      <nav className="webhooks-crumbs" aria-label={t('webhooks.crumbs')}>
        <a href="/settings" onClick={navigateOnClick('/settings')}>
          {t('header.settings')}
        </a>{' '}
        › <span aria-current="page">{t('webhooks.title')}</span>
      </nav>
      <h1>{t('webhooks.title')}</h1>
      <p className="muted">{t('webhooks.lead')}</p>
      {disabledCount !== undefined && disabledCount > 0 && (
        <p className="webhooks-banner" role="status">
          {t('webhooks.banner', { count: disabledCount })}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {t('webhooks.loadFailed', { error: error.message })}
        </p>
      )}
      {created && (
        <SecretNotice
          key={created.secret}
          secret={created.secret}
          onDone={() => setCreated(null)}
          context={t('webhooks.secretFor', { url: created.url })}
        />
      )}
      {loading && !data && <p className="muted">{t('common.loading')}</p>}
      {data && endpoints.length === 0 && <p className="webhooks-empty">{t('webhooks.empty')}</p>}
      <ul className="webhook-list" aria-label={t('webhooks.listLabel')}>
        {endpoints.map((endpoint) => (
          <li key={endpoint.id} className="webhook-card" data-testid="webhook-endpoint">
            <div className="webhook-card-head">
              <a
                className="webhook-url"
                href={endpointPath(endpoint.id)}
                onClick={navigateOnClick(endpointPath(endpoint.id))}
              >
                {endpoint.url}
              </a>
              <EndpointStatePill endpoint={endpoint} />
            </div>
            <EndpointEvents endpoint={endpoint} />
            <EndpointFacts endpoint={endpoint} />
            <a href={endpointPath(endpoint.id)} onClick={navigateOnClick(endpointPath(endpoint.id))}>
              {t('webhooks.openLog')}
              <span className="visually-hidden"> — {endpoint.url}</span>
            </a>
          </li>
        ))}
      </ul>
      <section className="webhook-new" aria-labelledby="webhook-new-title">
        <h2 id="webhook-new-title">{t('webhooks.addTitle')}</h2>
        <WebhookEndpointForm
          key={formKey}
          title={t('webhooks.addTitle')}
          submitLabel={t('webhooks.add')}
          busyLabel={t('webhooks.adding')}
          initial={{ url: '', description: '', events: [] }}
          onSubmit={async (draft) => {
            try {
              const result = await create({
                variables: { input: { url: draft.url, events: draft.events, description: draft.description || null } },
              });
              const payload = result.data?.createWebhookEndpoint;
              if (payload) setCreated({ url: payload.endpoint.url, secret: payload.secret });
              setFormKey((key) => key + 1);
              await refetch();
              return null;
            } catch (failure) {
              return failure instanceof Error ? failure.message : String(failure);
            }
          }}
        />
      </section>
    </div>
  );
}
