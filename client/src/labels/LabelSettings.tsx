// Settings › Labels (admins): create, rename, recolour and delete the labels agents put on tickets.
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { CREATE_LABEL, DELETE_LABEL, UPDATE_LABEL } from './label.documents';
import { LabelChip, type ChipLabel } from './LabelChips';
import { useLabels } from './useLabels';
import { useAttempt } from '../settings/useAttempt';
import { useT } from '../i18n/I18n';

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
  const t = useT();
  const [value, setValue] = useState(initial);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await onSubmit(value)) && !onCancel) setValue({ name: '', color: value.color });
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={submitLabel}>
      <label>
        {t('labels.name')}
        <input
          required
          maxLength={40}
          value={value.name}
          onChange={(event) => setValue({ ...value, name: event.target.value })}
          placeholder={t('labels.namePlaceholder')}
        />
      </label>
      <label>
        {t('labels.colour')}
        <input
          type="color"
          value={value.color}
          onChange={(event) => setValue({ ...value, color: event.target.value })}
        />
      </label>
      <LabelChip label={{ id: 'preview', name: value.name.trim() || t('labels.preview'), color: value.color }} />
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </form>
  );
}

export function LabelSettings() {
  const t = useT();
  const labels = useLabels();
  const [editing, setEditing] = useState<string | null>(null);
  const { error, attempt } = useAttempt();
  const [create, { loading: creating }] = useMutation(CREATE_LABEL, { refetchQueries: ['Labels'] });
  const [update, { loading: updating }] = useMutation(UPDATE_LABEL);
  const [remove] = useMutation(DELETE_LABEL, { refetchQueries: ['Labels'] });

  const confirmDelete = (label: ChipLabel & { ticketCount: number }) => {
    if (window.confirm(t('labels.confirmDelete', { name: label.name, count: label.ticketCount })))
      void attempt(() => remove({ variables: { id: label.id } }));
  };

  return (
    <section aria-labelledby="labels-title">
      <h2 id="labels-title">{t('labels.title')}</h2>
      <p className="muted">{t('labels.lead')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>{t('labels.label')}</th>
            <th>{t('labels.colour')}</th>
            <th>{t('labels.tickets')}</th>
            <th>
              <span className="visually-hidden">{t('agents.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {labels.map((label) =>
            editing === label.id ? (
              <tr key={label.id}>
                <td colSpan={4}>
                  <LabelForm
                    initial={{ name: label.name, color: label.color }}
                    submitLabel={t('labels.save')}
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
                    aria-label={t('labels.editName', { name: label.name })}
                  >
                    {t('agents.edit')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => confirmDelete(label)}
                    aria-label={t('labels.deleteName', { name: label.name })}
                  >
                    {t('labels.delete')}
                  </button>
                </td>
              </tr>
            ),
          )}
          {labels.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                {t('labels.none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <LabelForm
        initial={{ name: '', color: DEFAULT_COLOR }}
        submitLabel={t('labels.add')}
        busy={creating}
        onSubmit={(input) => attempt(() => create({ variables: { input } }))}
      />
    </section>
  );
}
