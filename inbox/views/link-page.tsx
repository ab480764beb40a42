import { useEffect, useState } from 'preact/hooks';
import { LinkSignIn } from '../../contract/inbox';
import { errorText } from '../api-error';
import { report } from '../report';
import { BASE } from '../router';
import type { SessionActions } from '../session-actions';

const BAD_LINK = 'This sign-in link is incomplete. Ask for a new one.';

/** The token of a sign-in link: the whole fragment (`#abc`), or its `token` (`#token=abc`). */
export function linkToken(hash: string): string {
  const fragment = hash.replace(/^#/, '');
  return fragment.includes('=') ? (new URLSearchParams(fragment).get('token') ?? '') : fragment;
}

/** The sign-in link's landing screen: exchanges the token, or says why it could not. */
export function LinkPage({ session }: { session: SessionActions }) {
  const [error, setError] = useState('');

  useEffect(() => {
    const token = linkToken(location.hash);
    // The token is single-use: keep it out of the history and of anything that reads the URL.
    history.replaceState(null, '', `${BASE}/link`);
    const parsed = LinkSignIn.safeParse({ token });
    if (!parsed.success) return setError(BAD_LINK);
    session
      .signInWithLink(parsed.data.token)
      .then((result) => {
        if (!result.ok) setError(errorText(result.error));
      })
      .catch(report);
  }, []);

  return (
    <main id="main" tabIndex={-1} class="auth">
      <h1>Signing you in</h1>
      <div role="alert">
        {error && (
          <>
            <p class="alert">{error}</p>
            <p>
              <a href={`${BASE}/sign-in`}>Back to sign-in</a> to ask for a new link or to use your
              password.
            </p>
          </>
        )}
      </div>
      {!error && <p role="status">Checking your sign-in link…</p>}
    </main>
  );
}
