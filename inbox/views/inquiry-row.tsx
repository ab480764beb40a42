import type { InquirySummary } from '../../contract/inbox';
import { dateTime, timeAgo, visitorName } from '../format';
import { inquiryPath } from '../router';
import { StatusBadge } from './status-badge';

/** One row and whether it is the inquiry on screen. */
export interface InquiryRowProps {
  item: InquirySummary;
  current: boolean;
  now: number;
  /** Admins see everyone's inquiries, so the row names the rep. */
  showRep: boolean;
}

/** A row of the list: one link to the inquiry, so it opens with Enter and in a new tab. */
export function InquiryRow({ item, current, now, showRep }: InquiryRowProps) {
  const { visitor } = item;
  const context = [visitor.company, visitor.country, item.product].filter(Boolean).join(' · ');
  return (
    <li>
      <a
        class={`row${item.unread ? ' unread' : ''}`}
        href={inquiryPath(item.id)}
        aria-current={current ? 'page' : undefined}
      >
        <span class="row-top">
          <span class="row-name">
            {item.unread && (
              <>
                <span class="dot" aria-hidden="true" />
                <span class="visually-hidden">Unread: </span>
              </>
            )}
            <span dir="auto">{visitorName(visitor)}</span>
          </span>
          <time
            class="row-age"
            dateTime={item.lastActivityAt}
            title={dateTime(item.lastActivityAt)}
          >
            {timeAgo(item.lastActivityAt, now)}
          </time>
        </span>
        {context && (
          <span class="row-context" dir="auto">
            {context}
          </span>
        )}
        <span class="row-preview" dir="auto">
          {item.preview}
        </span>
        <span class="row-foot">
          <StatusBadge status={item.status} />
          {showRep && item.rep && <span class="row-rep">{item.rep.name}</span>}
        </span>
      </a>
    </li>
  );
}
