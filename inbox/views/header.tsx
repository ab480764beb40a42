import type { Me } from '../../contract/inbox';
import { ADMIN_PATH, BASE } from '../router';

/** What the header shows and does. */
export interface HeaderProps {
  me: Me | null;
  onSignOut(): void;
}

/** The banner: the site's name, who is signed in, and "Sign out". */
export function Header({ me, onSignOut }: HeaderProps) {
  return (
    <header class="top">
      <a class="brand" href={BASE}>
        Liaison
        {me && <span class="site-name">{me.site.name}</span>}
      </a>
      {me && (
        <div class="account">
          {me.role === 'admin' && (
            <a class="header-link" href={ADMIN_PATH}>
              Admin
            </a>
          )}
          <span class="rep-name">
            <span class="visually-hidden">Signed in as </span>
            {me.name}
          </span>
          <button type="button" class="button subtle" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}
