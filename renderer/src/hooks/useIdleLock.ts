import { useEffect, useRef } from 'react';

const activityEvents = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart', 'focusin'] as const;
const checkEveryMs = 5_000;

/**
 * Calls `onIdle` once nobody has touched mouse or keyboard for `minutes`. It compares wall-clock
 * time on an interval instead of arming one long timeout, because timers stall while a laptop
 * sleeps: a lid opened after an hour must find the profile locked at once.
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  const lastActivity = useRef(Date.now());
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    const limitMs = minutes * 60_000;
    lastActivity.current = Date.now();
    let fired = false;
    const markActive = () => {
      lastActivity.current = Date.now();
    };
    const check = () => {
      if (!fired && Date.now() - lastActivity.current >= limitMs) {
        fired = true;
        onIdleRef.current();
      }
    };
    for (const name of activityEvents) window.addEventListener(name, markActive, { passive: true, capture: true });
    document.addEventListener('visibilitychange', check);
    const interval = window.setInterval(check, checkEveryMs);
    return () => {
      for (const name of activityEvents) window.removeEventListener(name, markActive, { capture: true });
      document.removeEventListener('visibilitychange', check);
      window.clearInterval(interval);
    };
  }, [minutes]);
}
