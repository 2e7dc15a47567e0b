// The header: the badge with live counts (also in the tab title), navigation, and sign-out.
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { graphql } from '../gql';
import { personAddress } from '../format';
import { navigate, useRoute, navigateOnClick } from '../router';
import { setSignedIn } from '../session';
import { AvailabilityMenu } from '../routing/AvailabilityMenu';
import { useSimulatorOn } from '../simulator/useSimulatorOn';

const HEADER = graphql(`
  query Header {
    me { id name role available }
    notifications { activeTickets openTickets inProgress unassigned unreadTickets hasAlerts slaBreached parkedElements }
  }
`);
const NOTIFICATIONS_CHANGED = graphql(`
  subscription NotificationsChanged {
    notificationsChanged { activeTickets openTickets inProgress unassigned unreadTickets hasAlerts slaBreached parkedElements }
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

export function Header() {
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
        new Notification(`New ticket from ${ticket.senderName ?? personAddress(ticket)}`, {
          body: ticket.issueDescription.slice(0, 120),
        });
      }
    },
  });
  const [logout] = useMutation(LOGOUT);
  const counts = data?.notifications;

  useEffect(() => {
    const unread = counts?.unreadTickets ?? 0;
    document.title = unread > 0 ? `(${unread}) Support desk` : 'Support desk';
  }, [counts?.unreadTickets]);

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
      <span className="brand">Support desk</span>
      <button
        type="button"
        className={`badge ${counts?.hasAlerts ? 'alert' : ''}`}
        onClick={() => navigate('/')}
        data-testid="badge"
      >
        <span
          title={
            counts
              ? `Open and in progress, not snoozed: ${counts.openTickets} not yet in progress, ${counts.inProgress} in progress`
              : 'Open and in progress tickets, not snoozed'
          }
        >
          <strong>{counts?.activeTickets ?? '–'}</strong> open
        </span>
        <span title="Open or in progress with nobody assigned">
          <strong>{counts?.unassigned ?? '–'}</strong> unassigned
        </span>
        <span title="Open or in progress with messages from the person you have not read">
          <strong>{counts?.unreadTickets ?? '–'}</strong> unread
        </span>
        {counts && counts.slaBreached > 0 && (
          <span className="sla-breached-count" title="Open or in progress and past a response-time target">
            <strong>{counts.slaBreached}</strong> past SLA
          </span>
        )}
        {/* Said after the figures, so that the button's name starts with what it shows (WCAG 2.5.3). */}
        <span className="visually-hidden">
          {counts
            ? `: open the ticket list. Open counts ${counts.openTickets} not yet in progress and ${counts.inProgress} in progress.`
            : ': open the ticket list.'}
        </span>
      </button>
      {counts && counts.parkedElements > 0 && (
        <button
          type="button"
          className="badge parked-count"
          onClick={() => navigate('/problems')}
          data-testid="parked-badge"
          aria-label={`${counts.parkedElements} parked: open Problems`}
        >
          <span>
            <strong>{counts.parkedElements}</strong> parked
          </span>
        </button>
      )}
      <nav aria-label="Main">
        {link('/', 'Tickets', route.screen === 'tickets' || route.screen === 'contact')}
        {link('/canned-responses', 'Canned responses', route.screen === 'canned-responses')}
        {link('/reports', 'Reports', route.screen === 'reports')}
        {simulatorOn && link('/simulator', 'Simulator', route.screen === 'simulator')}
        {data?.me?.role === 'ADMIN' && link('/settings', 'Settings', route.screen === 'settings')}
        {data?.me?.role === 'ADMIN' &&
          link(
            '/problems',
            counts && counts.parkedElements > 0 ? `Problems (${counts.parkedElements})` : 'Problems',
            route.screen === 'problems',
          )}
      </nav>
      <div className="who">
        {data?.me && <AvailabilityMenu available={data.me.available ?? false} />}
        <label className="alerts-toggle">
          <input type="checkbox" checked={alerts} onChange={toggleAlerts} /> Sound &amp; alerts
        </label>
        <a
          href="/account"
          className="account-link"
          aria-current={route.screen === 'account' ? 'page' : undefined}
          title="My password and sessions"
          onClick={navigateOnClick('/account')}
        >
          {data?.me?.name ?? 'My account'}
        </a>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
