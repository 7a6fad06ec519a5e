import { assessmentHistoryOfCase, recordAssessment } from '../../casework/care/assessments';
import { consentsOfPerson, createConsent, withdrawConsent } from '../../casework/care/consents';
import { contactsOfCase, correctNote, createContact } from '../../casework/care/contacts';
import { createGoal, createStep, goalsOfCase, setStepDone, updateGoal } from '../../casework/care/plan';
import { createReferral, referralsOfCase, updateReferral } from '../../casework/care/referrals';
import type { HandlerDeps } from '../handlers';
import type { HandlerTable } from '../router';

export type CareHandlersChannels = 'consents.list' | 'consents.create' | 'consents.withdraw' | 'assessments.history' | 'assessments.record' | 'goals.list' | 'goals.create' | 'goals.update' | 'steps.create' | 'steps.setDone' | 'contacts.list' | 'contacts.create' | 'contacts.correctNote' | 'referrals.list' | 'referrals.create' | 'referrals.update';

/** Consents, referrals, assessment, Hilfeplan and contacts: the care work on a case. */
export function createCareHandlers(deps: HandlerDeps): Pick<HandlerTable, CareHandlersChannels> {
  const ws = () => deps.session.require();
  return {
    'consents.list': (input) => consentsOfPerson(ws(), input.personId),
    'consents.create': (input) => createConsent(ws(), input),
    'consents.withdraw': (input) => withdrawConsent(ws(), input),
    'assessments.history': (input) => assessmentHistoryOfCase(ws(), input.caseId),
    'assessments.record': (input) => recordAssessment(ws(), input),
    'goals.list': (input) => goalsOfCase(ws(), input.caseId),
    'goals.create': (input) => createGoal(ws(), input),
    'goals.update': (input) => updateGoal(ws(), input),
    'steps.create': (input) => createStep(ws(), input),
    'steps.setDone': (input) => setStepDone(ws(), input),
    'contacts.list': (input) => contactsOfCase(ws(), input.caseId),
    'contacts.create': (input) => createContact(ws(), input),
    'contacts.correctNote': (input) => correctNote(ws(), input),
    'referrals.list': (input) => referralsOfCase(ws(), input.caseId),
    'referrals.create': (input) => createReferral(ws(), input),
    'referrals.update': (input) => updateReferral(ws(), input),
  };
}
