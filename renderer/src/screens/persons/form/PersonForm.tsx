import type { FormEvent, ReactNode } from 'react';
import { get } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/form/ErrorSummary';
import { summaryItems } from '../../../forms/summary-items';
import { BirthSection } from './BirthSection';
import { ContactSection } from './ContactSection';
import { NameSection } from './NameSection';
import { OriginSection } from './OriginSection';
import { personFieldLabel, personErrorText, personFieldTarget } from './person-error-text';
import { personFormId, type SectionProps } from './person-form-context';
import { ResidenceSection } from './ResidenceSection';

interface PersonFormProps extends Omit<SectionProps, 'errorFor'> {
  formError: string | null;
  /** changes with each failed attempt (validation or core), so the summary takes focus again */
  attempt: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** the submit buttons, or the duplicate warning in their place */
  footer: ReactNode;
}

/** The person form for create and edit; what happens on submit is the screen's business. */
export function PersonForm({ form, catalogs, formError, attempt, onSubmit, footer }: PersonFormProps) {
  const { t } = useTranslation();
  const errors = form.formState.errors;
  const errorFor = (path: string) => {
    const message = (get(errors, path) as { message?: unknown } | undefined)?.message;
    return typeof message === 'string' ? personErrorText(path, message, t) : undefined;
  };
  const items = summaryItems(
    personFormId,
    errors,
    (path, message) => `${personFieldLabel(path, t)}: ${personErrorText(path, message, t)}`,
    formError,
    personFieldTarget,
  );
  const sectionProps: SectionProps = { form, catalogs, errorFor };

  return (
    <>
      <ErrorSummary items={items} attempt={attempt} />
      <form onSubmit={onSubmit} noValidate aria-busy={form.formState.isSubmitting} className="person-form">
        <NameSection {...sectionProps} />
        <BirthSection {...sectionProps} />
        <OriginSection {...sectionProps} />
        <ResidenceSection {...sectionProps} />
        <ContactSection {...sectionProps} />
        {footer}
      </form>
    </>
  );
}
