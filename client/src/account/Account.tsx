// My account: change my password (every other session of mine ends), and my sessions, each of which I can sign out.
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { formatTimestamp } from '../format';
import { CHANGE_PASSWORD, MY_SESSIONS, REVOKE_OTHER_SESSIONS, REVOKE_SESSION } from './account.documents';
import { MIN_PASSWORD_LENGTH, PASSWORD_HINT } from './password-rules';

function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
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
      <h2 id="password-title">Change my password</h2>
      <label>
        Current password
        <input
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrent(event.target.value)}
        />
      </label>
      <label>
        New password
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
        New password again
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
        {PASSWORD_HINT} Your other sessions are signed out.
      </p>
      {mismatch && <p className="error">The two new passwords differ.</p>}
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      {done && (
        <p role="status" className="success">
          Password changed. Your other sessions are signed out.
        </p>
      )}
      <button type="submit" className="primary" disabled={loading || mismatch}>
        {loading ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}

/** A User-Agent header, shortened to the browser and system a person recognises. */
function describeClient(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser';
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
  return browser ? `${browser}${system ? ` on ${system}` : ''}` : userAgent.slice(0, 60);
}

export function Account() {
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
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">My sessions</h2>
        <p className="muted">
          Where you are signed in now. Sign out any you do not recognise, and change your password.
        </p>
        {error && (
          <p role="alert" className="error">
            Sessions could not be loaded: {error.message}
          </p>
        )}
        {loading && !data && <p className="muted">Loading sessions…</p>}
        <ul className="session-list">
          {sessions.map((session) => (
            <li key={session.id} className={session.current ? 'current' : undefined} data-testid="session">
              <div>
                <strong>{describeClient(session.userAgent)}</strong>
                {session.current && <span className="pill">This session</span>}
                <div className="muted">
                  Signed in {formatTimestamp(session.createdAt)}
                  {session.lastUsedAt && <> · last used {formatTimestamp(session.lastUsedAt)}</>}
                  {session.ipAddress && <> · {session.ipAddress}</>}
                </div>
              </div>
              {!session.current && (
                <button type="button" className="danger" onClick={() => act(revoke({ variables: { id: session.id } }))}>
                  Sign out
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
          Sign out all other sessions
        </button>
      </section>
    </div>
  );
}
