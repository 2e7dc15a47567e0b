// The endpoint form, for a new endpoint and for editing one: URL, an optional description, and the events it gets.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { WebhookEventType } from '../gql/graphql';
import { useT } from '../i18n/I18n';
import { EVENT_LABEL, SUBSCRIBABLE_EVENTS, wireName } from './event-types';

export interface EndpointDraft {
  url: string;
  description: string;
  events: WebhookEventType[];
}

export function WebhookEndpointForm({
  initial,
  submitLabel,
  busyLabel,
  title,
  onSubmit,
  onCancel,
  focusOnOpen = false,
}: {
  initial: EndpointDraft;
  submitLabel: string;
  busyLabel: string;
  title: string;
  /** Resolves to an error message to show, or null when it went through. */
  onSubmit: (draft: EndpointDraft) => Promise<string | null>;
  onCancel?: () => void;
  /** Put the focus in the URL field when the form appears (an edit form opened by a button). */
  focusOnOpen?: boolean;
}) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const urlField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOnOpen) urlField.current?.focus();
  }, [focusOnOpen]);
  const toggle = (type: WebhookEventType) =>
    setDraft((current) => ({
      ...current,
      events: current.events.includes(type)
        ? current.events.filter((item) => item !== type)
        : SUBSCRIBABLE_EVENTS.filter((item) => item === type || current.events.includes(item)),
    }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.events.length === 0) {
      setError(t('webhooks.pickEvent'));
      return;
    }
    setBusy(true);
    setError(null);
    const failure = await onSubmit({ ...draft, url: draft.url.trim(), description: draft.description.trim() });
    setBusy(false);
    setError(failure);
  };
  return (
    <form className="webhook-form" onSubmit={(event) => void submit(event)} aria-label={title}>
      <label>
        {t('webhooks.url')}
        <input
          ref={urlField}
          type="url"
          required
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={draft.url}
          onChange={(event) => setDraft({ ...draft, url: event.target.value })}
          placeholder={t('webhooks.urlPlaceholder')}
          aria-describedby={`${id}-url-hint`}
        />
        <span id={`${id}-url-hint`} className="form-hint muted">
          {t('webhooks.urlHint')}
        </span>
      </label>
      <label>
        {t('webhooks.description')}
        <input
          value={draft.description}
          maxLength={200}
          onChange={(event) => setDraft({ ...draft, description: event.target.value })}
          placeholder={t('webhooks.descriptionPlaceholder')}
        />
      </label>
      <fieldset className="webhook-events">
        <legend>{t('webhooks.events')}</legend>
        {SUBSCRIBABLE_EVENTS.map((type) => (
          <label key={type}>
            <input type="checkbox" checked={draft.events.includes(type)} onChange={() => toggle(type)} />
            <span>
              {t(EVENT_LABEL[type])} <code>{wireName(type)}</code>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
