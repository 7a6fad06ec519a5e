import type { FastifyServerOptions } from 'fastify';

/**
 * Log lines carry method, route, status, duration and device id — never a body, a query string,
 * a header value, a key or an error message (a database error can quote a value). Fastify's own
 * request logging is off; `app.ts` writes the one line per request.
 */
export function loggerOptions(level: string | false, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  if (level === false) return false;
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: ['req.headers', 'req.body', 'res.headers', 'body', 'payload'], remove: true },
    serializers: {
      req: (request: { method?: string; routeOptions?: { url?: string } }) => ({
        method: request.method,
        route: request.routeOptions?.url,
      }),
      res: (reply: { statusCode?: number }) => ({ status: reply.statusCode }),
      // Type and code only; the message and stack stay out of the log on purpose.
      err: (error: { name?: string; code?: string }) => ({ type: error.name ?? 'Error', code: error.code, message: '', stack: '' }),
    },
  };
}
