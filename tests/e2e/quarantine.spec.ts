import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { databasePath } from '../../electron/core/profiles/paths';
import { startE2eHost } from '../e2e-host/host';
import { expect, expectNoA11yViolations, openApp, rendererDir, test } from './fixtures';

/**
 * A case store that no longer decrypts is moved aside, never deleted, and the person is told so
 * on the unlock screen, with the way on: "Mit leerer Fallakte fortfahren".
 */
const password = 'Kaffee Fahrrad Wolke Sieben';

test('Beschädigte Fallakte: Hinweis und leerer Neuanfang', async ({ page, shot }) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kim-e2e-quarantine-'));
  const host = await startE2eHost({ dataDir, rendererDir });
  try {
    const created = await host.core.handle('profiles.create', { name: 'Fallmanagement Erkrath', userName: 'Sami Yilmaz', password, passwordRepeat: password });
    if (!created.ok) throw new Error(created.error.message);
    const status = created.value as { state: 'unlocked'; profile: { id: string } };
    await host.core.handle('session.lock', {});
    await writeFile(databasePath(dataDir, status.profile.id), randomBytes(16_384));

    await openApp(page, host);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText('Fallakte entsperren');
    await expect(page.getByLabel('Passwort', { exact: true })).toBeFocused();
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');

    const continueButton = page.getByRole('button', { name: 'Mit leerer Fallakte fortfahren' });
    await expect(continueButton).toBeFocused();
    await expect(page.getByRole('alert')).toContainText('Eine Fallakte wurde beiseitegelegt');
    await shot(page, 'quarantaene');
    await expectNoA11yViolations(page);

    await page.keyboard.press('Enter');
    await expect(heading).toHaveText(/^Heute/);
    await page.getByRole('link', { name: 'Klient:innen' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Noch keine Klient:innen erfasst.')).toBeVisible();
  } finally {
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
