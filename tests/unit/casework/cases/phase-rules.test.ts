import { describe, expect, it } from 'vitest';
import { checkPhaseMove } from '../../../../electron/core/casework/cases/phase-rules';
import { casePhases, type CasePhase } from '../../../../shared/domain/case';
import { KimError } from '../../../../shared/ipc/errors';

function outcome(from: CasePhase, to: CasePhase): 'ok' | string {
  try {
    checkPhaseMove(from, to);
    return 'ok';
  } catch (error) {
    if (!(error instanceof KimError)) throw error;
    expect(error.code).toBe('INVALID_TRANSITION');
    return error.message;
  }
}

describe('phase moves (pure, DGCC sequence)', () => {
  it('forward exactly one step, back to any earlier phase, nothing out of Abschluss, never to the same phase', () => {
    for (const [fromIndex, from] of casePhases.entries()) {
      for (const [toIndex, to] of casePhases.entries()) {
        const allowed = from !== 'abschluss' && (toIndex === fromIndex + 1 || toIndex < fromIndex);
        expect(outcome(from, to) === 'ok', `${from} → ${to}`).toBe(allowed);
      }
    }
  });

  it('says what is possible instead', () => {
    expect(outcome('zugang', 'hilfeplanung')).toBe(
      'Von „Zugang / Erstkontakt“ nach „Hilfeplanung“ können keine Phasen übersprungen werden. Möglich ist: weiter zu „Clearing / Assessment“.',
    );
    expect(outcome('hilfeplanung', 'hilfeplanung')).toBe(
      'Der Fall ist bereits in der Phase „Hilfeplanung“. Möglich ist: weiter zu „Umsetzung und Monitoring“; zurück zu „Zugang / Erstkontakt“ oder „Clearing / Assessment“.',
    );
    expect(outcome('umsetzung', 'umsetzung')).toContain('weiter mit „Fall abschließen“');
    expect(outcome('abschluss', 'umsetzung')).toBe('Der Fall ist abgeschlossen. Um weiterzuarbeiten, bitte den Fall wieder öffnen.');
  });
});
