// Settings › Automatic assignment (admins): the mode, the default capacity, and each agent's capacity and load, live.
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { countOf } from '../format';
import type { RoutingMode } from '../gql/graphql';
import { ROUTING, ROUTING_CHANGED, SET_AGENT_CAPACITY, UPDATE_ROUTING } from './routing.documents';

const MODES: { value: RoutingMode; label: string }[] = [
  { value: 'OFF', label: 'Off: agents take tickets themselves' },
  { value: 'ROUND_ROBIN', label: 'Round-robin: in turn' },
  { value: 'LEAST_LOADED', label: 'Least loaded: fewest open tickets' },
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
  const [value, setValue] = useState(override === null ? '' : String(override));
  const [save, { loading }] = useMutation(SET_AGENT_CAPACITY, { refetchQueries: ['Routing'] });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    onError(null);
    const capacity = value.trim() === '' ? null : Number(value);
    await save({ variables: { adminId, capacity } }).catch((failure: Error) => onError(failure.message));
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={`Capacity of agent ${adminId}`}>
      <input
        type="number"
        min={1}
        max={max}
        value={value}
        placeholder="default"
        aria-label="Own capacity (empty: the default)"
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" disabled={loading}>
        Set
      </button>
    </form>
  );
}

export function RoutingSettings() {
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
        Routing could not be loaded: {loadError.message}
      </p>
    );
  if (!routing) return <p className="muted">Loading routing…</p>;

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
      <h2 id="routing-title">Automatic assignment</h2>
      <p className="muted">
        New tickets go at once to an available agent with room; when everyone is full or away they wait, and the oldest
        goes first as room frees. Agents set themselves Online or Away with the status menu in the header.{' '}
        {countOf(routing.waitingTickets, 'ticket')} waiting now.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="inline-form">
        <label>
          Mode
          <select
            value={routing.mode}
            disabled={loading}
            onChange={(event) => void change({ mode: event.target.value as RoutingMode })}
          >
            {MODES.map((mode) => (
              <option key={mode.value} value={mode.value}>
                {mode.label}
              </option>
            ))}
          </select>
        </label>
        <form className="inline-form" onSubmit={submitCapacity} aria-label="Default capacity">
          <label>
            Default capacity (open tickets per agent)
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
            Save
          </button>
        </form>
      </div>
      <table>
        <thead>
          <tr>
            <th>Agent</th>
            <th>Status</th>
            <th>Load</th>
            <th>Own capacity</th>
          </tr>
        </thead>
        <tbody>
          {routing.agents.map((row) => (
            <tr key={row.agent.id} data-testid={`routing-agent-${row.agent.id}`}>
              <td>{row.agent.name}</td>
              <td>{row.available ? '🟢 available' : '⚪ away'}</td>
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
