// Settings › Labels (admins): create, rename, recolour and delete the labels agents put on tickets.
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { CREATE_LABEL, DELETE_LABEL, UPDATE_LABEL } from './label.documents';
import { LabelChip, type ChipLabel } from './LabelChips';
import { useLabels } from './useLabels';
import { useAttempt } from '../settings/useAttempt';

const DEFAULT_COLOR = '#1f6feb';

function LabelForm({
  initial,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  initial: { name: string; color: string };
  submitLabel: string;
  busy: boolean;
  onSubmit: (value: { name: string; color: string }) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const [value, setValue] = useState(initial);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await onSubmit(value)) && !onCancel) setValue({ name: '', color: value.color });
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={submitLabel}>
      <label>
        Label name
        <input
          required
          maxLength={40}
          value={value.name}
          onChange={(event) => setValue({ ...value, name: event.target.value })}
          placeholder="e.g. Billing"
        />
      </label>
      <label>
        Colour
        <input
          type="color"
          value={value.color}
          onChange={(event) => setValue({ ...value, color: event.target.value })}
        />
      </label>
      <LabelChip label={{ id: 'preview', name: value.name.trim() || 'Preview', color: value.color }} />
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </form>
  );
}

export function LabelSettings() {
  const labels = useLabels();
  const [editing, setEditing] = useState<string | null>(null);
  const { error, attempt } = useAttempt();
  const [create, { loading: creating }] = useMutation(CREATE_LABEL, { refetchQueries: ['Labels'] });
  const [update, { loading: updating }] = useMutation(UPDATE_LABEL);
  const [remove] = useMutation(DELETE_LABEL, { refetchQueries: ['Labels'] });

  const confirmDelete = (label: ChipLabel & { ticketCount: number }) => {
    const on =
      label.ticketCount === 1
        ? ' It is on 1 ticket.'
        : label.ticketCount > 1
          ? ` It is on ${label.ticketCount} tickets.`
          : '';
    if (window.confirm(`Delete the label “${label.name}”?${on}`))
      void attempt(() => remove({ variables: { id: label.id } }));
  };

  return (
    <section aria-labelledby="labels-title">
      <h2 id="labels-title">Labels</h2>
      <p className="muted">
        Agents put labels on tickets to sort them; the list filters by them. Names are unique regardless of case.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>Label</th>
            <th>Colour</th>
            <th>Tickets</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {labels.map((label) =>
            editing === label.id ? (
              <tr key={label.id}>
                <td colSpan={4}>
                  <LabelForm
                    initial={{ name: label.name, color: label.color }}
                    submitLabel="Save label"
                    busy={updating}
                    onCancel={() => setEditing(null)}
                    onSubmit={async (input) => {
                      const saved = await attempt(() => update({ variables: { id: label.id, input } }));
                      if (saved) setEditing(null);
                      return saved;
                    }}
                  />
                </td>
              </tr>
            ) : (
              <tr key={label.id} data-testid="label-row">
                <td>
                  <LabelChip label={label} />
                </td>
                <td>
                  <code>{label.color}</code>
                </td>
                <td>{label.ticketCount}</td>
                <td className="actions">
                  <button
                    type="button"
                    onClick={() => setEditing(label.id)}
                    aria-label={`Edit the label ${label.name}`}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => confirmDelete(label)}
                    aria-label={`Delete the label ${label.name}`}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ),
          )}
          {labels.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                No labels yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <LabelForm
        initial={{ name: '', color: DEFAULT_COLOR }}
        submitLabel="Add label"
        busy={creating}
        onSubmit={(input) => attempt(() => create({ variables: { input } }))}
      />
    </section>
  );
}
