import { isIP } from 'node:net';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './ops/log';

const Port = z.coerce.number().int().min(1).max(65535);

// A postgres:// URL, or a plain path or `sqlite:`/`file:` URL, as the README documents. Any
// other scheme is a mistake (mysql://, postgress://), not a SQLite file of that name.
const POSTGRES = /^postgres(ql)?:/i;
const OTHER_SCHEME = /^(?!(sqlite|file):)[a-z][a-z0-9+.-]*:\/\//i;

const Env = z.object({
  PORT: Port.default(8787),
  DATABASE_URL: z
    .string()
    .refine(
      (v) => (POSTGRES.test(v) ? URL.canParse(v) : !OTHER_SCHEME.test(v)),
      'must be a SQLite path (or sqlite:/file: URL) or a postgres:// URL',
    )
    .optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Liaison <liaison@localhost>'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  OUTBOX_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(120_000),
  TRUST_PROXY: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((entries) => entries.every(isProxyEntry), {
      message:
        'each entry is loopback, linklocal, uniquelocal, an IP address or a CIDR range (a hop count such as 1 is not taken)',
    })
    .optional(),
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(5),
  RATE_LIMIT_SITE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  MIN_FORM_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  POW_FLOOD_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(20),
  RATE_LIMIT_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  LIAISON_CONFIG: z.string().min(1).default('liaison.config.json'),
  ESCALATION_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    // A bearer token is one word: one with a space could never be sent, and /metrics was 401.
    .regex(/^\S+$/, 'must not contain spaces')
    .optional(),
  WEBHOOKS_ALLOW_PRIVATE: z.enum(['0', '1']).optional(),
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_INBOUND_PORT: Port.optional(),
  INBOUND_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$|^localhost$/i, 'must be a mail domain, e.g. reply.example.com')
    .optional(),
});

/** The server's whole configuration, read once from the environment and frozen. */
export interface Config {
  port: number;
  /** The engine and where its data lives: a SQLite file (the default) or a PostgreSQL URL. */
  database: DatabaseConfig;
  /**
   * The SQLite file path, or ':memory:', for callers that open SQLite only (the CLI until it
   * uses `openStore`); reading it with a PostgreSQL DATABASE_URL throws a ConfigError.
   */
  readonly databasePath: string;
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  outboxPollMs: number;
  /** How long a claimed delivery is hidden from other senders; a crashed sender's rows come back after it. */
  outboxLeaseMs: number;
  /** Reverse proxies whose X-Forwarded-For is believed (Express `trust proxy` values). */
  trustProxy: string[];
  /** Spam and abuse limits for new inquiries. */
  abuse: AbuseLimits;
  /** Sites, reps, teams and rules to apply at start-up, when the file exists. */
  configFile: string;
  /** How often overdue inquiries are looked for. */
  escalationPollMs: number;
  /** JSON log lines at this level and above (ops/log.ts). */
  logLevel: LogLevel;
  /** When set, /metrics wants `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  /** Webhooks may call http:// and private addresses (a lab, not production: SSRF). */
  webhooksAllowPrivate: boolean;
  /** Signs derived tokens; null: main.ts keeps a generated one beside the SQLite file. */
  secretKey: string | null;
  /**
   * The domain of reply addresses (reply+TOKEN@...) in every mail this process sends; null when
   * INBOUND_DOMAIN is unset. Set on every process, whichever of them runs the receiver.
   */
  inboundDomain: string | null;
  /** The inbound SMTP receiver for reply addresses; null when SMTP_INBOUND_PORT is unset. */
  inbound: { port: number; domain: string } | null;
}

/** Where the store lives; `storage/open-store.ts` opens either. */
export type DatabaseConfig =
  { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string };

/** Limits on new inquiries: per client address and per site per minute; the form's minimum time. */
export interface AbuseLimits {
  ipPerMinute: number;
  sitePerMinute: number;
  minFormMs: number;
  /** Inquiries a minute to one site past which 'auto' proof-of-work switches on. */
  floodPerMinute: number;
  /**
   * A visitor's follow-ups a minute in one conversation (each mails the rep); six times as
   * many from one client address.
   */
  messagesPerMinute: number;
}

/** Thrown when the environment holds a bad value; the message names every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

// What proxy-addr takes as a trusted proxy (it throws at start-up on anything else).
function isProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, bits, ...more] = entry.split('/');
  const family = isIP(address ?? '');
  if (more.length > 0 || family === 0) return false;
  return (
    bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))
  );
}

/**
 * Parses `env` (default `process.env`) once; the only reader of the environment. The command
 * line signs nothing, so it does without SECRET_KEY (`needsSecret: false`).
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  { needsSecret = true }: { needsSecret?: boolean } = {},
): Config {
  // Empty values count as unset, as a shell `VAR= npm start` user would expect.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const database = databaseConfig(e.DATABASE_URL ?? 'data/liaison.sqlite');
  if (needsSecret && database.engine === 'postgres' && e.SECRET_KEY === undefined) {
    // The generated key lives beside a SQLite file; processes sharing PostgreSQL need one key.
    throw new ConfigError(
      'Invalid configuration:\n  SECRET_KEY: required with PostgreSQL (every process must sign with the same key)',
    );
  }
  if (e.SMTP_INBOUND_PORT !== undefined && e.INBOUND_DOMAIN === undefined) {
    throw new ConfigError(
      'Invalid configuration:\n  INBOUND_DOMAIN: required when SMTP_INBOUND_PORT is set',
    );
  }
  return Object.freeze({
    port: e.PORT,
    database,
    get databasePath(): string {
      if (database.engine === 'sqlite') return database.path;
      throw new ConfigError('DATABASE_URL is PostgreSQL, which this command does not open yet');
    },
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    outboxPollMs: e.OUTBOX_POLL_MS,
    outboxLeaseMs: e.OUTBOX_LEASE_MS,
    escalationPollMs: e.ESCALATION_POLL_MS,
    configFile: e.LIAISON_CONFIG,
    trustProxy: e.TRUST_PROXY ?? [],
    abuse: {
      ipPerMinute: e.RATE_LIMIT_IP_PER_MINUTE,
      sitePerMinute: e.RATE_LIMIT_SITE_PER_MINUTE,
      minFormMs: e.MIN_FORM_MS,
      floodPerMinute: e.POW_FLOOD_PER_MINUTE,
      messagesPerMinute: e.RATE_LIMIT_MESSAGES_PER_MINUTE,
    },
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN ?? null,
    webhooksAllowPrivate: e.WEBHOOKS_ALLOW_PRIVATE === '1',
    secretKey: e.SECRET_KEY ?? null,
    inboundDomain: e.INBOUND_DOMAIN?.toLowerCase() ?? null,
    inbound:
      e.SMTP_INBOUND_PORT !== undefined && e.INBOUND_DOMAIN !== undefined
        ? { port: e.SMTP_INBOUND_PORT, domain: e.INBOUND_DOMAIN.toLowerCase() }
        : null,
  });
}

// A postgres:// URL, or a plain path or `sqlite:`/`file:` URL, as the README documents.
function databaseConfig(url: string): DatabaseConfig {
  if (POSTGRES.test(url)) return { engine: 'postgres', url };
  return { engine: 'sqlite', path: url.replace(/^(sqlite|file):(\/\/)?/i, '') };
}
