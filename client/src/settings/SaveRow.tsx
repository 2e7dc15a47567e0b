// A settings form's foot: its save button, "Saved." once it is, and the server's refusal when it is not.
import { useT } from '../i18n/I18n';

export function SaveRow({
  label,
  busy,
  saved,
  error,
}: {
  label: string;
  busy: boolean;
  saved: boolean;
  error: { message: string } | undefined;
}) {
  const t = useT();
  return (
    <>
      <div>
        <button type="submit" className="primary" disabled={busy}>
          {label}
        </button>
        {saved && (
          <span role="status" className="muted">
            {' '}
            {t('common.saved')}
          </span>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
    </>
  );
}
