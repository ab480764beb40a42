import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InquiryCreated } from '../../contract';
import { csvField, inquiriesCsv } from '../../server/domain/csv-export';
import { addRep, inboxRequest, ORIGIN, signInAs, signInAsDemoAdmin } from '../support/inbox-client';
import { createTestApp, inquiryBody, type TestApp } from '../support/test-app';

let t: TestApp;
let admin: string;
beforeEach(async () => {
  t = await createTestApp();
  admin = await signInAsDemoAdmin(t);
});
afterEach(async () => {
  await t.close();
});

async function inquire(over: Record<string, unknown>): Promise<string> {
  const res = await t.app.request('/api/v1/sites/demo/inquiries', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify(inquiryBody(over)),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as InquiryCreated).id;
}

/** A minimal RFC 4180 reader, enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(field), (field = ''));
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      ((row = []), (field = ''), i++);
    } else field += ch;
  }
  return rows;
}

describe('CSV export', () => {
  it('holds every inquiry the admin sees, one row each, as a spreadsheet reads it', async () => {
    await inquire({
      company: '=HYPERLINK("http://evil.example","x")',
      message: 'Line one, with "quotes"\nline two of the message.',
    });
    await inquire({
      email: 'basket@buyer.example',
      product: undefined,
      quantity: undefined,
      products: [
        { name: 'Ball Valve DN50', sku: 'BV-50', quantity: 200, unit: 'pieces' },
        { name: 'Gate Valve' },
      ],
    });
    const res = await inboxRequest(t, admin, 'GET', '/inquiries/export.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="liaison-inquiries-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes));
    expect(header?.slice(0, 6)).toEqual(['id', 'created_at', 'status', 'rep', 'name', 'email']);
    expect(rows).toHaveLength(2);
    const column = (name: string, row: string[] | undefined) => row?.[header?.indexOf(name) ?? -1];
    const byEmail = new Map(rows.map((r) => [column('email', r), r]));
    const jane = byEmail.get('jane@buyer.example');
    expect(column('company', jane)).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(column('message', jane)).toBe('Line one, with "quotes"\nline two of the message.');
    expect(column('rep', jane)).toBe('Mr. Moore Liu');
    expect(column('products', byEmail.get('basket@buyer.example'))).toBe(
      'Ball Valve DN50 (SKU BV-50) 200 pieces; Gate Valve',
    );
  });

  it('follows the list filters and shows a rep only theirs', async () => {
    for (let i = 0; i < 3; i++) await inquire({ email: `batch${i}@buyer.example` });
    const spam = await inquire({ email: 'flagged@buyer.example' });
    await inboxRequest(t, admin, 'PATCH', `/inquiries/${spam}`, { status: 'spam' });
    const all = parseCsv(
      await (await inboxRequest(t, admin, 'GET', '/inquiries/export.csv')).text(),
    );
    expect(all).toHaveLength(1 + 4);
    const onlySpam = await inboxRequest(t, admin, 'GET', '/inquiries/export.csv?status=spam');
    expect(parseCsv(await onlySpam.text())).toHaveLength(2);
    const searched = await inboxRequest(t, admin, 'GET', '/inquiries/export.csv?q=batch1');
    expect(parseCsv(await searched.text())).toHaveLength(2);

    await addRep(t, { email: 'other.rep@hengda.example' });
    const rep = await signInAs(t, 'other.rep@hengda.example');
    const own = await inboxRequest(t, rep, 'GET', '/inquiries/export.csv');
    expect(parseCsv(await own.text())).toHaveLength(1);
    expect((await inboxRequest(t, null, 'GET', '/inquiries/export.csv')).status).toBe(401);
    expect((await inboxRequest(t, admin, 'GET', '/inquiries/export.csv?status=nope')).status).toBe(
      400,
    );
  });
});

it('meets each inquiry once, however the inbox changes while it is read', async () => {
  const sent = [];
  for (let i = 0; i < 4; i++) sent.push(await inquire({ email: `moving${i}@buyer.example` }));
  const moore = await t.store.findRepByEmail('moore.liu@example.com');
  if (!moore) throw new Error('no admin');
  const rows: string[][] = [];
  let batches = 0;
  for await (const chunk of inquiriesCsv(t.store, moore, {}, 1)) {
    rows.push(...parseCsv(chunk));
    if (++batches !== 3) continue;
    // Two read: a rep answers the newest, which moves it below every inquiry awaiting a
    // reply, in the inbox list's order.
    t.now.value = new Date(t.now.value.getTime() + 60_000);
    const newest = sent.at(-1);
    const reply = await inboxRequest(t, admin, 'POST', `/inquiries/${newest}/messages`, {
      body: 'Quote attached.',
      kind: 'reply',
    });
    expect(reply.ok).toBe(true);
  }
  const emails = rows.slice(1).map((row) => row[5]);
  expect(emails.sort()).toEqual([0, 1, 2, 3].map((i) => `moving${i}@buyer.example`));
});

it('reads the inquiries in batches, each once, newest first', async () => {
  for (let i = 0; i < 5; i++) await inquire({ email: `batch${i}@buyer.example` });
  const moore = await t.store.findRepByEmail('moore.liu@example.com');
  if (!moore) throw new Error('no admin');
  const chunks: string[] = [];
  for await (const chunk of inquiriesCsv(t.store, moore, {}, 2)) chunks.push(chunk);
  // The header, then batches of 2, 2 and 1.
  expect(chunks.map((c) => parseCsv(c).length)).toEqual([1, 2, 2, 1]);
  const emails = parseCsv(chunks.slice(1).join('')).map((row) => row[5]);
  expect(new Set(emails).size).toBe(5);
});

it('csvField quotes what needs quoting and defuses formulas', () => {
  expect(csvField('plain')).toBe('plain');
  expect(csvField('a,b')).toBe('"a,b"');
  expect(csvField('say "hi"')).toBe('"say ""hi"""');
  expect(csvField('+49 30 1234567')).toBe("'+49 30 1234567");
  expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  expect(csvField(-5)).toBe('-5');
  // A spreadsheet set to split at semicolons (German, French Excel) sees this file's commas
  // and quotes as text: what follows a semicolon or a line break starts a cell there.
  expect(csvField("acme;=cmd|' /C calc'!A0;")).toBe("acme;'=cmd|' /C calc'!A0;");
  expect(csvField('x;+1;-2;@3')).toBe("x;'+1;'-2;'@3");
  expect(csvField('hello\n=HYPERLINK("x")')).toBe('"hello\n\'=HYPERLINK(""x"")"');
  expect(csvField('a\t=1')).toBe("a\t'=1");
  expect(csvField('a;b = c - d')).toBe('a;b = c - d');
  expect(csvField(null)).toBe('');
});
