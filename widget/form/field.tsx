import type { ComponentChildren } from 'preact';

/** The attributes that tie a control to its label, hint and error. */
export interface ControlAria {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
}

/** A field: its control is rendered by `children` with the ids it must carry. */
export interface FieldProps {
  id: string;
  label: string;
  required?: boolean;
  hint?: ComponentChildren;
  error?: string;
  /** Its error is said as it appears (a live region, there before it), not only on a send. */
  live?: boolean;
  children: (aria: ControlAria) => ComponentChildren;
}

/** A labelled form control with its hint and error text, wired for screen readers. */
export function Field({ id, label, required, hint, error, live, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].join(' ').trim();
  return (
    <div class="field">
      <label for={id}>
        {label}
        {required && (
          <span class="req" aria-hidden="true">
            {' *'}
          </span>
        )}
      </label>
      {children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': error ? 'true' : undefined,
      })}
      {(error || live) && (
        <p class="error" id={errorId} role={live ? 'status' : undefined}>
          {error}
        </p>
      )}
      {hint && (
        <div class="hint" id={hintId}>
          {hint}
        </div>
      )}
    </div>
  );
}
