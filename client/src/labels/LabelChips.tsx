// Labels as coloured chips, optionally each with a button that takes it off.
import { useT } from '../i18n/I18n';
import { textColorOn } from './colors';

export interface ChipLabel {
  id: string;
  name: string;
  color: string;
}

export function LabelChip({ label, onRemove }: { label: ChipLabel; onRemove?: (label: ChipLabel) => void }) {
  const t = useT();
  return (
    <span
      className="label-chip"
      style={{ background: label.color, color: textColorOn(label.color) }}
      data-testid="label-chip"
    >
      {label.name}
      {onRemove && (
        <button
          type="button"
          className="chip-remove"
          aria-label={t('labelChips.remove', { name: label.name })}
          onClick={() => onRemove(label)}
        >
          ×
        </button>
      )}
    </span>
  );
}

export function LabelChips({
  labels,
  onRemove,
}: {
  labels: readonly ChipLabel[];
  onRemove?: (label: ChipLabel) => void;
}) {
  const t = useT();
  if (labels.length === 0) return null;
  return (
    <span className="label-chips">
      {/* A name for the chips that sighted agents get from their colours; a span cannot carry an aria-label. */}
      <span className="visually-hidden">{t('labelChips.labels')} </span>
      {labels.map((label) => (
        <LabelChip key={label.id} label={label} onRemove={onRemove} />
      ))}
    </span>
  );
}
