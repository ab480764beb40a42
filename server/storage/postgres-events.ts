import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { EventBus, LiveEvent } from '../domain/events';
import type { Database } from './database';
import { within } from '../within';

/** An EventBus that also reaches the other processes on the database; `close` ends its client. */
export interface PostgresEventBus extends EventBus {
  /**
   * Calls `listener` each time LISTEN works again after its connection was lost: what other
   * processes published in between never reached this process. Returns the unsubscribe.
   */
  onMissed(listener: () => void): () => void;
  close(): Promise<void>;
}

export interface PostgresEventBusOptions {
  /** The database URL: the bus keeps one client of its own for LISTEN. */
  url: string;
  /** Sends NOTIFY through the store's pool. */
  db: Kysely<Database>;
  log?: (line: string) => void;
  /** First delay before reconnecting a lost LISTEN client; doubles up to 30 s. */
  retryMs?: number;
  /**
   * Pause between two `select 1` on the LISTEN client. A connection that goes silent without
   * a reset (a NAT's idle timeout, a failover dropping packets) would otherwise never be
   * noticed: a listening client sends nothing, so nothing fails.
   */
  heartbeatMs?: number;
  /** How long connecting, LISTEN or a heartbeat may take before the client is replaced. */
  timeoutMs?: number;
}

type Listener = (event: LiveEvent) => void;

/**
 * Live events across processes with PostgreSQL LISTEN/NOTIFY. A publish reaches this
 * process's listeners at once and the others through NOTIFY; each process skips its own
 * notifications. The payload holds ids only, far below NOTIFY's 8000 bytes. The channel is
 * per schema, so installations (or test runs) sharing a database never hear each other.
 * A lost LISTEN client is noticed within `heartbeatMs + timeoutMs` and replaced; events
 * published meanwhile do not reach this process, so `onMissed` listeners hear when it listens
 * again.
 */
export async function createPostgresEventBus({
  url,
  db,
  log = () => {},
  retryMs = 1000,
  heartbeatMs = 20_000,
  timeoutMs = 10_000,
}: PostgresEventBusOptions): Promise<PostgresEventBus> {
  const origin = randomUUID();
  const listeners = new Set<Listener>();
  const missedListeners = new Set<() => void>();
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  // Channel names are identifiers: at most 63 bytes.
  const channel = `liaison_events.${rows[0]?.schema ?? 'public'}`.slice(0, 63);
  const emit = (event: LiveEvent) => {
    for (const listener of listeners) listener(event);
  };

  let client: pg.Client | null = null;
  let closed = false;
  let delay = retryMs;
  let timer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  // Set when a client in use is lost: the next one to listen reports the gap.
  let lost = false;

  // With a query still running (a heartbeat or LISTEN that timed out), pg's `end` destroys
  // the socket instead of waiting for the server's goodbye, which a dead link never sends.
  const endQuietly = (c: pg.Client) => {
    c.removeAllListeners('end');
    c.end().catch((err: unknown) => log(`[events] closing a LISTEN client: ${String(err)}`));
  };

  async function connect(): Promise<void> {
    const c = new pg.Client({
      connectionString: url,
      // The kernel's probes keep a NAT's idle timer from expiring and, slowly, notice a peer
      // gone; the heartbeat below notices within a known time.
      keepAlive: true,
      keepAliveInitialDelayMillis: heartbeatMs,
      connectionTimeoutMillis: timeoutMs,
    });
    c.on('notification', (n) => {
      if (n.channel !== channel || !n.payload) return;
      const event = parseNotice(n.payload, origin);
      if (event) emit(event);
    });
    c.on('error', (err) => dropped(c, err.message));
    c.on('end', () => dropped(c, 'connection ended'));
    try {
      await c.connect();
      await within(c.query(`listen ${c.escapeIdentifier(channel)}`), timeoutMs, 'LISTEN');
    } catch (err) {
      endQuietly(c);
      throw err;
    }
    if (closed) {
      endQuietly(c);
      return;
    }
    client = c;
    delay = retryMs;
    beatLater(c);
    if (lost) {
      lost = false;
      log('[events] listening again; events published meanwhile were missed');
      // A listener's failure is not the connection's: it must not send connect() round again.
      for (const listener of missedListeners) {
        try {
          listener();
        } catch (err) {
          log(`[events] a missed-events listener failed: ${errorText(err)}`);
        }
      }
    }
  }

  function beatLater(c: pg.Client) {
    heartbeat = setTimeout(() => {
      within(c.query('select 1'), timeoutMs, 'heartbeat').then(
        () => {
          if (client === c) beatLater(c);
        },
        (err: unknown) => dropped(c, errorText(err)),
      );
    }, heartbeatMs);
  }

  function reconnectLater(reason: string) {
    if (closed || timer) return;
    log(`[events] LISTEN connection lost (${reason}); reconnecting in ${delay} ms`);
    timer = setTimeout(() => {
      timer = undefined;
      connect().catch((err: unknown) => {
        delay = Math.min(delay * 2, 30_000);
        reconnectLater(errorText(err));
      });
    }, delay);
  }

  // Only the client in use reconnects; one that failed to connect is connect()'s caller's.
  function dropped(c: pg.Client, reason: string) {
    if (client !== c) return;
    client = null;
    lost = true;
    clearTimeout(heartbeat);
    endQuietly(c);
    reconnectLater(reason);
  }

  await connect();

  return {
    publish(event) {
      emit(event);
      const payload = JSON.stringify({ ...event, origin });
      sql`select pg_notify(${channel}, ${payload})`
        .execute(db)
        .catch((err: unknown) => log(`[events] NOTIFY failed: ${String(err)}`));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onMissed(listener) {
      missedListeners.add(listener);
      return () => missedListeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      clearTimeout(heartbeat);
      const c = client;
      client = null;
      await c?.end();
    },
  };
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

// A notification from another process; null for our own and for anything malformed.
function parseNotice(payload: string, self: string): LiveEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.origin === self) return null;
  if (v.type !== 'inquiry' && v.type !== 'message' && v.type !== 'status') return null;
  if (typeof v.siteId !== 'string' || typeof v.inquiryId !== 'string') return null;
  if (v.repId !== null && typeof v.repId !== 'string') return null;
  return {
    type: v.type,
    siteId: v.siteId,
    repId: v.repId,
    inquiryId: v.inquiryId,
    visitorVisible: v.visitorVisible === true,
  };
}
