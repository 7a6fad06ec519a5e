import { casePhases, type CasePhase } from '../../../../shared/domain/case';
import { KimError } from '../../../../shared/ipc/errors';

/** German names of the phases, for messages (the UI has its own i18n labels). */
export const phaseNames: Readonly<Record<CasePhase, string>> = {
  zugang: 'Zugang / Erstkontakt',
  clearing: 'Clearing / Assessment',
  hilfeplanung: 'Hilfeplanung',
  umsetzung: 'Umsetzung und Monitoring',
  abschluss: 'Abschluss / Evaluation',
};

const quoted = (phase: CasePhase): string => `„${phaseNames[phase]}“`;

/**
 * The DGCC sequence (pure): forward exactly one phase at a time, back to any earlier phase
 * (the plan is reworked, the assessment repeated). Closing and reopening have their own paths
 * (reason, open-items check), so nothing moves out of 'abschluss' here, and a move to
 * 'abschluss' is only the next step after 'umsetzung' for callers that close.
 * Throws INVALID_TRANSITION with a message that says what is possible instead.
 */
export function checkPhaseMove(from: CasePhase, to: CasePhase): void {
  const fromIndex = casePhases.indexOf(from);
  const toIndex = casePhases.indexOf(to);
  if (from === 'abschluss') {
    throw new KimError('INVALID_TRANSITION', 'Der Fall ist abgeschlossen. Um weiterzuarbeiten, bitte den Fall wieder öffnen.');
  }
  if (toIndex === fromIndex) {
    throw new KimError('INVALID_TRANSITION', `Der Fall ist bereits in der Phase ${quoted(from)}. ${possibleMoves(from)}`);
  }
  if (toIndex > fromIndex + 1) {
    throw new KimError(
      'INVALID_TRANSITION',
      `Von ${quoted(from)} nach ${quoted(to)} können keine Phasen übersprungen werden. ${possibleMoves(from)}`,
    );
  }
}

/** "Möglich: weiter zu …, zurück zu …" for the phase the case is in. */
export function possibleMoves(from: CasePhase): string {
  const index = casePhases.indexOf(from);
  const next = casePhases[index + 1];
  const earlier = casePhases.slice(0, index);
  const parts: string[] = [];
  if (next === 'abschluss') parts.push(`weiter mit „Fall abschließen“`);
  else if (next) parts.push(`weiter zu ${quoted(next)}`);
  if (earlier.length > 0) parts.push(`zurück zu ${earlier.map(quoted).join(' oder ')}`);
  return `Möglich ist: ${parts.join('; ')}.`;
}
