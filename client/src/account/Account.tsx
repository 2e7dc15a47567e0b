// My account: change my password (every other session of mine ends), and my sessions, each of which I can sign out.
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { formatTimestamp } from '../format';
import { T, useT } from '../i18n/I18n';
import { LanguageChoice } from '../i18n/LanguageChoice';
import { CHANGE_PASSWORD, MY_SESSIONS, REVOKE_OTHER_SESSIONS, REVOKE_SESSION } from './account.documents';
import { MIN_PASSWORD_LENGTH } from './password-rules';

function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeated, setRepeated] = useState('');
  const [done, setDone] = useState(false);
  const [change, { loading, error }] = useMutation(CHANGE_PASSWORD);
  const mismatch = repeated !== '' && repeated !== newPassword;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const result = await change({ variables: { currentPassword, newPassword } }).catch(() => null);
    if (!result?.data?.changePassword) return;
    setCurrent('');
    setNew('');
    setRepeated('');
    setDone(true);
    onChanged();
  };
  return (
    <form className="stacked-form account-form" onSubmit={submit} aria-labelledby="password-title">
      <h2 id="password-title">{t('account.changeTitle')}</h2>
      <label>
        {t('account.current')}
        <input
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrent(event.target.value)}
        />
      </label>
      <label>
        {t('password.new')}
        <input
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          value={newPassword}
          aria-describedby="password-hint"
          onChange={(event) => setNew(event.target.value)}
        />
      </label>
      <label>
        {t('password.again')}
        <input
          type="password"
          autoComplete="new-password"
          required
          value={repeated}
          aria-invalid={mismatch}
          onChange={(event) => setRepeated(event.target.value)}
        />
      </label>
      <p id="password-hint" className="muted">
        {t('password.hint', { min: MIN_PASSWORD_LENGTH })} {t('account.othersSignedOut')}
      </p>
      {mismatch && <p className="error">{t('account.mismatch')}</p>}
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      {done && (
        <p role="status" className="success">
          {t('account.changed')}
        </p>
      )}
      <button type="submit" className="primary" disabled={loading || mismatch}>
        {loading ? t('account.changing') : t('account.change')}
      </button>
    </form>
  );
}

/** A User-Agent header, shortened to the browser and system a person recognises. */
function describeClient(userAgent: string | null, t: ReturnType<typeof useT>): string {
  if (!userAgent) return t('account.unknownBrowser');
  // Edge and Chrome also name Chrome and Safari; Safari's own version is in Version/.
  const browsers: [string, RegExp][] = [
    ['Edge', /Edg\/(\d+)/],
    ['Firefox', /Firefox\/(\d+)/],
    ['Chrome', /Chrome\/(\d+)/],
    ['Safari', /Version\/(\d+).*Safari/],
  ];
  const found = browsers
    .map(([name, pattern]) => [name, pattern.exec(userAgent)?.[1]] as const)
    .find(([, version]) => version);
  const browser = found ? `${found[0]} ${found[1]}` : null;
  const system = /\((?:[^;)]*; )?([^;)]+)/.exec(userAgent)?.[1];
  if (!browser) return userAgent.slice(0, 60);
  return system ? t('account.browserOn', { browser, system }) : browser;
}

export function Account() {
  const t = useT();
  const { locale } = useIntl();
  const { data, loading, error, refetch } = useQuery(MY_SESSIONS, { fetchPolicy: 'cache-and-network' });
  const [revoke] = useMutation(REVOKE_SESSION);
  const [revokeOthers, { loading: endingOthers }] = useMutation(REVOKE_OTHER_SESSIONS);
  const [problem, setProblem] = useState<string | null>(null);
  const sessions = data?.mySessions ?? [];
  const others = sessions.filter((session) => !session.current);
  const act = (work: Promise<unknown>) =>
    void work
      .then(() => {
        setProblem(null);
        return refetch();
      })
      .catch((failure: Error) => setProblem(failure.message));

  return (
    <div className="settings account">
      <section>
        <ChangePasswordForm onChanged={() => void refetch()} />
      </section>
      <LanguageChoice />
      {/* Agents have no Settings screen: the explorer is linked here for them (and for admins beside API tokens). */}
      <section aria-labelledby="explorer-title">
        <h2 id="explorer-title">{t('explorer.title')}</h2>
        <p className="muted">
          <T id="tokens.explorer" values={{ link: (chunks) => <a href="/explorer">{chunks}</a> }} />
        </p>
      </section>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('account.sessionsTitle')}</h2>
        <p className="muted">{t('account.sessionsLead')}</p>
        {error && (
          <p role="alert" className="error">
            {t('account.sessionsFailed', { error: error.message })}
          </p>
        )}
        {loading && !data && <p className="muted">{t('account.sessionsLoading')}</p>}
        <ul className="session-list">
          {sessions.map((session) => (
            <li key={session.id} className={session.current ? 'current' : undefined} data-testid="session">
              <div>
                <strong>{describeClient(session.userAgent, t)}</strong>
                {session.current && <span className="pill">{t('account.thisSession')}</span>}
                <div className="muted">
                  {t('account.signedIn', { when: formatTimestamp(session.createdAt, locale) })}
                  {session.lastUsedAt && (
                    <> · {t('account.lastUsed', { when: formatTimestamp(session.lastUsedAt, locale) })}</>
                  )}
                  {session.ipAddress && <> · {session.ipAddress}</>}
                </div>
              </div>
              {!session.current && (
                <button type="button" className="danger" onClick={() => act(revoke({ variables: { id: session.id } }))}>
                  {t('account.signOut')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <button
          type="button"
          className="danger"
          disabled={others.length === 0 || endingOthers}
          onClick={() => act(revokeOthers())}
        >
          {t('account.signOutOthers')}
        </button>
      </section>
    </div>
  );
}
