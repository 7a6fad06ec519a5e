export { call, onLocked } from './client';
export { KimApiError, isKimApiError } from './api-error';
export { findBridge } from './bridge';
