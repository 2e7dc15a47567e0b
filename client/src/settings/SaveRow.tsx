// A settings form's foot: its save button, "Saved." once it is, and the server's refusal when it is not.
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
  return (
    <>
      <div>
        <button type="submit" className="primary" disabled={busy}>
          {label}
        </button>
        {saved && (
          <span role="status" className="muted">
            {' '}
            Saved.
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
