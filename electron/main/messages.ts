import type { IpcErrorPayload } from '../../shared/ipc/errors';

/** German messages of the errors the shell itself produces; never a stack trace. */
export const shellErrors = {
  forbiddenSender: {
    code: 'FORBIDDEN_SENDER',
    message: 'Diese Anfrage wurde abgelehnt, weil sie nicht aus dem Hauptfenster der App stammt.',
  },
  unknownChannel: {
    code: 'UNKNOWN_CHANNEL',
    message: 'Diese Funktion gibt es in der App nicht.',
  },
  coreUnavailable: {
    code: 'INTERNAL',
    message: 'Der lokale Datenspeicher antwortet nicht. Bitte starten Sie die App neu. Gespeicherte Daten bleiben erhalten.',
  },
  internal: {
    code: 'INTERNAL',
    message: 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut.',
  },
} as const satisfies Record<string, IpcErrorPayload>;
