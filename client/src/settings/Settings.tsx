// Settings for admins: agents (see AgentSettings), automatic assignment, API tokens for tools (the secret shown once),
// outgoing webhooks (a link to their own screen), labels, business hours and SLA targets.
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { formatTimestamp } from '../format';
import { graphql } from '../gql';
import type { ApiScope } from '../gql/graphql';
import { LabelSettings } from '../labels/LabelSettings';
import { RoutingSettings } from '../routing/RoutingSettings';
import { AgentSettings } from './AgentSettings';
import { BotMessagesSettings } from './BotMessagesSettings';
import { BusinessHoursSettings } from './BusinessHoursSettings';
import { DESK_SETTINGS } from './desk-settings.documents';
import { SlaSettings } from './SlaSettings';
import { TemplateSettings } from '../templates/TemplateSettings';
import { T, useT } from '../i18n/I18n';
import { useIntl } from 'react-intl';
import { WebhookSummary } from '../webhooks/WebhookSummary';

const SETTINGS = graphql(`
  query Settings {
    apiTokens { id name scopes createdAt expiresAt revokedAt }
  }
`);
const CREATE_TOKEN = graphql(`
  mutation CreateApiToken($name: String!, $scopes: [ApiScope!]!) {
    createApiToken(name: $name, scopes: $scopes) { token apiToken { id name scopes createdAt expiresAt revokedAt } }
  }
`);
const REVOKE_TOKEN = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id)
  }
`);

function TokenForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>(['READ']);
  const [create, { loading, error }] = useMutation(CREATE_TOKEN);
  const toggle = (scope: ApiScope) =>
    setScopes((current) => (current.includes(scope) ? current.filter((item) => item !== scope) : [...current, scope]));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({ variables: { name, scopes } }).catch(() => null);
    if (result?.data) {
      setName('');
      onCreated(result.data.createApiToken.token);
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('tokens.createTitle')}>
      <label>
        {t('tokens.name')}
        <input
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder={t('tokens.namePlaceholder')}
        />
      </label>
      <fieldset>
        <legend>{t('tokens.scopes')}</legend>
        <label>
          <input
            type="checkbox"
            checked={scopes.includes('READ') || scopes.includes('WRITE')}
            disabled={scopes.includes('WRITE')}
            onChange={() => toggle('READ')}
          />{' '}
          {t('tokens.read')}
        </label>
        <label>
          <input type="checkbox" checked={scopes.includes('WRITE')} onChange={() => toggle('WRITE')} />{' '}
          {t('tokens.write')}
        </label>
      </fieldset>
      <button type="submit" className="primary" disabled={loading || scopes.length === 0}>
        {t('tokens.create')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
    </form>
  );
}

export function Settings() {
  const t = useT();
  const { locale } = useIntl();
  const { data, loading, error, refetch } = useQuery(SETTINGS);
  const { data: desk } = useQuery(DESK_SETTINGS);
  const [revoke] = useMutation(REVOKE_TOKEN);
  const [secret, setSecret] = useState<string | null>(null);
  if (loading && !data) return <p className="muted">{t('settings.loading')}</p>;
  if (error)
    return (
      <p role="alert" className="error">
        {t('settings.loadFailed', { error: error.message })}
      </p>
    );
  return (
    <div className="settings">
      <AgentSettings />
      <RoutingSettings />
      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t('tokens.title')}</h2>
        <p className="muted">
          {/* A page load, not the router: the explorer's page comes with its own Content-Security-Policy. */}
          <T id="tokens.explorer" values={{ link: (chunks) => <a href="/explorer">{chunks}</a> }} />
        </p>
        {secret && (
          <div role="status" className="secret">
            <p>{t('tokens.copyNow')}</p>
            <code>{secret}</code>
            <button type="button" onClick={() => void navigator.clipboard?.writeText(secret)}>
              {t('tokens.copy')}
            </button>
            <button type="button" onClick={() => setSecret(null)}>
              {t('common.done')}
            </button>
          </div>
        )}
        <table>
          <thead>
            <tr>
              <th>{t('tokens.name')}</th>
              <th>{t('tokens.scopes')}</th>
              <th>{t('tokens.created')}</th>
              <th>{t('agents.state')}</th>
              <th>
                <span className="visually-hidden">{t('agents.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.apiTokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{token.scopes.includes('WRITE') ? t('tokens.readWrite') : t('tokens.readOnly')}</td>
                <td>{formatTimestamp(token.createdAt, locale)}</td>
                <td>{token.revokedAt ? t('tokens.revoked') : t('agents.active')}</td>
                <td>
                  {!token.revokedAt && (
                    <button
                      type="button"
                      className="danger"
                      onClick={() => void revoke({ variables: { id: token.id } }).then(() => refetch())}
                    >
                      {t('tokens.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <TokenForm
          onCreated={(value) => {
            setSecret(value);
            void refetch();
          }}
        />
      </section>
      <WebhookSummary />
      <LabelSettings />
      {desk && <BusinessHoursSettings hours={desk.businessHours} />}
      {desk && <SlaSettings policy={desk.slaPolicy} />}
      <BotMessagesSettings />
      <TemplateSettings />
    </div>
  );
}
