import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { focusPageHeading } from '../components/PageHeading';

/**
 * After a route change — and right after unlocking — focus goes to the new page's h1 (a
 * single-page app otherwise leaves it on the link just pressed, and screen readers announce
 * nothing). Only the path counts: the search box writes its query into the URL and must keep
 * its focus.
 */
export function useFocusOnNavigate(): void {
  const { pathname } = useLocation();
  useEffect(() => {
    focusPageHeading();
    window.scrollTo(0, 0);
  }, [pathname]);
}
