// Labels as coloured chips, optionally each with a button that takes it off.
import { textColorOn } from './colors';

export interface ChipLabel {
  id: string;
  name: string;
  color: string;
}

export function LabelChip({ label, onRemove }: { label: ChipLabel; onRemove?: (label: ChipLabel) => void }) {
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
          aria-label={`Remove the label ${label.name}`}
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
  if (labels.length === 0) return null;
  return (
    <span className="label-chips">
      {/* A name for the chips that sighted agents get from their colours; a span cannot carry an aria-label. */}
      <span className="visually-hidden">Labels: </span>
      {labels.map((label) => (
        <LabelChip key={label.id} label={label} onRemove={onRemove} />
      ))}
    </span>
  );
}
