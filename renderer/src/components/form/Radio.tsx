import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

interface RadioProps {
  id: string;
  value: string;
  label: ReactNode;
  registration: UseFormRegisterReturn;
}

export function Radio({ id, value, label, registration }: RadioProps) {
  return (
    <div className="choice">
      <input {...registration} type="radio" id={id} value={value} className="choice-input" />
      <label htmlFor={id} className="choice-label">
        {label}
      </label>
    </div>
  );
}
