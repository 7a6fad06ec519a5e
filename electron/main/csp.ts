/**
 * The Content-Security-Policy of every response the shell serves. Everything is `'self'` or
 * `'none'`: the renderer is a local bundle that needs no network, no inline script, no eval, no
 * plugins and no frames. A successful XSS can therefore load nothing from outside and send
 * nothing out. Inline `style="…"` attributes stay refused too; React's `style` prop sets CSSOM
 * properties, which CSP does not govern.
 */
const directives: ReadonlyArray<readonly [string, ...string[]]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self'", 'data:'],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['media-src', "'none'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['child-src', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
  ['base-uri', "'none'"],
];

export const contentSecurityPolicy = directives.map((parts) => parts.join(' ')).join('; ');

/** Headers that go on every response of the `app://` protocol, errors included. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Adds the CSP to a response header map from `webRequest.onHeadersReceived`, replacing any CSP
 * the response brought along (whatever its letter case), so no other origin can loosen it.
 */
export function withContentSecurityPolicy(
  headers: Readonly<Record<string, string[] | string>> | undefined,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? [...value] : [value];
  }
  result['Content-Security-Policy'] = [contentSecurityPolicy];
  return result;
}
