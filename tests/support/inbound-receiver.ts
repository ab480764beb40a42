import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { isLiveReplyToken, receiveInboundReply } from '../../server/domain/inbound-reply';
import {
  createInboundServer,
  type InboundServer,
  type InboundOptions,
} from '../../server/mail/inbound-server';
import type { TestApp } from './test-app';

/** The INBOUND_DOMAIN of the tests' receivers (the mail worker's too: startMailWorker). */
export const INBOUND_DOMAIN = 'reply.liaison.test';

/**
 * The real SMTP receiver on a loopback port, wired to the real domain functions on the test
 * app's store, as server/main.ts wires it; `over` replaces any option.
 */
export async function startInboundReceiver(
  t: TestApp,
  over: Partial<InboundOptions> = {},
): Promise<{ inbound: InboundServer; port: number }> {
  const deps = { store: t.store, clock: () => t.now.value, newId: t.newId, events: t.events };
  const inbound = createInboundServer({
    port: 0,
    domain: INBOUND_DOMAIN,
    isKnownToken: (token) => isLiveReplyToken(deps, token),
    onReply: (reply) => receiveInboundReply(deps, reply, { messagesPerMinute: 10_000 }),
    ...over,
  });
  return { inbound, port: await inbound.listen() };
}

/** Sends `mail` as a person's mail client would, to the receiver on `port`. */
export async function mailToReceiver(port: number, mail: Mail.Options): Promise<void> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
  });
  try {
    await transport.sendMail({ subject: 'Re: your inquiry', ...mail });
  } finally {
    transport.close();
  }
}
