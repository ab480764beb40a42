import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { tokenFromAddress } from './reply-address';
import { visibleReply } from './strip-quoted';

/** One answer that arrived at a reply address, ready to become a message. */
export interface InboundReply {
  token: string;
  /** The From header's address, or the envelope MAIL FROM when the header has none. */
  from: string;
  fromName: string | null;
  subject: string;
  /** The new part of the reply (text part, or mailparser's text of the HTML part). */
  text: string;
  /** The files the mail carries (not the images its HTML body shows), in the mail's order. */
  files: Array<{ filename: string | null; content: Uint8Array }>;
  messageId: string | null;
}

/** What the receiver needs; the store and the conversation domain implement the callbacks. */
export interface InboundOptions {
  /** 0: any free port (tests). */
  port: number;
  /**
   * Interface to listen on. Defaults to loopback so that nothing is exposed by accident;
   * production passes '0.0.0.0' (or the address the TLS front forwards to).
   */
  host?: string;
  /** INBOUND_DOMAIN: only reply+TOKEN@domain is accepted. */
  domain: string;
  /** Largest message accepted, in bytes (default 10 MB); bigger ones get 552. */
  maxBytes?: number;
  /**
   * How long `close()` waits for open sessions before it ends them (default 5 s: within the
   * server's stop grace and a container's 10 s, where smtp-server's own 30 s were not).
   */
  closeTimeoutMs?: number;
  /** Whether the token is live (known, not revoked); called at RCPT TO so unknown tokens are refused before DATA. */
  isKnownToken(token: string): Promise<boolean>;
  /**
   * Stores the reply; resolves when stored (or when it already was: a retried mail). An
   * `SmtpRefusal` is answered as it is, for what no retry can change; any other rejection
   * becomes a temporary 451 so the sender retries.
   */
  onReply(reply: InboundReply): Promise<void>;
  /** Failures the sender only sees as a 451 (store down) and connection errors; default: stderr. */
  onError?(error: Error): void;
}

/** A started-on-demand SMTP receiver. */
export interface InboundServer {
  /** Starts listening; resolves with the actual port. */
  listen(): Promise<number>;
  /** Stops accepting; waits for open sessions, ending them after `closeTimeoutMs`. */
  close(): Promise<void>;
}

/**
 * A refusal with the SMTP reply code the sender sees; any other failure becomes a 451. The
 * message starts with its RFC 3463 enhanced code: smtp-server adds none by default, and its
 * automatic ones would call every 550 "5.1.1 bad mailbox".
 */
export class SmtpRefusal extends Error {
  override name = 'SmtpRefusal';
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

const MB = 1024 * 1024;

// Senders that answer automatically. An out-of-office or a list digest must not become a chat
// message, and answering it would start a mail loop (RFC 3834 §2 and §5; Precedence is the
// older, non-standard marker many autoresponders still use).
const AUTOMATIC_PRECEDENCE = /^(bulk|junk|list|auto_reply)$/i;

/** Creates the SMTP receiver for reply addresses; call `listen()` to start it. */
export function createInboundServer({
  port,
  host = '127.0.0.1',
  domain,
  maxBytes = 10 * MB,
  closeTimeoutMs = 5_000,
  isKnownToken,
  onReply,
  onError = (error) => console.error('[inbound]', error),
}: InboundOptions): InboundServer {
  const server = new SMTPServer({
    // smtp-server's built-in certificate has expired, and a key shipped in a package is no
    // secret anyway: production terminates TLS in front of this port (a proxy or load balancer
    // with the domain's certificate). Nobody authenticates to deliver to us.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    // Advertised and checked against a declared SIZE at MAIL FROM; the actual size at DATA.
    size: maxBytes,
    // A sender still connected when the server stops is cut off after this; it retries later
    // (a stored reply was answered already, and a copy adds nothing: its Message-ID).
    closeTimeout: closeTimeoutMs,
    // smtp-server callbacks must never throw: every outcome goes back through `callback`.
    onRcptTo(address, session, callback) {
      checkRecipient(address.address, session).then(
        () => callback(),
        (error: unknown) => callback(refusal(error)),
      );
    },
    onData(stream, session, callback) {
      receive(stream, session).then(
        (message) => callback(null, message),
        (error: unknown) => callback(refusal(error)),
      );
    },
  });
  // Without a listener an 'error' event would end the process.
  server.on('error', (error: Error) => onError(error));

  // Refuses at RCPT TO, so nothing about a wrong recipient is ever read or stored.
  async function checkRecipient(address: string, session: SMTPServerSession): Promise<void> {
    // A bounce (null sender) is no answer from a person. The null sender itself must be accepted
    // at MAIL FROM (RFC 1123 §5.2.9), so it is refused here; a refused bounce bounces no further.
    if (session.envelope.mailFrom && session.envelope.mailFrom.address === '') {
      throw new SmtpRefusal(550, '5.7.1 Bounces are not accepted at reply addresses');
    }
    const token = tokenFromAddress(address, domain);
    if (!token || !(await isKnownToken(token)))
      throw new SmtpRefusal(550, '5.1.1 No such recipient');
    const accepted = session.envelope.rcptTo.map((r) => tokenFromAddress(r.address, domain));
    // One conversation per message. 452 makes the sending server deliver the rest in a
    // separate transaction (RFC 5321 §4.5.3.1.10).
    if (accepted.some((t) => t !== token)) {
      throw new SmtpRefusal(452, '4.5.3 Too many recipients: one reply address per message');
    }
  }

  async function receive(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
  ): Promise<string> {
    const raw = await readLimited(stream);
    if (!raw)
      throw new SmtpRefusal(552, `5.3.4 Message exceeds the maximum size of ${maxBytes} bytes`);
    const mail = await simpleParser(raw);
    const why = automaticReason(mail);
    if (why) throw new SmtpRefusal(550, `5.7.1 Automatic replies are not accepted (${why})`);
    const reply = buildReply(mail, session);
    if (!reply) throw new SmtpRefusal(550, '5.1.1 No such recipient');
    if (!reply.text && reply.files.length === 0) {
      throw new SmtpRefusal(550, '5.6.0 Empty reply: write your answer above the quoted text');
    }
    await onReply(reply);
    return 'Reply received';
  }

  function buildReply(mail: ParsedMail, session: SMTPServerSession): InboundReply | null {
    const rcpt = session.envelope.rcptTo[0];
    const token = rcpt ? tokenFromAddress(rcpt.address, domain) : null;
    if (!token) return null;
    const sender = mail.from?.value[0];
    const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    return {
      token,
      from: sender?.address || envelopeFrom,
      fromName: sender?.name || null,
      subject: mail.subject ?? '',
      // mailparser fills `text` from the HTML part when a mail has no text part.
      text: visibleReply(mail.text ?? ''),
      // Not the images of an HTML body or signature (related parts), which the body shows.
      files: mail.attachments
        .filter((a) => !a.related)
        .map((a) => ({ filename: a.filename ?? null, content: a.content })),
      messageId: mail.messageId ?? null,
    };
  }

  // Refusals pass as they are. Anything else (the store is down, a parser failure, a bug) is
  // reported and becomes a temporary 451: the sending server keeps the mail and retries.
  function refusal(error: unknown): SmtpRefusal {
    if (error instanceof SmtpRefusal) return error;
    onError(error instanceof Error ? error : new Error(String(error)));
    return new SmtpRefusal(451, '4.3.0 Temporary failure, please try again later');
  }

  return {
    listen: () =>
      new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(port, host, () => {
          server.server.off('error', reject);
          resolve((server.server.address() as AddressInfo).port);
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// Reads the message, or resolves null once it is over the limit: the rest is drained unread
// so the session can still answer 552.
function readLimited(stream: SMTPServerDataStream): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      if (stream.sizeExceeded) chunks.length = 0;
      else chunks.push(chunk);
    });
    stream.once('end', () => resolve(stream.sizeExceeded ? null : Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

// Why a mail was sent by a program rather than a person, or null.
function automaticReason(mail: ParsedMail): string | null {
  const auto = headerText(mail, 'auto-submitted');
  // The keyword may carry parameters: "auto-replied; owner-email=..." (RFC 3834 §5).
  if (auto && auto.split(';')[0]?.trim().toLowerCase() !== 'no') return `Auto-Submitted: ${auto}`;
  const precedence = headerText(mail, 'precedence');
  if (precedence && AUTOMATIC_PRECEDENCE.test(precedence)) return `Precedence: ${precedence}`;
  for (const name of ['x-autoreply', 'x-autorespond']) {
    if (mail.headers.has(name)) return name;
  }
  return null;
}

// mailparser keeps unstructured headers as strings; anything else counts as absent.
function headerText(mail: ParsedMail, name: string): string | null {
  const value = mail.headers.get(name);
  return typeof value === 'string' ? value.trim() : null;
}
