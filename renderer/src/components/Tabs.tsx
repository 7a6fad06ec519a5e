import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem {
  key: string;
  label: string;
}

interface TabsProps {
  /** prefix of the tab and panel ids */
  idPrefix: string;
  label: string;
  tabs: readonly TabItem[];
  selected: string;
  onSelect: (key: string) => void;
  children: ReactNode;
}

/**
 * A vertical tablist (WAI-ARIA tabs pattern): one tab in the Tab order (roving tabindex), the
 * arrow keys move and select, Home/End jump to the ends. Selecting follows focus, since a tab's
 * content loads quickly from the local store.
 */
export function Tabs({ idPrefix, label, tabs, selected, onSelect, children }: TabsProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const index = Math.max(0, tabs.findIndex((tab) => tab.key === selected));

  const moveTo = (next: number) => {
    const target = tabs[(next + tabs.length) % tabs.length];
    if (!target) return;
    onSelect(target.key);
    listRef.current?.querySelector<HTMLButtonElement>(`#${idPrefix}-tab-${target.key}`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Counted from the tab that has the focus, not from the selection: the route (and with it
    // the selection) may lag behind fast key presses.
    const focused = tabs.findIndex((tab) => tab.key === (event.target as HTMLElement).dataset.tab);
    const from = focused >= 0 ? focused : index;
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowRight: from + 1,
      ArrowUp: from - 1,
      ArrowLeft: from - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    moveTo(next);
  };

  return (
    <div className="tabs">
      <div ref={listRef} role="tablist" aria-label={label} aria-orientation="vertical" className="tab-list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const active = tab.key === tabs[index]?.key;
          return (
            <button
              key={tab.key}
              type="button"
              role="tab"
              id={`${idPrefix}-tab-${tab.key}`}
              data-tab={tab.key}
              aria-selected={active}
              aria-controls={`${idPrefix}-panel`}
              tabIndex={active ? 0 : -1}
              className="tab"
              onClick={() => onSelect(tab.key)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${tabs[index]?.key ?? ''}`} tabIndex={0} className="tab-panel">
        {children}
      </div>
    </div>
  );
}
