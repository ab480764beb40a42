import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from '../storage/store';
import { within } from '../within';

/** What the app records; read by Prometheus at `/metrics`. */
export interface Metrics {
  registry: Registry;
  /** One finished HTTP request: its method, route pattern, status and duration. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** An inquiry this process stored (status `new`, or `spam` when held). */
  inquiryCreated(status: string): void;
}

export interface MetricsOptions {
  /** Read at scrape time for the outbox gauges. */
  store: Pick<Store, 'countDeliveries'>;
  /** Node's own figures (memory, event loop lag, GC); off in tests, where many apps run at once. */
  processMetrics?: boolean;
}

/** How long a scrape waits for the outbox figures before it keeps the last ones. */
const OUTBOX_READ_MS = 1000;

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Metrics in a registry of their own, so that several apps in one process never collide. */
export function createMetrics({ store, processMetrics = false }: MetricsOptions): Metrics {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'liaison_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'liaison_http_request_duration_seconds',
    help: 'Time to the response headers (a live-event stream counts until it starts).',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const inquiries = new Counter({
    name: 'liaison_inquiries_created_total',
    help: 'Inquiries stored by this process (status new, or spam when held).',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  // Outbox figures live in the database, shared by every process: read when scraped, both in
  // one go. A read that fails or hangs (the database away) keeps the last figures and is
  // counted, within a second: prom-client fails the whole scrape when one series does, and
  // every other series would be gone just when it is wanted.
  let reading: Promise<{ pending: number; failed: number } | null> | null = null;
  const readOutbox = () =>
    (reading ??= (async () => {
      try {
        const [pending, failed] = await within(
          Promise.all([store.countDeliveries('pending'), store.countDeliveries('failed')]),
          OUTBOX_READ_MS,
          'outbox read',
        );
        return { pending, failed };
      } catch {
        readErrors.inc();
        return null;
      } finally {
        reading = null;
      }
    })());
  new Gauge({
    name: 'liaison_outbox_pending',
    help: 'Deliveries waiting to be sent (due now or retrying later): the outbox backlog.',
    registers: [registry],
    async collect() {
      const read = await readOutbox();
      if (read) this.set(read.pending);
    },
  });
  new Gauge({
    name: 'liaison_outbox_failed',
    help: 'Deliveries given up for good after their last attempt.',
    registers: [registry],
    async collect() {
      const read = await readOutbox();
      if (read) this.set(read.failed);
    },
  });
  const readErrors = new Counter({
    name: 'liaison_outbox_read_errors_total',
    help: 'Scrapes whose outbox figures could not be read from the database (last ones kept).',
    registers: [registry],
    // Written once this scrape's read is done, so that it counts that read too.
    async collect() {
      await readOutbox();
    },
  });

  // One child per label set, looked up by a plain string: prom-client hashes a label object
  // on every call, a tenth of a cached config read's time (measured with --cpu-prof). The set
  // stays small: methods are fixed, routes are patterns, statuses few.
  const perRoute = new Map<string, (status: number, seconds: number) => void>();
  const series = (method: string, route: string) => {
    const key = `${method} ${route}`;
    let record = perRoute.get(key);
    if (!record) {
      const byStatus = new Map<number, { inc(): void }>();
      const timing = duration.labels({ method, route });
      record = (status, seconds) => {
        let count = byStatus.get(status);
        if (!count) {
          count = requests.labels({ method, route, status: String(status) });
          byStatus.set(status, count);
        }
        count.inc();
        timing.observe(seconds);
      };
      perRoute.set(key, record);
    }
    return record;
  };

  return {
    registry,
    observeRequest(method, route, status, seconds) {
      // A client can send any method name: keep the label set small.
      series(METHODS.has(method) ? method : 'OTHER', route)(status, seconds);
    },
    inquiryCreated(status) {
      inquiries.inc({ status });
    },
  };
}

/** The store, counting each inquiry it stores in `metrics` (after the transaction commits). */
export function countingStore(store: Store, metrics: Metrics): Store {
  return {
    ...store,
    async createInquiry(input) {
      await store.createInquiry(input);
      metrics.inquiryCreated(input.inquiry.status);
    },
  };
}
