import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  /** id of the field to jump to; null for an error that belongs to no single field */
  fieldId: string | null;
  message: string;
}

interface ErrorSummaryProps {
  items: SummaryItem[];
  /** changes with every submit attempt, so the summary takes focus again each time */
  attempt: number | string;
}

/**
 * The list of problems above a form (GOV.UK pattern): it takes focus after a failed submit, and
 * every entry jumps to its field. Links cannot use href="#id" alone: the hash router would
 * treat that as a route, so the jump is done here.
 */
export function ErrorSummary({ items, attempt }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const visible = items.length > 0;

  useEffect(() => {
    if (visible) ref.current?.focus();
    // Only a new attempt moves focus; typing that fixes one of several errors must not.
  }, [attempt]);

  if (!visible) return null;
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary-title">
        {t('common.errorSummaryTitle')}
      </h2>
      <p>{t('common.errorSummaryIntro', { count: items.length })}</p>
      <ul className="error-summary-list">
        {items.map((item, index) => (
          <li key={`${item.fieldId ?? 'form'}-${index}`}>
            {item.fieldId ? (
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  jumpTo(item.fieldId as string);
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function jumpTo(id: string): void {
  const target = document.getElementById(id) ?? document.getElementById(`${id}-group`);
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus();
}
