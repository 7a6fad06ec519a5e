/**
 * Password rules for a profile: at least 12 characters — a passphrase of several words is the
 * easiest way there — and not one character repeated. Returns a German message, or null.
 */
export const minPasswordLength = 12;

export function passwordProblem(password: string): string | null {
  if ([...password].length < minPasswordLength) {
    return `Das Passwort ist zu kurz: mindestens ${minPasswordLength} Zeichen. Tipp: eine Passphrase aus mehreren Wörtern, z. B. „Kaffee Fahrrad Wolke Sieben“.`;
  }
  if (/^(.)\1+$/u.test(password)) {
    return 'Das Passwort darf nicht aus einem einzigen wiederholten Zeichen bestehen.';
  }
  return null;
}
