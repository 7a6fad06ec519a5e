import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { focusPageHeading } from '../components/PageHeading';

/** Navigation state that asks to leave the focus where it is (a tab of the case file was chosen). */
export const keepFocusState = { keepFocus: true } as const;

function keepsFocus(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as { keepFocus?: unknown }).keepFocus === true;
}

/**
 * After a route change — and right after unlocking — focus goes to the new page's h1 (a
 * single-page app otherwise leaves it on the link just pressed, and screen readers announce
 * nothing). Only the path counts: the search box writes its query into the URL and must keep
 * its focus. A tab of the case file has its own path, yet the arrow keys must stay on the tabs:
 * such a navigation carries `keepFocusState`.
 */
export function useFocusOnNavigate(): void {
  const { pathname, state } = useLocation();
  const keep = keepsFocus(state);
  useEffect(() => {
    if (keep) return;
    focusPageHeading();
    window.scrollTo(0, 0);
    // `keep` belongs to this very navigation; it is not a reason to run again.
  }, [pathname]);
}
