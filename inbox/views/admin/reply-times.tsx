import type { AdminStats } from '../../../contract/admin';
import { formatShare, formatWait } from '../../admin-format';

/** Per rep: answered of assigned, median first reply, share answered within 24 hours. */
export function ReplyTimes({ stats }: { stats: AdminStats }) {
  const since = new Date(stats.since).toLocaleDateString(undefined, { dateStyle: 'medium' });
  return (
    <>
      <p class="hint">Inquiries since {since}, spam left out.</p>
      <div class="table-wrap">
        <table class="admin-table">
          <caption class="visually-hidden">Reply times per rep</caption>
          <thead>
            <tr>
              <th scope="col">Rep</th>
              <th scope="col" class="num">
                Answered
              </th>
              <th scope="col" class="num">
                Median first reply
              </th>
              <th scope="col" class="num">
                Within 24 h
              </th>
            </tr>
          </thead>
          <tbody>
            {stats.reps.map((rep) => (
              <tr key={rep.repId}>
                <th scope="row">{rep.name}</th>
                <td class="num" data-label="Answered">
                  {rep.answered} of {rep.total}
                </td>
                <td class="num" data-label="Median first reply">
                  {formatWait(rep.medianFirstReplyMinutes)}
                </td>
                <td class="num" data-label="Within 24 h">
                  {formatShare(rep.shareWithin24h)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
