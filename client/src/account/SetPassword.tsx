// The page an agent opens with the reset code an admin gave them (/reset-password#code=…): no sign-in needed.
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { navigate, navigateOnClick } from '../router';
import { RESET_PASSWORD } from './account.documents';
import { useT } from '../i18n/I18n';
import { MIN_PASSWORD_LENGTH } from './password-rules';

/** The code travels in the URL's fragment, which browsers never send to a server nor in a Referer. */
const codeFromLink = () => new URLSearchParams(location.hash.slice(1)).get('code') ?? '';

export function SetPassword() {
  const t = useT();
  const [code, setCode] = useState(codeFromLink);
  const [newPassword, setNew] = useState('');
  const [repeated, setRepeated] = useState('');
  const [done, setDone] = useState(false);
  const [reset, { loading, error }] = useMutation(RESET_PASSWORD);
  const mismatch = repeated !== '' && repeated !== newPassword;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await reset({ variables: { code: code.trim(), newPassword } }).catch(() => null);
    if (!result?.data?.resetPassword) return;
    // The code is spent: keep it out of the address bar and history.
    history.replaceState(null, '', '/reset-password');
    setDone(true);
  };

  if (done) {
    return (
      <main className="sign-in">
        <div className="sign-in-card" role="status">
          <h1>{t('reset.doneTitle')}</h1>
          <p>{t('reset.doneText')}</p>
          <button type="button" className="primary" onClick={() => navigate('/')}>
            {t('reset.goSignIn')}
          </button>
        </div>
      </main>
    );
  }
  return (
    <main className="sign-in">
      <form onSubmit={submit} aria-labelledby="set-password-title">
        <h1 id="set-password-title">{t('reset.title')}</h1>
        <p className="muted">{t('reset.lead')}</p>
        <label>
          {t('reset.code')}
          <input
            required
            autoComplete="one-time-code"
            spellCheck={false}
            value={code}
            onChange={(event) => setCode(event.target.value)}
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
            aria-describedby="new-password-hint"
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
        <p id="new-password-hint" className="muted">
          {t('password.hint', { min: MIN_PASSWORD_LENGTH })}
        </p>
        {mismatch && <p className="error">{t('reset.mismatch')}</p>}
        {error && (
          <p role="alert" className="error">
            {error.message}
          </p>
        )}
        <button type="submit" className="primary" disabled={loading || mismatch}>
          {loading ? t('reset.submitting') : t('reset.submit')}
        </button>
        <a href="/" onClick={navigateOnClick('/')}>
          {t('reset.back')}
        </a>
      </form>
    </main>
  );
}
