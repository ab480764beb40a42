import type { InquiryListQuery } from '../../contract';
import type { Inquiry, Rep, Store } from '../storage/store';
import { scopeOf } from './access';
import { assigneeNames } from './inbox';

/** Rows read per query while exporting: memory stays flat however many inquiries there are. */
const BATCH = 500;

const COLUMNS = [
  'id',
  'created_at',
  'status',
  'rep',
  'name',
  'email',
  'company',
  'country',
  'phone',
  'products',
  'quantity',
  'message',
  'page_url',
  'referrer',
  'language',
  'last_activity_at',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A text a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets an apostrophe before it
 * (OWASP's CSV injection advice): a visitor's "company" must not become a formula in Excel.
 * So does one after a semicolon, tab or line break: a spreadsheet that splits at semicolons
 * (Excel in German or French) reads this file's commas and quotes as text, and starts a cell
 * or a row there.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string') text = text.replace(/(^|[;\t\r\n])(?=[=+\-@\t\r])/g, "$1'");
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (fields: Array<string | number | null>) => `${fields.map(csvField).join(',')}\r\n`;

/** "Ball valve (SKU BV-50) 200 pieces; Gate valve" */
const productsText = (products: Inquiry['products']): string =>
  products
    .map((p) =>
      [
        p.name,
        p.sku && `(SKU ${p.sku})`,
        p.quantity !== undefined && `${p.quantity} ${p.unit ?? ''}`.trim(),
      ]
        .filter(Boolean)
        .join(' '),
    )
    .join('; ');

/**
 * The inquiries the rep may see (an admin: the site's), filtered as the inbox list is, as CSV
 * text in chunks: a header line, then one line per inquiry, newest first by arrival (an order
 * a reply during the export cannot change, Store.exportInquiries). The first chunk starts with
 * a byte-order mark, so spreadsheets read the UTF-8 as UTF-8.
 */
export async function* inquiriesCsv(
  store: Store,
  rep: Rep,
  query: Pick<InquiryListQuery, 'status' | 'q'>,
  batch = BATCH,
): AsyncGenerator<string> {
  const scope = scopeOf(rep);
  const filter: Parameters<Store['exportInquiries']>[1] = { limit: batch };
  if (query.status) filter.status = query.status;
  const search = query.q?.trim();
  if (search) filter.search = search;
  const names = new Map<string, string>();

  yield `\uFEFF${line([...COLUMNS])}`;
  for (;;) {
    const rows = await store.exportInquiries(scope, filter);
    if (rows.length === 0) return;
    const firsts = await store.firstMessages(rows.map((i) => i.id));
    const unnamed = rows.filter((i) => i.repId && !names.has(i.repId));
    for (const [id, name] of await assigneeNames(store, unnamed)) names.set(id, name);
    let chunk = '';
    for (const i of rows) {
      chunk += line([
        i.id,
        i.createdAt,
        i.status,
        i.repId ? (names.get(i.repId) ?? '') : null,
        i.visitor.name,
        i.visitor.email,
        i.visitor.company,
        i.visitor.country,
        i.visitor.phone,
        productsText(i.products),
        i.quantity === null ? null : `${i.quantity} ${i.unit ?? ''}`.trim(),
        firsts.get(i.id) ?? '',
        i.page.url,
        i.page.referrer,
        i.page.language,
        i.lastActivityAt,
      ]);
    }
    yield chunk;
    const last = rows.at(-1);
    if (rows.length < batch || !last) return;
    filter.afterId = last.id;
  }
}
