import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders, withContentSecurityPolicy } from '../../../electron/main/csp';

const directives = new Map(
  contentSecurityPolicy.split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/);
    return [name, values] as const;
  }),
);

describe('content security policy', () => {
  it('denies by default', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });

  it('allows scripts only from our own origin: no inline, no eval, no remote', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toContain("'unsafe-inline'");
    expect(contentSecurityPolicy).not.toContain("'unsafe-eval'");
    expect(contentSecurityPolicy).not.toContain('http:');
    expect(contentSecurityPolicy).not.toContain('https:');
    expect(contentSecurityPolicy).not.toMatch(/(^|\s)\*(\s|;|$)/);
  });

  it('closes objects, frames, forms, base and embedding', () => {
    for (const name of ['object-src', 'frame-src', 'child-src', 'frame-ancestors', 'form-action', 'base-uri', 'media-src']) {
      expect(directives.get(name), name).toEqual(["'none'"]);
    }
  });

  it('lets the page talk only to itself', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('style-src')).toEqual(["'self'"]);
  });

  it('is part of the security headers, with nosniff', () => {
    expect(securityHeaders['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(securityHeaders['X-Content-Type-Options']).toBe('nosniff');
  });

  it('replaces any CSP a foreign response brings, whatever its case', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ["default-src *"],
      'Content-Type': ['text/html'],
      'X-Single': 'value',
    });
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(headers['X-Single']).toEqual(['value']);
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy] });
  });
});
