// A yes-or-no question before something that cannot be undone (deleting an endpoint, replacing its secret).
import { useId } from 'react';
import { Dialog } from '../keyboard/Dialog';
import { useT } from '../i18n/I18n';

export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <Dialog labelledBy={`${id}-title`} className="confirm-dialog" onClose={onClose}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p>{text}</p>
      <div className="dialog-actions">
        {/* The safe answer comes first, so showModal() focuses it: Enter does not destroy anything. */}
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
