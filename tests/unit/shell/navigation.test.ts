import { describe, expect, it } from 'vitest';
import { decideWindowOpen, isAllowedNavigation, isSafeExternalUrl } from '../../../electron/main/navigation';

describe('isAllowedNavigation', () => {
  it('allows our own protocol only', () => {
    expect(isAllowedNavigation('app://kim/index.html')).toBe(true);
    expect(isAllowedNavigation('app://kim/personen/1')).toBe(true);
  });

  it.each([
    'https://example.org/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://kim:1/index.html',
    'app://user@kim/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'chrome://settings',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts https links', () => {
    expect(isSafeExternalUrl('https://www.bamf.de/DE/Themen/themen-node.html')).toBe(true);
    expect(isSafeExternalUrl('https://kreis.example/aufenthalt?x=1#y')).toBe(true);
  });

  it.each([
    'http://www.bamf.de/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'javascript:alert(1)',
    'mailto:a@b.de',
    'app://kim/index.html',
    'https://user:pass@example.org/',
    'https://user@example.org/',
    `https://example.org/${'a'.repeat(3000)}`,
    'https://',
    'nonsense',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('decideWindowOpen', () => {
  it('never opens a window, hands https links to the browser', () => {
    expect(decideWindowOpen('https://example.org/a b')).toEqual({
      action: 'deny',
      openExternally: 'https://example.org/a%20b',
    });
  });

  it('denies everything else without opening anything', () => {
    for (const url of ['http://example.org/', 'app://kim/index.html', 'file:///etc/passwd', 'about:blank']) {
      expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: null });
    }
  });
});
