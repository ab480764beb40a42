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
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string;
  children: (aria: ControlAria) => ComponentChildren;
}

/** A labelled control with its hint and error text, wired for screen readers. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].join(' ').trim();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': error ? 'true' : undefined,
      })}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
