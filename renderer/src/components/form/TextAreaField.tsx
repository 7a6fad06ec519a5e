import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldFrame } from './FieldFrame';

interface TextAreaFieldProps {
  id: string;
  label: ReactNode;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  rows?: number;
}

/** A multi-line text (notes, reasons) with label, hint and error wired like every field. */
export function TextAreaField({ id, label, registration, error, hint, required, rows = 3 }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required ?? false}>
      {(aria) => <textarea {...aria} {...registration} rows={rows} className="input input-l textarea" spellCheck />}
    </FieldFrame>
  );
}
