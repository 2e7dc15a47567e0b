// The header: the badge with live counts (also in the tab title), navigation, and sign-out.
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { type ReactNode, useEffect, useState } from 'react';
import { graphql } from '../gql';
import { personAddress } from '../format';
import { navigate, useRoute, navigateOnClick } from '../router';
import { setSignedIn } from '../session';
import { AvailabilityMenu } from '../routing/AvailabilityMenu';
import { useSimulatorOn } from '../simulator/useSimulatorOn';
import { useMentionAlerts } from '../mentions/useMentionAlerts';
import type { MessageId } from '../i18n/en';
import { T, useT } from '../i18n/I18n';

const HEADER = graphql(`
  query Header {
    me { id name role available }
    notifications { activeTickets openTickets inProgress unassigned unreadTickets hasAlerts slaBreached parkedElements disabledWebhookEndpoints }
  }
`);
const NOTIFICATIONS_CHANGED = graphql(`
  subscription NotificationsChanged {
    notificationsChanged { activeTickets openTickets inProgress unassigned unreadTickets hasAlerts slaBreached parkedElements disabledWebhookEndpoints assignedToMe unreadMentions }
  }
`);
const TICKET_ALERT = graphql(`
  subscription NewTicketAlert {
    ticketCreated { id senderName phoneNumber username issueDescription }
  }
`);
const LOGOUT = graphql(`
  mutation SignOut {
    logout
  }
`);

const ALERTS_KEY = 'support.alerts';

function beep(): void {
  const audio = new AudioContext();
  const tone = audio.createOscillator();
  const gain = audio.createGain();
  tone.frequency.value = 880;
  gain.gain.setValueAtTime(0.15, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
  tone.connect(gain).connect(audio.destination);
  tone.start();
  tone.stop(audio.currentTime + 0.4);
}

/** A figure in bold with its words: the count for plurals, a dash while it loads. */
function figure(count: number | undefined) {
  return { count: count ?? 0, shown: count ?? '–', strong: (chunks: ReactNode[]) => <strong>{chunks}</strong> };
}

export function Header() {
  const t = useT();
  const route = useRoute();
  const simulatorOn = useSimulatorOn();
  const { data } = useQuery(HEADER);
  useSubscription(NOTIFICATIONS_CHANGED);
  const [alerts, setAlerts] = useState(() => localStorage.getItem(ALERTS_KEY) === 'on');
  useSubscription(TICKET_ALERT, {
    skip: !alerts,
    onData: ({ data: event }) => {
      const ticket = event.data?.ticketCreated;
      if (!ticket) return;
      beep();
      if ('Notification' in window && Notification.permission === 'granted') {
        new Notification(t('header.newTicketFrom', { name: ticket.senderName ?? personAddress(ticket) }), {
          body: ticket.issueDescription.slice(0, 120),
        });
      }
    },
  });
  const [logout] = useMutation(LOGOUT);
  const mentions = useMentionAlerts();
  const counts = data?.notifications;

  useEffect(() => {
    const unread = counts?.unreadTickets ?? 0;
    document.title = unread > 0 ? t('header.tabTitleUnread', { count: unread }) : t('common.brand');
  }, [counts?.unreadTickets, t]);

  const toggleAlerts = async () => {
    const next = !alerts;
    if (next && 'Notification' in window && Notification.permission === 'default')
      await Notification.requestPermission();
    localStorage.setItem(ALERTS_KEY, next ? 'on' : 'off');
    setAlerts(next);
  };
  const signOut = async () => {
    // The server ends the session and clears its cookie (HttpOnly: this page cannot).
    await logout().catch(() => undefined);
    setSignedIn(false);
  };
  const link = (path: string, label: string, active: boolean) => (
    <a href={path} aria-current={active ? 'page' : undefined} onClick={navigateOnClick(path)}>
      {label}
    </a>
  );

  return (
    <header className="header">
      <span className="brand">{t('common.brand')}</span>
      <button
        type="button"
        className={`badge ${counts?.hasAlerts ? 'alert' : ''}`}
        onClick={() => navigate('/')}
        data-testid="badge"
      >
        <span
          title={
            counts
              ? t('header.openTitle', { open: counts.openTickets, inProgress: counts.inProgress })
              : t('header.openTitleEmpty')
          }
        >
          <T id="header.open" values={figure(counts?.activeTickets)} />
        </span>
        <span title={t('header.unassignedTitle')}>
          <T id="header.unassigned" values={figure(counts?.unassigned)} />
        </span>
        <span title={t('header.unreadTitle')}>
          <T id="header.unread" values={figure(counts?.unreadTickets)} />
        </span>
        {counts && counts.slaBreached > 0 && (
          <span className="sla-breached-count" title={t('header.slaTitle')}>
            <T id="header.sla" values={figure(counts.slaBreached)} />
          </span>
        )}
        {/* Said after the figures, so that the button's name starts with what it shows (WCAG 2.5.3). */}
        <span className="visually-hidden">
          {counts
            ? t('header.badgeHint', { open: counts.openTickets, inProgress: counts.inProgress })
            : t('header.badgeHintEmpty')}
        </span>
      </button>
      {mentions > 0 && (
        <CountBadge
          kind="mention-count"
          to="/?tab=mentions"
          testId="mention-badge"
          label={t('header.mentionsLabel', { count: mentions })}
          text="header.mentions"
          count={mentions}
        />
      )}
      {counts && counts.parkedElements > 0 && (
        <CountBadge
          kind="parked-count"
          to="/problems"
          testId="parked-badge"
          label={t('header.parkedLabel', { count: counts.parkedElements })}
          text="header.parked"
          count={counts.parkedElements}
        />
      )}
      {counts && counts.disabledWebhookEndpoints > 0 && (
        <CountBadge
          kind="webhooks-off-count"
          to="/settings/webhooks"
          testId="webhooks-off-badge"
          label={t('webhooks.badgeLabel', { count: counts.disabledWebhookEndpoints })}
          text="webhooks.badge"
          count={counts.disabledWebhookEndpoints}
        />
      )}
      <nav aria-label={t('header.nav')}>
        {link(
          '/',
          t('header.tickets'),
          route.screen === 'tickets' || (route.screen === 'contact' && route.fromTicketId !== null),
        )}
        {link(
          '/contacts',
          t('header.contacts'),
          route.screen === 'contacts' || (route.screen === 'contact' && route.fromTicketId === null),
        )}
        {link('/canned-responses', t('header.canned'), route.screen === 'canned-responses')}
        {link('/reports', t('reports.title'), route.screen === 'reports')}
        {simulatorOn && link('/simulator', t('header.simulator'), route.screen === 'simulator')}
        {data?.me?.role === 'ADMIN' &&
          link('/settings', t('header.settings'), route.screen === 'settings' || route.screen === 'webhooks')}
        {data?.me?.role === 'ADMIN' &&
          link(
            '/problems',
            counts && counts.parkedElements > 0
              ? t('header.problemsCount', { count: counts.parkedElements })
              : t('problems.title'),
            route.screen === 'problems',
          )}
      </nav>
      <div className="who">
        {data?.me && <AvailabilityMenu available={data.me.available ?? false} />}
        <label className="alerts-toggle">
          <input type="checkbox" checked={alerts} onChange={toggleAlerts} /> {t('header.alerts')}
        </label>
        <a
          href="/account"
          className="account-link"
          aria-current={route.screen === 'account' ? 'page' : undefined}
          title={t('header.accountTitle')}
          onClick={navigateOnClick('/account')}
        >
          {data?.me?.name ?? t('header.account')}
        </a>
        <button type="button" onClick={signOut}>
          {t('account.signOut')}
        </button>
      </div>
    </header>
  );
}

/** A header badge that counts something needing attention and opens where it is dealt with. */
function CountBadge(props: {
  kind: string;
  to: string;
  testId: string;
  label: string;
  text: MessageId;
  count: number;
}) {
  return (
    <button
      type="button"
      className={`badge ${props.kind}`}
      onClick={() => navigate(props.to)}
      data-testid={props.testId}
      aria-label={props.label}
    >
      <span>
        <T id={props.text} values={figure(props.count)} />
      </span>
    </button>
  );
}
