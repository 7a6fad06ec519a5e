import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { expect, expectNoA11yViolations, openApp, saveScreenshot, startHost } from './fixtures';
import type { CountyServer } from './sync-fixtures';
import type { E2eHost } from '../e2e-host/host';

/**
 * Steps for case-workflow.spec.ts: keyboard helpers (the same patterns as the other specs),
 * the devices of a two-device test, and a signed form as a PDF large enough to travel in
 * several sync chunks.
 */

export const password = 'Kaffee Fahrrad Wolke Sieben';

// ---------- dates (the core's clock: this process) ----------

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Today + `days` as YYYY-MM-DD in this process's local time (the core's "today"). */
export function isoDaysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** YYYY-MM-DD → DD.MM.YYYY, as the app shows dates. */
export function germanDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

// ---------- a signed form ----------

/**
 * A valid one-page PDF with a line of text and a blue rule, padded by an unreferenced stream so
 * that it is larger than `minBytes` (the sync moves documents in 256 KB chunks).
 */
export function signedFormPdf(text: string, minBytes = 600 * 1024): Buffer {
  const content = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET\n0 0 1 RG 6 w 72 680 m 520 680 l S`;
  const filler = '% Unterschrift eingescannt - Fuellzeile fuer die Groesse des Formulars\n'.repeat(Math.ceil(minBytes / 70));
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(filler)} >>\nstream\n${filler}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

// ---------- keyboard ----------

/** Presses Tab until `target` has focus: the control is reachable by keyboard. */
export async function tabTo(page: Page, target: Locator, maxPresses = 160): Promise<void> {
  // fail within the expect timeout (not the test's) when the control is not there at all
  await expect(target, `nicht vorhanden: ${target.toString()}`).toBeAttached();
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `per Tab nicht erreichbar: ${target.toString()}`).toBeFocused();
}

export async function press(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** Reaches a text field by Tab, replaces its content by typing. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/**
 * Date controls order their segments by the browser's UI language (see first-run.spec.ts):
 * the field is reached by keyboard, the value set directly.
 */
export async function tabAndFill(page: Page, target: Locator, value: string): Promise<void> {
  await tabTo(page, target);
  await target.fill(value);
  await expect(target).toHaveValue(value);
}

/** Chooses an option of a closed <select> with the arrow keys. */
export async function choose(page: Page, select: Locator, optionText: string): Promise<void> {
  await tabTo(page, select);
  await page.keyboard.press('Home');
  for (let i = 0; i < 80; i++) {
    const current = await select.evaluate((element) => (element as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    if (current.includes(optionText)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`Option „${optionText}“ nicht gefunden`);
}

/** Moves within a radio group with the arrow keys until `label` is chosen. */
export async function chooseRadio(page: Page, group: Locator, label: string): Promise<void> {
  const checked = group.locator('input[type="radio"]:checked');
  await tabTo(page, (await checked.count()) > 0 ? checked : group.locator('input[type="radio"]').first());
  const target = group.getByRole('radio', { name: label, exact: true });
  if (!(await target.isChecked())) await page.keyboard.press('Space');
  for (let i = 0; i < 8; i++) {
    if (await target.isChecked()) return;
    await page.keyboard.press('ArrowRight');
  }
  await expect(target).toBeChecked();
}

/**
 * After a save the app hands the focus back (to the button that opened the form, or to the
 * section's title) one animation frame later. Two frames are waited for, so that a late focus
 * move cannot catch the next key press; then the focus must be where the user continues. A soft
 * check: a lost focus is reported as a failure, and the walk goes on from where the focus is.
 */
export async function expectFocusBack(page: Page, target: Locator): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  const lostTo = await page.evaluate(() => (document.activeElement === document.body ? 'body' : null));
  await expect.soft(target, `Fokus nach dem Speichern${lostTo ? ' (verloren: liegt auf <body>)' : ''}`).toBeFocused({ timeout: 5_000 });
}

/** The case file's tabs follow the WAI-ARIA pattern: the arrow keys move and select. */
export async function openTab(page: Page, name: string): Promise<void> {
  const target = page.getByRole('tab', { name, exact: true });
  if ((await target.getAttribute('aria-selected')) !== 'true') {
    await tabTo(page, page.getByRole('tab', { selected: true }));
    for (let i = 0; i < 12; i++) {
      if (await target.evaluate((element) => element === document.activeElement)) break;
      await page.keyboard.press('ArrowDown');
    }
  }
  await expect(target).toHaveAttribute('aria-selected', 'true');
}

/** Attaches a file through the button: Enter opens the file chooser, the test answers it. */
export async function attach(page: Page, button: Locator, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await tabTo(page, button);
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(file);
}

/** How many pixels of a canvas are clearly not white: proof that something was drawn. */
export async function inkedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element) => {
    const canvasElement = element as HTMLCanvasElement;
    const context = canvasElement.getContext('2d');
    if (!context || canvasElement.width === 0) return 0;
    const data = context.getImageData(0, 0, canvasElement.width, canvasElement.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 200 || (data[i + 1] ?? 255) < 200 || (data[i + 2] ?? 255) < 200) count++;
    return count;
  });
}

// ---------- devices ----------

export interface Device {
  name: string;
  host: E2eHost;
  page: Page;
  problems: string[];
  dispose(): Promise<void>;
}

/** A device: its own core and data folder, its own browser context, a profile already open. */
export async function startDevice(browser: Browser, testInfo: TestInfo, name: string, profile: string, userName: string): Promise<Device> {
  const started = await startHost(testInfo, name);
  const created = await started.host.core.handle('profiles.create', { name: profile, userName, password, passwordRepeat: password });
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

/** Screenshot (test-results/screens/ablauf-<name>.png) and axe on the current screen. */
export async function checkScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await saveScreenshot(page, testInfo, 'ablauf', name);
  await expectNoA11yViolations(page);
}

export function syncBar(page: Page): Locator {
  return page.getByRole('region', { name: 'Synchronisationsstatus' });
}

export function heading(page: Page): Locator {
  return page.getByRole('heading', { level: 1 });
}

export async function gotoMain(page: Page, link: string): Promise<void> {
  await press(page, page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: link, exact: true }));
  await expect(heading(page)).toBeFocused();
}

/** Settings → "Gerät registrieren" → address → fingerprint compared → "Stimmt überein" → code. */
export async function registerByKeyboard(device: Device, server: CountyServer, code: string, check?: (step: string) => Promise<void>): Promise<void> {
  const { page } = device;
  await gotoMain(page, 'Einstellungen');
  await press(page, page.getByRole('main').getByRole('link', { name: 'Gerät registrieren' }));
  await expect(heading(page)).toHaveText('Gerät registrieren');
  await typeInto(page, page.getByRole('textbox', { name: 'Adresse des Servers (Pflichtfeld)' }), server.url);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Schritt 2: Fingerabdruck vergleichen' })).toBeFocused();
  for (const group of server.fingerprint.split(' ')) await expect(page.locator('.fingerprint-digits', { hasText: group })).toBeVisible();
  await check?.('fingerabdruck');
  await press(page, page.getByRole('button', { name: 'Stimmt überein' }));
  await expect(page.getByRole('textbox', { name: 'Registrierungscode (Pflichtfeld)' })).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Das Gerät ist registriert.' })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Dieses Gerät ist registriert' })).toContainText(server.teamName);
}

/** "Jetzt synchronisieren" in the status bar, by keyboard; waits for a run without error. */
export async function syncNow(device: Device): Promise<void> {
  const { page } = device;
  const bar = syncBar(page);
  const button = bar.getByRole('button', { name: 'Jetzt synchronisieren' });
  await press(page, button);
  await expect(button).toBeEnabled({ timeout: 60_000 });
  await expect(bar).toContainText('Zuletzt synchronisiert: gerade eben', { timeout: 30_000 });
  await expect(bar).not.toContainText('Fehler:');
}
