/**
 * A rep's photo as the widget and the conversation page load it: `photoUrl` made absolute
 * against `publicUrl` (a path such as /photos/moore.jpg is Liaison's own), or null for what
 * no browser could load as an image (not a URL, or not http/https).
 */
export function photoHref(photoUrl: string | null, publicUrl: string): string | null {
  if (!photoUrl) return null;
  if (!URL.canParse(photoUrl, `${publicUrl}/`)) return null;
  const url = new URL(photoUrl, `${publicUrl}/`);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
