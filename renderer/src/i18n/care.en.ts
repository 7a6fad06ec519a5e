import type { Strings } from './en';
import type { careDe } from './care.de';

export const careEn: Strings<typeof careDe> = {
  title: 'care',
};
