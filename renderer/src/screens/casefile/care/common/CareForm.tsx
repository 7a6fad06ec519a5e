import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryItem } from '../../../../components/form/ErrorSummary';

interface CareFormProps {
  id: string;
  /** the form's name for assistive technology (its heading's text) */
  labelledBy?: string;
  items: SummaryItem[];
  attempt: string;
  busy: boolean;
  submitLabel: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel?: () => void;
  className?: string;
  children: ReactNode;
}

/** The frame of every care form: error summary, fields, save and cancel. */
export function CareForm({ id, labelledBy, items, attempt, busy, submitLabel, onSubmit, onCancel, className, children }: CareFormProps) {
  const { t } = useTranslation();
  return (
    <div className={['care-form', className ?? ''].join(' ').trim()}>
      <ErrorSummary items={items} attempt={attempt} />
      <form id={id} onSubmit={onSubmit} noValidate aria-busy={busy} aria-labelledby={labelledBy}>
        {children}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('care.common.saving') : submitLabel}
          </button>
          {onCancel ? (
            <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
