import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import { navigateOnClick } from '../router';
import { T, useT } from '../i18n/I18n';
import { setSignedIn } from '../session';

const LOGIN = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      admin { id name }
    }
  }
`);

export function SignIn() {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [login, { loading, error }] = useMutation(LOGIN);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await login({ variables: { email, password } }).catch(() => null);
    // The answer also set the session cookie; the token in it is for tools, and this page does not ask for it.
    if (result?.data?.login) setSignedIn(true);
  };

  return (
    <main className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('common.brand')}</h1>
        <p className="muted">{t('signIn.lead')}</p>
        <label>
          {t('signIn.email')}
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label>
          {t('signIn.password')}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error.message.includes('Wrong') ? t('signIn.wrong') : error.message}
          </p>
        )}
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t('signIn.submitting') : t('signIn.submit')}
        </button>
        <p className="muted">
          <T
            id="signIn.forgot"
            values={{
              link: (text) => (
                <a href="/reset-password" onClick={navigateOnClick('/reset-password')}>
                  {text}
                </a>
              ),
            }}
          />
        </p>
      </form>
    </main>
  );
}
