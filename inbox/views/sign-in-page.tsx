import { useEffect, useRef, useState } from 'preact/hooks';
import { LinkRequest, PasswordSignIn } from '../../contract/inbox';
import { errorText, type ApiError } from '../api-error';
import { report } from '../report';
import type { SessionActions } from '../session-actions';
import { Field } from './field';

type SignInField = 'email' | 'password';
type FieldErrors = Partial<Record<SignInField, string>>;

const MESSAGES: Record<SignInField, string> = {
  email: 'Enter a valid email address, like name@example.com.',
  password: 'Enter your password.',
};

const LINK_SENT = 'If that address has an account, a sign-in link is on its way.';

/** Turns the contract's issues (or the server's `fields`) into one message per field. */
function fieldErrors(paths: ReadonlyArray<PropertyKey | undefined>): FieldErrors {
  const errors: FieldErrors = {};
  for (const path of paths) {
    if (path === 'email' || path === 'password') errors[path] ??= MESSAGES[path];
  }
  return errors;
}

/** The sign-in screen: email and password, or a sign-in link by mail. */
export function SignInPage({ session }: { session: SessionActions }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState<'password' | 'link' | null>(null);
  // Counts refused attempts, so focus moves after each one has rendered its messages.
  const [attempts, setAttempts] = useState(0);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (attempts === 0) return;
    if (errors.email) emailInput.current?.focus();
    else if (errors.password) passwordInput.current?.focus();
  }, [attempts]);

  const refuse = (next: FieldErrors, message = '') => {
    setErrors(next);
    setAlert(message);
    setNotice('');
    setAttempts((n) => n + 1);
  };

  const serverRefused = (error: ApiError) => {
    const fields = fieldErrors(Object.keys(error.fields ?? {}));
    refuse(fields, Object.keys(fields).length > 0 ? '' : errorText(error));
  };

  const run = (kind: 'password' | 'link', task: () => Promise<void>) => {
    if (busy) return;
    setBusy(kind);
    task()
      .catch(report)
      .finally(() => setBusy(null));
  };

  const signIn = () => {
    const parsed = PasswordSignIn.safeParse({ email, password });
    if (!parsed.success) return refuse(fieldErrors(parsed.error.issues.map((i) => i.path[0])));
    run('password', async () => {
      const result = await session.signIn(parsed.data);
      if (!result.ok) serverRefused(result.error);
    });
  };

  const requestLink = () => {
    const parsed = LinkRequest.safeParse({ email });
    if (!parsed.success) return refuse({ email: MESSAGES.email });
    run('link', async () => {
      const result = await session.requestLink(parsed.data);
      if (!result.ok) return serverRefused(result.error);
      setErrors({});
      setAlert('');
      setNotice(LINK_SENT);
    });
  };

  return (
    <main id="main" tabIndex={-1} class="auth">
      <h1>Sign in to your inbox</h1>
      <form
        class="auth-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          signIn();
        }}
      >
        <Field id="sign-in-email" label="Email" error={errors.email}>
          {(aria) => (
            <input
              {...aria}
              ref={emailInput}
              type="email"
              name="email"
              autocomplete="username"
              value={email}
              onInput={(event) => setEmail(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="sign-in-password" label="Password" error={errors.password}>
          {(aria) => (
            <input
              {...aria}
              ref={passwordInput}
              type="password"
              name="password"
              autocomplete="current-password"
              value={password}
              onInput={(event) => setPassword(event.currentTarget.value)}
            />
          )}
        </Field>
        <div class="alert-region" role="alert">
          {alert && <p class="alert">{alert}</p>}
        </div>
        <button type="submit" class="button primary">
          {busy === 'password' ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <div class="auth-link">
        <p>No password? We can email you a link that signs you in.</p>
        <button type="button" class="button" onClick={requestLink}>
          {busy === 'link' ? 'Sending…' : 'Email me a sign-in link'}
        </button>
        <div role="status">{notice && <p class="notice">{notice}</p>}</div>
      </div>
    </main>
  );
}
