import { expect, expectNoA11yViolations, test } from './fixtures';

/**
 * "Meine Fälle" with a caseload too long to render at once: the table is virtualised, yet it
 * still tells assistive technology its full size, and the arrow keys reach every row.
 */
const caseCount = 120;

test('Meine Fälle: lange Liste, virtualisiert und per Tastatur erreichbar', async ({ app: page, host, shot }) => {
  const created = await host.core.handle('profiles.create', {
    name: 'Fallmanagement Hilden',
    userName: 'Jonas Becker',
    password: 'Kaffee Fahrrad Wolke Sieben',
    passwordRepeat: 'Kaffee Fahrrad Wolke Sieben',
  });
  expect(created.ok).toBe(true);
  for (let i = 0; i < caseCount; i++) {
    const person = await host.core.handle('persons.create', {
      familyName: `Testperson ${String(i + 1).padStart(3, '0')}`,
      givenNames: 'Amina',
      birthDate: { kind: 'year', year: 1980 + (i % 30) },
      gender: 'weiblich',
    });
    if (!person.ok) throw new Error(person.error.message);
    // The test persons meet no target-group criterion: the case is opened with a reason.
    const opened = await host.core.handle('cases.open', { personId: (person.value as { id: string }).id, overrideReason: 'Testdaten' });
    expect(opened.ok).toBe(true);
  }
  // The core is already unlocked: after a reload the app goes straight in, to "Heute".
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Heute');

  await page.getByRole('link', { name: 'Meine Fälle' }).focus();
  await page.keyboard.press('Enter');
  const table = page.getByRole('table', { name: 'Meine Fälle' });
  await expect(table).toHaveAttribute('aria-rowcount', String(caseCount + 1));
  const rendered = await table.getByRole('row').count();
  expect(rendered, 'nur die sichtbaren Zeilen sind im DOM').toBeLessThan(caseCount);

  // Tab into the first row, then walk with the arrow keys to the very last one.
  await page.keyboard.press('Tab');
  const firstLink = table.getByRole('row').nth(1).getByRole('link');
  await expect(firstLink).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveText(/Testperson/);
  const second = await page.locator(':focus').textContent();
  expect(second).not.toEqual(await firstLink.textContent());
  await page.keyboard.press('End');
  const lastRow = table.locator(`[aria-rowindex="${caseCount + 1}"]`);
  await expect(lastRow.getByRole('link')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(table.locator('[aria-rowindex="2"]').getByRole('link')).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(page.locator(':focus')).toHaveText(/Testperson/);

  await expectNoA11yViolations(page);
  await shot(page, 'meine-faelle-lang');

  // Enter on a row opens the case file, headed by the person's name.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Amina Testperson');
});
