import type { Locator, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test } from './fixtures';

/**
 * A case file by keyboard alone: a household link, opening a case through the target-group
 * check (with a Begründung), phase moves, a Rechtskreis with a Frist, a generative theme, a
 * manual Wiedervorlage that shows up on "Heute", closing with the explicit acknowledgement of
 * open items, and reopening. The test data that a colleague would have entered earlier (the
 * profile, two persons) are made through the core; every step of the user is a key press.
 */

const password = 'Kaffee Fahrrad Wolke Sieben';

async function tabTo(page: Page, target: Locator, maxPresses = 120): Promise<void> {
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

async function press(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

async function checkScreen(page: Page, shot: (page: Page, name: string) => Promise<void>, name: string): Promise<void> {
  await shot(page, name);
  await expectNoA11yViolations(page);
}

test('Fallakte: Zielgruppe, Phasen, Rechtskreise, Themen, Wiedervorlage, Abschluss', async ({ app: page, host, shot }) => {
  const profile = await host.core.handle('profiles.create', { name: 'Fallmanagement Velbert', userName: 'Aylin Demir', password, passwordRepeat: password });
  expect(profile.ok).toBe(true);
  for (const person of [
    { familyName: 'Haddad', givenNames: 'Amina', birthDate: { kind: 'year', year: 1988 }, gender: 'weiblich', residence: { status: 'ae_fluechtling' } },
    { familyName: 'Haddad', givenNames: 'Omar', birthDate: { kind: 'year', year: 2012 }, gender: 'maennlich' },
  ]) {
    const created = await host.core.handle('persons.create', person);
    expect(created.ok).toBe(true);
  }
  await page.reload();
  const heading = page.getByRole('heading', { level: 1 });

  // ---- "Heute" is the start page; with nothing to do it says so ----
  await expect(heading).toContainText('Heute');
  await expect(page.getByText('Heute steht nichts an.')).toBeVisible();
  await checkScreen(page, shot, '01-heute-leer');

  // ---- the person, and her son as a household member ----
  await press(page, page.getByRole('link', { name: 'Klient:innen' }));
  await expect(heading).toHaveText('Klient:innen');
  await tabAndType(page, page.getByLabel('Suche nach Name oder Schreibweise'), 'Amina');
  await press(page, page.locator('#person-results').getByRole('link', { name: 'Haddad, Amina' }));
  await expect(heading).toContainText('Amina Haddad');

  await press(page, page.getByRole('button', { name: 'Person verknüpfen' }));
  await tabAndType(page, page.getByRole('searchbox', { name: 'Person suchen' }), 'Omar');
  const omar = page.getByRole('radio', { name: /Haddad, Omar/ });
  await expect(omar).toBeVisible();
  await press(page, omar, 'Space');
  await expect(omar).toBeChecked();
  await tabTo(page, page.getByRole('combobox', { name: /Beziehung/ }));
  await page.keyboard.type('Kind');
  await expect(page.getByRole('combobox', { name: /Beziehung/ })).toHaveValue('kind');
  await expect(page.getByRole('checkbox', { name: 'lebt im selben Haushalt' })).toBeChecked();
  await press(page, page.getByRole('button', { name: 'Verknüpfung speichern' }));
  const household = page.getByRole('region', { name: 'Haushalt und Familie' });
  await expect(household.getByRole('link', { name: 'Omar Haddad' })).toBeVisible();
  await expect(household).toContainText('Kind · lebt im selben Haushalt');
  await checkScreen(page, shot, '02-person-haushalt');

  // ---- opening the case: target-group check ----
  await press(page, page.getByRole('link', { name: 'Fall eröffnen' }));
  await expect(heading).toHaveText('Fall eröffnen für Amina Haddad');
  const autoCriteria = page.getByRole('region', { name: 'Kriterien aus den Daten der Person' });
  await expect(autoCriteria).toContainText('Aufenthaltsstatus der Zielgruppe');
  await expect(autoCriteria).toContainText('erfüllt · aus den Daten der Person');
  // no arrival date recorded: that criterion cannot be told
  await expect(autoCriteria).toContainText('unbekannt');
  const noOtherCm = page.getByRole('group', { name: /Keine andere Fallbegleitung/ });
  await press(page, noOtherCm.getByRole('radio', { name: 'ja' }), 'Space');
  await expect(noOtherCm.getByRole('radio', { name: 'ja' })).toBeChecked();
  const domains = page.getByRole('group', { name: /mehreren Rechtskreisen/ });
  await press(page, domains.getByRole('radio', { name: 'ja' }), 'Space');
  const verdict = page.getByRole('region', { name: 'Ergebnis der Prüfung' });
  await expect(verdict).toContainText('Ein Kriterium ist nicht erfüllt oder unbekannt');

  // without a reason the case is not opened
  await press(page, page.getByRole('button', { name: 'Fall eröffnen' }));
  const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Begründung: Bitte begründen Sie');
  await tabAndType(page, page.getByLabel(/^Begründung/), 'Zuzug 2023 aus Wuppertal, Datum noch nicht belegt; Bedarf in drei Rechtskreisen.');
  await press(page, page.getByRole('checkbox', { name: /Omar Haddad/ }), 'Space');
  await checkScreen(page, shot, '03-zielgruppe');
  await press(page, page.getByRole('button', { name: 'Fall eröffnen' }));

  // ---- the case file ----
  await expect(heading).toContainText('Fallakte Amina Haddad');
  await expect(page.getByRole('status').filter({ hasText: 'Ein neuer Fall wurde eröffnet' })).toBeVisible();
  const stepper = page.getByRole('navigation', { name: 'Phasen des Falls' });
  await expect(stepper.locator('[aria-current="step"]')).toContainText('Zugang / Erstkontakt');
  const tabs = page.getByRole('tablist', { name: 'Bereiche der Fallakte' });
  await expect(tabs.getByRole('tab', { name: 'Überblick' })).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('tabpanel');
  await expect(panel).toContainText('Zuzug 2023 aus Wuppertal');
  await expect(panel.getByRole('checkbox', { name: /Omar Haddad/ })).toBeChecked();

  // two phase moves; the form suggests the next phase each time
  await expect(page.getByRole('combobox', { name: /Neue Phase/ })).toHaveValue('clearing');
  await tabAndType(page, page.getByLabel('Notiz zum Wechsel'), 'Erstgespräch mit Dolmetscherin geführt.');
  await press(page, page.getByRole('button', { name: 'Phase wechseln' }));
  await expect(page.getByRole('status').filter({ hasText: 'jetzt in der Phase „Clearing / Assessment“' })).toBeVisible();
  await expect(stepper.locator('[aria-current="step"]')).toContainText('Clearing / Assessment');
  await expect(page.getByRole('combobox', { name: /Neue Phase/ })).toHaveValue('hilfeplanung');
  await press(page, page.getByRole('button', { name: 'Phase wechseln' }));
  await expect(stepper.locator('[aria-current="step"]')).toContainText('Hilfeplanung');
  const history = page.getByRole('region', { name: 'Verlauf der Phasen' });
  await expect(history.getByRole('row')).toHaveCount(4);
  await expect(history).toContainText('Wechsel von „Zugang / Erstkontakt“ zu „Clearing / Assessment“');
  await checkScreen(page, shot, '04-fallakte-ueberblick');

  // ---- tabs by arrow keys: Rechtskreise & Fristen ----
  await tabTo(page, tabs.getByRole('tab', { name: 'Überblick' }));
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
  const legalTab = tabs.getByRole('tab', { name: 'Rechtskreise & Fristen' });
  await expect(legalTab).toBeFocused();
  await expect(legalTab).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/#\/cases\/[0-9a-f-]+\/legal$/);
  await expect(panel.getByText('Noch kein Rechtskreis erfasst.')).toBeVisible();

  await tabTo(page, page.getByRole('combobox', { name: /^Rechtskreis \(Pflichtfeld\)/ }));
  await page.keyboard.type('SGB II');
  await expect(page.getByRole('combobox', { name: /^Rechtskreis \(Pflichtfeld\)/ })).toHaveValue('sgb2');
  await tabAndType(page, page.getByLabel(/^Zuständige Stelle/), 'Jobcenter ME-aktiv, Velbert');
  await tabAndType(page, page.getByLabel('Aktenzeichen'), '34201BG0012345');
  await tabAndType(page, page.getByLabel('Ansprechperson'), 'Frau Kowalski');
  await press(page, page.getByRole('button', { name: 'Rechtskreis hinzufügen' }));
  await expect(page.getByRole('status').filter({ hasText: 'Der Rechtskreis „SGB II (Bürgergeld)“ wurde hinzugefügt.' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'SGB II (Bürgergeld)' })).toBeVisible();
  await expect(panel).toContainText('34201BG0012345');

  await tabTo(page, page.getByRole('combobox', { name: /^Art der Frist/ }));
  await page.keyboard.type('Ablauf');
  await expect(page.getByRole('combobox', { name: /^Art der Frist/ })).toHaveValue('aufenthaltstitel_ablauf');
  await tabTo(page, page.locator('#deadline-dueAt'));
  // a date control's segment order follows the browser's language: the value is set directly
  await page.locator('#deadline-dueAt').fill('2027-03-31');
  await press(page, page.getByRole('button', { name: 'Frist hinzufügen' }));
  const deadlines = page.getByRole('region', { name: /^Fristen/ });
  await expect(deadlines.getByRole('row').filter({ hasText: 'Ablauf des Aufenthaltstitels' })).toContainText('31.03.2027');
  await checkScreen(page, shot, '05-rechtskreise-fristen');

  // ---- Generative Themen ----
  await tabTo(page, legalTab);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(tabs.getByRole('tab', { name: 'Generative Themen' })).toHaveAttribute('aria-selected', 'true');
  await tabTo(page, page.getByRole('combobox', { name: 'Thema aus der Liste des Kreises' }));
  await page.keyboard.type('Lange W');
  await expect(page.getByRole('combobox', { name: 'Thema aus der Liste des Kreises' })).toHaveValue('termine_abh');
  await tabAndType(page, page.getByLabel('Beobachtung im Fall'), 'Termin zur Verlängerung erst in vier Monaten.');
  await press(page, page.getByRole('button', { name: 'Thema hinzufügen' }));
  await expect(panel.getByRole('listitem').filter({ hasText: 'Lange Wartezeiten auf Termine bei der Ausländerbehörde' })).toContainText('Aylin Demir');
  await checkScreen(page, shot, '06-generative-themen');

  // ---- a manual Wiedervorlage, due today ----
  await tabTo(page, tabs.getByRole('tab', { name: 'Generative Themen' }));
  await page.keyboard.press('ArrowUp');
  await expect(tabs.getByRole('tab', { name: 'Wiedervorlagen' })).toHaveAttribute('aria-selected', 'true');
  await tabAndType(page, page.getByLabel(/^Was ist zu tun\?/), 'Bescheid des Jobcenters nachfragen');
  const today = await page.evaluate(() => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  });
  await tabTo(page, page.locator('#task-dueAt'));
  await page.locator('#task-dueAt').fill(today);
  await press(page, page.getByRole('button', { name: 'Wiedervorlage anlegen' }));
  await expect(page.getByRole('status').filter({ hasText: 'Die Wiedervorlage „Bescheid des Jobcenters nachfragen“ wurde angelegt.' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Offene Wiedervorlagen/ })).toContainText('Bescheid des Jobcenters nachfragen');
  await checkScreen(page, shot, '07-wiedervorlagen');

  // ---- it shows on "Heute" ----
  await press(page, page.getByRole('link', { name: 'Heute', exact: true }));
  await expect(heading).toContainText('Heute');
  const dueToday = page.getByRole('region', { name: /^Heute fällig/ });
  await expect(dueToday.getByRole('heading')).toHaveText('Heute fällig (1)');
  await expect(dueToday).toContainText('Bescheid des Jobcenters nachfragen');
  await expect(dueToday.getByRole('link', { name: 'Haddad, Amina', exact: true })).toBeVisible();
  await checkScreen(page, shot, '08-heute');

  // ---- the person's file (one call) shows the open task; no contact is recorded yet ----
  await press(page, dueToday.getByRole('link', { name: 'Haddad, Amina', exact: true }));
  await expect(heading).toContainText('Amina Haddad');
  const openTasks = page.getByRole('region', { name: 'Offene Wiedervorlagen' });
  await expect(openTasks).toContainText('Bescheid des Jobcenters nachfragen');
  await expect(openTasks).toContainText(`fällig am ${today.split('-').reverse().join('.')}`);
  await expect(openTasks).not.toContainText('überfällig');
  await expect(openTasks.getByRole('link', { name: /^Zur Fallakte.*Bescheid des Jobcenters nachfragen$/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Letzte Beratungskontakte' })).toContainText('Es ist noch kein Beratungskontakt erfasst.');
  await expect(page.getByRole('region', { name: 'Haushalt und Familie' }).getByRole('link', { name: 'Omar Haddad' })).toBeVisible();
  await checkScreen(page, shot, '08b-person-akte');
  await press(page, page.getByRole('link', { name: 'Heute', exact: true }));
  await expect(dueToday).toContainText('Bescheid des Jobcenters nachfragen');
  await press(page, dueToday.getByRole('link', { name: /Zur Fallakte/ }));
  await expect(heading).toContainText('Fallakte Amina Haddad');
  await expect(tabs.getByRole('tab', { name: 'Wiedervorlagen' })).toHaveAttribute('aria-selected', 'true');

  // ---- closing: the open task must be acknowledged ----
  await tabTo(page, tabs.getByRole('tab', { name: 'Wiedervorlagen' }));
  await page.keyboard.press('Home');
  await expect(tabs.getByRole('tab', { name: 'Überblick' })).toHaveAttribute('aria-selected', 'true');
  const closeButton = page.getByRole('button', { name: 'Fall abschließen …' });
  await press(page, closeButton);
  const dialog = page.getByRole('dialog', { name: 'Fall abschließen' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Bescheid des Jobcenters nachfragen');
  // Escape closes the dialog, and the focus goes back to where it was
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(closeButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await press(page, dialog.getByRole('radio', { name: 'Ziele erreicht' }), 'Space');
  await press(page, dialog.getByRole('button', { name: 'Fall abschließen' }));
  const closeSummary = dialog.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
  await expect(closeSummary).toBeFocused();
  await expect(closeSummary).toContainText('Trotzdem abschließen');
  await checkScreen(page, shot, '09-abschluss-dialog');
  await press(page, dialog.getByRole('checkbox', { name: 'Trotzdem abschließen' }), 'Space');
  await press(page, dialog.getByRole('button', { name: 'Fall abschließen' }));
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Der Fall wurde abgeschlossen.' })).toBeVisible();
  await expect(page.getByText('Dieser Fall wurde am')).toBeVisible();
  await expect(stepper.locator('[aria-current="step"]')).toContainText('Abschluss / Evaluation');
  await expect(page.getByRole('button', { name: 'Phase wechseln' })).toHaveCount(0);
  await checkScreen(page, shot, '10-fall-abgeschlossen');

  // ---- reopening with a reason ----
  await tabAndType(page, page.getByLabel(/^Grund für die Wiedereröffnung/), 'Neuer Bescheid der Ausländerbehörde, erneuter Beratungsbedarf.');
  await press(page, page.getByRole('button', { name: 'Fall wieder eröffnen' }));
  await expect(page.getByRole('status').filter({ hasText: 'Der Fall wurde wieder eröffnet.' })).toBeVisible();
  await expect(stepper.locator('[aria-current="step"]')).toContainText('Umsetzung und Monitoring');
  await expect(history).toContainText('Wieder eröffnet: Umsetzung und Monitoring');
  await checkScreen(page, shot, '11-wieder-eroeffnet');

  // ---- the closing set the open task to "entfallen": "Heute" is empty again ----
  await press(page, page.getByRole('link', { name: 'Heute', exact: true }));
  await expect(page.getByText('Heute steht nichts an.')).toBeVisible();

  // ---- settings: the rule lead times ----
  await press(page, page.getByRole('link', { name: 'Einstellungen' }));
  await expect(heading).toHaveText('Einstellungen');
  const permit = page.getByLabel(/^Aufenthaltstitel läuft ab: Tage vorher/);
  await expect(permit).toHaveValue('90');
  await tabTo(page, permit);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('400');
  await press(page, page.getByRole('region', { name: 'Wiedervorlagen' }).getByRole('button', { name: 'Speichern' }));
  await expect(page.getByRole('region', { name: 'Wiedervorlagen' }).getByRole('alert')).toContainText('Bitte eine ganze Zahl zwischen 1 und 365 angeben.');
  await permit.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('120');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Die Einstellungen für Wiedervorlagen wurden gespeichert.' })).toBeVisible();
  await checkScreen(page, shot, '12-einstellungen-wiedervorlagen');

  // ---- the county's partner directory (reference data), filtered ----
  await press(page, page.getByRole('link', { name: 'Netzwerkpartner' }));
  await expect(heading).toHaveText('Netzwerkpartner');
  await tabAndType(page, page.getByLabel('Filtern nach Name, Art oder Kommune'), 'jobcenter');
  await expect(page.getByRole('status').filter({ hasText: '1 Netzwerkpartner' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Jobcenter' })).toContainText('Jobcenter ME-aktiv');
  await expect(page.getByRole('region', { name: 'Ausländerbehörde' })).toHaveCount(0);
  await checkScreen(page, shot, '13-netzwerkpartner');
});
