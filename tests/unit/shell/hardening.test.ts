import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/main/csp';
import { hardenSession, hardenWebContents } from '../../../electron/main/hardening';
import { denyDevicePermission, denyPermissionCheck, denyPermissionRequest } from '../../../electron/main/permissions';

type OpenHandler = (details: { url: string }) => { action: string };

class FakeWebContents extends EventEmitter {
  openHandler: OpenHandler | undefined;
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }
}

const navigationEvent = (url: string) => ({ url, preventDefault: vi.fn() });

function harden() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn();
  hardenWebContents(contents as unknown as WebContents, { openExternal, log: () => undefined });
  return { contents, openExternal };
}

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: stays on app://kim', (eventName) => {
    const { contents } = harden();
    const inside = navigationEvent('app://kim/faelle');
    contents.emit(eventName, inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://evil/', 'javascript:alert(1)']) {
      const outside = navigationEvent(url);
      contents.emit(eventName, outside);
      expect(outside.preventDefault, url).toHaveBeenCalledOnce();
    }
  });

  it('refuses every <webview>', () => {
    const { contents } = harden();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('denies every new window and opens only https links externally', () => {
    const { contents, openExternal } = harden();
    expect(contents.openHandler?.({ url: 'https://www.bamf.de/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://www.bamf.de/');
    openExternal.mockClear();
    for (const url of ['http://example.org/', 'file:///C:/x.exe', 'app://kim/index.html', 'smb://host/share']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('denies every permission request', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'unknown']) {
      const callback = vi.fn();
      denyPermissionRequest({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
    }
    warn.mockRestore();
  });

  it('answers every check and device request with no', () => {
    expect(denyPermissionCheck()).toBe(false);
    expect(denyDevicePermission()).toBe(false);
  });
});

describe('hardenSession', () => {
  it('installs the deny-all handlers and the CSP on foreign responses', () => {
    let headersListener: ((details: { responseHeaders?: Record<string, string[]> }, callback: (response: unknown) => void) => void) | undefined;
    const fake = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn((listener: typeof headersListener) => (headersListener = listener)) },
    };
    hardenSession(fake as unknown as Session);
    expect(fake.setPermissionRequestHandler).toHaveBeenCalledWith(denyPermissionRequest);
    expect(fake.setPermissionCheckHandler).toHaveBeenCalledWith(denyPermissionCheck);
    expect(fake.setDevicePermissionHandler).toHaveBeenCalledWith(denyDevicePermission);
    const callback = vi.fn();
    headersListener?.({ responseHeaders: { 'content-security-policy': ['default-src *'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
});
