import type { Locator, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test } from './fixtures';

/**
 * The first day with the app, by keyboard alone: first run → profile → a person with another
 * spelling → a variant spelling finds them → a look-alike gets the duplicate warning → open a
 * case (target-group check) → "Meine Fälle" → lock → wrong password → unlock → the data are still there.
 * Every screen is checked with axe and photographed.
 */

const password = 'Kaffee Fahrrad Wolke Sieben';

/**
 * Presses Tab until `target` has focus: proves the control is reachable by keyboard, without
 * hard-coding how many stops lie in between.
 */
async function tabTo(page: Page, target: Locator, maxPresses = 90): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `per Tab nicht erreichbar: ${target.toString()}`).toBeFocused();
}

async function tabAndType(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/** Screenshot first: axe's run can move focus (seen: to the skip link), and the picture should show where it was. */
async function checkScreen(page: Page, shot: (page: Page, name: string) => Promise<void>, name: string): Promise<void> {
  await shot(page, name);
  await expectNoA11yViolations(page);
}

test('Erster Start bis Entsperren – nur mit der Tastatur', async ({ app: page, shot }) => {
  // ---- first run ----
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Willkommen bei KIM Fallakte');
  await expect(heading).toBeFocused();
  await checkScreen(page, shot, '01-erster-start');

  await tabAndType(page, page.getByLabel('Name des Profils'), 'Fallmanagement Velbert');
  await tabAndType(page, page.getByLabel('Name der Fallmanagerin / des Fallmanagers'), 'Aylin Demir');
  // A short password is refused with the policy's German message, shown in the summary.
  const newPassword = page.getByLabel('Passwort (Pflichtfeld)', { exact: true });
  await tabAndType(page, newPassword, 'zu kurz');
  await tabAndType(page, page.getByLabel('Passwort wiederholen'), 'zu kurz');
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Das Passwort ist zu kurz');
  await checkScreen(page, shot, '02-erster-start-fehler');

  await newPassword.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(password);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(password);
  await expect(page.getByText('beide Eingaben stimmen überein')).toHaveClass(/rule-met/);
  await page.keyboard.press('Enter');

  // ---- "Heute" is the start page; then the persons (empty) ----
  await expect(heading).toContainText('Heute');
  await expect(heading).toBeFocused();
  await tabTo(page, page.getByRole('link', { name: 'Klient:innen' }));
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Klient:innen');
  await expect(page.getByText('Noch keine Klient:innen erfasst.')).toBeVisible();
  await checkScreen(page, shot, '03-klientinnen-leer');

  // ---- create a person ----
  await tabTo(page, page.getByRole('link', { name: 'Neue Person' }));
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Neue Person anlegen');
  // An empty submit shows every problem next to its field and in the summary.
  await tabTo(page, page.getByRole('button', { name: 'Person anlegen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' })).toBeFocused();
  await expect(page.getByLabel('Familienname')).toHaveAttribute('aria-invalid', 'true');
  await checkScreen(page, shot, '04-person-fehler');

  await page.keyboard.press('Tab'); // first summary link jumps to its field
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Familienname')).toBeFocused();
  await page.keyboard.type('Al-Hassan');
  await tabAndType(page, page.getByLabel('Vorname(n)'), 'Muhammad');
  await tabTo(page, page.getByRole('button', { name: 'Schreibweise hinzufügen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Weitere Schreibweise 1')).toBeFocused();
  await page.keyboard.type('Mohammad Alhasan');
  await tabTo(page, page.getByLabel('Datum', { exact: true }));
  // The order of a date control's segments follows the browser's UI language, which a test
  // cannot pin down; the value itself is set directly, the field was reached by keyboard.
  await page.getByLabel('Datum', { exact: true }).fill('1990-03-15');
  await expect(page.getByLabel('Datum', { exact: true })).toHaveValue('1990-03-15');
  await tabTo(page, page.getByRole('radio', { name: 'weiblich' }));
  await page.keyboard.press('ArrowRight'); // männlich
  await expect(page.getByRole('radio', { name: 'männlich' })).toBeChecked();
  await tabTo(page, page.getByRole('combobox', { name: 'Staatsangehörigkeit', exact: true }));
  await page.keyboard.type('Syrien');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Syrien entfernen' })).toBeVisible();
  await tabTo(page, page.getByRole('combobox', { name: 'Sprache', exact: true }));
  await page.keyboard.type('Arabisch');
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('checkbox', { name: /Dolmetscher:in benötigt/ }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByLabel('Aufenthaltsstatus'));
  await page.keyboard.type('Aufenthaltserlaubnis'); // type-ahead: "… – Asylberechtigung"
  await page.keyboard.press('ArrowDown'); // "… – Flüchtlingseigenschaft"
  await expect(page.getByText('Rechtsgrundlage: § 25 Abs. 2 S. 1 Alt. 1 AufenthG')).toBeVisible();
  await tabAndType(page, page.getByLabel('PLZ'), '42551');
  await tabTo(page, page.getByLabel('Kommune'));
  await page.keyboard.type('Velbert');
  await checkScreen(page, shot, '05-person-formular');
  await tabTo(page, page.getByRole('button', { name: 'Person anlegen' }));
  await page.keyboard.press('Enter');

  // ---- person detail ----
  await expect(heading).toContainText('Muhammad Al-Hassan');
  await expect(heading).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Die Person wurde angelegt.' })).toBeVisible();
  await expect(page.getByText('15.03.1990').first()).toBeVisible();
  await expect(page.getByText('Mohammad Alhasan')).toBeVisible();
  await checkScreen(page, shot, '06-person-ansicht');

  // ---- search a variant spelling ----
  await tabTo(page, page.getByRole('link', { name: 'Klient:innen' }));
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Klient:innen');
  await tabAndType(page, page.getByLabel('Suche nach Name oder Schreibweise'), 'Mohammed');
  const results = page.locator('#person-results');
  await expect(results.getByRole('link', { name: 'Al-Hassan, Muhammad' })).toBeVisible();
  await expect(results).toContainText('15.03.1990');
  await checkScreen(page, shot, '07-suche-schreibweise');

  // ---- a look-alike gets the duplicate warning ----
  await tabTo(page, page.getByRole('link', { name: 'Neue Person' }));
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Neue Person anlegen');
  await tabAndType(page, page.getByLabel('Familienname'), 'Alhassan');
  await tabAndType(page, page.getByLabel('Vorname(n)'), 'Mohamad');
  await tabTo(page, page.getByRole('radio', { name: 'vollständig bekannt' }));
  await page.keyboard.press('ArrowRight'); // nur das Jahr
  await expect(page.getByRole('radio', { name: 'nur das Jahr' })).toBeChecked();
  await tabAndType(page, page.getByLabel('Jahr', { exact: true }), '1990');
  await tabTo(page, page.getByRole('radio', { name: 'weiblich' }));
  await page.keyboard.press('ArrowLeft'); // wraps round to "unbekannt"
  await expect(page.getByRole('radio', { name: 'unbekannt' }).last()).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Person anlegen' }));
  await page.keyboard.press('Enter');
  const duplicatesTitle = page.getByRole('heading', { name: 'Mögliche Dubletten' });
  await expect(duplicatesTitle).toBeFocused();
  await expect(page.getByRole('link', { name: 'Öffnen: Al-Hassan, Muhammad' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Trotzdem neu anlegen' })).toBeVisible();
  await checkScreen(page, shot, '08-dubletten');

  // The case manager decides it is the same person and opens the existing file.
  await tabTo(page, page.getByRole('link', { name: 'Öffnen: Al-Hassan, Muhammad' }));
  await page.keyboard.press('Enter');
  await expect(heading).toContainText('Muhammad Al-Hassan');

  // ---- open a case: the target-group check (no arrival date yet, so with a reason) ----
  await tabTo(page, page.getByRole('link', { name: 'Fall eröffnen' }));
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Fall eröffnen für Muhammad Al-Hassan');
  await tabAndType(page, page.getByLabel(/^Begründung/), 'Einreisedatum noch nicht belegt.');
  await tabTo(page, page.getByRole('button', { name: 'Fall eröffnen' }));
  await page.keyboard.press('Enter');
  await expect(heading).toContainText('Fallakte Muhammad Al-Hassan');
  await expect(page.getByRole('status').filter({ hasText: 'Ein neuer Fall wurde eröffnet' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Phasen des Falls' }).locator('[aria-current="step"]')).toContainText('Zugang / Erstkontakt');
  await checkScreen(page, shot, '09-fall-eroeffnet');

  // ---- Meine Fälle ----
  await tabTo(page, page.getByRole('link', { name: 'Meine Fälle' }));
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Meine Fälle');
  const table = page.getByRole('table', { name: 'Meine Fälle' });
  const row = table.getByRole('row').filter({ hasText: 'Al-Hassan' });
  await expect(row).toContainText('Zugang / Erstkontakt');
  await expect(row).toContainText(/\d{2}\.\d{2}\.\d{4}/);
  await tabTo(page, row.getByRole('link', { name: /Al-Hassan/ }));
  await checkScreen(page, shot, '10-meine-faelle');

  // ---- settings ----
  await tabTo(page, page.getByRole('link', { name: 'Einstellungen' }));
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Einstellungen');
  await checkScreen(page, shot, '11-einstellungen');

  // ---- lock, wrong password, unlock ----
  await tabTo(page, page.getByRole('button', { name: 'Sperren' }));
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Fallakte entsperren');
  const passwordField = page.getByLabel('Passwort', { exact: true });
  await expect(passwordField).toBeFocused();
  await expect(page.getByText('Die Fallakte ist gesperrt.')).toBeVisible();
  await checkScreen(page, shot, '12-gesperrt');

  for (let attempt = 0; attempt < 3; attempt++) {
    await expect(page.getByRole('button', { name: 'Entsperren' })).toBeEnabled();
    await expect(passwordField).toBeFocused();
    await page.keyboard.type('falsches Passwort');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText('Das Passwort ist falsch.');
  }
  // After repeated failures the next try waits; the countdown says how long.
  await expect(page.getByText(/Nächster Versuch in \d+ Sekunden? möglich/)).toBeVisible();
  await checkScreen(page, shot, '13-falsches-passwort');

  await expect(page.getByRole('button', { name: 'Entsperren' })).toBeEnabled({ timeout: 10_000 });
  await passwordField.focus();
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');

  // ---- the data are still there ----
  await expect(heading).toContainText('Heute');
  await tabTo(page, page.getByRole('link', { name: 'Klient:innen' }));
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Klient:innen');
  await tabAndType(page, page.getByLabel('Suche nach Name oder Schreibweise'), 'Yusuf');
  await expect(page.getByText('Keine Person gefunden für „Yusuf“.')).toBeVisible();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Al-Hassan');
  await expect(page.locator('#person-results').getByRole('link', { name: 'Al-Hassan, Muhammad' })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'Meine Fälle' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: 'Meine Fälle' }).getByRole('row').filter({ hasText: 'Al-Hassan' })).toBeVisible();
  await checkScreen(page, shot, '14-nach-entsperren');
});
