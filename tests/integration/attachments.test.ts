import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttachmentCreated, ErrorBody, InquiryCreated, InquiryDetail } from '../../contract';
import { ATTACHMENT_BYTES_MAX } from '../../contract/limits';
import { receiveAttachment } from '../../server/domain/attachments';
import { DomainError } from '../../server/domain/errors';
import { purgeExpired, type VisitorExport } from '../../server/domain/privacy';
import { renderRepNotification } from '../../server/mail/rep-notification-mail';
import { addRep, inboxRequest, ORIGIN, signInAs, signInAsDemoAdmin } from '../support/inbox-client';
import { createTestApp, inquiryBody, rowCounts, type TestApp } from '../support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../fixtures/attachments', name));

function upload(bytes: Uint8Array, filename: string, site = 'demo') {
  return t.app.request(`/api/v1/sites/${site}/attachments`, {
    method: 'POST',
    headers: {
      Origin: ORIGIN,
      'Content-Type': 'application/octet-stream',
      'X-Filename': encodeURIComponent(filename),
    },
    body: Buffer.from(bytes),
  });
}

async function uploaded(name: string, filename = name): Promise<AttachmentCreated> {
  const res = await upload(fixture(name), filename);
  expect(res.status).toBe(201);
  return (await res.json()) as AttachmentCreated;
}

async function inquire(attachments: string[]) {
  return t.app.request('/api/v1/sites/demo/inquiries', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify(inquiryBody({ attachments })),
  });
}

const attachmentRows = () => t.db.selectFrom('attachments').select(['id', 'inquiryId']).execute();

describe('uploading', () => {
  it('knows a file by its bytes and names the download after them', async () => {
    // A PDF whose name says otherwise, with a path and a control character in it.
    const pdf = await uploaded('spec.pdf', '../../etc/quote\u0007 v2.exe');
    expect(pdf).toMatchObject({ contentType: 'application/pdf', filename: 'quote v2.pdf' });
    expect(pdf.size).toBe(fixture('spec.pdf').length);
    const docx = await uploaded('quote.docx', 'Angebot für Ventile.docx');
    expect(docx).toMatchObject({
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      filename: 'Angebot für Ventile.docx',
    });
    // A mark that reverses the text after it: "photo\u202Egpj.pdf" shows as "photofdp.jpg".
    const flipped = await uploaded('spec.pdf', 'photo\u202Egpj.exe');
    expect(flipped.filename).toBe('photo gpj.pdf');
    // Cut at 200 characters, not through the middle of one.
    const long = await uploaded('spec.pdf', `${'a'.repeat(199)}😀 quote.pdf`);
    expect(long.filename).toBe(`${'a'.repeat(199)}.pdf`);
  });

  it.each([
    ['an HTML page', fixture('page.html'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a plain zip', fixture('archive.zip'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['an empty body', new Uint8Array(), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [
      'a file over 5 MB',
      new Uint8Array(ATTACHMENT_BYTES_MAX + 1).fill(0x25),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
  ])('refuses %s and keeps nothing', async (_, bytes, status, code) => {
    const res = await upload(bytes, 'file.pdf');
    expect(res.status).toBe(status);
    expect(((await res.json()) as ErrorBody).error.code).toBe(code);
    expect(await attachmentRows()).toEqual([]);
  });

  it('tells a multipart form upload how to send the file, and keeps nothing', async () => {
    const form = new FormData();
    form.append('file', new Blob([fixture('spec.pdf')], { type: 'application/pdf' }), 'spec.pdf');
    const res = await t.app.request('/api/v1/sites/demo/attachments', {
      method: 'POST',
      headers: { Origin: ORIGIN },
      body: form,
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as ErrorBody).error).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringContaining('not as multipart/form-data'),
    });
    expect(await attachmentRows()).toEqual([]);
  });

  it('a 5 MB PDF is taken: the 64 KB limit of the JSON routes is not its limit', async () => {
    const big = new Uint8Array(ATTACHMENT_BYTES_MAX);
    big.set(fixture('spec.pdf'));
    expect((await upload(big, 'big.pdf')).status).toBe(201);
  });

  it('answers an unknown site with SITE_NOT_FOUND', async () => {
    expect((await upload(fixture('spec.pdf'), 'a.pdf', 'nope')).status).toBe(404);
  });
});

describe('an inquiry with files', () => {
  it('claims them; the inbox lists them and serves each as a download, to its reps only', async () => {
    const pdf = await uploaded('spec.pdf', 'spec.pdf');
    const png = await uploaded('drawing.png', 'drawing.png');
    const res = await inquire([pdf.id, png.id]);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as InquiryCreated;

    const cookie = await signInAsDemoAdmin(t);
    const detail = (await (
      await inboxRequest(t, cookie, 'GET', `/inquiries/${id}`)
    ).json()) as InquiryDetail;
    expect(detail.attachments.map((a) => a.filename)).toEqual(['spec.pdf', 'drawing.png']);

    const download = await inboxRequest(t, cookie, 'GET', `/inquiries/${id}/attachments/${pdf.id}`);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(
      new Uint8Array(fixture('spec.pdf')),
    );
    expect(download.headers.get('Content-Type')).toBe('application/pdf');
    expect(download.headers.get('Content-Disposition')).toMatch(/^attachment; filename="spec.pdf"/);
    expect(download.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(download.headers.get('Content-Security-Policy')).toContain('sandbox');

    // Not signed in, another site's rep, or another inquiry's path: nothing.
    expect(
      (await inboxRequest(t, null, 'GET', `/inquiries/${id}/attachments/${pdf.id}`)).status,
    ).toBe(401);
    await addRep(t, { email: 'other@elsewhere.example', siteKey: 'elsewhere' });
    const stranger = await signInAs(t, 'other@elsewhere.example');
    expect(
      (await inboxRequest(t, stranger, 'GET', `/inquiries/${id}/attachments/${pdf.id}`)).status,
    ).toBe(404);

    // The rep's mail names the files and sends them to the inbox for them.
    const inquiry = await t.store.findInquiry(id);
    const site = await t.store.findSite(inquiry?.siteId ?? '');
    const rep = await t.store.findRep(inquiry?.repId ?? '');
    const [message] = await t.store.listMessages(id);
    if (!inquiry || !site || !rep || !message) throw new Error('inquiry incomplete');
    const mail = renderRepNotification({
      site,
      rep,
      inquiry,
      message,
      followUp: false,
      threadUrl: 'http://x/inbox',
      attachments: detail.attachments,
    });
    expect(mail.text).toContain('Attachments: spec.pdf, drawing.png (download in the inbox)');
  });

  it('refuses ids it does not know, or another inquiry already claimed, and stores nothing', async () => {
    const pdf = await uploaded('spec.pdf');
    expect((await inquire([pdf.id])).status).toBe(201);
    for (const ids of [['no-such-file'], [pdf.id]]) {
      const before = await rowCounts(t.db);
      const res = await inquire(ids);
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(Object.keys(body.error.fields ?? {})).toEqual(['attachments']);
      expect(await rowCounts(t.db)).toEqual(before);
    }
  });

  it("come with the visitor's export, bytes and all", async () => {
    const pdf = await uploaded('spec.pdf');
    const res = await inquire([pdf.id]);
    expect(res.status).toBe(201);
    const cookie = await signInAsDemoAdmin(t);
    const exported = await inboxRequest(
      t,
      cookie,
      'GET',
      '/admin/visitor?email=jane@buyer.example',
    );
    const { inquiries } = (await exported.json()) as VisitorExport;
    const files = inquiries.flatMap((i) => i.attachments as Array<Record<string, unknown>>);
    expect(files).toEqual([
      expect.objectContaining({ id: pdf.id, filename: 'spec.pdf', messageId: null }),
    ]);
    const bytes = Buffer.from(String(files[0]?.contentBase64), 'base64');
    expect(new Uint8Array(bytes)).toEqual(new Uint8Array(fixture('spec.pdf')));
  });

  it('more than three files is a validation error', async () => {
    const res = await inquire(['a', 'b', 'c', 'd']);
    expect(res.status).toBe(400);
  });
});

describe('retention', () => {
  it('deletes files no inquiry claimed within a day, and keeps claimed ones', async () => {
    const claimed = await uploaded('spec.pdf');
    const unclaimed = await uploaded('drawing.png');
    expect((await inquire([claimed.id])).status).toBe(201);
    await purgeExpired(t.store, new Date(t.now.value.getTime() + 23 * 3_600_000));
    expect((await attachmentRows()).map((r) => r.id).sort()).toEqual(
      [claimed.id, unclaimed.id].sort(),
    );
    await purgeExpired(t.store, new Date(t.now.value.getTime() + 25 * 3_600_000));
    expect((await attachmentRows()).map((r) => r.id)).toEqual([claimed.id]);
  });
});

describe('files waiting for their inquiry', () => {
  it('are capped per site: past the cap a file is refused, and a claimed one frees its room', async () => {
    const site = await t.store.findSiteByKey('demo');
    if (!site) throw new Error('no demo site');
    const pdf = fixture('spec.pdf');
    const deps = {
      store: t.store,
      clock: () => t.now.value,
      newId: t.newId,
      unclaimedBytesMax: 2 * pdf.length,
    };
    const receive = () => receiveAttachment(deps, site, { bytes: pdf, filename: 'a.pdf' });
    const first = await receive();
    await receive();
    const refused = await receive().catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(await t.store.unclaimedBytes(site.id)).toBe(2 * pdf.length);
    // Sent with an inquiry, a file no longer waits.
    expect((await inquire([first.id])).status).toBe(201);
    await receive();
  });
});
