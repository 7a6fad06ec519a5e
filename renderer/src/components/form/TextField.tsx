import type { HTMLInputTypeAttribute, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldFrame } from './FieldFrame';

interface TextFieldProps {
  id: string;
  label: ReactNode;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  type?: HTMLInputTypeAttribute;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  /** visual width in characters; long inputs for short values are hard to read */
  width?: 'xs' | 's' | 'm' | 'l';
  autoFocus?: boolean;
  spellCheck?: boolean;
}

export function TextField({ id, label, registration, error, hint, required, type = 'text', autoComplete, inputMode, width = 'l', autoFocus, spellCheck }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required ?? false}>
      {(aria) => (
        <input
          {...aria}
          {...registration}
          type={type}
          className={`input input-${width}`}
          autoComplete={autoComplete ?? 'off'}
          inputMode={inputMode}
          autoFocus={autoFocus}
          spellCheck={spellCheck ?? false}
        />
      )}
    </FieldFrame>
  );
}
