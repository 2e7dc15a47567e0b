// A new signing secret, shown once: focus moves to it so that a screen reader says it, with a copy button.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/I18n';

export function SecretNotice({
  secret,
  context,
  onDone,
}: {
  secret: string;
  /** Which endpoint the secret signs for. */
  context: string;
  onDone: () => void;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState(false);
  // The owner mounts one notice per secret (key={secret}), so this runs once for each.
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const copy = async () => {
    await navigator.clipboard?.writeText(secret).catch(() => undefined);
    setCopied(true);
  };
  return (
    <div ref={ref} tabIndex={-1} role="status" className="secret webhook-secret" data-testid="webhook-secret">
      <p>
        <strong>{context}</strong>
      </p>
      <p>{t('webhooks.secretOnce')}</p>
      <code>{secret}</code>
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          {copied ? t('webhooks.copied') : t('webhooks.copySecret')}
        </button>
        <button type="button" onClick={onDone}>
          {t('webhooks.secretSaved')}
        </button>
      </div>
    </div>
  );
}
