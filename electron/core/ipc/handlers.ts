import { defaultCatalogs } from '../../../shared/catalogs/catalogs';
import { verifyAuditChain } from '../audit/audit-log';
import { latestSchemaVersion } from '../migrations/index';
import { listProfiles } from '../profiles/profile-repo';
import { casesForPerson, myCases, openCase } from '../services/cases';
import { createPerson, findDuplicatePersons, getPerson, searchPersonList, updatePerson } from '../services/persons';
import { getSettings, updateSettings } from '../services/settings';
import type { NoticeBook } from '../store/quarantine';
import { changePassword, createProfile, sessionStatus, unlock, type ProfileActionsDeps } from '../session/profile-actions';
import type { HandlerTable } from './router';
import { KimError } from '../../../shared/ipc/errors';

export interface HandlerDeps extends ProfileActionsDeps {
  readonly appVersion: string;
  readonly notices: NoticeBook;
}

function syncNotBuilt(): never {
  throw new KimError('INTERNAL', 'Die Synchronisation ist in dieser Version noch nicht verfügbar.');
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

    'cases.open': (input) => openCase(session.require(), input.personId),
    'cases.forPerson': (input) => casesForPerson(session.require(), input.personId),
    'cases.mine': () => myCases(session.require()),

    'audit.verify': () => verifyAuditChain(session.require().db),

    // PLACEHOLDER until the sync client lands (issue 3): refuse clearly instead of pretending.
    'sync.probeServer': syncNotBuilt,
    'sync.enroll': syncNotBuilt,
    'sync.status': syncNotBuilt,
    'sync.now': syncNotBuilt,
    'sync.settings.get': syncNotBuilt,
    'sync.settings.update': syncNotBuilt,
    'sync.conflicts': syncNotBuilt,
    'sync.resolveConflict': syncNotBuilt,
  };
}
