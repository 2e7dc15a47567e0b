// A ticket's labels in its detail: the chips, each removable, and a picker to add one.
import { useMutation } from '@apollo/client/react';
import { useT } from '../i18n/I18n';
import { ADD_LABELS, REMOVE_LABELS } from './label.documents';
import { LabelChips, type ChipLabel } from './LabelChips';
import { useLabels } from './useLabels';

export function TicketLabels({
  ticketId,
  labels,
  onError,
}: {
  ticketId: string;
  labels: readonly ChipLabel[];
  onError: (message: string) => void;
}) {
  const t = useT();
  const all = useLabels();
  const [add] = useMutation(ADD_LABELS);
  const [remove] = useMutation(REMOVE_LABELS);
  const carried = new Set(labels.map((label) => label.id));
  const addable = all.filter((label) => !carried.has(label.id));
  const run = (change: Promise<unknown>) =>
    void change.catch((error: unknown) => onError(error instanceof Error ? error.message : String(error)));

  return (
    <div className="ticket-labels">
      <LabelChips
        labels={labels}
        onRemove={(label) => run(remove({ variables: { ticketIds: [ticketId], labelIds: [label.id] } }))}
      />
      {addable.length > 0 && (
        <label>
          <span className="visually-hidden">{t('labelChips.add')}</span>
          <select
            value=""
            onChange={(event) =>
              event.target.value && run(add({ variables: { ticketIds: [ticketId], labelIds: [event.target.value] } }))
            }
          >
            <option value="">{t('labelChips.addOption')}</option>
            {addable.map((label) => (
              <option key={label.id} value={label.id}>
                {label.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
