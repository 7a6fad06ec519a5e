import { defaultCatalogs } from '../../../shared/catalogs/catalogs';
import { verifyAuditChain } from '../audit/audit-log';
import { latestSchemaVersion } from '../migrations/index';
import { listProfiles } from '../profiles/profile-repo';
import { casesForPerson, myCases } from '../services/cases';
import { createPerson, findDuplicatePersons, getPerson, searchPersonList, updatePerson } from '../services/persons';
import { getSettings, updateSettings } from '../services/settings';
import type { NoticeBook } from '../store/quarantine';
import { changePassword, createProfile, sessionStatus, unlock, type ProfileActionsDeps } from '../session/profile-actions';
import type { SyncService } from '../sync/service';
import type { HandlerTable } from './router';
import { createCaseHandlers } from './casework/case-handlers';
import { createCareHandlers } from './casework/care-handlers';
import { createTaskHandlers } from './casework/task-handlers';
import { createDocumentHandlers } from './casework/document-handlers';

export interface HandlerDeps extends ProfileActionsDeps {
  readonly appVersion: string;
  readonly notices: NoticeBook;
  readonly sync: SyncService;
}

/** Every channel of the contract, wired to its service. */
export function createHandlers(deps: HandlerDeps): HandlerTable {
  const { session } = deps;
  return {
    'app.info': () => ({ version: deps.appVersion, schemaVersion: latestSchemaVersion }),

    'profiles.list': () => listProfiles(deps.dataDir),
    'profiles.create': (input) => createProfile(deps, input),

    'session.status': () => sessionStatus(session),
    'session.unlock': (input) => unlock(deps, input),
    'session.lock': () => {
      session.lock();
      return sessionStatus(session);
    },
    'session.changePassword': (input) => changePassword(deps, input),
    'store.notices': () => deps.notices.list(),

    'settings.get': () => getSettings(session.require().db),
    'settings.update': (input) => updateSettings(session.require().db, input),

    'catalogs.get': () => defaultCatalogs,

    'persons.create': (input) => createPerson(session.require(), input),
    'persons.update': (input) => updatePerson(session.require(), input.id, input.person),
    'persons.get': (input) => getPerson(session.require(), input.id),
    'persons.search': (input) => searchPersonList(session.require(), input),
    'persons.findDuplicates': (input) => findDuplicatePersons(session.require(), input),

    'cases.forPerson': (input) => casesForPerson(session.require(), input.personId),
    'cases.mine': () => myCases(session.require()),

    'audit.verify': () => verifyAuditChain(session.require().db),

    'sync.probeServer': (input) => deps.sync.probe(input),
    'sync.enroll': (input) => deps.sync.enroll(input),
    'sync.status': () => deps.sync.status(),
    'sync.now': () => deps.sync.syncNow(),
    'sync.settings.get': () => deps.sync.settings(),
    'sync.settings.update': (input) => deps.sync.updateSettings(input),
    'sync.conflicts': () => deps.sync.conflicts(),
    'sync.resolveConflict': (input) => deps.sync.resolve(input),

    ...createCaseHandlers(deps),
    ...createCareHandlers(deps),
    ...createTaskHandlers(deps),
    ...createDocumentHandlers(deps),
  };
}
