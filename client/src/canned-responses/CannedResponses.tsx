// The canned responses screen: the desk's saved replies, searchable and live; anyone adds one, its author or an admin changes it.
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import type { CannedResponseFieldsFragment } from '../gql/graphql';
import { T, useT } from '../i18n/I18n';
import {
  CANNED_RESPONSE_CHANGED,
  CANNED_RESPONSES,
  CREATE_CANNED_RESPONSE,
  DELETE_CANNED_RESPONSE,
  UPDATE_CANNED_RESPONSE,
} from './canned-response.documents';

const MAX_BODY = 4096;
type Draft = { shortcode: string; title: string; body: string };
const EMPTY: Draft = { shortcode: '', title: '', body: '' };

function CannedResponseForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: Draft;
  submitLabel: string;
  onSubmit: (draft: Draft) => Promise<string | null>;
  onCancel?: () => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const failure = await onSubmit(draft);
    setBusy(false);
    setError(failure);
    if (!failure && !onCancel) setDraft(EMPTY);
  };
  return (
    <form className="canned-form" onSubmit={submit} aria-label={submitLabel}>
      <div className="canned-form-row">
        <label>
          {t('canned.shortcode')}
          <input
            required
            maxLength={32}
            value={draft.shortcode}
            onChange={(event) => setDraft({ ...draft, shortcode: event.target.value })}
            placeholder={t('canned.shortcodePlaceholder')}
          />
        </label>
        <label className="grow">
          {t('canned.titleLabel')}
          <input
            required
            maxLength={80}
            value={draft.title}
            onChange={(event) => setDraft({ ...draft, title: event.target.value })}
            placeholder={t('canned.titlePlaceholder')}
          />
        </label>
      </div>
      <label>
        {t('canned.reply')}
        <textarea
          required
          rows={4}
          maxLength={MAX_BODY}
          value={draft.body}
          onChange={(event) => setDraft({ ...draft, body: event.target.value })}
          placeholder={t('canned.replyPlaceholder')}
        />
      </label>
      <p className="muted hint">
        <T id="canned.hint" values={{ left: MAX_BODY - draft.body.length, code: (chunks) => <code>{chunks}</code> }} />
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="reply-actions">
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : (
          <span />
        )}
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

function CannedResponseCard({ item, onChanged }: { item: CannedResponseFieldsFragment; onChanged: () => void }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [update] = useMutation(UPDATE_CANNED_RESPONSE);
  const [remove] = useMutation(DELETE_CANNED_RESPONSE);
  if (editing) {
    return (
      <li className="canned-card">
        <CannedResponseForm
          initial={{ shortcode: item.shortcode, title: item.title, body: item.body }}
          submitLabel={t('canned.saveChanges')}
          onCancel={() => setEditing(false)}
          onSubmit={async (input) => {
            const failure = await update({ variables: { id: item.id, input } }).then(
              () => null,
              (error: Error) => error.message,
            );
            if (!failure) setEditing(false);
            return failure;
          }}
        />
      </li>
    );
  }
  const destroy = async () => {
    if (!window.confirm(t('canned.confirmDelete', { shortcode: item.shortcode }))) return;
    await remove({ variables: { id: item.id } }).then(onChanged, (failure: Error) => setError(failure.message));
  };
  return (
    <li className="canned-card" data-testid="canned-response">
      <div className="canned-card-head">
        <code>/{item.shortcode}</code>
        <strong>{item.title}</strong>
        <span className="muted">{t('canned.by', { name: item.author?.name ?? t('canned.formerAgent') })}</span>
        {item.viewerCanEdit && (
          <span className="actions">
            <button
              type="button"
              onClick={() => setEditing(true)}
              aria-label={t('canned.editName', { shortcode: item.shortcode })}
            >
              {t('agents.edit')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => void destroy()}
              aria-label={t('canned.deleteName', { shortcode: item.shortcode })}
            >
              {t('labels.delete')}
            </button>
          </span>
        )}
      </div>
      <p className="body">{item.body}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}

export function CannedResponses() {
  const t = useT();
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), 200);
    return () => clearTimeout(timer);
  }, [searchText]);
  const { data, previousData, error, refetch } = useQuery(CANNED_RESPONSES, {
    variables: { search: search || null, first: 100 },
  });
  // Someone else's new, changed or deleted reply shows at once.
  useSubscription(CANNED_RESPONSE_CHANGED, { onData: () => void refetch() });
  const [create] = useMutation(CREATE_CANNED_RESPONSE);
  const items = (data ?? previousData)?.cannedResponses ?? [];

  return (
    <div className="canned-responses">
      <section aria-labelledby="canned-title">
        <h2 id="canned-title">{t('header.canned')}</h2>
        <p className="muted">
          <T id="canned.lead" values={{ code: (chunks) => <code>{chunks}</code> }} />
        </p>
        <label>
          <span className="visually-hidden">{t('canned.search')}</span>
          <input
            type="search"
            placeholder={t('canned.searchPlaceholder')}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {t('canned.loadFailed', { error: error.message })}
          </p>
        )}
        <ul className="canned-list">
          {items.map((item) => (
            <CannedResponseCard key={item.id} item={item} onChanged={() => void refetch()} />
          ))}
        </ul>
        {data && items.length === 0 && <p className="muted">{search ? t('canned.noMatch') : t('canned.none')}</p>}
      </section>
      <section aria-labelledby="canned-new-title">
        <h2 id="canned-new-title">{t('canned.newTitle')}</h2>
        <CannedResponseForm
          initial={EMPTY}
          submitLabel={t('canned.add')}
          onSubmit={(input) =>
            create({ variables: { input } }).then(
              () => {
                void refetch();
                return null;
              },
              (failure: Error) => failure.message,
            )
          }
        />
      </section>
    </div>
  );
}
