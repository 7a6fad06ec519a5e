import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy } from './field-ids';
import { FieldErrorText } from './FieldFrame';

interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  hint?: ReactNode;
  /** for a checkbox inside a group: the value it adds to the group's array */
  value?: string;
}

/** One checkbox with its label to the right; a hint and an error sit above it, read with it. */
export function CheckboxField({ id, label, registration, error, hint, value }: CheckboxFieldProps) {
  return (
    <div className={['field', error ? 'field-has-error' : ''].join(' ').trim()}>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? <FieldErrorText id={`${id}-error`} message={error} /> : null}
      <div className="choice">
        <input
          {...registration}
          type="checkbox"
          id={id}
          value={value}
          className="choice-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        />
        <label htmlFor={id} className="choice-label">
          {label}
        </label>
      </div>
    </div>
  );
}
