import type { ReactNode } from 'react';
import { Brand } from '../components/Brand';

/** The frame of the screens before a profile is open: first run, unlock, start errors. */
export function GateLayout({ children, wide }: { children: ReactNode; wide?: boolean }) {
  return (
    <div className="gate">
      <header className="gate-header">
        <Brand />
      </header>
      <main id="main-content" className="gate-main" tabIndex={-1}>
        <div className={wide ? 'card card-wide' : 'card'}>{children}</div>
      </main>
    </div>
  );
}
