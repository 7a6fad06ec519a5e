import type { CustomScheme } from 'electron';
import { appScheme } from './app-identity';

/**
 * `app://` as a standard, secure scheme: a real origin for `'self'` in the CSP, relative URLs,
 * fetch of our own assets. Deliberately not `bypassCSP`, not `corsEnabled` (no other origin may
 * read from it), no service workers.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
    bypassCSP: false,
    corsEnabled: false,
    allowServiceWorkers: false,
    stream: false,
  },
};
