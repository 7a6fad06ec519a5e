import type { Strings } from './en';
import type { caseFileDe } from './case-file.de';

export const caseFileEn: Strings<typeof caseFileDe> = {
  title: 'caseFile',
};
