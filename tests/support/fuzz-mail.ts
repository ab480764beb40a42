import fc from 'fast-check';
import { hostileText } from './fuzz';

// Random and hostile mail for the inbound SMTP receiver: envelope addresses and message text.

/** The reply tokens a recipient may carry; read when drawn, so they may be set up later. */
export interface ReplyTokens {
  /** The inbound domain, as in reply+TOKEN@domain. */
  domain: string;
  visitorToken: () => string;
  repToken: () => string;
}

const noLineBreaks = (s: string) => s.replace(/[\r\n]/g, ' ');

/** RCPT TO addresses: mostly reply addresses, some odd but parseable, some hostile. */
export function replyRecipient({ domain: DOMAIN, visitorToken, repToken }: ReplyTokens) {
  const token = fc.oneof(
    { arbitrary: fc.constant('').map(() => visitorToken()), weight: 4 },
    { arbitrary: fc.constant('').map(() => repToken()), weight: 2 },
    { arbitrary: fc.constant('').map(() => visitorToken().toUpperCase()), weight: 1 },
    { arbitrary: fc.stringMatching(/^[a-z2-7]{26}$/), weight: 2 },
    {
      arbitrary: fc.constantFrom('', 'a'.repeat(26), `${'2'.repeat(25)}1`, 'x'.repeat(300)),
      weight: 1,
    },
  );
  const domain = fc.oneof(
    { arbitrary: fc.constant(DOMAIN), weight: 12 },
    {
      arbitrary: fc.constantFrom(
        DOMAIN.toUpperCase(),
        `${DOMAIN}.`,
        `evil.${DOMAIN}`,
        'liaison.test',
        `[127.0.0.1]`,
      ),
      weight: 1,
    },
  );
  return fc.oneof(
    { arbitrary: fc.tuple(token, domain).map(([tok, d]) => `<reply+${tok}@${d}>`), weight: 12 },
    {
      // Odd but parseable forms of a reply address: quoted, with parameters, source routes.
      arbitrary: fc
        .tuple(token, hostileText(2), fc.nat({ max: 8 }))
        .map(
          ([tok, s, i]) =>
            [
              `<"reply+${tok}"@${DOMAIN}>`,
              `<reply+${tok}@${DOMAIN}> SIZE=1`,
              `reply+${tok}@${DOMAIN}`,
              `<reply+${tok}+x@${DOMAIN}>`,
              `<reply+${tok}@${DOMAIN}@${DOMAIN}>`,
              `<@relay.example:reply+${tok}@${DOMAIN}>`,
              `<postmaster>`,
              `<>`,
              `<${noLineBreaks(s)}@${DOMAIN}>`,
            ][i] ?? '<>',
        ),
      weight: 2,
    },
    { arbitrary: hostileText(3).map((s) => `<${noLineBreaks(s)}>`), weight: 1 },
  );
}

/** MAIL FROM addresses. */
export const sender = fc.oneof(
  { arbitrary: fc.constant('<anna@buyer.example>'), weight: 12 },
  {
    arbitrary: fc.constantFrom(
      '<>',
      'anna@buyer.example',
      '<a@b> BODY=8BITMIME',
      '<a@b> SIZE=999999999',
    ),
    weight: 2,
  },
  { arbitrary: hostileText(3).map((s) => `<${noLineBreaks(s)}>`), weight: 1 },
);

// Header values that have broken mail parsers: bad encoded words, unknown charsets, folding,
// injected headers and lines far longer than RFC 5322 allows.
const headerValue = fc.oneof(
  hostileText(4),
  fc.constantFrom(
    '=?utf-8?B?broken?=',
    '=?UTF-8?Q?=E0=A4?=',
    '=?x-unknown?B?AAAA?=',
    '=?utf-8?Q?a?= =?utf-8?B?==?=',
    'a\r\n\tfolded',
    'a\r\nBcc: victim@example.com',
    'a\nTo: reply+aaaaaaaaaaaaaaaaaaaaaaaaaa@reply.liaison.test',
    'a\rX-Injected: 1',
    '',
    '<>',
    'Anna <anna@buyer.example>, <>, "x" <@>',
    '"' + 'q'.repeat(3000) + '" <a@b>',
  ),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'h'.repeat(n)),
);
const header = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'From',
        'To',
        'Subject',
        'Message-ID',
        'In-Reply-To',
        'Date',
        'Auto-Submitted',
        'Precedence',
        'X-Autoreply',
        'Content-Type',
        'Content-Transfer-Encoding',
        'MIME-Version',
      ),
      headerValue,
    )
    .map(([name, value]) => `${name}: ${value}`),
  fc.constantFrom(
    'Content-Type: multipart/alternative; boundary="b1"',
    'Content-Type: multipart/mixed; boundary=',
    'Content-Type: text/plain; charset=x-unknown',
    'Content-Type: text/plain; charset=utf-7',
    'Content-Type: text/html; charset=utf-16',
    'Content-Type: message/rfc822',
    'Content-Transfer-Encoding: base64',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Transfer-Encoding: x-uuencode',
    'Auto-Submitted: no',
    'Auto-Submitted: auto-replied; owner-email=x',
    'Precedence: bulk',
    'no colon in this header line',
    ': empty name',
    ' leading continuation',
  ),
  fc.tuple(hostileText(2), hostileText(3)).map(([name, value]) => `${name}: ${value}`),
);
const bodyText = fc.oneof(
  hostileText(8),
  fc.constantFrom(
    '',
    '> only quoted\n> text',
    'Yes, 500 pieces.\n\nOn Mon, Jun 3, 2024 at 10:02 AM Moore <m@x> wrote:\n> quote',
    '-- \nsignature only',
    '.\r\n..\r\n.',
    '--b1\r\nContent-Type: text/plain\r\n\r\npart one\r\n--b1\r\nContent-Type: text/html\r\n\r\n<p>two',
    '--b1--\r\n--b1\r\n\r\n',
    'PGh0bWw+=====\r\n!!!not base64',
    '=ZZ=\r\n=0D=0A=\r\nsoft=\r\n',
    '<html><script>alert(1)</script><style>*{}</style>&#0;&#xD800;&#1114112;&bogus;</html>',
    'begin 644 x\r\n`\r\nend',
  ),
  fc.integer({ min: 1, max: 20_000 }).map((n) => '<div>'.repeat(n)),
  fc.integer({ min: 50_000, max: 400_000 }).map((n) => `Catalogue: ${'x'.repeat(n)}`),
);

/** A message: hostile headers, sometimes thousands of them, odd separators and line ends. */
export const message = fc
  .record({
    headers: fc.array(header, { maxLength: 8 }),
    many: fc.option(fc.integer({ min: 100, max: 3_000 }), { freq: 10 }),
    separator: fc.constantFrom('\r\n\r\n', '\r\n\r\n', '\r\n\r\n', '\n\n', '\r\n', ''),
    body: bodyText,
    lineEnd: fc.constantFrom('\r\n', '\r\n', '\n'),
  })
  .map(({ headers, many, separator, body, lineEnd }) => {
    const lines = [...headers, ...Array.from({ length: many ?? 0 }, (_, i) => `X-Many-${i}: v`)];
    return `${lines.join(lineEnd)}${separator}${body}`.replace(/\r?\n/g, lineEnd);
  });
