import { useCallback, useEffect, useReducer, useRef } from 'react';

/** Long enough for a reload to render; short enough never to steal focus from a later action. */
const giveUpAfterMs = 1500;

type Target = () => HTMLElement | null | undefined;

/**
 * Moves the focus to an element that only exists after the next render (a button that comes
 * back when its form closes). A requestAnimationFrame may fire before React has committed the
 * button again and then focuses nothing, leaving the keyboard user on <body>; an effect runs
 * after the commit, so the element is there. The request is dropped once it succeeded or after
 * a short while, so it cannot pull the focus away from where the user went meanwhile.
 */
export function useFocusAfterRender(): (target: Target) => void {
  const pending = useRef<{ target: Target; until: number } | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    const request = pending.current;
    if (!request) return;
    if (Date.now() > request.until) {
      pending.current = null;
      return;
    }
    const element = request.target();
    if (element) {
      pending.current = null;
      element.focus();
    }
  });

  return useCallback((target: Target) => {
    pending.current = { target, until: Date.now() + giveUpAfterMs };
    rerender();
  }, []);
}
