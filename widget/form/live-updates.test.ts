import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { followConversation, type EventSourceLike } from './live-updates';

class FakeSource implements EventSourceLike {
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readyState = 0;
  closed = false;
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  send(data: string) {
    this.onmessage?.(new MessageEvent('message', { data }));
  }
  fail(readyState = 0) {
    this.readyState = readyState;
    this.onerror?.(new Event('error'));
  }
}

const setup = (source: FakeSource | null = new FakeSource()) => {
  const onChange = vi.fn();
  const connect = vi.fn(() => source);
  const stop = followConversation({ url: 'https://x/events', onChange, connect });
  return { source, onChange, connect, stop };
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('followConversation', () => {
  test('a message event fetches the conversation again; other events do not', () => {
    const { source, onChange, connect } = setup();
    expect(connect).toHaveBeenCalledWith('https://x/events');
    source?.open();
    onChange.mockClear();
    source?.send('{"type":"message"}');
    source?.send('{"type":"status"}');
    expect(onChange).toHaveBeenCalledTimes(1);
    source?.send('not json');
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  test('the first opening and each reconnection catch up on what was missed', () => {
    const { source, onChange } = setup();
    expect(onChange).not.toHaveBeenCalled();
    source?.open();
    expect(onChange).toHaveBeenCalledTimes(1);
    source?.fail();
    source?.open();
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  test('repeated errors switch to polling every 15 s', () => {
    const { source, onChange } = setup();
    source?.fail();
    source?.fail();
    expect(source?.closed).toBe(false);
    source?.fail();
    expect(source?.closed).toBe(true);
    vi.advanceTimersByTime(15_000);
    expect(onChange).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(30_000);
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  test('a stream the browser gave up on switches to polling at once', () => {
    const { source, onChange } = setup();
    source?.fail(2);
    vi.advanceTimersByTime(15_000);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  test('without EventSource it polls; stop ends everything', () => {
    const { onChange, stop } = setup(null);
    vi.advanceTimersByTime(15_000);
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
    vi.advanceTimersByTime(60_000);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  test('stop closes the stream', () => {
    const { source, stop } = setup();
    stop();
    expect(source?.closed).toBe(true);
  });
});
