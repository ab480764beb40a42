import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type Mail from 'nodemailer/lib/mailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InquiryDetail } from '../../contract';
import { receiveInboundReply } from '../../server/domain/inbound-reply';
import type { InboundServer } from '../../server/mail/inbound-server';
import { INBOUND_DOMAIN, mailToReceiver, startInboundReceiver } from '../support/inbound-receiver';
import { inboxGet, inboxRequest, sendInquiry, signInAsDemoAdmin } from '../support/inbox-client';
import { startMailWorker, type MailWorker } from '../support/mail-worker';
import { addressOf } from '../support/smtp-sink';
import { createTestApp, rowCounts, type TestApp } from '../support/test-app';

// Files attached to mailed replies, through the real receiver on a loopback port into a real
// database, and out through the inbox API.
const DOMAIN = INBOUND_DOMAIN;
const MB = 1024 * 1024;
let t: TestApp;
let mail: MailWorker;
let inbound: InboundServer;
let inboundPort: number;
let cookie: string;
let errors: Error[];

beforeEach(async () => {
  t = await createTestApp();
  mail = await startMailWorker(t, DOMAIN);
  errors = [];
  ({ inbound, port: inboundPort } = await startInboundReceiver(t, {
    onError: (error) => errors.push(error),
  }));
  cookie = await signInAsDemoAdmin(t);
});
afterEach(async () => {
  await inbound.close();
  await mail.close();
  await t.close();
});

/** Sends a mail as the visitor's client would, to the inquiry's reply address. */
const mailIn = (token: string, options: Mail.Options) =>
  mailToReceiver(inboundPort, {
    from: 'Jane Buyer <jane@buyer.example>',
    to: `reply+${token}@${DOMAIN}`,
    ...options,
  });

const detail = (id: string) => inboxGet<InquiryDetail>(t, cookie, `/inquiries/${id}`);

/** Every file of an inquiry: its own, then those of its messages, oldest first. */
const filesOf = (inquiry: InquiryDetail) => [
  ...inquiry.attachments,
  ...inquiry.messages.flatMap((m) => m.attachments),
];

const download = (id: string, attachmentId: string) =>
  inboxRequest(t, cookie, 'GET', `/inquiries/${id}/attachments/${attachmentId}`);

// Files whose bytes show what they are (server/domain/file-type.ts), with random content.
const pdf = (size = 2000) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size)]);
const png = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);
const exe = () => Buffer.concat([Buffer.from('MZ'), randomBytes(500)]);

/** Reply number `reply` of a buyer mailing photos, three a mail (7a.png, 7b.png, 7c.png). */
const photos = (reply: number): Mail.Options => ({
  text: `Photos, part ${reply}.`,
  attachments: ['a', 'b', 'c'].map((name) => ({ filename: `${reply}${name}.png`, content: png() })),
});

describe('files attached to a mailed reply', () => {
  it('keeps them with the reply: listed and downloadable in the inbox', async () => {
    const { id, token } = await sendInquiry(t);
    const drawing = pdf();
    const photo = png();
    await mailIn(token, {
      text: 'Here is our drawing and a photo of the part.',
      attachments: [
        { filename: 'drawing.pdf', content: drawing },
        // A client's claimed type counts for nothing: the bytes say PNG.
        { filename: 'part photo.png', content: photo, contentType: 'application/octet-stream' },
      ],
    });
    const inquiry = await detail(id);
    // With the message they came with, in the thread; not among the inquiry's own.
    expect(inquiry.attachments).toEqual([]);
    expect(inquiry.messages.at(-1)?.attachments).toEqual([
      {
        id: expect.any(String),
        filename: 'drawing.pdf',
        contentType: 'application/pdf',
        size: drawing.length,
      },
      {
        id: expect.any(String),
        filename: 'part photo.png',
        contentType: 'image/png',
        size: photo.length,
      },
    ]);
    expect(inquiry.messages.at(-1)).toMatchObject({
      kind: 'visitor',
      channel: 'email',
      body:
        'Here is our drawing and a photo of the part.\n\n' +
        '[Attached by mail, kept for the sales team only: drawing.pdf, part photo.png]',
    });
    const [first, second] = filesOf(inquiry);
    for (const [file, bytes] of [
      [first, drawing],
      [second, photo],
    ] as const) {
      const res = await download(id, file?.id ?? '');
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe(file?.contentType);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    }
  });

  it('names a file over 5 MB, one of another type, and a fourth file as not kept', async () => {
    const { id, token } = await sendInquiry(t);
    await mailIn(token, {
      text: 'Files attached.',
      attachments: [
        { filename: 'catalogue.pdf', content: pdf(6 * MB) },
        { filename: 'setup.exe', content: exe() },
        { filename: 'a.pdf', content: pdf() },
        { filename: 'b.pdf', content: pdf() },
        { filename: 'c.png', content: png() },
        { filename: 'd.pdf', content: pdf() },
      ],
    });
    const inquiry = await detail(id);
    expect(filesOf(inquiry).map((f) => f.filename)).toEqual(['a.pdf', 'b.pdf', 'c.png']);
    expect(inquiry.messages.at(-1)?.body).toBe(
      'Files attached.\n\n' +
        '[Attached by mail, kept for the sales team only: a.pdf, b.pdf, c.png]\n\n' +
        '[Attached by mail, not kept: catalogue.pdf, setup.exe, d.pdf. ' +
        'Up to 3 files of 5 MB each are kept, 20 per inquiry: images, PDF, Word or Excel.]',
    );
  });

  it('keeps at most 20 files per inquiry, however many replies bring them', async () => {
    const { id, token } = await sendInquiry(t);
    for (let reply = 1; reply <= 7; reply++) await mailIn(token, photos(reply));
    const inquiry = await detail(id);
    expect(filesOf(inquiry)).toHaveLength(20);
    expect(inquiry.messages.at(-1)?.body).toBe(
      'Photos, part 7.\n\n' +
        '[Attached by mail, kept for the sales team only: 7a.png, 7b.png]\n\n' +
        '[Attached by mail, not kept: 7c.png. ' +
        'Up to 3 files of 5 MB each are kept, 20 per inquiry: images, PDF, Word or Excel.]',
    );
  });

  it('counts the files again as it stores them: files stored meanwhile make the sender retry', async () => {
    const { id, token } = await sendInquiry(t);
    for (let reply = 1; reply <= 6; reply++) await mailIn(token, photos(reply));
    // A receiver that reads the inquiry's files as they were before another mail's were stored.
    await inbound.close();
    let stale = true;
    const deps = {
      store: {
        ...t.store,
        listAttachments: async (inquiryId: string) =>
          stale ? [] : t.store.listAttachments(inquiryId),
      },
      clock: () => t.now.value,
      newId: t.newId,
      events: t.events,
    };
    ({ inbound, port: inboundPort } = await startInboundReceiver(t, {
      onReply: (reply) => receiveInboundReply(deps, reply, { messagesPerMinute: 10_000 }),
      onError: (error) => errors.push(error),
    }));
    const late = photos(7);
    await expect(mailIn(token, late)).rejects.toThrow(/451/);
    expect(filesOf(await detail(id))).toHaveLength(18);

    stale = false;
    await mailIn(token, late);
    const inquiry = await detail(id);
    expect(filesOf(inquiry)).toHaveLength(20);
    expect(inquiry.messages.at(-1)?.body).toContain('not kept: 7c.png');
    expect(errors).toEqual([]);
  });

  it('stores a mail delivered twice once, even when its first delivery filled the inquiry', async () => {
    const { id, token } = await sendInquiry(t);
    for (let reply = 1; reply <= 6; reply++) {
      await mailIn(token, {
        text: `Photos, part ${reply}.`,
        attachments: ['a', 'b', 'c'].map((name) => ({ filename: `${name}.png`, content: png() })),
      });
    }
    // The same mail again (a sender's retry after a lost answer): its files no longer fit.
    const mail = {
      messageId: '<drawings-7@buyer.example>',
      text: 'The drawings.',
      attachments: [
        { filename: 'a.pdf', content: pdf() },
        { filename: 'b.pdf', content: pdf() },
      ],
    };
    await mailIn(token, mail);
    await mailIn(token, mail);
    const stored = (await detail(id)).messages.filter((m) => m.body.startsWith('The drawings.'));
    expect(stored).toHaveLength(1);
  });

  it('takes a file without text as a reply, and keeps a file the rep mails', async () => {
    const { id, token } = await sendInquiry(t);
    await mailIn(token, { text: '', attachments: [{ filename: 'spec.pdf', content: pdf() }] });
    expect((await detail(id)).messages.at(-1)?.body).toBe(
      '[Attached by mail, kept for the sales team only: spec.pdf]',
    );

    await mail.worker.runOnce();
    const notice = await mail.sink.waitFor((m) => addressOf(m.to) === 'moore.liu@example.com');
    const repToken = /^reply\+([a-z2-7]{26})@/.exec(addressOf(notice.replyTo) ?? '')?.[1] ?? '';
    await mailIn(repToken, {
      from: 'moore.liu@example.com',
      text: 'Our quotation, Jane.',
      attachments: [{ filename: 'quotation.pdf', content: pdf() }],
    });
    const inquiry = await detail(id);
    expect(filesOf(inquiry).map((f) => f.filename)).toEqual(['spec.pdf', 'quotation.pdf']);
    expect(inquiry.messages.at(-1)).toMatchObject({
      kind: 'rep',
      body: 'Our quotation, Jane.\n\n[Attached by mail, kept for the sales team only: quotation.pdf]',
    });
  });

  it('stores the reply and its files together or not at all; the retry stores both once', async () => {
    const { id, token } = await sendInquiry(t);
    const before = await rowCounts(t.db);
    // A failure while the files are written, inside the message's transaction.
    await failAttachmentInserts(t, true);
    const reply = {
      text: 'Drawing attached.',
      messageId: '<drawing-1@buyer.example>',
      attachments: [{ filename: 'drawing.pdf', content: pdf() }],
    };
    await expect(mailIn(token, reply)).rejects.toMatchObject({ responseCode: 451 });
    expect(errors).toHaveLength(1);
    expect(await rowCounts(t.db)).toEqual(before);
    expect(filesOf(await detail(id))).toEqual([]);

    // The sending server retries the same mail: stored now, once, with its file.
    await failAttachmentInserts(t, false);
    await mailIn(token, reply);
    await mailIn(token, reply);
    const inquiry = await detail(id);
    expect(inquiry.messages.filter((m) => m.body.startsWith('Drawing attached.'))).toHaveLength(1);
    expect(filesOf(inquiry).map((f) => f.filename)).toEqual(['drawing.pdf']);
  });

  it('refuses a reply the notes of its files make too long, and stores nothing', async () => {
    const { id, token } = await sendInquiry(t);
    const before = await rowCounts(t.db);
    await expect(
      mailIn(token, {
        text: 'x'.repeat(7_990),
        attachments: [{ filename: `${'long-name-'.repeat(10)}.pdf`, content: pdf() }],
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    await expect(
      mailIn(token, { text: `${'Please see the long specification below. '.repeat(250)}\n` }),
    ).rejects.toMatchObject({
      responseCode: 552,
      response: expect.stringMatching(/^552 5\.3\.4 Reply longer than 8000 characters/),
    });
    expect(await rowCounts(t.db)).toEqual(before);
    expect(filesOf(await detail(id))).toEqual([]);
  });
});

// A trigger that makes every insert into attachments fail (or drops it again).
async function failAttachmentInserts(t: TestApp, fail: boolean): Promise<void> {
  if (t.engine === 'sqlite') {
    await sql
      .raw(
        fail
          ? `create trigger fail_attachments before insert on attachments
             begin select raise(abort, 'disk full'); end`
          : 'drop trigger fail_attachments',
      )
      .execute(t.db);
    return;
  }
  if (fail) {
    await sql
      .raw(
        `create function fail_attachments() returns trigger language plpgsql as
         $$ begin raise exception 'disk full'; end $$`,
      )
      .execute(t.db);
    await sql
      .raw(
        `create trigger fail_attachments before insert on attachments
         for each row execute function fail_attachments()`,
      )
      .execute(t.db);
  } else {
    await sql.raw('drop trigger fail_attachments on attachments').execute(t.db);
    await sql.raw('drop function fail_attachments()').execute(t.db);
  }
}
