import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldFrame } from './FieldFrame';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  label: ReactNode;
  registration: UseFormRegisterReturn;
  options: SelectOption[];
  /** label of the empty first option; omit when a value is always chosen */
  emptyLabel?: string;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  width?: 's' | 'm' | 'l';
}

export function SelectField({ id, label, registration, options, emptyLabel, error, hint, required, width = 'l' }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required ?? false}>
      {(aria) => (
        <select {...aria} {...registration} className={`select input-${width}`}>
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
