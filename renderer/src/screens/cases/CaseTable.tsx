import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { CaseListItem } from '../../../../shared/domain/case';
import { formatIsoDate } from '../../format/dates';

const rowHeight = 52;

/**
 * "Meine Fälle" as a virtualised table: only the rows near the viewport are in the DOM, so a
 * caseload of thousands stays fast. It stays a table for assistive technology — ARIA table
 * roles with aria-rowcount/aria-rowindex tell the full size — and for the keyboard: each row's
 * link is tabbable, and the arrow keys (Home/End, Page Up/Down) move between rows, scrolling
 * rows into the DOM that Tab alone could not reach.
 */
export function CaseTable({ items }: { items: CaseListItem[] }) {
  const { t } = useTranslation();
  const bodyRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

  useLayoutEffect(() => {
    setScrollMargin(bodyRef.current?.offsetTop ?? 0);
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => rowHeight,
    overscan: 8,
    scrollMargin,
  });

  const focusRow = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(items.length - 1, index));
      virtualizer.scrollToIndex(target, { align: 'auto' });
      // The row may only exist after the virtualizer re-renders: try again on the next frames.
      const tryFocus = (attempt: number) => {
        const link = bodyRef.current?.querySelector<HTMLAnchorElement>(`[data-index="${target}"] a`);
        if (link) link.focus();
        else if (attempt < 10) requestAnimationFrame(() => tryFocus(attempt + 1));
      };
      requestAnimationFrame(() => tryFocus(0));
    },
    [items.length, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    const page = Math.max(1, Math.floor(window.innerHeight / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: items.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusRow(next);
  };

  return (
    <div role="table" aria-label={t('cases.tableLabel')} aria-rowcount={items.length + 1} aria-describedby="cases-keyboard-hint" className="vtable">
      <div role="rowgroup" className="vtable-head">
        <div role="row" aria-rowindex={1} className="vtable-row">
          <div role="columnheader">{t('cases.person')}</div>
          <div role="columnheader">{t('cases.phase')}</div>
          <div role="columnheader">{t('cases.openedAt')}</div>
          <div role="columnheader">{t('cases.lastContact')}</div>
        </div>
      </div>
      <div role="rowgroup" ref={bodyRef} className="vtable-body" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
        {virtualizer.getVirtualItems().map((virtualRow) => {
          const item = items[virtualRow.index];
          if (!item) return null;
          return (
            <div
              key={item.id}
              role="row"
              aria-rowindex={virtualRow.index + 2}
              data-index={virtualRow.index}
              ref={virtualizer.measureElement}
              className={virtualRow.index % 2 === 0 ? 'vtable-row' : 'vtable-row vtable-row-alt'}
              style={{ transform: `translateY(${virtualRow.start - virtualizer.options.scrollMargin}px)` }}
            >
              <div role="cell">
                <Link to={`/cases/${item.id}`}>{item.personName}</Link>
              </div>
              <div role="cell">
                <span className={`phase phase-${item.phase}`}>{t(`phase.${item.phase}`)}</span>
              </div>
              <div role="cell">{formatIsoDate(item.openedAt)}</div>
              <div role="cell">{item.lastContactAt ? formatIsoDate(item.lastContactAt) : <span className="muted">{t('cases.noContact')}</span>}</div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
