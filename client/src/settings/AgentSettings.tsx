// Settings › Agents (admins): add agents, rename them, change their role, reset a password (a one-time code,
// shown once), deactivate and reactivate. The server keeps the last active admin and says so.
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import {
  AGENT_ACCOUNTS,
  CREATE_PASSWORD_RESET,
  DEACTIVATE_AGENT,
  REACTIVATE_AGENT,
  UPDATE_AGENT,
} from '../account/account.documents';
import { MIN_PASSWORD_LENGTH } from '../account/password-rules';
import { formatTimestamp } from '../format';
import { graphql } from '../gql';
import type { AgentAccountsQuery, Role } from '../gql/graphql';
import { useT } from '../i18n/I18n';
import { useIntl } from 'react-intl';

const CREATE_AGENT = graphql(`
  mutation CreateAgent($input: CreateAgentInput!) {
    createAgent(input: $input) { id name email role active }
  }
`);

type Agent = AgentAccountsQuery['admins'][number];
type ResetCode = { name: string; code: string; expiresAt: string };

function AgentForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [input, setInput] = useState({ name: '', email: '', password: '', role: 'AGENT' as Role });
  const [create, { loading, error }] = useMutation(CREATE_AGENT, { refetchQueries: ['Routing', 'AgentAccounts'] });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({ variables: { input } }).catch(() => null);
    if (result?.data) {
      setInput({ name: '', email: '', password: '', role: 'AGENT' });
      onDone();
    }
  };
  const field = (key: 'name' | 'email' | 'password', label: string, type = 'text') => (
    <label>
      {label}
      <input
        type={type}
        required
        value={input[key]}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        onChange={(event) => setInput({ ...input, [key]: event.target.value })}
      />
    </label>
  );
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('agents.addTitle')}>
      {field('name', t('agents.name'))}
      {field('email', t('signIn.email'), 'email')}
      {field('password', t('agents.firstPassword', { min: MIN_PASSWORD_LENGTH }), 'password')}
      <label>
        {t('agents.role')}
        <select value={input.role} onChange={(event) => setInput({ ...input, role: event.target.value as Role })}>
          <option value="AGENT">{t('agents.roleAgent')}</option>
          <option value="ADMIN">{t('agents.roleAdmin')}</option>
        </select>
      </label>
      <button type="submit" className="primary" disabled={loading}>
        {t('agents.add')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      <p className="muted form-hint">{t('password.hint', { min: MIN_PASSWORD_LENGTH })}</p>
    </form>
  );
}

function AgentRow({
  agent,
  isMe,
  onReset,
  onError,
}: {
  agent: Agent;
  isMe: boolean;
  onReset: (code: ResetCode) => void;
  onError: (message: string | null) => void;
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(agent.name);
  const [role, setRole] = useState<Role>(agent.role);
  const [update, { loading: saving }] = useMutation(UPDATE_AGENT, { refetchQueries: ['Routing'] });
  const [deactivate] = useMutation(DEACTIVATE_AGENT, { refetchQueries: ['Routing'] });
  const [reactivate] = useMutation(REACTIVATE_AGENT, { refetchQueries: ['Routing'] });
  const [createReset] = useMutation(CREATE_PASSWORD_RESET);
  const attempt = <T,>(work: Promise<T>) => {
    onError(null);
    return work.catch((failure: Error) => {
      onError(failure.message);
      return null;
    });
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const changed = await attempt(update({ variables: { id: agent.id, input: { name, role } } }));
    if (changed) setEditing(false);
  };
  const reset = async () => {
    if (!window.confirm(t('agents.confirmReset', { name: agent.name }))) return;
    const result = await attempt(createReset({ variables: { id: agent.id } }));
    const made = result?.data?.createPasswordReset;
    if (made) onReset({ name: made.admin.name, code: made.code, expiresAt: made.expiresAt });
  };
  const toggleActive = async () => {
    if (agent.active && !window.confirm(t('agents.confirmDeactivate', { name: agent.name }))) return;
    await attempt<unknown>(
      agent.active ? deactivate({ variables: { id: agent.id } }) : reactivate({ variables: { id: agent.id } }),
    );
  };

  if (editing) {
    return (
      <tr>
        <td colSpan={4}>
          <form className="inline-form" onSubmit={save} aria-label={t('agents.editName', { name: agent.name })}>
            <label>
              {t('agents.name')}
              <input required value={name} onChange={(event) => setName(event.target.value)} />
            </label>
            <label>
              {t('agents.role')}
              <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
                <option value="AGENT">{t('agents.roleAgent')}</option>
                <option value="ADMIN">{t('agents.roleAdmin')}</option>
              </select>
            </label>
            <button type="submit" className="primary" disabled={saving}>
              {t('common.save')}
            </button>
            <button
              type="button"
              onClick={() => {
                setEditing(false);
                setName(agent.name);
                setRole(agent.role);
                onError(null);
              }}
            >
              {t('common.cancel')}
            </button>
          </form>
        </td>
      </tr>
    );
  }
  return (
    <tr className={agent.active ? undefined : 'deactivated'} data-testid="agent-row">
      <td>
        {agent.name}
        {isMe && <span className="muted"> {t('agents.you')}</span>}
        <div className="muted agent-email">{agent.email}</div>
      </td>
      <td>{agent.role === 'ADMIN' ? t('agents.roleAdmin') : t('agents.roleAgent')}</td>
      <td>{agent.active ? t('agents.active') : t('agents.deactivated')}</td>
      <td className="actions">
        <button type="button" onClick={() => setEditing(true)} aria-label={t('agents.editName', { name: agent.name })}>
          {t('agents.edit')}
        </button>
        {!isMe && (
          <button type="button" onClick={() => void reset()} aria-label={t('agents.resetName', { name: agent.name })}>
            {t('agents.reset')}
          </button>
        )}
        <button
          type="button"
          className={agent.active ? 'danger' : undefined}
          onClick={() => void toggleActive()}
          aria-label={t(agent.active ? 'agents.deactivateName' : 'agents.reactivateName', { name: agent.name })}
        >
          {agent.active ? t('agents.deactivate') : t('agents.reactivate')}
        </button>
      </td>
    </tr>
  );
}

function ResetCodeNotice({ reset, onDone }: { reset: ResetCode; onDone: () => void }) {
  const t = useT();
  const { locale } = useIntl();
  const link = `${location.origin}/reset-password#code=${encodeURIComponent(reset.code)}`;
  return (
    <div role="status" className="secret" data-testid="reset-code">
      <p>{t('agents.resetNotice', { name: reset.name, until: formatTimestamp(reset.expiresAt, locale) })}</p>
      <code data-testid="reset-link">{link}</code>
      <p className="muted">
        {t('agents.code')} <code data-testid="reset-code-value">{reset.code}</code>
      </p>
      <div className="actions">
        <button type="button" onClick={() => void navigator.clipboard?.writeText(link)}>
          {t('agents.copyLink')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.done')}
        </button>
      </div>
    </div>
  );
}

export function AgentSettings() {
  const t = useT();
  const { data, error: loadError, refetch } = useQuery(AGENT_ACCOUNTS);
  const [error, setError] = useState<string | null>(null);
  const [reset, setReset] = useState<ResetCode | null>(null);
  if (loadError)
    return (
      <p role="alert" className="error">
        {t('agents.loadFailed', { error: loadError.message })}
      </p>
    );
  return (
    <section aria-labelledby="agents-title">
      <h2 id="agents-title">{t('agents.title')}</h2>
      {reset && <ResetCodeNotice reset={reset} onDone={() => setReset(null)} />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table className="agents-table">
        <thead>
          <tr>
            <th>{t('agents.name')}</th>
            <th>{t('agents.role')}</th>
            <th>{t('agents.state')}</th>
            <th>
              <span className="visually-hidden">{t('agents.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data?.admins.map((agent) => (
            <AgentRow
              key={agent.id}
              agent={agent}
              isMe={agent.id === data.me?.id}
              onReset={setReset}
              onError={setError}
            />
          ))}
        </tbody>
      </table>
      <AgentForm onDone={() => void refetch()} />
    </section>
  );
}
