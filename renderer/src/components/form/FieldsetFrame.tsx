import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy } from './field-ids';
import { FieldErrorText } from './FieldFrame';

interface FieldsetFrameProps {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  className?: string;
  children: ReactNode;
}

/** A group of controls (radio buttons, a list) under one legend, with hint and error. */
export function FieldsetFrame({ id, legend, hint, error, required, className, children }: FieldsetFrameProps) {
  const { t } = useTranslation();
  return (
    <fieldset
      id={`${id}-group`}
      className={['field', 'field-group', error ? 'field-has-error' : '', className ?? ''].join(' ').trim()}
      aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
    >
      <legend className="field-label">
        {legend}
        {required ? <span className="field-required"> ({t('common.required')})</span> : null}
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? <FieldErrorText id={`${id}-error`} message={error} /> : null}
      {children}
    </fieldset>
  );
}
