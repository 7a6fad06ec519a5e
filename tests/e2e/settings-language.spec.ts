import { expect, expectNoA11yViolations, test } from './fixtures';

/**
 * Settings and session edges: the UI switches to English and back, a person is edited, and a
 * session the core has locked behind the UI's back sends the person to the unlock screen.
 */
const password = 'Kaffee Fahrrad Wolke Sieben';

test('Sprache, Bearbeiten und eine vom Kern gesperrte Sitzung', async ({ app: page, host, shot }) => {
  await host.core.handle('profiles.create', { name: 'Fallmanagement Haan', userName: 'Lea Wagner', password, passwordRepeat: password });
  const created = await host.core.handle('persons.create', {
    familyName: 'Yusufi',
    givenNames: 'Jusuf',
    otherSpellings: ['Yusuf Yousefi'],
    birthDate: { kind: 'unknown' },
    gender: 'unbekannt',
  });
  expect(created.ok).toBe(true);
  await page.reload();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^Heute/);

  // ---- English ----
  await page.getByRole('link', { name: 'Einstellungen' }).focus();
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Einstellungen');
  await page.getByRole('radio', { name: 'English' }).focus();
  await page.keyboard.press('Space');
  await expect(heading).toHaveText('Settings');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('status').filter({ hasText: 'The language was changed.' })).toBeVisible();
  await expectNoA11yViolations(page);
  await shot(page, 'settings-en');

  await page.getByRole('link', { name: 'Clients' }).focus();
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Clients');
  await page.getByLabel('Search by name or spelling').focus();
  await page.keyboard.type('Yusuf');
  const hit = page.locator('#person-results').getByRole('link', { name: 'Yusufi, Jusuf' });
  await expect(hit).toBeVisible();
  await expect(page.locator('#person-results')).toContainText('unknown');
  await expectNoA11yViolations(page);
  await shot(page, 'persons-en');

  // ---- edit (English form) ----
  await hit.focus();
  await page.keyboard.press('Enter');
  await expect(heading).toContainText('Jusuf Yusufi');
  await page.getByRole('link', { name: 'Edit' }).focus();
  await page.keyboard.press('Enter');
  await expect(heading).toContainText('Edit person');
  await expect(page.getByLabel('Other spelling 1')).toHaveValue('Yusuf Yousefi');
  await page.getByLabel('E-mail').focus();
  await page.keyboard.type('kein-mail');
  await page.getByRole('button', { name: 'Save changes' }).focus();
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert').filter({ hasText: 'Please check your entries' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('E-mail: Not a valid e-mail address');
  await expectNoA11yViolations(page);
  await shot(page, 'edit-error-en');
  await page.getByLabel('E-mail').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('jusuf@example.org');
  await page.getByRole('button', { name: 'Save changes' }).focus();
  await page.keyboard.press('Enter');
  await expect(heading).toContainText('Jusuf Yusufi');
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.getByText('jusuf@example.org')).toBeVisible();

  // ---- back to German ----
  await page.getByRole('link', { name: 'Settings' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('radio', { name: 'Deutsch' }).focus();
  await page.keyboard.press('Space');
  await expect(heading).toHaveText('Einstellungen');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  // ---- the core locks behind the UI's back: the next call lands on the unlock screen ----
  await host.core.handle('session.lock', {});
  await page.getByRole('link', { name: 'Meine Fälle' }).focus();
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Fallakte entsperren');
  await expect(page.getByText('Die Sitzung ist abgelaufen. Bitte entsperren Sie die Fallakte erneut.')).toBeVisible();
  await expect(page.getByLabel('Passwort', { exact: true })).toBeFocused();
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText(/^Heute/);
});
