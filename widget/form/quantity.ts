/**
 * A quantity as the visitor typed it, read as a number: undefined when the field is empty,
 * NaN when it is not a number (the form then asks for a quantity greater than 0).
 *
 * The field is text, not `type=number`: Chromium's number input drops Arabic-Indic and
 * full-width digits and reads "2,5" as 25. Here any decimal digits count, and "," and "." are
 * each either separator. With both, the last one is the decimal point. Alone, one that occurs
 * more than once, or once before exactly three digits ("1,500", "1.500"), groups thousands,
 * unless the whole part is 0 ("0.125"); otherwise it is the decimal point ("2,5", "12.75").
 * Spaces group thousands too ("1 000"); groups are three digits, or two before the last three
 * (Indian lakhs: "1,00,000").
 */
export function readQuantity(text: string): number | undefined {
  const typed = text
    // Arabic-Indic, extended Arabic-Indic (Persian, Urdu) and full-width digits: each block
    // starts at a code point ending in 0.
    .replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (digit) =>
      String(digit.charCodeAt(0) & 15),
    )
    // The Arabic decimal separator, full-width full stop and comma; the Arabic thousands
    // separator and spaces of every width only group.
    .replace(/[\u066b\uff0e]/g, '.')
    .replace(/\uff0c/g, ',')
    .replace(/[\s\u066c]/g, '');
  if (typed === '') return undefined;
  // The last mark, and what comes before and after it.
  const [, whole = '', mark = '', fraction = ''] = /^(.*)([.,])(.*)$/.exec(typed) ?? [];
  // The decimal point: the last mark, unless it is the only kind and groups thousands.
  const point =
    mark !== '' &&
    (/[.,]/.test(whole.replaceAll(mark, '')) ||
      (!whole.includes(mark) && (fraction.length !== 3 || /^0*$/.test(whole))));
  const integer = point ? whole : typed;
  const grouped =
    /^\d{1,3}(,\d{2,3})*,\d{3}$/.test(integer.replaceAll('.', ',')) && !/,.*\.|\..*,/.test(integer);
  if (/[.,]/.test(integer) && !grouped) return Number.NaN;
  const plain = integer.replace(/[.,]/g, '') + (point ? `.${fraction}` : '');
  return /^(\d+\.?\d*|\.\d+)$/.test(plain) ? Number(plain) : Number.NaN;
}
