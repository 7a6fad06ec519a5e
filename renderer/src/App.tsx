import { useEffect } from 'react';
import { onLocked } from './api';
import { StartFailedScreen, NoBridgeScreen, StartingScreen } from './screens/StartScreens';
import { FirstRunScreen } from './screens/FirstRunScreen';
import { UnlockScreen } from './screens/unlock/UnlockScreen';
import { boot, lockLocally } from './state/session-actions';
import { useSession } from './state/session-store';
import { UnlockedApp } from './UnlockedApp';

/**
 * The gate: which of the app's states is showing. Data screens exist only while the profile is
 * unlocked, and they are keyed by the lock epoch, so locking unmounts every one of them.
 */
export function App() {
  const phase = useSession((state) => state.phase);
  const epoch = useSession((state) => state.epoch);

  useEffect(() => {
    void boot();
    return onLocked(() => lockLocally('core'));
  }, []);

  switch (phase.kind) {
    case 'starting':
      return <StartingScreen />;
    case 'no-bridge':
      return <NoBridgeScreen />;
    case 'start-failed':
      return <StartFailedScreen message={phase.message} />;
    case 'first-run':
      return <FirstRunScreen />;
    case 'locked':
      return <UnlockScreen key={epoch} reason={phase.reason} idleMinutes={phase.idleMinutes} />;
    case 'unlocked':
      return <UnlockedApp key={epoch} />;
  }
}
