import { KimError } from '../../../../shared/ipc/errors';
import type { HandlerDeps } from '../handlers';
import type { HandlerTable } from '../router';

// PLACEHOLDER while the services are being built; every entry is replaced by its service.
const notBuiltYet = (): never => {
  throw new KimError('INTERNAL', 'Noch nicht verfügbar.');
};

export type CareHandlersChannels = 'consents.list' | 'consents.create' | 'consents.withdraw' | 'assessments.history' | 'assessments.record' | 'goals.list' | 'goals.create' | 'goals.update' | 'steps.create' | 'steps.setDone' | 'contacts.list' | 'contacts.create' | 'contacts.correctNote' | 'referrals.list' | 'referrals.create' | 'referrals.update';

export function createCareHandlers(deps: HandlerDeps): Pick<HandlerTable, CareHandlersChannels> {
  void deps;
  return {
    'consents.list': notBuiltYet,
    'consents.create': notBuiltYet,
    'consents.withdraw': notBuiltYet,
    'assessments.history': notBuiltYet,
    'assessments.record': notBuiltYet,
    'goals.list': notBuiltYet,
    'goals.create': notBuiltYet,
    'goals.update': notBuiltYet,
    'steps.create': notBuiltYet,
    'steps.setDone': notBuiltYet,
    'contacts.list': notBuiltYet,
    'contacts.create': notBuiltYet,
    'contacts.correctNote': notBuiltYet,
    'referrals.list': notBuiltYet,
    'referrals.create': notBuiltYet,
    'referrals.update': notBuiltYet,
  };
}
