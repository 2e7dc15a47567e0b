// Labels in the list's bulk action bar: put one on every ticket ticked, or take it off.
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useT } from '../i18n/I18n';
import { ADD_LABELS, REMOVE_LABELS } from './label.documents';
import { useLabels } from './useLabels';

/** The API changes at most this many tickets in one call. */
const BATCH = 100;

export interface BulkStatus {
  error: boolean;
  text: string;
}

/** `onResult` gets what happened (null when an action starts), for the bar to show in one place. */
export function BulkLabelControls({
  ticketIds,
  onResult,
}: {
  ticketIds: string[];
  onResult: (status: BulkStatus | null) => void;
}) {
  const t = useT();
  const labels = useLabels();
  const [labelId, setLabelId] = useState('');
  const [add, { loading: adding }] = useMutation(ADD_LABELS);
  const [remove, { loading: removing }] = useMutation(REMOVE_LABELS);
  const label = labels.find((item) => item.id === labelId);

  const apply = async (mode: 'add' | 'remove') => {
    if (!label) return;
    onResult(null);
    try {
      for (let start = 0; start < ticketIds.length; start += BATCH) {
        const variables = { ticketIds: ticketIds.slice(start, start + BATCH), labelIds: [label.id] };
        await (mode === 'add' ? add({ variables }) : remove({ variables }));
      }
      const values = { name: label.name, count: ticketIds.length };
      onResult({
        error: false,
        text: mode === 'add' ? t('bulkLabels.added', values) : t('bulkLabels.removed', values),
      });
    } catch (error) {
      onResult({ error: true, text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="bulk-labels">
      <label>
        <span className="visually-hidden">{t('bulkLabels.select')}</span>
        <select value={labelId} onChange={(event) => setLabelId(event.target.value)}>
          <option value="">{t('bulkLabels.choose')}</option>
          {labels.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!label || adding || removing} onClick={() => void apply('add')}>
        {t('bulkLabels.apply')}
      </button>
      <button type="button" disabled={!label || adding || removing} onClick={() => void apply('remove')}>
        {t('bulkLabels.remove')}
      </button>
    </div>
  );
}
