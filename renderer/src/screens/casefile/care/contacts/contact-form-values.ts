import type { ContactMode } from '../../../../../../shared/domain/contact';
import type { LifeDomain } from '../../../../../../shared/domain/life-domains';
import { optionalText, todayIso } from '../common/today';

export type InterpreterKind = 'professionell' | 'ehrenamtlich' | 'angehoerige' | 'telefon_video';

export interface ContactFormValues {
  contactDate: string;
  startTime: string;
  durationMinutes: string;
  mode: ContactMode;
  /** names or roles, separated by commas */
  participants: string;
  withInterpreter: boolean;
  interpreterLanguage: string;
  interpreterKind: InterpreterKind | '';
  topics: LifeDomain[];
  note: string;
}

export const contactFields = ['contactDate', 'startTime', 'durationMinutes', 'mode', 'participants', 'withInterpreter', 'interpreterLanguage', 'interpreterKind', 'topics', 'note'] as const;

export function emptyContactForm(): ContactFormValues {
  return {
    contactDate: todayIso(),
    startTime: '',
    durationMinutes: '',
    mode: 'persoenlich',
    participants: '',
    withInterpreter: false,
    interpreterLanguage: '',
    interpreterKind: '',
    topics: [],
    note: '',
  };
}

export function splitParticipants(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** As contactInputSchema's input: a number of minutes, a list of participants, the interpreter or none. */
export function contactFormToInput(values: ContactFormValues, caseId: string): unknown {
  const minutes = values.durationMinutes.trim();
  return {
    caseId,
    contactDate: values.contactDate,
    startTime: optionalText(values.startTime),
    durationMinutes: minutes === '' ? Number.NaN : Number(minutes.replace(',', '.')),
    mode: values.mode,
    participants: splitParticipants(values.participants),
    interpreter: values.withInterpreter ? { language: values.interpreterLanguage, kind: values.interpreterKind === '' ? undefined : values.interpreterKind } : undefined,
    topics: values.topics,
    note: values.note,
  };
}

/** Schema paths that differ from the form's fields. */
export function contactFormPath(path: string): string {
  if (path === 'interpreter.language') return 'interpreterLanguage';
  if (path === 'interpreter.kind') return 'interpreterKind';
  if (path.startsWith('participants.')) return 'participants';
  if (path.startsWith('topics.')) return 'topics';
  return path;
}
