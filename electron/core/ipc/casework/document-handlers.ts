import { KimError } from '../../../../shared/ipc/errors';
import type { HandlerDeps } from '../handlers';
import type { HandlerTable } from '../router';

// PLACEHOLDER while the services are being built; every entry is replaced by its service.
const notBuiltYet = (): never => {
  throw new KimError('INTERNAL', 'Noch nicht verfügbar.');
};

export type DocumentHandlersChannels = 'documents.list' | 'documents.add' | 'documents.content' | 'documents.remove';

export function createDocumentHandlers(deps: HandlerDeps): Pick<HandlerTable, DocumentHandlersChannels> {
  void deps;
  return {
    'documents.list': notBuiltYet,
    'documents.add': notBuiltYet,
    'documents.content': notBuiltYet,
    'documents.remove': notBuiltYet,
  };
}
