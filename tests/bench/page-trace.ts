// The traced part of tests/bench/page-cost.ts: one load with the widget under a Chromium trace,
// split into the widget's own tasks.
import type { Browser } from '@playwright/test';

/** The widget's share of one traced load, in throttled ms. */
export interface WidgetTasks {
  /** Tasks that run the widget's script outside idle callbacks, whole (their layout included). */
  pageView: number;
  /** Of the page view, the main thread's CPU time (less than the task time on a busy machine). */
  pageViewCpu: number;
  /**
   * Other tasks that take in the widget's own requests (the config answer, the rep's photo):
   * their response, body and decoding. The demo's rep photo is an SVG, whose decoding builds a
   * document on the main thread; a raster photo decodes off it.
   */
  requests: number;
  /** Idle-callback tasks (the widget asks for the only one on a fresh page). */
  idle: number;
  /** Style, layout and paint anywhere on the page from the widget's first script on. */
  render: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread CPU time. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; requestId?: string } };
}

/**
 * One load with the widget under a Chromium trace: each main-thread task that evaluates or
 * calls into widget.js, or runs microtasks after it started (its promise chains), counts whole,
 * with the microtask checkpoint that follows it (where a promise chain, such as the one from
 * the config answer to the card, runs). The demo page runs no script of its own, so every
 * microtask and idle callback is the widget's. Tasks that only take in a request the widget
 * made count apart (`requests`).
 */
export async function traceWidgetTasks(
  browser: Browser,
  url: string,
  cpuSlowdown: number,
  /** A script served as widget.js instead of ours (a stand-in to compare with). */
  standIn?: string,
): Promise<WidgetTasks> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    if (standIn !== undefined) {
      await page.route('**/widget.js', (route) =>
        route.fulfill({ body: standIn, contentType: 'text/javascript' }),
      );
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await browser.startTracing(page, {
      categories: ['toplevel', 'devtools.timeline', 'v8.execute'],
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const buffer = await browser.stopTracing();
    const parsed: unknown = JSON.parse(buffer.toString());
    const all: TraceEvent[] = Reflect.get(Object(parsed), 'traceEvents') ?? [];
    // The page's renderer: the one that ran widget.js (another may be Chromium's own UI).
    const ran = all.find(
      (e) => e.name === 'EvaluateScript' && e.args?.data?.url?.includes('/widget'),
    );
    const thread = all.find(
      (e) =>
        e.name === 'thread_name' &&
        e.args?.name === 'CrRendererMain' &&
        (!ran || (e.pid === ran.pid && e.tid === ran.tid)),
    );
    // Complete events, and the instant ones that mark a request's steps.
    const main = all
      .filter((e) => e.pid === thread?.pid && e.tid === thread?.tid && /^[XIi]$/.test(e.ph))
      .sort((a, b) => a.ts - b.ts);
    const ours = (e: TraceEvent) =>
      (e.name === 'EvaluateScript' || e.name === 'FunctionCall') &&
      (e.args?.data?.url ?? '').includes('/widget');
    const start = main.find(ours)?.ts ?? Infinity;
    // Top-level tasks, each with the microtask checkpoint run right after it.
    const tasks: { ts: number; end: number; ms: number; cpu: number }[] = [];
    for (const e of main) {
      const last = tasks.at(-1);
      const end = e.ts + (e.dur ?? 0);
      if (e.name === 'ThreadControllerImpl::RunTask' && (!last || e.ts >= last.end)) {
        tasks.push({ ts: e.ts, end, ms: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 });
      } else if (
        e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint' &&
        last &&
        e.ts >= last.end
      ) {
        Object.assign(last, {
          end,
          ms: last.ms + (e.dur ?? 0) / 1000,
          cpu: last.cpu + (e.tdur ?? 0) / 1000,
        });
      }
    }
    const result: WidgetTasks = { pageView: 0, pageViewCpu: 0, requests: 0, idle: 0, render: 0 };
    // The requests the widget's own tasks sent (the config, the rep's photo).
    const requests = new Set<string>();
    const sentIn = (inside: TraceEvent[]) => {
      for (const e of inside) {
        const id = e.args?.data?.requestId;
        if (e.name === 'ResourceSendRequest' && id) requests.add(id);
      }
    };
    for (const task of tasks) {
      if (task.end < start) continue;
      const inside = main.filter((e) => e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.end);
      if (inside.some((e) => e.name === 'FireIdleCallback')) {
        result.idle += task.ms;
        sentIn(inside);
      } else if (inside.some((e) => ours(e) || (e.name === 'RunMicrotasks' && e.ts >= start))) {
        result.pageView += task.ms;
        result.pageViewCpu += task.cpu;
        sentIn(inside);
      } else if (
        inside.some((e) => /^Resource/.test(e.name) && requests.has(e.args?.data?.requestId ?? ''))
      ) {
        result.requests += task.ms;
      }
      for (const e of inside) {
        if (['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint'].includes(e.name)) {
          result.render += (e.dur ?? 0) / 1000;
        }
      }
    }
    return result;
  } finally {
    await context.close();
  }
}

/** The interquartile range of the samples' task time: how much one load differs from another. */
