import { describe, expect, it } from 'vitest';
import { isTrustedSender, type FrameLike } from '../../../electron/main/sender-check';

const frame = (overrides: Partial<FrameLike> = {}): FrameLike => ({
  url: 'app://kim/index.html',
  parent: null,
  processId: 4,
  routingId: 1,
  ...overrides,
});

describe('isTrustedSender', () => {
  const main = frame();

  it('accepts the main frame of our window on app://kim', () => {
    expect(isTrustedSender(frame(), main)).toBe(true);
    expect(isTrustedSender(frame({ url: 'app://kim/faelle?x=1#top' }), main)).toBe(true);
  });

  it('refuses a missing sender frame (destroyed or navigated away)', () => {
    expect(isTrustedSender(null, main)).toBe(false);
    expect(isTrustedSender(undefined, main)).toBe(false);
  });

  it('refuses when there is no window', () => {
    expect(isTrustedSender(frame(), null)).toBe(false);
  });

  it('refuses a subframe, even on our origin and in our process', () => {
    expect(isTrustedSender(frame({ parent: main, routingId: 2 }), main)).toBe(false);
    expect(isTrustedSender(frame({ parent: main }), main)).toBe(false);
  });

  it('refuses the main frame of another window or process', () => {
    expect(isTrustedSender(frame({ processId: 5 }), main)).toBe(false);
    expect(isTrustedSender(frame({ routingId: 9 }), main)).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'http://localhost:5173/',
    'file:///C:/app/index.html',
    'app://evil/index.html',
    'app://kim:80/index.html',
    'about:blank',
    'data:text/html,x',
    '',
  ])('refuses our own main frame once it shows %s', (url) => {
    expect(isTrustedSender(frame({ url }), main)).toBe(false);
  });
});
