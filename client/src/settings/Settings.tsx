// Settings for admins: agents (see AgentSettings), automatic assignment, API tokens for tools (the secret shown once), labels, business hours and SLA targets.
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { formatTimestamp } from '../format';
import { graphql } from '../gql';
import type { ApiScope } from '../gql/graphql';
import { LabelSettings } from '../labels/LabelSettings';
import { RoutingSettings } from '../routing/RoutingSettings';
import { AgentSettings } from './AgentSettings';
import { BusinessHoursSettings } from './BusinessHoursSettings';
import { DESK_SETTINGS } from './desk-settings.documents';
import { SlaSettings } from './SlaSettings';
import { TemplateSettings } from '../templates/TemplateSettings';

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
    <form className="inline-form" onSubmit={submit} aria-label="Create an API token">
      <label>
        Token name
        <input
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. Reporting tool"
        />
      </label>
      <fieldset>
        <legend>Scopes</legend>
        <label>
          <input
            type="checkbox"
            checked={scopes.includes('READ') || scopes.includes('WRITE')}
            disabled={scopes.includes('WRITE')}
            onChange={() => toggle('READ')}
          />{' '}
          Read
        </label>
        <label>
          <input type="checkbox" checked={scopes.includes('WRITE')} onChange={() => toggle('WRITE')} /> Write (includes
          read)
        </label>
      </fieldset>
      <button type="submit" className="primary" disabled={loading || scopes.length === 0}>
        Create token
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
  const { data, loading, error, refetch } = useQuery(SETTINGS);
  const { data: desk } = useQuery(DESK_SETTINGS);
  const [revoke] = useMutation(REVOKE_TOKEN);
  const [secret, setSecret] = useState<string | null>(null);
  if (loading && !data) return <p className="muted">Loading settings…</p>;
  if (error)
    return (
      <p role="alert" className="error">
        Settings could not be loaded: {error.message}
      </p>
    );
  return (
    <div className="settings">
      <AgentSettings />
      <RoutingSettings />
      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title">API tokens</h2>
        {secret && (
          <div role="status" className="secret">
            <p>Copy this token now: it is shown only once.</p>
            <code>{secret}</code>
            <button type="button" onClick={() => void navigator.clipboard?.writeText(secret)}>
              Copy
            </button>
            <button type="button" onClick={() => setSecret(null)}>
              Done
            </button>
          </div>
        )}
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Scopes</th>
              <th>Created</th>
              <th>State</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data?.apiTokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{token.scopes.join(', ').toLowerCase()}</td>
                <td>{formatTimestamp(token.createdAt)}</td>
                <td>{token.revokedAt ? 'revoked' : 'active'}</td>
                <td>
                  {!token.revokedAt && (
                    <button
                      type="button"
                      className="danger"
                      onClick={() => void revoke({ variables: { id: token.id } }).then(() => refetch())}
                    >
                      Revoke
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
      <LabelSettings />
      {desk && <BusinessHoursSettings hours={desk.businessHours} />}
      {desk && <SlaSettings policy={desk.slaPolicy} />}
      <TemplateSettings />
    </div>
  );
}
