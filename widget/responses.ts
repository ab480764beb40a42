import type { ErrorCode } from '../contract/errors';
import type { AttachmentCreated, InquiryCreated, ProofOfWorkChallenge } from '../contract/inquiry';
import type { LocaleTexts, RepCard, ThemeVars, WidgetConfig } from '../contract/widget-config';

// Answers are read as `unknown` and checked: a proxy or an older server may send anything.

/** Whether an answer's value is a plain object whose fields can be read and checked. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The value when it is a string, else null. */
export const stringOrNull = (value: unknown): string | null =>
  typeof value === 'string' ? value : null;

/**
 * An error answer's code as the server wrote it: an `ErrorCode` from this release's server, any
 * string from a newer one. The widget only compares it with the codes it acts on and shows its
 * text (form/error-text.ts: INTERNAL's for a code it has none for), so neither stage carries the
 * list of every code.
 */
export type AnswerCode = ErrorCode | (string & {});

/** The code of an error answer, unchecked; an answer without one counts as `INTERNAL`. */
export const errorCodeOf = (body: unknown): AnswerCode =>
  (isRecord(body) && isRecord(body.error) && stringOrNull(body.error.code)) || 'INTERNAL';

/** The error code and field messages of an error answer. */
export function readError(body: unknown): { code: AnswerCode; fields?: Record<string, string> } {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = errorCodeOf(body);
  if (!isRecord(error.fields)) return { code };
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields)) {
    if (typeof message === 'string') fields[path] = message;
  }
  return { code, fields };
}

/**
 * Reads a 201 answer. The inquiry exists once the server said 201, so a body we cannot read
 * still counts as sent (retrying would file it twice); only the rep's name and the
 * conversation token (empty: nothing to keep) are lost.
 */
export function readCreated(body: unknown): InquiryCreated {
  const rep = isRecord(body) && isRecord(body.rep) ? stringOrNull(body.rep.name) : null;
  return {
    id: (isRecord(body) && stringOrNull(body.id)) || '',
    rep: rep === null ? null : { name: rep },
    token: (isRecord(body) && stringOrNull(body.token)) || '',
  };
}

const readRep = (value: unknown, origin: string): RepCard | null => {
  if (!isRecord(value) || typeof value.handle !== 'string' || typeof value.name !== 'string') {
    return null;
  }
  const photo = stringOrNull(value.photoUrl);
  return {
    handle: value.handle,
    name: value.name,
    title: stringOrNull(value.title),
    // Relative photo URLs belong to the API's origin, not to the page the widget runs on.
    photoUrl: photo === null ? null : new URL(photo, origin).href,
    available: value.available === true,
    nextAvailableAt: stringOrNull(value.nextAvailableAt),
    back: stringOrNull(value.back),
    whatsapp: stringOrNull(value.whatsapp),
  };
};

// Only custom properties holding a colour: the page's CSS is never ours to set.
const readTheme = (value: unknown): ThemeVars | null =>
  isRecord(value)
    ? Object.fromEntries(
        Object.entries(value).filter(
          (entry): entry is [string, string] =>
            entry[0].startsWith('--') &&
            typeof entry[1] === 'string' &&
            /^#[0-9a-f]{6}$/i.test(entry[1]),
        ),
      )
    : null;

/** Reads a widget-config answer; null when it is not one. */
export function readConfig(body: unknown, origin: string): WidgetConfig | null {
  if (!isRecord(body) || !isRecord(body.site) || typeof body.site.name !== 'string') return null;
  const { name, replyPromiseHours, themeColor } = body.site;
  return {
    site: {
      name,
      replyPromiseHours: typeof replyPromiseHours === 'number' ? replyPromiseHours : 24,
      themeColor: stringOrNull(themeColor),
      theme: readTheme(body.site.theme),
    },
    rep: readRep(body.rep, origin),
    texts: readTexts(body.texts),
  };
}

// Only string values are ever used (i18n/merge-texts.ts skips the rest).
const readTexts = (value: unknown): LocaleTexts | null =>
  isRecord(value) && isRecord(value.card) && isRecord(value.form)
    ? { card: value.card as LocaleTexts['card'], form: value.form as LocaleTexts['form'] }
    : null;

/** Reads `GET .../challenge`: the challenge to solve, or null when there is none to read. */
export function readChallenge(
  body: unknown,
): NonNullable<ProofOfWorkChallenge['challenge']> | null {
  const c = isRecord(body) && isRecord(body.challenge) ? body.challenge : null;
  if (!c) return null;
  const { algorithm, challenge, maxnumber, salt, signature } = c;
  return typeof algorithm === 'string' &&
    typeof challenge === 'string' &&
    typeof maxnumber === 'number' &&
    typeof salt === 'string' &&
    typeof signature === 'string'
    ? { algorithm, challenge, maxnumber: Math.min(maxnumber, 1_000_000), salt, signature }
    : null;
}

/** Reads the 201 of an upload; null when it carries no id to name in the inquiry. */
export function readAttachment(body: unknown): AttachmentCreated | null {
  if (!isRecord(body) || typeof body.id !== 'string' || body.id === '') return null;
  return {
    id: body.id,
    filename: stringOrNull(body.filename) ?? '',
    contentType: stringOrNull(body.contentType) ?? '',
    size: typeof body.size === 'number' ? body.size : 0,
  };
}
