import fc from 'fast-check';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLiveReplyToken, receiveInboundReply } from '../../server/domain/inbound-reply';
import { rawConversationToken } from '../../server/domain/conversation-tokens';
import { createInboundServer, type InboundServer } from '../../server/mail/inbound-server';
import { countsDelta, NOTHING, storedCounts } from '../support/fuzz';
import { message, replyRecipient, sender } from '../support/fuzz-mail';
import { sendInquiry } from '../support/inbox-client';
import { smtpSessions, type SmtpSessions } from '../support/smtp-client';
import { createTestApp, SECRET, type TestApp } from '../support/test-app';

// Random and hostile mail to the real SMTP receiver, wired to the real domain functions as in
// server/main.ts (issue: "Fuzzing"). The receiver runs in this process: a crash ends the test.

const DOMAIN = 'reply.liaison.test';
const MAX_BYTES = 256 * 1024;

let t: TestApp;
let inbound: InboundServer;
let port: number;
let smtp: SmtpSessions;
let visitorToken: string;
let repToken: string;
// What the receiver reported as unexpected (it answers those 451): none may happen.
const errors: Error[] = [];
// What it reports when a client hangs up in the middle of a message: expected after an abort.
let hangUps = 0;
const isHangUp = (error: Error) => Reflect.get(error, 'code') === 'ECONNECTION';

/** Waits (briefly) until the receiver has noticed our hang-up; it reports it asynchronously. */
async function hangUpNoticed(): Promise<void> {
  const seen = hangUps;
  for (let i = 0; i < 50 && hangUps === seen; i++) await new Promise((r) => setTimeout(r, 10));
}

beforeAll(async () => {
  t = await createTestApp();
  visitorToken = (await sendInquiry(t)).token;
  const rep = await t.db
    .selectFrom('conversationTokens')
    .select('id')
    .where('party', '=', 'rep')
    .executeTakeFirstOrThrow();
  repToken = rawConversationToken(SECRET, rep);
  const deps = { store: t.store, clock: () => t.now.value, newId: t.newId, events: t.events };
  inbound = createInboundServer({
    port: 0,
    domain: DOMAIN,
    maxBytes: MAX_BYTES,
    isKnownToken: (token) => isLiveReplyToken(deps, token),
    onReply: (reply) => receiveInboundReply(deps, reply, { messagesPerMinute: 10_000 }),
    onError: (error) => {
      if (isHangUp(error)) hangUps++;
      else errors.push(error);
    },
  });
  port = await inbound.listen();
  smtp = smtpSessions({ port });
});
afterAll(async () => {
  await inbound.close();
  await t.close();
});
afterAll(() => smtp?.close());

const recipient = replyRecipient({
  domain: DOMAIN,
  visitorToken: () => visitorToken,
  repToken: () => repToken,
});

describe('fuzzing the inbound SMTP receiver', () => {
  it('stays up, refuses without storing, and stores at most one message per accepted mail', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          from: sender,
          to: fc.array(recipient, { minLength: 1, maxLength: 3 }),
          data: message,
          abort: fc.oneof(
            { arbitrary: fc.constant(false), weight: 9 },
            { arbitrary: fc.constant(true), weight: 1 },
          ),
        }),
        async (envelope) => {
          const before = await storedCounts(t.db);
          const code = await smtp.deliver(envelope);
          const delta = countsDelta(before, await storedCounts(t.db));
          if (envelope.abort) await hangUpNoticed();
          expect(errors).toEqual([]);
          expect(code, 'a 451 means an unexpected failure').not.toBe(451);
          if (code === 250) {
            // One message, its delivery and (with a Message-ID) its idempotency key; or nothing
            // for a copy of a mail already stored: fuzzed headers and bodies repeat.
            const { messages, idempotencyKeys } = delta;
            expect([0, 1]).toContain(messages);
            expect([0, messages]).toContain(idempotencyKeys);
            expect(delta).toMatchObject({
              ...NOTHING,
              messages,
              deliveries: messages,
              idempotencyKeys,
            });
          } else {
            expect(delta).toEqual(NOTHING);
          }
        },
      ),
      { numRuns: 200 },
    );

    // Still serving: a plain reply goes through and is stored.
    const before = await storedCounts(t.db);
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, ignoreTLS: true });
    try {
      await transport.sendMail({
        from: 'anna@buyer.example',
        to: `reply+${visitorToken}@${DOMAIN}`,
        subject: 'Re: Your inquiry',
        text: 'Still there?',
      });
    } finally {
      transport.close();
    }
    expect(countsDelta(before, await storedCounts(t.db)).messages).toBe(1);
    // 200 SMTP sessions, each with six counts before and after: 17-22 s on PostgreSQL on a
    // loaded machine, past the suite's 20 s.
  }, 60_000);
});
