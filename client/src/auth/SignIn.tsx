import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import { navigateOnClick } from '../router';
import { setSignedIn } from '../session';

const LOGIN = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      admin { id name }
    }
  }
`);

export function SignIn() {
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
        <h1 id="sign-in-title">Support desk</h1>
        <p className="muted">Sign in to answer WhatsApp support tickets.</p>
        <label>
          Email
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label>
          Password
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
            {error.message.includes('Wrong') ? 'Wrong email or password.' : error.message}
          </p>
        )}
        <button type="submit" className="primary" disabled={loading}>
          {loading ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted">
          Forgot your password? Ask an admin for a reset code, then{' '}
          <a href="/reset-password" onClick={navigateOnClick('/reset-password')}>
            set a new password
          </a>
          .
        </p>
      </form>
    </main>
  );
}
