import { KimError } from '../../../../shared/ipc/errors';
import type { HandlerDeps } from '../handlers';
import type { HandlerTable } from '../router';

// PLACEHOLDER while the services are being built; every entry is replaced by its service.
const notBuiltYet = (): never => {
  throw new KimError('INTERNAL', 'Noch nicht verfügbar.');
};

export type TaskHandlersChannels = 'tasks.list' | 'tasks.create' | 'tasks.setStatus' | 'tasks.today' | 'tasks.ruleSettings.get' | 'tasks.ruleSettings.update';

export function createTaskHandlers(deps: HandlerDeps): Pick<HandlerTable, TaskHandlersChannels> {
  void deps;
  return {
    'tasks.list': notBuiltYet,
    'tasks.create': notBuiltYet,
    'tasks.setStatus': notBuiltYet,
    'tasks.today': notBuiltYet,
    'tasks.ruleSettings.get': notBuiltYet,
    'tasks.ruleSettings.update': notBuiltYet,
  };
}
