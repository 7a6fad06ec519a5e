import type { ReactNode } from 'react';

export const pageHeadingId = 'page-heading';

/**
 * The one h1 of a screen. It takes focus after each navigation (see useFocusOnNavigate), so a
 * screen-reader user hears where they are and keyboard users start at the top of the content.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <h1 id={pageHeadingId} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}

export function focusPageHeading(): void {
  document.getElementById(pageHeadingId)?.focus();
}
