import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { expect, expectNoA11yViolations, openApp, saveScreenshot, startHost, test } from './fixtures';
import { startCountyServer, type CountyServer } from './sync-fixtures';
import type { E2eHost } from '../e2e-host/host';

/**
 * Two devices and the county server (issue 3, "Shown by"): both register through the UI
 * (fingerprint shown and confirmed, one-time code), a person created on A reaches B, the same
 * field edited on both becomes a conflict on B, it is decided there, and both end with the
 * chosen value and no conflict. Failures on the way: an unreachable address and a wrong code,
 * each with its German message next to its field. The actions go by keyboard; every new
 * screen is photographed and checked with axe.
 */

const password = 'Kaffee Fahrrad Wolke Sieben';

interface Device {
  name: string;
  host: E2eHost;
  page: Page;
  problems: string[];
  dispose(): Promise<void>;
}

/** Screenshots of this spec are named sync-<name>.png. */
async function photograph(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await saveScreenshot(page, testInfo, 'sync', name);
}

async function tabTo(page: Page, target: Locator, maxPresses = 120): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `per Tab nicht erreichbar: ${target.toString()}`).toBeFocused();
}

async function press(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** A device: its own core and data folder, its own browser context, a profile already open. */
async function startDevice(browser: Browser, testInfo: TestInfo, name: string, profile: string): Promise<Device> {
  const started = await startHost(testInfo, name);
  const created = await started.host.core.handle('profiles.create', { name: profile, userName: 'Aylin Demir', password, passwordRepeat: password });
  expect(created.ok, `Profil auf ${name}`).toBe(true);
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`${name} pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${name} console: ${message.text()}`);
  });
  await openApp(page, started.host);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Heute/);
  return {
    name,
    host: started.host,
    page,
    problems,
    async dispose() {
      await context.close();
      await started.dispose();
    },
  };
}

function syncBar(page: Page): Locator {
  return page.getByRole('region', { name: 'Synchronisationsstatus' });
}

async function gotoHash(page: Page, link: string): Promise<void> {
  await press(page, page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: link }));
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
}

/** Settings → "Gerät registrieren" → address → fingerprint → "Stimmt überein" → code. */
async function register(device: Device, server: CountyServer, code: string, check?: (step: string) => Promise<void>): Promise<void> {
  const { page } = device;
  const heading = page.getByRole('heading', { level: 1 });
  await gotoHash(page, 'Einstellungen');
  await press(page, page.getByRole('main').getByRole('link', { name: 'Gerät registrieren' }));
  await expect(heading).toHaveText('Gerät registrieren');
  await typeInto(page, page.getByRole('textbox', { name: 'Adresse des Servers (Pflichtfeld)' }), server.url);
  await page.keyboard.press('Enter');
  const step2 = page.getByRole('heading', { name: 'Schritt 2: Fingerabdruck vergleichen' });
  await expect(step2).toBeFocused();
  // The digits on screen are the ones the county IT reads out: group by group.
  const groups = server.fingerprint.split(' ');
  expect(groups).toHaveLength(6);
  for (const group of groups) await expect(page.locator('.fingerprint-digits', { hasText: group })).toBeVisible();
  await check?.('fingerabdruck');
  await press(page, page.getByRole('button', { name: 'Stimmt überein' }));
  const codeField = page.getByRole('textbox', { name: 'Registrierungscode (Pflichtfeld)' });
  await expect(codeField).toBeFocused();
  await check?.('code');
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Das Gerät ist registriert.' })).toBeFocused();
  await expect(heading).toHaveText('Registrierung des Geräts');
  const facts = page.getByRole('region', { name: 'Dieses Gerät ist registriert' });
  await expect(facts).toContainText(server.url);
  await expect(facts).toContainText(server.userName);
  await expect(facts).toContainText(server.teamName);
  await expect(syncBar(page)).toContainText('Noch nie synchronisiert');
}

/** Automatic sync off (the test decides when each device syncs), and the reminder time. */
async function syncSettings(device: Device, reminderTime: string): Promise<void> {
  const { page } = device;
  await press(page, page.getByRole('link', { name: 'Zurück zu den Einstellungen' }));
  const auto = page.getByLabel('Automatisch synchronisieren, sobald eine Verbindung besteht');
  await tabTo(page, auto);
  if (await auto.isChecked()) await page.keyboard.press('Space');
  await expect(auto).not.toBeChecked();
  await typeInto(page, page.getByLabel('Erinnerung zum Feierabend um'), reminderTime);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Die Einstellungen zur Synchronisation wurden gespeichert.' })).toBeVisible();
}

async function syncNow(device: Device): Promise<void> {
  const { page } = device;
  const bar = syncBar(page);
  await press(page, bar.getByRole('button', { name: 'Jetzt synchronisieren' }));
  await expect(bar.getByRole('button', { name: 'Jetzt synchronisieren' })).toBeEnabled({ timeout: 30_000 });
  await expect(bar).toContainText('Zuletzt synchronisiert: gerade eben');
  await expect(bar).not.toContainText('Fehler:');
}

async function openPerson(device: Device, query: string, name: string): Promise<void> {
  const { page } = device;
  await gotoHash(page, 'Klient:innen');
  await typeInto(page, page.getByLabel('Suche nach Name oder Schreibweise'), query);
  await press(page, page.locator('#person-results').getByRole('link', { name }));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rana Haddad');
}

async function editPhone(device: Device, phone: string): Promise<void> {
  const { page } = device;
  await openPerson(device, 'Haddad', 'Haddad, Rana');
  await press(page, page.getByRole('link', { name: 'Bearbeiten' }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Person bearbeiten: Haddad, Rana');
  await typeInto(page, page.getByLabel('Telefon'), phone);
  await press(page, page.getByRole('button', { name: 'Änderungen speichern' }));
  await expect(page.getByRole('status').filter({ hasText: 'Gespeichert.' })).toBeVisible();
}

test('Synchronisation: zwei Geräte registrieren, Person übertragen, Konflikt entscheiden', async ({ browser }, testInfo) => {
  test.setTimeout(480_000);
  const server = await startCountyServer();
  const devices: Device[] = [];
  const check = async (page: Page, name: string) => {
    await photograph(page, testInfo, name);
    await expectNoA11yViolations(page);
  };
  try {
    const a = await startDevice(browser, testInfo, 'a', 'Fallmanagement Velbert');
    devices.push(a);
    const b = await startDevice(browser, testInfo, 'b', 'Fallmanagement Velbert (Laptop 2)');
    devices.push(b);

    // ---- not registered: the status bar says so and leads to the registration ----
    await expect(syncBar(a.page)).toContainText('Nicht registriert');
    await check(a.page, '01-statusleiste-nicht-registriert');

    // ---- failures in the UI, each in German next to its field ----
    await press(a.page, syncBar(a.page).getByRole('link', { name: 'Gerät registrieren' }));
    await expect(a.page.getByRole('heading', { level: 1 })).toHaveText('Gerät registrieren');
    await typeInto(a.page, a.page.getByRole('textbox', { name: 'Adresse des Servers (Pflichtfeld)' }), 'http://127.0.0.1:9');
    await a.page.keyboard.press('Enter');
    const summary = a.page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Der Server ist nicht erreichbar');
    await expect(a.page.getByRole('textbox', { name: 'Adresse des Servers (Pflichtfeld)' })).toHaveAttribute('aria-invalid', 'true');
    await check(a.page, '02-registrieren-nicht-erreichbar');

    await typeInto(a.page, a.page.getByRole('textbox', { name: 'Adresse des Servers (Pflichtfeld)' }), server.url);
    await a.page.keyboard.press('Enter');
    await expect(a.page.getByRole('heading', { name: 'Schritt 2: Fingerabdruck vergleichen' })).toBeFocused();
    await press(a.page, a.page.getByRole('button', { name: 'Stimmt überein' }));
    await expect(a.page.getByRole('textbox', { name: 'Registrierungscode (Pflichtfeld)' })).toBeFocused();
    await a.page.keyboard.type('ABCD-EFGH-JKMN');
    await a.page.keyboard.press('Enter');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Der Registrierungscode ist falsch');
    const codeField = a.page.getByRole('textbox', { name: 'Registrierungscode (Pflichtfeld)' });
    await expect(codeField).toHaveAttribute('aria-invalid', 'true');
    await expect(a.page.locator('#register-code-error')).toHaveText('Der Registrierungscode ist falsch. Bitte prüfen Sie die Eingabe.');
    await check(a.page, '03-registrieren-falscher-code');

    // ---- register both devices ----
    await register(a, server, server.codes[0], (step) => check(a.page, step === 'fingerabdruck' ? '04-registrieren-fingerabdruck' : '05-registrieren-code'));
    await check(a.page, '06-registriert');
    await syncSettings(a, '00:00');
    await check(a.page, '07-einstellungen-sync');
    await register(b, server, server.codes[1]);
    await syncSettings(b, '23:59');

    // ---- a person created on A reaches B ----
    await press(a.page, a.page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Klient:innen' }));
    await press(a.page, a.page.getByRole('link', { name: 'Neue Person' }));
    await typeInto(a.page, a.page.getByLabel('Familienname'), 'Haddad');
    await typeInto(a.page, a.page.getByLabel('Vorname(n)'), 'Rana');
    await tabTo(a.page, a.page.getByRole('radio', { name: 'vollständig bekannt' }));
    await a.page.keyboard.press('ArrowRight'); // nur das Jahr
    await typeInto(a.page, a.page.getByLabel('Jahr', { exact: true }), '1988');
    await tabTo(a.page, a.page.getByRole('radio', { name: 'weiblich' }));
    await a.page.keyboard.press('Space');
    await typeInto(a.page, a.page.getByLabel('Telefon'), '0170 1111111');
    await press(a.page, a.page.getByRole('button', { name: 'Person anlegen' }));
    await expect(a.page.getByRole('heading', { level: 1 })).toContainText('Rana Haddad');
    await expect(syncBar(a.page)).toContainText(/\d+ Änderungen warten/);

    // The reminder time (00:00) has passed and changes wait: the end-of-day banner shows.
    const reminder = a.page.getByRole('region', { name: 'Feierabend-Erinnerung' });
    await expect(reminder).toContainText(/Es warten noch \d+ Änderungen – jetzt synchronisieren\?/, { timeout: 20_000 });
    await check(a.page, '08-erinnerung-und-statusleiste');
    await press(a.page, reminder.getByRole('button', { name: 'Jetzt synchronisieren' }));
    await expect(syncBar(a.page)).toContainText('Keine Änderungen offen', { timeout: 30_000 });
    await expect(syncBar(a.page)).toContainText('Zuletzt synchronisiert: gerade eben');
    await expect(reminder).toHaveCount(0);
    await expect(a.page.getByRole('status').filter({ hasText: 'Synchronisation abgeschlossen.' })).toBeAttached();
    await check(a.page, '09-statusleiste-synchronisiert');

    await syncNow(b);
    await openPerson(b, 'Hadad', 'Haddad, Rana');
    await expect(b.page.getByText('0170 1111111')).toBeVisible();

    // ---- the same field, edited differently on both ----
    await editPhone(a, '0170 2222222');
    await editPhone(b, '0170 3333333');
    await syncNow(a);
    await press(b.page, syncBar(b.page).getByRole('button', { name: 'Jetzt synchronisieren' }));
    const conflictLink = syncBar(b.page).getByRole('link', { name: /Ein Konflikt/ });
    await expect(conflictLink).toBeVisible({ timeout: 30_000 });
    await check(b.page, '10-statusleiste-konflikt');

    // ---- the conflict screen on B ----
    await press(b.page, conflictLink);
    const heading = b.page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText('Konflikte');
    const item = b.page.getByRole('article', { name: 'Haddad, Rana – Telefon' });
    await expect(item).toBeVisible();
    await expect(item.locator('.conflict-local')).toContainText('Auf diesem Gerät');
    await expect(item.locator('.conflict-local')).toContainText('0170 3333333');
    await expect(item.locator('.conflict-remote')).toContainText('Vom Server');
    await expect(item.locator('.conflict-remote')).toContainText('0170 2222222');
    await expect(item).toContainText(/geändert von .+ am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    await check(b.page, '11-konflikte');

    // Merging by hand offers the value prefilled; this time the person keeps B's value instead.
    await press(b.page, item.getByRole('button', { name: 'Von Hand zusammenführen' }));
    const merge = b.page.getByLabel('Zusammengeführter Wert für Telefon');
    await expect(merge).toBeFocused();
    await expect(merge).toHaveValue('0170 3333333');
    await check(b.page, '12-konflikt-zusammenfuehren');
    await press(b.page, item.getByRole('button', { name: 'Abbrechen' }));
    await press(b.page, item.getByRole('button', { name: 'Diesen Wert behalten' }));
    await expect(b.page.getByRole('status').filter({ hasText: 'Entschieden: Der Wert dieses Geräts gilt.' })).toBeVisible();
    await expect(b.page.getByText('Es gibt keine offenen Konflikte.')).toBeVisible();
    await expect(syncBar(b.page)).toContainText('Keine Konflikte');
    await check(b.page, '13-konflikte-leer');

    // ---- B, then A: both end with the chosen value and no conflict ----
    await syncNow(b);
    await syncNow(a);
    for (const device of [a, b]) {
      await openPerson(device, 'Haddad', 'Haddad, Rana');
      await expect(device.page.getByText('0170 3333333')).toBeVisible();
      await expect(device.page.getByText('0170 2222222')).toHaveCount(0);
      await expect(syncBar(device.page)).toContainText('Keine Konflikte');
      await expect(syncBar(device.page)).toContainText('Keine Änderungen offen');
    }
    await check(a.page, '14-ergebnis-geraet-a');

    for (const device of devices) expect(device.problems, `Fehler in der Seite (${device.name})`).toEqual([]);
  } finally {
    for (const device of devices) await device.dispose();
    await server.close();
  }
});
