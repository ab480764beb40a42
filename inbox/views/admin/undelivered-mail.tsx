import type { UndeliveredMail as Undelivered } from '../../../contract/admin';

// What each delivery kind is, in an admin's words.
const KINDS: Record<string, string> = {
  'rep-notification': 'Inquiry to a rep',
  'visitor-reply': 'Reply to a visitor',
  'visitor-ack': 'Acknowledgement to a visitor',
  'sign-in-link': 'Sign-in link',
  'unassigned-notice': 'Unassigned-queue notice',
  'escalation-notice': 'Escalation notice',
  'delivery-failed-notice': 'Undelivered notice',
  webhook: 'Webhook call',
};

/** Mail the outbox gave up on, with the last error, so an admin can follow up by hand. */
export function UndeliveredMail({ mail }: { mail: Undelivered[] }) {
  if (mail.length === 0) return <p class="hint">Every mail was delivered.</p>;
  return (
    <div class="table-wrap">
      <table class="admin-table">
        <caption class="visually-hidden">Mail that could not be delivered</caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">When</th>
            <th scope="col" class="num">
              Attempts
            </th>
            <th scope="col">Last error</th>
          </tr>
        </thead>
        <tbody>
          {mail.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                {m.inquiryId ? (
                  <a href={`/inbox/inquiries/${encodeURIComponent(m.inquiryId)}`}>
                    {KINDS[m.kind] ?? m.kind}
                  </a>
                ) : (
                  (KINDS[m.kind] ?? m.kind)
                )}
              </th>
              <td>
                {new Date(m.createdAt).toLocaleString(undefined, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                })}
              </td>
              <td class="num">{m.attempts}</td>
              <td>{m.lastError ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
