import { useEffect, useState } from 'react';

/** Whole seconds left until `until` (epoch ms), ticking down; 0 once passed or when null. */
export function useCountdown(until: number | null): number {
  const remaining = () => (until === null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000)));
  const [seconds, setSeconds] = useState(remaining);
  useEffect(() => {
    setSeconds(remaining());
    if (until === null) return;
    const timer = window.setInterval(() => {
      const left = remaining();
      setSeconds(left);
      if (left === 0) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
    // remaining() only depends on `until`
  }, [until]);
  return seconds;
}
