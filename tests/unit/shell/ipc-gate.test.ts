import { describe, expect, it, vi } from 'vitest';
import { createInvokeHandler, sanitizeResult } from '../../../electron/main/ipc-gate';
import type { FrameLike } from '../../../electron/main/sender-check';
import { ipcErrorCodes } from '../../../shared/ipc/errors';

const mainFrame: FrameLike = { url: 'app://kim/index.html', parent: null, processId: 3, routingId: 1 };
const trusted = { senderFrame: mainFrame };

function setup(forward = vi.fn(async () => ({ ok: true as const, value: { version: '0.1.0', schemaVersion: 1 } }))) {
  const log = vi.fn();
  const handler = createInvokeHandler({ mainFrame: () => mainFrame, forward, log });
  return { handler, forward, log };
}

describe('the one IPC handler', () => {
  it('forwards an allowed channel from our main frame', async () => {
    const { handler, forward } = setup();
    const result = await handler(trusted, 'app.info', {});
    expect(result).toEqual({ ok: true, value: { version: '0.1.0', schemaVersion: 1 } });
    expect(forward).toHaveBeenCalledWith('app.info', {});
  });

  it('checks the sender before the channel, and forwards nothing', async () => {
    const { handler, forward } = setup();
    const foreign = { senderFrame: { ...mainFrame, url: 'https://evil.example/' } };
    const result = await handler(foreign, 'no.such.channel', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it('refuses a subframe and a vanished frame', async () => {
    const { handler, forward } = setup();
    expect(await handler({ senderFrame: { ...mainFrame, parent: mainFrame } }, 'app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    expect(await handler({ senderFrame: null }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const throwing = {
      get senderFrame(): FrameLike | null {
        throw new Error('Render frame was disposed');
      },
    };
    expect(await handler(throwing, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it('refuses while there is no window', async () => {
    const forward = vi.fn();
    const handler = createInvokeHandler({ mainFrame: () => null, forward, log: () => undefined });
    expect(await handler(trusted, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it.each([['no.such.channel'], ['__proto__'], ['constructor'], ['toString'], [42], [null], [undefined], [{ toString: () => 'app.info' }]])(
    'refuses channel %s as unknown',
    async (channel) => {
      const { handler, forward } = setup();
      const result = await handler(trusted, channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      expect(forward).not.toHaveBeenCalled();
    },
  );

  it('gives German messages and nothing else in refusals', async () => {
    const { handler } = setup();
    const forbidden = await handler({ senderFrame: null }, 'app.info', {});
    const unknown = await handler(trusted, 'x', {});
    for (const result of [forbidden, unknown]) {
      if (result.ok) throw new Error('expected refusal');
      expect(Object.keys(result.error).sort()).toEqual(['code', 'message']);
      expect(result.error.message).toMatch(/[äöüÄÖÜß]|Diese|nicht/);
    }
  });

  it('turns a throwing forward into a generic error without stack', async () => {
    const { handler } = setup(vi.fn(async () => Promise.reject(new Error('SQLITE_CORRUPT at /home/x/db'))));
    const result = await handler(trusted, 'app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('SQLITE');
    expect(JSON.stringify(result)).not.toContain('/home');
  });
});

describe('sanitizeResult', () => {
  it('keeps the documented fields of an error and drops the rest', () => {
    const result = sanitizeResult({
      ok: false,
      error: { code: 'WRONG_PASSWORD', message: 'Falsches Passwort', retryAfterMs: 2000, stack: 'Error: at x', cause: 'y' },
    });
    expect(result).toEqual({ ok: false, error: { code: 'WRONG_PASSWORD', message: 'Falsches Passwort', retryAfterMs: 2000 } });
  });

  it('keeps field errors', () => {
    const result = sanitizeResult({ ok: false, error: { code: 'INVALID_INPUT', message: 'Bitte prüfen', fieldErrors: { name: 'Pflichtfeld' } } });
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Bitte prüfen', fieldErrors: { name: 'Pflichtfeld' } } });
  });

  it('keeps only ok and value of a success', () => {
    expect(sanitizeResult({ ok: true, value: [1], extra: 'x' })).toEqual({ ok: true, value: [1] });
  });

  it.each([[null], [undefined], ['ok'], [{}], [{ ok: false, error: { code: 'NOPE', message: 'x' } }], [{ ok: false, error: new Error('boom') }], [{ ok: true }]])(
    'replaces a malformed result %#',
    (value) => {
      const result = sanitizeResult(value);
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(ipcErrorCodes).toContain(result.ok ? '' : result.error.code);
    },
  );
});
