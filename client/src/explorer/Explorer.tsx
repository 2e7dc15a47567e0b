// The API explorer (GraphiQL) at /explorer: queries, mutations and live subscriptions against this desk's API,
// as the signed-in agent (the session cookie) or with an API token pasted here. The token stays in this page's
// memory only: a reload forgets it, and it is never written to storage.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './explorer.css';
import { GraphiQL } from 'graphiql';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { T, useT } from '../i18n/I18n';
import { checkToken, connectExplorer } from './explorer-fetcher';

const DEFAULT_QUERY = `# Ctrl-Enter runs the operation. The Docs button (the book, left) lists every type and field.
query Me {
  me { id name role }
}

# Subscriptions run over the WebSocket; their events appear on the right as they come.
subscription NewTickets {
  ticketCreated { id phoneNumber senderName issueDescription }
}
`;

function TokenForm({ token, onToken }: { token: string | null; onToken: (token: string | null) => void }) {
  const t = useT();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  if (token)
    return (
      <div className="explorer-token">
        <button type="button" onClick={() => onToken(null)}>
          {t('explorer.forgetToken')}
        </button>
      </div>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const pasted = value.trim();
    setChecking(true);
    const refused = await checkToken(pasted).catch((failure: Error) => failure.message);
    setChecking(false);
    if (refused) return setError(t('explorer.tokenRefused', { error: refused }));
    setValue('');
    setError(null);
    onToken(pasted);
  };
  return (
    <form className="explorer-token" onSubmit={submit} aria-label={t('explorer.tokenForm')}>
      <label>
        {t('explorer.tokenLabel')}
        <input
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
      </label>
      <button type="submit" disabled={checking}>
        {t('explorer.useToken')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

export default function Explorer({ signedIn }: { signedIn: boolean }) {
  const t = useT();
  const [token, setToken] = useState<string | null>(null);
  const connection = useMemo(() => (token || signedIn ? connectExplorer(token) : null), [token, signedIn]);
  useEffect(() => () => connection?.dispose(), [connection]);
  useEffect(() => {
    document.title = t('explorer.title');
  }, [t]);

  return (
    <div className="explorer">
      <header className="explorer-bar">
        {/* Plain links: leaving reloads the page, so the desk's screens get back their stricter policy. */}
        <a href="/">{t('explorer.back')}</a>
        <h1>{t('explorer.title')}</h1>
        <p className="explorer-mode" role="status" data-testid="explorer-mode">
          {token ? t('explorer.asToken') : signedIn ? t('explorer.asSession') : t('explorer.asNobody')}
        </p>
        <TokenForm token={token} onToken={setToken} />
      </header>
      {connection ? (
        <main className="explorer-graphiql">
          <GraphiQL
            key={token ?? 'session'}
            fetcher={connection.fetcher}
            defaultQuery={DEFAULT_QUERY}
            forcedTheme="light"
            showPersistHeadersSettings={false}
          />
        </main>
      ) : (
        <main className="explorer-signed-out">
          <p>
            <T id="explorer.signInOrPaste" values={{ link: (chunks) => <a href="/">{chunks}</a> }} />
          </p>
        </main>
      )}
    </div>
  );
}
