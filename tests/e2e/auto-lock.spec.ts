import { expect, expectNoA11yViolations, test } from './fixtures';

/**
 * The idle lock: after the configured minutes without mouse or keyboard, the renderer locks the
 * profile, drops what it showed and says why. The page's clock is faked, so no real minute passes.
 */
const password = 'Kaffee Fahrrad Wolke Sieben';

test('Automatische Sperre nach Inaktivität', async ({ app: page, host, shot }) => {
  await host.core.handle('profiles.create', { name: 'Fallmanagement Mettmann', userName: 'Nora Schulz', password, passwordRepeat: password });
  await host.core.handle('persons.create', { familyName: 'Haidari', givenNames: 'Zahra', birthDate: { kind: 'year', year: 1995 }, gender: 'weiblich' });
  await page.clock.install();
  await page.reload();
  const heading = page.getByRole('heading', { level: 1 });
  // every session starts on "Heute"
  await expect(heading).toHaveText(/^Heute/);

  await page.getByRole('link', { name: 'Einstellungen' }).focus();
  await page.keyboard.press('Enter');
  const minutes = page.getByLabel('Sperren nach wie vielen Minuten ohne Aktivität?');
  await minutes.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'nach einer Minute ohne Aktivität' })).toBeVisible();

  await page.getByRole('link', { name: 'Klient:innen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Haidari, Zahra' })).toBeVisible();

  await page.clock.fastForward('01:10');
  await expect(heading).toHaveText('Fallakte entsperren');
  await expect(page.getByText('Die Fallakte wurde nach einer Minute ohne Aktivität automatisch gesperrt.')).toBeVisible();
  // Nothing of the session is left in the page.
  await expect(page.getByText('Haidari')).toHaveCount(0);
  await shot(page, 'auto-gesperrt');
  await expectNoA11yViolations(page);

  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText(/^Heute/);
  await page.getByRole('link', { name: 'Klient:innen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Haidari, Zahra' })).toBeVisible();
});
