import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy } from './field-ids';

export interface FieldAria {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': boolean | undefined;
  'aria-required': boolean | undefined;
}

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  className?: string;
  children: (aria: FieldAria) => ReactNode;
}

/**
 * Label, hint, error and control of one field, wired together: the error sits right above the
 * control and is read with it (aria-describedby), and "Pflichtfeld" is written out, not a star.
 */
export function FieldFrame({ id, label, hint, error, required, className, children }: FieldFrameProps) {
  return (
    <div className={['field', error ? 'field-has-error' : '', className ?? ''].join(' ').trim()}>
      <label htmlFor={id} className="field-label">
        {label}
        <RequiredMark required={required} />
      </label>
      <FieldNotes id={id} hint={hint} error={error} />
      {children({
        id,
        'aria-describedby': describedBy(id, Boolean(hint), Boolean(error)),
        'aria-invalid': error ? true : undefined,
        'aria-required': required ? true : undefined,
      })}
    </div>
  );
}

/** "(Pflichtfeld)" written out after a label or legend, not a star. */
export function RequiredMark({ required }: { required: boolean | undefined }) {
  const { t } = useTranslation();
  return required ? <span className="field-required"> ({t('common.required')})</span> : null;
}

/** The hint and the error under a label or legend; their ids are what describedBy() names. */
export function FieldNotes({ id, hint, error }: { id: string; hint: ReactNode | undefined; error: string | undefined }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? <FieldErrorText id={`${id}-error`} message={error} /> : null}
    </>
  );
}

export function FieldErrorText({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}
