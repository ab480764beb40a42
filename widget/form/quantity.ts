/**
 * A quantity as the visitor typed it, read as a number: undefined when the field is empty,
 * NaN when it is not a number (the form then asks for one: check-inquiry.ts).
 *
 * The field is text, not `type=number`: Chromium's number input drops Arabic-Indic and
 * full-width digits and reads "2,5" as 25. Here any decimal digits count. The Arabic decimal
 * separator and the full-width full stop are always the decimal point; spaces, apostrophes
 * (Swiss "1'000") and the Arabic thousands separator always group. "," and "." are each either: with both, the last one is
 * the decimal point; alone, one that occurs more than once, or once before exactly three digits
 * ("1,500", "1.500"), groups thousands, unless the whole part is 0 ("0.125"); otherwise it is
 * the decimal point ("2,5", "12.75"). Groups are three digits, or two before the last three
 * (Indian lakhs: "1,00,000"), all with one mark.
 */
export function readQuantity(text: string): number | undefined {
  // A minus is read, so that "-3" is told to be more than 0 rather than to be a number.
  const sign = /^\s*[-\u2212\uff0d]/.test(text) ? -1 : 1;
  const typed = text
    .trim()
    .replace(/^[-\u2212\uff0d]/, '')
    // Arabic-Indic, extended Arabic-Indic (Persian, Urdu) and full-width digits: each block
    // starts at a code point ending in 0.
    .replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (digit) =>
      String(digit.charCodeAt(0) & 15),
    )
    .replace(/\uff0c/g, ',')
    .replace(/[\s\u066c'\u2019]+/g, ' ');
  if (typed === '') return sign < 0 ? Number.NaN : undefined;
  let at = typed.search(/[\u066b\uff0e]/);
  if (at < 0) {
    const last = Math.max(typed.lastIndexOf(','), typed.lastIndexOf('.'));
    const mark = typed.charAt(last);
    const whole = typed.slice(0, Math.max(last, 0));
    const groups =
      last >= 0 &&
      !/[.,]/.test(whole.replaceAll(mark, '')) &&
      (whole.includes(mark) || (typed.length - last === 4 && !/^[0 ]*$/.test(whole)));
    at = groups ? -1 : last;
  }
  const integer = at < 0 ? typed : typed.slice(0, at);
  const marks = new Set(integer.replace(/\d/g, ''));
  // Groups of three, or Indian lakhs: twos before the last three ("12,34,567").
  const grouped = /^(\d{1,3}([ ,.]\d{3})+|\d{1,2}([ ,.]\d{2})+[ ,.]\d{3})$/;
  if (marks.size > 1 || (marks.size === 1 && !grouped.test(integer))) return Number.NaN;
  const plain = `${integer.replace(/\D/g, '')}.${at < 0 ? '' : typed.slice(at + 1)}`;
  return /^\d*\.\d*$/.test(plain) && /\d/.test(plain) ? sign * Number(plain) : Number.NaN;
}

/**
 * A quantity as the form shows it again (an unsent inquiry kept on the device): text that
 * readQuantity reads back as the same number. No exponent ("1e-7"), and a fraction of exactly
 * three digits gets a fourth, or "2.125" would read as 2,125. Exact from 0.001 up (its
 * digits fit in 20 decimals); smaller ones are rounded to 20 decimals.
 */
export function quantityText(quantity: number): string {
  const text = quantity.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  return /\.\d{3}$/.test(text) ? `${text}0` : text;
}
