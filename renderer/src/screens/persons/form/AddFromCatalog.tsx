import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogEntry } from '../../../../../shared/catalogs/catalogs';

interface AddFromCatalogProps {
  id: string;
  label: string;
  entries: CatalogEntry[];
  disabled: boolean;
  describedBy?: string | undefined;
  invalid?: boolean;
  onAdd: (key: string) => void;
}

/**
 * A select plus an "add" button. Adding on the select's change alone would misfire: in a closed
 * select, every arrow key press is a change.
 */
export function AddFromCatalog({ id, label, entries, disabled, describedBy, invalid, onAdd }: AddFromCatalogProps) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('');
  const select = useRef<HTMLSelectElement>(null);
  const add = () => {
    if (!choice) return;
    onAdd(choice);
    setChoice('');
    // The add button disables itself once the choice is reset; focus goes back to the select
    // instead of falling to the page's start.
    select.current?.focus();
  };
  return (
    <div className="add-row">
      <div className="field field-inline">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        <select
          ref={select}
          id={id}
          className="select input-m"
          value={choice}
          disabled={disabled}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(event) => setChoice(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              // Enter in a select would submit the whole form; here it means "add".
              event.preventDefault();
              add();
            }
          }}
        >
          <option value="">{t('common.choose')}</option>
          {entries.map((entry) => (
            <option key={entry.key} value={entry.key}>
              {entry.label}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button button-secondary" disabled={disabled || !choice} onClick={add}>
        {t('common.add')}
        <span className="visually-hidden">: {label}</span>
      </button>
    </div>
  );
}
