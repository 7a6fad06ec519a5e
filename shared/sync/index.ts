/** The sync protocol, shared by the device's sync client and the county server. */
export * from './limits';
export * from './protocol';
export * from './pull-page-check';
export * from './errors';
export * from './merge';
export * from './canonical-json';
export * from './encoding';
export * from './gzip';
export * from './keys';
export * from './envelope';
export * from './proof';
export * from './enroll-signature';
export * from './scope';
