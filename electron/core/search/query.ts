/**
 * The search module's read side. The implementations live in their own files; this module is
 * the entry point the person services import.
 */
export { searchPersons } from './search-persons';
export { findDuplicates, type DuplicateProbe } from './find-duplicates';
