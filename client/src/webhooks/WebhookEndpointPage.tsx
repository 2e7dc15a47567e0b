// One webhook endpoint, for admins: its state, edit, enable or disable, test ping, a new secret (shown once),
// delete; and its delivery log, read again every few seconds while a delivery is still pending.
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import type { WebhookDeliveryStatus } from '../gql/graphql';
import { useT } from '../i18n/I18n';
import { navigate, navigateOnClick } from '../router';
import { ConfirmDialog } from './ConfirmDialog';
import { DeliveryLog } from './DeliveryLog';
import { nextPollMs } from './delivery-poll';
import { EndpointEvents, EndpointFacts, EndpointStatePill } from './EndpointStatus';
import { SecretNotice } from './SecretNotice';
import {
  DELETE_WEBHOOK_ENDPOINT,
  PING_WEBHOOK_ENDPOINT,
  ROTATE_WEBHOOK_SECRET,
  UPDATE_WEBHOOK_ENDPOINT,
  WEBHOOK_DELIVERIES,
} from './webhook.documents';
import { WebhookEndpointForm } from './WebhookEndpointForm';
import { isForbidden, NotAllowed } from './WebhookSettings';

const PAGE = 20;
const messageOf = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

export function WebhookEndpointPage({ endpointId }: { endpointId: string }) {
  const t = useT();
  const [status, setStatus] = useState<WebhookDeliveryStatus | null>(null);
  const { data, loading, error, refetch, fetchMore } = useQuery(WEBHOOK_DELIVERIES, {
    variables: { id: endpointId, first: PAGE, status },
    fetchPolicy: 'cache-and-network',
  });
  const [update] = useMutation(UPDATE_WEBHOOK_ENDPOINT);
  const [rotate] = useMutation(ROTATE_WEBHOOK_SECRET);
  const [remove] = useMutation(DELETE_WEBHOOK_ENDPOINT, { refetchQueries: ['WebhookEndpoints'] });
  const [ping] = useMutation(PING_WEBHOOK_ENDPOINT);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const [confirm, setConfirm] = useState<'delete' | 'rotate' | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; failed: boolean } | null>(null);
  const [polls, setPolls] = useState(0);
  const endpoint = data?.webhookEndpoint;
  const edges = endpoint?.deliveries.edges ?? [];
  const loaded = edges.length;
  const pending = edges.filter(({ node }) => node.status === 'PENDING').map(({ node }) => node);
  // A value that changes only when the pending rows' schedule does (not on every render, such as each keystroke).
  const schedule = pending.map(({ nextAttemptAt }) => nextAttemptAt ?? '').join();

  // The page's rows are read again (as many as are shown) until no delivery is pending; counting the reads
  // schedules the next one even when a read changes nothing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: schedule stands for pending; polls re-arms the timer
  useEffect(() => {
    const pollIn = nextPollMs(pending);
    if (pollIn === null) return;
    const timer = setTimeout(async () => {
      await refetch({ first: Math.max(PAGE, loaded), after: null }).catch(() => undefined);
      setPolls((count) => count + 1);
    }, pollIn);
    return () => clearTimeout(timer);
  }, [schedule, pending.length, loaded, refetch, polls]);

  if (isForbidden(error)) return <NotAllowed />;
  // Closing the edit form gives the focus back to the button that opened it.
  const closeEditing = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const back = (
    <nav className="webhooks-crumbs" aria-label={t('webhooks.crumbs')}>
      <a href="/settings" onClick={navigateOnClick('/settings')}>
        {t('header.settings')}
      </a>{' '}
      ›{' '}
      <a href="/settings/webhooks" onClick={navigateOnClick('/settings/webhooks')}>
        {t('webhooks.title')}
      </a>
    </nav>
  );
  if (loading && !data)
    return (
      <div className="webhooks">
        {back}
        <p className="muted">{t('common.loading')}</p>
      </div>
    );
  if (!endpoint)
    return (
      <div className="webhooks">
        {back}
        <p role="alert" className="error">
          {error ? t('webhooks.loadFailed', { error: error.message }) : t('webhooks.notFound')}
        </p>
      </div>
    );

  const run = async (action: () => Promise<unknown>, done: string) => {
    setNotice(null);
    try {
      await action();
      setNotice({ text: done, failed: false });
      await refetch();
    } catch (failure) {
      setNotice({ text: messageOf(failure), failed: true });
    }
  };
  const onEnabled = (enabled: boolean) =>
    run(
      () => update({ variables: { id: endpoint.id, input: { enabled } } }),
      enabled ? t('webhooks.enabledNotice') : t('webhooks.disabledNotice'),
    );
  const onRotate = () => {
    setConfirm(null);
    void run(async () => {
      const result = await rotate({ variables: { id: endpoint.id } });
      setSecret(result.data?.rotateWebhookSecret.secret ?? null);
    }, t('webhooks.rotated'));
  };
  const onDelete = async () => {
    setConfirm(null);
    try {
      await remove({ variables: { id: endpoint.id } });
      navigate('/settings/webhooks');
    } catch (failure) {
      setNotice({ text: messageOf(failure), failed: true });
    }
  };

  return (
    <div className="webhooks webhook-page">
      {back}
      <div className="webhook-title">
        <h1 className="webhook-url">{endpoint.url}</h1>
        <EndpointStatePill endpoint={endpoint} />
      </div>
      <EndpointEvents endpoint={endpoint} />
      <EndpointFacts endpoint={endpoint} />
      {secret && (
        <SecretNotice
          key={secret}
          secret={secret}
          context={t('webhooks.newSecretFor', { url: endpoint.url })}
          onDone={() => setSecret(null)}
        />
      )}
      <div className="webhook-actions">
        <button
          ref={editButton}
          type="button"
          aria-expanded={editing}
          aria-controls={editing ? 'webhook-edit' : undefined}
          onClick={() => setEditing(true)}
        >
          {t('webhooks.edit')}
        </button>
        {endpoint.enabled ? (
          <button type="button" onClick={() => void onEnabled(false)}>
            {t('webhooks.disable')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void onEnabled(true)}>
            {t('webhooks.enable')}
          </button>
        )}
        <button
          type="button"
          onClick={() => void run(() => ping({ variables: { id: endpoint.id } }), t('webhooks.pinged'))}
        >
          {t('webhooks.ping')}
        </button>
        <button type="button" onClick={() => setConfirm('rotate')}>
          {t('webhooks.rotate')}
        </button>
        <button type="button" className="danger" onClick={() => setConfirm('delete')}>
          {t('webhooks.delete')}
        </button>
      </div>
      <p role="status" className={notice?.failed ? 'error' : 'muted'}>
        {notice?.text}
      </p>
      {editing && (
        <section id="webhook-edit" className="webhook-edit" aria-labelledby="webhook-edit-title">
          <h2 id="webhook-edit-title">{t('webhooks.editTitle')}</h2>
          <WebhookEndpointForm
            title={t('webhooks.editTitle')}
            submitLabel={t('common.save')}
            busyLabel={t('common.saving')}
            initial={{ url: endpoint.url, description: endpoint.description ?? '', events: [...endpoint.events] }}
            focusOnOpen
            onCancel={closeEditing}
            onSubmit={async (draft) => {
              try {
                await update({
                  variables: {
                    id: endpoint.id,
                    input: { url: draft.url, events: draft.events, description: draft.description },
                  },
                });
                closeEditing();
                setNotice({ text: t('common.saved'), failed: false });
                return null;
              } catch (failure) {
                return messageOf(failure);
              }
            }}
          />
        </section>
      )}
      <DeliveryLog
        connection={endpoint.deliveries}
        status={status}
        onStatus={setStatus}
        onMore={() => void fetchMore({ variables: { first: PAGE, after: endpoint.deliveries.pageInfo.endCursor } })}
        onRedelivered={() => void refetch()}
      />
      {confirm === 'delete' && (
        <ConfirmDialog
          title={t('webhooks.deleteTitle')}
          text={t('webhooks.deleteText', { url: endpoint.url })}
          confirmLabel={t('webhooks.delete')}
          onConfirm={() => void onDelete()}
          onClose={() => setConfirm(null)}
        />
      )}
      {confirm === 'rotate' && (
        <ConfirmDialog
          title={t('webhooks.rotateTitle')}
          text={t('webhooks.rotateText')}
          confirmLabel={t('webhooks.rotate')}
          onConfirm={onRotate}
          onClose={() => setConfirm(null)}
        />
      )}
    </div>
  );
}
