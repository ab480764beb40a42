import { STATUSES, type Status } from '../../contract/inbox';
import { STATUS_LABELS } from '../format';

/** The filter's value and how to change it. */
export interface StatusFilterProps {
  value: Status | null;
  onChange(status: Status | null): void;
}

const OPTIONS: Array<{ status: Status | null; label: string }> = [
  { status: null, label: 'All' },
  ...STATUSES.map((status) => ({ status, label: STATUS_LABELS[status] })),
];

/** Toggle buttons for All, New, Open, Waiting for visitor, Closed and Spam. */
export function StatusFilter({ value, onChange }: StatusFilterProps) {
  return (
    <div class="filters" role="group" aria-label="Filter by status">
      {OPTIONS.map(({ status, label }) => (
        <button
          key={label}
          type="button"
          class="filter"
          aria-pressed={value === status ? 'true' : 'false'}
          onClick={() => onChange(status)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
