import type { ReactNode } from 'react';
import { describedBy } from './field-ids';
import { FieldNotes, RequiredMark } from './FieldFrame';

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
  return (
    <fieldset
      id={`${id}-group`}
      className={['field', 'field-group', error ? 'field-has-error' : '', className ?? ''].join(' ').trim()}
      aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
    >
      <legend className="field-label">
        {legend}
        <RequiredMark required={required} />
      </legend>
      <FieldNotes id={id} hint={hint} error={error} />
      {children}
    </fieldset>
  );
}
