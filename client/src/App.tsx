// The shell: sign-in until there is a session, then the header and the screen the URL names.
import { useApolloClient } from '@apollo/client/react';
import type { Client } from 'graphql-ws';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Account } from './account/Account';
import { SetPassword } from './account/SetPassword';
import { SignIn } from './auth/SignIn';
import { CannedResponses } from './canned-responses/CannedResponses';
import { ContactList } from './contacts/ContactList';
import { ContactPage } from './contacts/ContactPage';
import { ConnectionBanner } from './layout/ConnectionBanner';
import { KeyboardShortcuts } from './keyboard/KeyboardShortcuts';
import { Header } from './layout/Header';
import { useT } from './i18n/I18n';
import { useRoute } from './router';
import { isSignedIn, onSignedInChange } from './session';
import { Settings } from './settings/Settings';
import { Phone } from './simulator/Phone';
import { Problems } from './problems/Problems';
import { TicketDetail } from './tickets/TicketDetail';
import { TicketList } from './tickets/TicketList';
import { WebhookEndpointPage } from './webhooks/WebhookEndpointPage';
import { WebhookSettings } from './webhooks/WebhookSettings';

// The charts library is loaded with the reports screen only, not with the first screen.
const Reports = lazy(() => import('./reports/Reports'));
// GraphiQL and its editor weigh megabytes: they load on /explorer only.
const Explorer = lazy(() => import('./explorer/Explorer'));

export function App({ socket }: { socket: Client }) {
  const [signedIn, setSignedInState] = useState(isSignedIn);
  const client = useApolloClient();
  const route = useRoute();
  const t = useT();

  useEffect(
    () =>
      onSignedInChange((next) => {
        setSignedInState(next);
        // A new identity must not see the last one's cache, nor keep its socket.
        socket.terminate();
        void client.clearStore();
      }),
    [client, socket],
  );

  // The reset page works signed in or not: the code, not a session, says whose password it sets.
  if (route.screen === 'reset-password') return <SetPassword />;
  // The explorer works with the session or with a pasted API token, so it is reachable signed out too.
  if (route.screen === 'explorer')
    return (
      <Suspense fallback={<p className="muted reports-loading">{t('common.loading')}</p>}>
        <Explorer signedIn={signedIn} />
      </Suspense>
    );
  if (!signedIn) return <SignIn />;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header />
      <ConnectionBanner />
      <main id="main" className={`screen screen-${route.screen}`}>
        {route.screen === 'tickets' && (
          <div className={`tickets-layout ${route.ticketId ? 'has-detail' : ''}`}>
            <TicketList selectedId={route.ticketId} />
            {route.ticketId ? (
              <TicketDetail key={route.ticketId} ticketId={route.ticketId} />
            ) : (
              <p className="empty-detail">{t('app.chooseTicket')}</p>
            )}
          </div>
        )}
        {route.screen === 'contact' && (
          <div className="tickets-layout has-detail">
            <TicketList selectedId={route.fromTicketId} />
            <ContactPage key={route.phoneNumber} phoneNumber={route.phoneNumber} fromTicketId={route.fromTicketId} />
          </div>
        )}
        {route.screen === 'contacts' && <ContactList />}
        {route.screen === 'simulator' && <Phone />}
        {route.screen === 'canned-responses' && <CannedResponses />}
        {route.screen === 'settings' && <Settings />}
        {route.screen === 'webhooks' &&
          (route.endpointId ? (
            <WebhookEndpointPage key={route.endpointId} endpointId={route.endpointId} />
          ) : (
            <WebhookSettings />
          ))}
        {route.screen === 'account' && <Account />}
        {route.screen === 'problems' && <Problems />}
        {route.screen === 'reports' && (
          <Suspense fallback={<p className="muted reports-loading">{t('app.loadingReports')}</p>}>
            <Reports />
          </Suspense>
        )}
      </main>
      <KeyboardShortcuts route={route} />
    </div>
  );
}
