// Settings' Webhooks section, next to API tokens: how many endpoints there are (and how many were disabled
// automatically), with the way to the Webhooks screen.
import { useQuery } from '@apollo/client/react';
import { useT } from '../i18n/I18n';
import { navigateOnClick } from '../router';
import { WEBHOOK_ENDPOINTS } from './webhook.documents';

export function WebhookSummary() {
  const t = useT();
  const { data } = useQuery(WEBHOOK_ENDPOINTS, { fetchPolicy: 'cache-and-network' });
  const endpoints = data?.webhookEndpoints;
  const disabled = endpoints?.filter((endpoint) => !endpoint.enabled).length ?? 0;
  return (
    <section aria-labelledby="webhooks-summary-title" className="webhook-summary">
      <h2 id="webhooks-summary-title">{t('webhooks.title')}</h2>
      <p className="muted">{t('webhooks.sectionLead')}</p>
      {endpoints && <p>{t('webhooks.summary', { count: endpoints.length, disabled })}</p>}
      <a className="button-link" href="/settings/webhooks" onClick={navigateOnClick('/settings/webhooks')}>
        {t('webhooks.manage')}
      </a>
    </section>
  );
}
