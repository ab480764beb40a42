import { afterEach, beforeEach } from 'vitest';
import type { InquiryDetail } from '../../contract';
import type { OutboxWorker } from '../../server/domain/outbox';
import type { InboundServer } from '../../server/mail/inbound-server';
import { INBOUND_DOMAIN, mailToReceiver, startInboundReceiver } from './inbound-receiver';
import { inboxRequest, signInAsDemoAdmin } from './inbox-client';
import { startMailWorker, type MailWorker } from './mail-worker';
import type { SmtpSink } from './smtp-sink';
import { createTestApp, type TestApp } from './test-app';

// The conversation tests' app (tests/integration/conversation*.test.ts): the test app with its
// outbox mailing into a sink, the inbound receiver for replies by mail, and the demo admin
// signed in; fresh for each test (the bindings below are set by `useConversationApp`).

export const DOMAIN = INBOUND_DOMAIN;
export let t: TestApp;
export let sink: SmtpSink;
export let worker: OutboxWorker;
export let cookie: string;
let mail: MailWorker;
let inbound: InboundServer;
let inboundPort: number;

/** Starts the app before each test of the file and closes it after. */
export function useConversationApp(): void {
  beforeEach(async () => {
    t = await createTestApp();
    mail = await startMailWorker(t, DOMAIN);
    ({ worker, sink } = mail);
    ({ inbound, port: inboundPort } = await startInboundReceiver(t));
    cookie = await signInAsDemoAdmin(t);
  });
  afterEach(async () => {
    await inbound.close();
    await mail.close();
    await t.close();
  });
}

export const conversation = async (token: string, headers: Record<string, string> = {}) =>
  t.app.request(`/api/v1/conversations/${token}`, { headers });
export const followUp = (token: string, body: unknown, headers: Record<string, string> = {}) =>
  t.app.request(`/api/v1/conversations/${token}/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
export const detail = async (id: string) =>
  (await (await inboxRequest(t, cookie, 'GET', `/inquiries/${id}`)).json()) as InquiryDetail;

/** Sends a mail as a person's client would, to Liaison's inbound receiver. */
export const mailIn = (to: string, from: string, text: string) =>
  mailToReceiver(inboundPort, { from, to, text });

export const replyToken = (address: string | undefined) =>
  /^reply\+([a-z2-7]{26})@/.exec(address ?? '')?.[1] ?? '';
