import { KimError } from '../../../../shared/ipc/errors';
import { openCase } from '../../services/cases';
import type { HandlerDeps } from '../handlers';
import type { HandlerTable } from '../router';

// PLACEHOLDER while the services are being built; every entry is replaced by its service.
const notBuiltYet = (): never => {
  throw new KimError('INTERNAL', 'Noch nicht verfügbar.');
};

export type CaseHandlersChannels = 'reference.get' | 'cases.open' | 'cases.targetGroupCheck' | 'cases.get' | 'cases.movePhase' | 'cases.closeCheck' | 'cases.close' | 'cases.reopen' | 'cases.setInvolved' | 'persons.file' | 'household.list' | 'household.add' | 'household.remove' | 'legal.list' | 'legal.saveDomain' | 'legal.removeDomain' | 'deadlines.save' | 'deadlines.setDone' | 'themes.list' | 'themes.add' | 'themes.remove';

export function createCaseHandlers(deps: HandlerDeps): Pick<HandlerTable, CaseHandlersChannels> {
  return {
    'reference.get': notBuiltYet,
    'cases.open': (input) => openCase(deps.session.require(), input.personId),
    'cases.targetGroupCheck': notBuiltYet,
    'cases.get': notBuiltYet,
    'cases.movePhase': notBuiltYet,
    'cases.closeCheck': notBuiltYet,
    'cases.close': notBuiltYet,
    'cases.reopen': notBuiltYet,
    'cases.setInvolved': notBuiltYet,
    'persons.file': notBuiltYet,
    'household.list': notBuiltYet,
    'household.add': notBuiltYet,
    'household.remove': notBuiltYet,
    'legal.list': notBuiltYet,
    'legal.saveDomain': notBuiltYet,
    'legal.removeDomain': notBuiltYet,
    'deadlines.save': notBuiltYet,
    'deadlines.setDone': notBuiltYet,
    'themes.list': notBuiltYet,
    'themes.add': notBuiltYet,
    'themes.remove': notBuiltYet,
  };
}
