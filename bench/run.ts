import { benchLocalStore } from './local-store';
import { benchSyncServer } from './sync-server';
import { benchSyncDevice } from './sync-device';
import { benchCasework } from './casework';
import { benchPullApply } from './pull-apply';
import { printFigure, withinBudget, type Figure } from './report';

/**
 * `npm run bench`: every benchmark generates its own data and prints each figure with its
 * budget. `--quick` shrinks the data for a smoke run; the budgets hold for the full size.
 * `--only <word>` runs the suites whose title contains the word (e.g. `--only sync`).
 */
const quick = process.argv.includes('--quick');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? (process.argv[onlyIndex + 1] ?? '').toLowerCase() : null;

const suites: Array<[string, () => Promise<Figure[]>]> = [
  ['Local store (issue 2)', () => benchLocalStore({ persons: quick ? 10_000 : 100_000 })],
  ['County server (issue 3)', () => benchSyncServer()],
  ['Device sync end to end (issue 3)', () => benchSyncDevice(quick ? { persons: 2_000 } : {})],
  ['Device apply of a first pull (issue 3, diagnostic)', () => benchPullApply(quick ? { persons: 2_000 } : {})],
  ['Case work: person file and "Heute" (issue 4)', () => benchCasework(quick ? { openCases: 500, samples: 50 } : { openCases: 2_000, samples: 300 })],
];

let overBudget = 0;
for (const [title, run] of suites) {
  if (only !== null && !title.toLowerCase().includes(only)) continue;
  console.log(`\n${title}`);
  const figures = await run();
  for (const figure of figures) {
    printFigure(figure);
    if (withinBudget(figure) === false) overBudget++;
  }
}
console.log(overBudget === 0 ? '\nAll figures within budget.' : `\n${overBudget} figure(s) over budget.`);
