import { syncErrorMessages } from '../../../shared/sync';

/**
 * German messages of the device's sync client that the server cannot send itself (it was not
 * reached, or what came back cannot be trusted). The server's own refusals carry their message.
 */
export const syncMessages = {
  badUrl: 'Die Serveradresse ist ungültig. Bitte geben Sie sie so ein, wie Sie sie erhalten haben, z. B. https://sync.kreis.de',
  insecureUrl:
    'Die Serveradresse muss mit https:// beginnen. Unverschlüsselte Verbindungen sind nur zu diesem Computer selbst erlaubt.',
  unreachable: 'Der Server ist nicht erreichbar. Bitte prüfen Sie die Adresse und die Netzwerkverbindung.',
  timeout: 'Der Server hat nicht rechtzeitig geantwortet. Die Synchronisation wird später wiederholt.',
  notAServer: 'Unter dieser Adresse antwortet kein KIM-Synchronisationsserver. Bitte prüfen Sie die Adresse.',
  fingerprintMismatch:
    'Der Fingerabdruck stimmt nicht überein. Das Gerät wurde NICHT registriert. Bitte prüfen Sie die Adresse und rufen Sie die IT des Kreises an.',
  notEnrolled: 'Dieses Gerät ist noch nicht registriert. Bitte registrieren Sie es unter Einstellungen → „Gerät registrieren“.',
  untrustedAnswer:
    'Die Antwort des Servers konnte nicht als echt bestätigt werden. Es wurde nichts übernommen; die Synchronisation wird später wiederholt.',
  invalidAnswer: 'Der Server hat eine unerwartete Antwort geschickt. Es wurde nichts übernommen.',
  serverError: 'Auf dem Server ist ein Fehler aufgetreten. Die Synchronisation wird später wiederholt.',
  locked: 'Die Synchronisation wurde abgebrochen, weil die Fallakte gesperrt wurde.',
  tooManyRounds: 'Die Synchronisation ist noch nicht fertig geworden und wird gleich fortgesetzt.',
  conflictNotFound: 'Dieser Konflikt wurde nicht gefunden oder ist schon entschieden.',
  conflictValueInvalid: 'Der gewählte Wert passt nicht zu diesem Feld. Bitte prüfen Sie die Eingabe.',
  conflictRowMissing: 'Der Datensatz dieses Konflikts ist auf diesem Gerät nicht mehr vorhanden.',
  outOfScope: syncErrorMessages.OUT_OF_SCOPE,
  revoked: syncErrorMessages.DEVICE_REVOKED,
} as const;

export const wipedProfileMessage =
  'Dieses Gerät wurde von der Verwaltung gesperrt. Die Fallakte dieses Profils wurde deshalb gelöscht und kann nicht mehr geöffnet werden. Bitte wenden Sie sich an die IT des Kreises.';
