// Settings › Automatic assignment (admins): the mode, the default capacity, and each agent's capacity and load, live.
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import type { RoutingMode } from '../gql/graphql';
import { useT } from '../i18n/I18n';
import type { MessageId } from '../i18n/en';
import { ROUTING, ROUTING_CHANGED, SET_AGENT_CAPACITY, UPDATE_ROUTING } from './routing.documents';

const MODES: { value: RoutingMode; label: MessageId }[] = [
  { value: 'OFF', label: 'routing.modeOff' },
  { value: 'ROUND_ROBIN', label: 'routing.modeRoundRobin' },
  { value: 'LEAST_LOADED', label: 'routing.modeLeastLoaded' },
];

function CapacityCell({
  adminId,
  override,
  max,
  onError,
}: {
  adminId: string;
  override: number | null;
  max: number;
  onError: (message: string | null) => void;
}) {
  const t = useT();
  const [value, setValue] = useState(override === null ? '' : String(override));
  const [save, { loading }] = useMutation(SET_AGENT_CAPACITY, { refetchQueries: ['Routing'] });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    onError(null);
    const capacity = value.trim() === '' ? null : Number(value);
    await save({ variables: { adminId, capacity } }).catch((failure: Error) => onError(failure.message));
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('routing.capacityOf', { id: adminId })}>
      <input
        type="number"
        min={1}
        max={max}
        value={value}
        placeholder={t('routing.default')}
        aria-label={t('routing.ownCapacityLabel')}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" disabled={loading}>
        {t('routing.set')}
      </button>
    </form>
  );
}

export function RoutingSettings() {
  const t = useT();
  const { data, error: loadError } = useQuery(ROUTING);
  useSubscription(ROUTING_CHANGED, {
    onData: ({ client, data: event }) => {
      if (event.data) client.cache.writeQuery({ query: ROUTING, data: { routing: event.data.routingChanged } });
    },
  });
  const [update, { loading }] = useMutation(UPDATE_ROUTING);
  const [error, setError] = useState<string | null>(null);
  const [draftCapacity, setDraftCapacity] = useState<string | null>(null);
  const routing = data?.routing;
  if (loadError)
    return (
      <p role="alert" className="error">
        {t('routing.loadFailed', { error: loadError.message })}
      </p>
    );
  if (!routing) return <p className="muted">{t('routing.loading')}</p>;

  const change = async (input: { mode?: RoutingMode; defaultCapacity?: number }) => {
    setError(null);
    const result = await update({
      variables: { input },
      update: (cache, { data: changed }) =>
        changed && cache.writeQuery({ query: ROUTING, data: { routing: changed.updateRouting } }),
    }).catch((failure: Error) => {
      setError(failure.message);
      return null;
    });
    if (result) setDraftCapacity(null);
  };
  const submitCapacity = (event: FormEvent) => {
    event.preventDefault();
    if (draftCapacity !== null) void change({ defaultCapacity: Number(draftCapacity) });
  };

  return (
    <section aria-labelledby="routing-title">
      <h2 id="routing-title">{t('routing.title')}</h2>
      <p className="muted">
        {t('routing.lead')} {t('routing.waiting', { count: routing.waitingTickets })}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="inline-form">
        <label>
          {t('routing.mode')}
          <select
            value={routing.mode}
            disabled={loading}
            onChange={(event) => void change({ mode: event.target.value as RoutingMode })}
          >
            {MODES.map((mode) => (
              <option key={mode.value} value={mode.value}>
                {t(mode.label)}
              </option>
            ))}
          </select>
        </label>
        <form className="inline-form" onSubmit={submitCapacity} aria-label={t('routing.defaultCapacityTitle')}>
          <label>
            {t('routing.defaultCapacity')}
            <input
              type="number"
              min={1}
              max={routing.maxCapacity}
              required
              value={draftCapacity ?? String(routing.defaultCapacity)}
              onChange={(event) => setDraftCapacity(event.target.value)}
            />
          </label>
          <button type="submit" className="primary" disabled={loading || draftCapacity === null}>
            {t('common.save')}
          </button>
        </form>
      </div>
      <table>
        <thead>
          <tr>
            <th>{t('routing.agent')}</th>
            <th>{t('routing.status')}</th>
            <th>{t('routing.load')}</th>
            <th>{t('routing.ownCapacity')}</th>
          </tr>
        </thead>
        <tbody>
          {routing.agents.map((row) => (
            <tr key={row.agent.id} data-testid={`routing-agent-${row.agent.id}`}>
              <td>{row.agent.name}</td>
              <td>
                <span className={`status-dot ${row.available ? 'online' : 'away'}`} aria-hidden="true" />{' '}
                {row.available ? t('status.online') : t('status.away')}
              </td>
              <td>
                {row.activeTickets} / {row.capacity}
              </td>
              <td>
                <CapacityCell
                  key={String(row.capacityOverride)}
                  adminId={row.agent.id}
                  override={row.capacityOverride}
                  max={routing.maxCapacity}
                  onError={setError}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
