import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  registration: UseFormRegisterReturn;
  /** for a checkbox inside a group: the value it adds to the group's array */
  value?: string;
}

/** One checkbox with its label, a large target like the radio buttons. */
export function CheckboxField({ id, label, registration, value }: CheckboxFieldProps) {
  return (
    <div className="choice">
      <input {...registration} type="checkbox" id={id} value={value} className="choice-input" />
      <label htmlFor={id} className="choice-label">
        {label}
      </label>
    </div>
  );
}
