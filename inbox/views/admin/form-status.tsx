import type { ApiError } from '../../api-error';
import { errorText } from '../../api-error';

/** What a form last did: saved (a notice) or failed (an alert naming the fields to fix). */
export type FormOutcome =
  { kind: 'saved'; text: string } | { kind: 'failed'; error: ApiError } | null;

/** The live regions under a form: a polite notice, an assertive alert. */
export function FormStatus({ outcome }: { outcome: FormOutcome }) {
  const failed = outcome?.kind === 'failed' ? outcome.error : null;
  return (
    <>
      <p class="notice-region" role="status">
        {outcome?.kind === 'saved' ? outcome.text : ''}
      </p>
      <div class="alert-region" role="alert">
        {failed && (
          <p class="alert">
            {failed.fields && Object.keys(failed.fields).length > 0
              ? 'Not saved: please correct the fields marked below.'
              : errorText(failed)}
          </p>
        )}
      </div>
    </>
  );
}

/** The field messages of a failed save, if any. */
export const fieldsOf = (outcome: FormOutcome): Record<string, string> | undefined =>
  outcome?.kind === 'failed' ? outcome.error.fields : undefined;
