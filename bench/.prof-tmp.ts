import { benchSyncDevice } from './sync-device';
import { printFigure } from './report';
for (const f of await benchSyncDevice({ persons: Number(process.env.P ?? 3000) })) printFigure(f);
console.log((globalThis as any).__perf, (globalThis as any).__sperf, (globalThis as any).__T, (globalThis as any).__R, (globalThis as any).__P, (globalThis as any).__Q);
