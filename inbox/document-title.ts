import { countText } from './format';
import type { Route } from './router';

/** The tab's title: the unread count first, so it shows in a crowded tab bar. */
export function documentTitle({
  route,
  unread,
  inquiryName,
}: {
  route: Route;
  unread: number;
  inquiryName: string | null;
}): string {
  if (route.page === 'sign-in' || route.page === 'link') return 'Sign in · Liaison';
  const count = unread > 0 ? `(${countText(unread)}) ` : '';
  const page = route.page === 'inquiry' && inquiryName ? `${inquiryName} · ` : '';
  return `${count}${page}Inbox · Liaison`;
}
