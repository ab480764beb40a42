import type { Status } from '../../contract/inbox';
import { STATUS_LABELS } from '../format';

/** The status as a coloured label; the colour only repeats what the text says. */
export function StatusBadge({ status }: { status: Status }) {
  return <span class={`badge badge-${status}`}>{STATUS_LABELS[status]}</span>;
}
