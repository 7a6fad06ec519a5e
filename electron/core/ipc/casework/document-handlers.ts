import { addDocument, documentContent, listDocumentsOfPerson, removeDocument } from '../../casework/documents/documents';
import type { HandlerDeps } from '../handlers';
import type { HandlerTable } from '../router';

export type DocumentHandlersChannels = 'documents.list' | 'documents.add' | 'documents.content' | 'documents.remove';

export function createDocumentHandlers(deps: HandlerDeps): Pick<HandlerTable, DocumentHandlersChannels> {
  const ws = () => deps.session.require();
  return {
    'documents.list': (input) => listDocumentsOfPerson(ws(), input),
    'documents.add': (input) => addDocument(ws(), input),
    'documents.content': (input) => documentContent(ws(), input.id),
    'documents.remove': (input) => removeDocument(ws(), input.id),
  };
}
