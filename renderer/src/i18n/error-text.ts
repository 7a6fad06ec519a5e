import type { IpcErrorCode } from '../../../shared/ipc/errors';
import { KimApiError } from '../api';
import { i18n } from './setup';

/**
 * The core's messages are German and precise, so the German UI shows them unchanged. The English
 * UI shows a translation by code; the German original is kept where there is none.
 */
const englishByCode: Partial<Record<IpcErrorCode, string>> = {
  INVALID_INPUT: 'Some entries are not valid.',
  LOCKED: 'The case files are locked.',
  WRONG_PASSWORD: 'The password is not correct.',
  TOO_MANY_ATTEMPTS: 'Too many wrong attempts. Please wait a moment.',
  WEAK_PASSWORD: 'The password does not meet the rules.',
  PROFILE_EXISTS: 'A profile with this name already exists.',
  PROFILE_NOT_FOUND: 'This profile was not found.',
  DATABASE_QUARANTINED: 'The case files could not be opened and were set aside.',
  DATABASE_TOO_NEW: 'The case files were created by a newer version of the app. Please update KIM Fallakte.',
  NOT_FOUND: 'Not found.',
  CONSENT_REQUIRED: 'There is no valid consent for this partner.',
  NOT_ALLOWED: 'Your role does not allow this.',
  INVALID_TRANSITION: 'This step is not possible in the current phase.',
  CLOSE_BLOCKED: 'The case still has open goals or tasks.',
  TARGET_GROUP_NOT_MET: 'The target-group criteria are not met; please give a reason.',
  APPEND_ONLY: 'Notes cannot be changed; add a correction instead.',
  TOO_LARGE: 'The file is too large.',
  UNSUPPORTED_FILE: 'This kind of file is not accepted.',
  INTERNAL: 'An unexpected error occurred.',
};

const fallbackDe = 'Ein unerwarteter Fehler ist aufgetreten.';

export function errorText(error: unknown): string {
  if (error instanceof KimApiError) {
    if (i18n.language === 'en') return englishByCode[error.code] ?? error.message;
    return error.message;
  }
  return i18n.language === 'en' ? (englishByCode.INTERNAL ?? fallbackDe) : fallbackDe;
}
