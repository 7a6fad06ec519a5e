import { benchSyncServer } from '/work/main/bench/sync-server';
import { printFigure } from '/work/main/bench/report';
for (const f of await benchSyncServer()) printFigure(f);
