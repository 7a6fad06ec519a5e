import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldFrame } from '../../../../components/form/FieldFrame';

interface TextAreaFieldProps {
  id: string;
  label: ReactNode;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  rows?: number;
}

/** A multi-line text (situation, note, reason) with label, hint and error wired like TextField. */
export function TextAreaField({ id, label, registration, error, hint, required, rows = 3 }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required ?? false}>
      {(aria) => <textarea {...aria} {...registration} rows={rows} className="input input-l care-textarea" spellCheck />}
    </FieldFrame>
  );
}
