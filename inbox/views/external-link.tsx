import { webHref } from '../format';

/** A visitor-supplied URL: a link when it is http(s), else plain text. */
export function ExternalLink({ url, label }: { url: string; label?: string }) {
  const href = webHref(url);
  if (!href) return <span class="url">{label ?? url}</span>;
  return (
    // noreferrer: the visitor's page must not learn the inbox's address.
    <a class="url" href={href} target="_blank" rel="noopener noreferrer">
      {label ?? url}
    </a>
  );
}
