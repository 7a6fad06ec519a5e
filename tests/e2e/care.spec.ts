import { deflateSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test } from './fixtures';

/**
 * The case work of one case, by keyboard alone: a consent with its signed form attached and
 * previewed (pdf.js inside the app's CSP), an assessment and a re-assessment with its trend,
 * a Hilfeplan with two goals and steps, three contacts (one note corrected, both versions
 * visible), a referral refused without consent and saved once the consent is recorded, and a
 * scan attached to the case and previewed. Every screen is checked with axe and photographed.
 */

const password = 'Kaffee Fahrrad Wolke Sieben';

// ---------- test files, built here so the test carries no binary fixtures ----------

/** A small valid one-page PDF with a line of text (offsets in the xref table computed). */
function samplePdf(text: string): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET\n0 0 1 RG 6 w 72 680 m 520 680 l S`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
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

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A 120×80 PNG: blue above, orange below (a "scan" whose drawing can be checked). */
function samplePng(): Buffer {
  const width = 120;
  const height = 80;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const [r, g, b] = y < height / 2 ? [29, 79, 145] : [230, 140, 20];
      raw.set([r, g, b], row + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// ---------- keyboard helpers ----------

/** Presses Tab until `target` has focus: the control is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, maxPresses = 160): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `per Tab nicht erreichbar: ${target.toString()}`).toBeFocused();
}

/**
 * Date and time controls order their segments by the browser's UI language, which a test cannot
 * pin down (see first-run.spec.ts): the field is reached by keyboard, the value set directly.
 */
async function tabAndFill(page: Page, target: Locator, value: string): Promise<void> {
  await tabTo(page, target);
  await target.fill(value);
  await expect(target).toHaveValue(value);
}

async function tabAndType(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/** Chooses an option of a closed <select> with the arrow keys, as a keyboard user does. */
async function choose(page: Page, select: Locator, optionText: string): Promise<void> {
  await tabTo(page, select);
  await page.keyboard.press('Home');
  for (let i = 0; i < 40; i++) {
    const current = await select.evaluate((element) => (element as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    if (current.includes(optionText)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`Option „${optionText}“ nicht gefunden`);
}

/** Moves within a radio group with the arrow keys until `label` is chosen. */
async function chooseRadio(page: Page, group: Locator, label: string): Promise<void> {
  await tabTo(page, group.locator('input[type="radio"]:checked'));
  const target = group.getByRole('radio', { name: label, exact: true });
  for (let i = 0; i < 8; i++) {
    if (await target.isChecked()) return;
    await page.keyboard.press('ArrowRight');
  }
  await expect(target).toBeChecked();
}

async function press(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** The case file's tabs follow the WAI-ARIA pattern: the arrow keys move and select. */
async function openTab(page: Page, name: string): Promise<void> {
  const target = page.getByRole('tab', { name, exact: true });
  if ((await target.getAttribute('aria-selected')) === 'true') return;
  await page.getByRole('tab', { selected: true }).focus();
  // Walk by focus (the selection follows it, a moment later through the route).
  for (let i = 0; i < 12; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(target).toBeFocused();
  await expect(target).toHaveAttribute('aria-selected', 'true');
}

/** Attaches a file through the button: Enter opens the file chooser, the test answers it. */
async function attach(page: Page, button: Locator, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await tabTo(page, button);
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(file);
}

/** How many pixels of a canvas are clearly not white: proof that something was drawn. */
async function inkedPixels(canvas: Locator): Promise<number> {
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

async function checkScreen(page: Page, shot: (page: Page, name: string) => Promise<void>, name: string): Promise<void> {
  await shot(page, name);
  await expectNoA11yViolations(page);
}

test('Fallarbeit: Einwilligung mit Formular, Assessment, Hilfeplan, Kontakte, Vermittlung, Dokumente', async ({ app: page, host, shot }) => {
  // A long walk by keyboard through six tabs.
  test.setTimeout(480_000);
  // ---- setup through the core: profile, person, case (the opening screen has its own test) ----
  const profile = await host.core.handle('profiles.create', { name: 'Fallmanagement Hilden', userName: 'Jonas Becker', password, passwordRepeat: password });
  expect(profile.ok).toBe(true);
  const person = await host.core.handle('persons.create', { familyName: 'Haddad', givenNames: 'Samira', birthDate: { kind: 'year', year: 1991 }, gender: 'weiblich' });
  if (!person.ok) throw new Error(person.error.message);
  const personId = (person.value as { id: string }).id;
  const opened = await host.core.handle('cases.open', { personId, overrideReason: 'Zuweisung durch die Ausländerbehörde' });
  if (!opened.ok) throw new Error(opened.error.message);
  const caseId = (opened.value as { id: string }).id;

  await page.reload();
  // The unlocked app starts on "Heute"; only then does the route to the case stay put.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Heute');
  await page.evaluate((id) => (window.location.hash = `#/cases/${id}`), caseId);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Samira');

  // ---- Einwilligungen: a refused save, then a consent with its signed form ----
  await openTab(page, 'Einwilligungen');
  const consentForm = page.locator('form').filter({ has: page.getByLabel('Zweck') });
  await press(page, consentForm.getByRole('button', { name: 'Einwilligung speichern' }));
  const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Zweck: Bitte den Zweck der Einwilligung wählen.');
  await checkScreen(page, shot, '01-einwilligung-fehler');

  await choose(page, page.getByLabel('Zweck (Pflichtfeld)'), 'Schweigepflichtentbindung');
  await choose(page, page.getByLabel('Empfangende Stelle (Netzwerkpartner)'), 'Jobcenter ME-aktiv');
  await chooseRadio(page, page.getByRole('group', { name: 'Form (Pflichtfeld)' }), 'mündlich mit Dolmetschung');
  await tabAndType(page, page.getByLabel('Sprache der Dolmetschung'), 'Arabisch');
  await tabAndFill(page, page.getByLabel('Gültig bis'), '2027-12-31');
  await press(page, consentForm.getByRole('button', { name: 'Einwilligung speichern' }));
  const consentCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Schweigepflichtentbindung · Jobcenter ME-aktiv/ }) });
  await expect(consentCard.getByRole('heading', { level: 3 })).toBeFocused();
  await expect(consentCard).toContainText('gültig');
  await expect(consentCard).toContainText('mündlich mit Dolmetschung (Arabisch)');
  await expect(consentCard).toContainText('31.12.2027');

  await attach(page, consentCard.getByRole('button', { name: /Datei anhängen/ }), {
    name: 'Schweigepflichtentbindung-Jobcenter.pdf',
    mimeType: 'application/pdf',
    buffer: samplePdf('Schweigepflichtentbindung - unterschrieben'),
  });
  const pdfItem = consentCard.getByRole('listitem').filter({ hasText: 'Schweigepflichtentbindung-Jobcenter.pdf' });
  await expect(pdfItem).toContainText('PDF');
  await expect(pdfItem).toContainText(/\d+ (B|KB)/);
  await checkScreen(page, shot, '02-einwilligung-mit-formular');

  // preview: pdf.js draws the page on a canvas inside the app's CSP; Escape closes
  const previewButton = pdfItem.getByRole('button', { name: /Ansehen/ });
  await press(page, previewButton);
  const dialog = page.getByRole('dialog', { name: /Schweigepflichtentbindung-Jobcenter\.pdf/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(dialog.getByText('Seite 1 von 1')).toBeVisible();
  const pdfCanvas = dialog.getByRole('img', { name: /Seite 1 von 1/ });
  await expect.poll(() => inkedPixels(pdfCanvas), { message: 'pdf.js hat die Seite gezeichnet' }).toBeGreaterThan(500);
  await checkScreen(page, shot, '03-vorschau-pdf');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(previewButton).toBeFocused();

  // ---- Assessment: first assessment, then a second one that shows the trend ----
  await openTab(page, 'Einschätzung');
  await press(page, page.getByRole('button', { name: 'Neue Einschätzung' }));
  await expect(page.getByRole('heading', { name: 'Neue Einschätzung' })).toBeFocused();
  // saving with no domain assessed is refused with the shared schema's message
  await press(page, page.getByRole('button', { name: 'Einschätzung speichern' }));
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Bitte mindestens ein Handlungsfeld einschätzen.');
  await chooseRadio(page, page.getByRole('group', { name: 'Wohnen' }), 'hoch');
  await tabAndType(page, page.getByRole('group', { name: 'Wohnen' }).getByLabel('Situation'), 'Gemeinschaftsunterkunft, Familie mit zwei Kindern in einem Zimmer.');
  await tabAndType(page, page.getByRole('group', { name: 'Wohnen' }).getByLabel('Ressourcen'), 'WBS beantragt.');
  await chooseRadio(page, page.getByRole('group', { name: 'Sprache' }), 'mittel');
  await tabAndType(page, page.getByRole('group', { name: 'Sprache' }).getByLabel('Situation'), 'A2 erreicht, Integrationskurs unterbrochen.');
  await chooseRadio(page, page.getByRole('group', { name: 'Ausbildung und Arbeit' }), 'gering');
  await press(page, page.getByRole('button', { name: 'Einschätzung speichern' }));
  await expect(page.getByText('Die Einschätzung ist gespeichert.')).toBeVisible();

  await press(page, page.getByRole('button', { name: 'Neue Einschätzung' }));
  await expect(page.getByRole('group', { name: 'Wohnen' })).toContainText('Bisher: Bedarf hoch');
  await chooseRadio(page, page.getByRole('group', { name: 'Wohnen' }), 'mittel');
  await tabAndType(page, page.getByRole('group', { name: 'Wohnen' }).getByLabel('Situation'), 'Wohnung in Aussicht, Besichtigung vereinbart.');
  await press(page, page.getByRole('button', { name: 'Einschätzung speichern' }));
  const housing = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Wohnen', exact: true }) });
  await expect(housing).toContainText('Bedarf: mittel');
  await expect(housing).toContainText('Entwicklung: hoch → mittel (Bedarf gesunken)');
  await press(page, housing.getByText('Frühere Einschätzung (1)'));
  await expect(housing).toContainText('Gemeinschaftsunterkunft');
  await checkScreen(page, shot, '04-assessment');

  // ---- Hilfeplan: two goals, a step by a partner, done; a status change ----
  await openTab(page, 'Hilfeplan');
  await press(page, page.getByRole('button', { name: 'Ziel hinzufügen' }));
  await choose(page, page.getByLabel('Handlungsfeld (Pflichtfeld)'), 'Sprache');
  await tabAndType(page, page.getByLabel('Ziel (Pflichtfeld)'), 'Integrationskurs fortsetzen und B1 abschließen');
  await press(page, page.getByRole('button', { name: 'Ziel speichern' }));
  await expect(page.getByText('Das Ziel ist gespeichert.')).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Ziel hinzufügen' }));
  await choose(page, page.getByLabel('Handlungsfeld (Pflichtfeld)'), 'Wohnen');
  await tabAndType(page, page.getByLabel('Ziel (Pflichtfeld)'), 'Eigene Wohnung für die Familie finden');
  await tabAndFill(page, page.getByLabel('Fällig am'), '2027-06-30');
  await press(page, page.getByRole('button', { name: 'Ziel speichern' }));
  const languageGoal = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Integrationskurs fortsetzen und B1 abschließen' }) });
  const housingGoal = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Eigene Wohnung für die Familie finden' }) });
  await expect(housingGoal).toContainText('fällig am 30.06.2027');

  await press(page, languageGoal.getByRole('button', { name: /Schritt hinzufügen/ }));
  await expect(languageGoal.getByLabel('Schritt (Pflichtfeld)')).toBeFocused();
  await page.keyboard.type('Anmeldung beim Kursträger klären');
  await chooseRadio(page, languageGoal.getByRole('group', { name: 'Wer (Pflichtfeld)' }), 'Netzwerkpartner');
  await choose(page, languageGoal.getByLabel('Netzwerkpartner (Pflichtfeld)'), 'Integrationskurse VHS');
  await press(page, languageGoal.getByRole('button', { name: 'Schritt speichern' }));
  const step = languageGoal.getByRole('checkbox', { name: /Anmeldung beim Kursträger klären/ });
  await expect(step).not.toBeChecked();
  await expect(languageGoal).toContainText('Integrationskurse VHS');
  await press(page, step, 'Space');
  await expect(step).toBeChecked();
  await expect(languageGoal).toContainText('1 von 1 Schritt erledigt');

  await choose(page, housingGoal.getByLabel(/^Status/), 'in Arbeit');
  await press(page, housingGoal.getByRole('button', { name: 'Status speichern' }));
  await expect(housingGoal.locator('.care-badge')).toHaveText(/in Arbeit/);
  await checkScreen(page, shot, '05-hilfeplan');

  // ---- Kontakte: three contacts, one note corrected; both versions stay visible ----
  await openTab(page, 'Kontakte');
  const contacts = [
    { date: '2026-03-02', time: '09:30', minutes: '60', mode: 'persönlich', note: 'Erstgespräch mit Dolmetscherin, Unterlagen gesichtet.', interpreter: true },
    { date: '2026-03-10', time: '14:00', minutes: '15', mode: 'telefonisch', note: 'Termin bei der Ausländerbehörde besprochen.', interpreter: false },
    { date: '2026-03-17', time: '11:00', minutes: '45', mode: 'aufsuchend', note: 'Besuch in der Unterkunft; Wohnungsangbeot besprochen.', interpreter: false },
  ];
  for (const contact of contacts) {
    await press(page, page.getByRole('button', { name: 'Kontakt erfassen' }));
    await tabAndFill(page, page.getByLabel('Datum (Pflichtfeld)'), contact.date);
    await tabAndFill(page, page.getByLabel('Uhrzeit'), contact.time);
    await tabAndType(page, page.getByLabel('Dauer in Minuten (Pflichtfeld)'), contact.minutes);
    await chooseRadio(page, page.getByRole('group', { name: 'Art (Pflichtfeld)' }), contact.mode);
    await tabAndType(page, page.getByLabel('Beteiligte'), 'Klientin, Fallmanagement');
    if (contact.interpreter) {
      await press(page, page.getByLabel('mit Dolmetschung'), 'Space');
      await tabAndType(page, page.getByLabel('Sprache (Pflichtfeld)'), 'Arabisch');
      await choose(page, page.getByLabel('Art der Dolmetschung (Pflichtfeld)'), 'professionell');
    }
    await press(page, page.getByRole('group', { name: 'Themen' }).getByLabel('Wohnen'), 'Space');
    await press(page, page.getByRole('group', { name: 'Themen' }).getByLabel('Aufenthalt'), 'Space');
    await tabAndType(page, page.getByLabel('Vermerk (Pflichtfeld)'), contact.note);
    await press(page, page.getByRole('button', { name: 'Kontakt speichern' }));
    await expect(page.getByText('Der Kontakt ist gespeichert.')).toBeVisible();
  }
  const contactCards = page.locator('.care-list > li');
  await expect(contactCards).toHaveCount(3);
  // newest first
  await expect(contactCards.first().getByRole('heading', { level: 3 })).toHaveText('17.03.2026, 11:00 · aufsuchend · 45 Minuten');
  await expect(contactCards.nth(2)).toContainText('Arabisch (professionell)');

  const visit = contactCards.first();
  await press(page, visit.getByRole('button', { name: /Vermerk korrigieren/ }));
  const corrected = visit.getByLabel('Korrigierter Vermerk (Pflichtfeld)');
  await tabTo(page, corrected);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Besuch in der Unterkunft; Wohnungsangebot in Hilden besprochen.');
  await tabAndType(page, visit.getByLabel('Grund der Korrektur'), 'Tippfehler und Ort ergänzt');
  await press(page, visit.getByRole('button', { name: 'Korrektur speichern' }));
  await expect(visit.getByText('Die Korrektur ist als neue Fassung gespeichert.')).toBeVisible();
  await expect(visit).toContainText('Wohnungsangebot in Hilden besprochen.');
  await expect(visit).toContainText('Fassung 2 · Jonas Becker');
  await press(page, visit.getByText('Frühere Fassung (1)'));
  await expect(visit).toContainText('Fassung 1 · Jonas Becker');
  await expect(visit).toContainText('Wohnungsangbeot besprochen.');
  await checkScreen(page, shot, '06-kontakte');

  // ---- Vermittlungen: refused without consent, saved once the consent is recorded ----
  await openTab(page, 'Vermittlungen');
  await press(page, page.getByRole('button', { name: 'Vermittlung erfassen' }));
  await choose(page, page.getByLabel('Netzwerkpartner (Pflichtfeld)'), 'Ausländerbehörde Kreis Mettmann');
  await choose(page, page.getByLabel('Handlungsfeld (Pflichtfeld)'), 'Aufenthalt');
  await tabAndType(page, page.getByLabel('Anlass (Pflichtfeld)'), 'Verlängerung der Aufenthaltserlaubnis vorbereiten');
  await expect(page.getByText('Für diesen Partner liegt keine gültige Einwilligung vor.')).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Vermittlung speichern' }));
  const refusal = page.getByRole('alert').filter({ hasText: 'Die Vermittlung wurde nicht gespeichert' });
  await expect(refusal).toBeVisible();
  await checkScreen(page, shot, '07-vermittlung-abgelehnt');

  await press(page, refusal.getByRole('button', { name: 'Einwilligung für Ausländerbehörde Kreis Mettmann erfassen' }));
  const inlineConsent = page.getByRole('region', { name: 'Neue Einwilligung erfassen' });
  await expect(inlineConsent.getByRole('heading', { level: 3 })).toBeFocused();
  await expect(inlineConsent.getByLabel('Zweck (Pflichtfeld)')).toHaveValue('vermittlung');
  await expect(inlineConsent.getByLabel('Empfangende Stelle (Netzwerkpartner)')).toHaveValue('abh-me');
  await press(page, inlineConsent.getByRole('button', { name: 'Einwilligung speichern' }));
  await expect(page.getByText('Die Einwilligung ist gespeichert. Sie können die Vermittlung jetzt speichern.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Vermittlung speichern' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Die Vermittlung ist gespeichert.')).toBeVisible();
  const referral = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Ausländerbehörde Kreis Mettmann · Aufenthalt' }) });
  await expect(referral).toContainText('angefragt');
  await expect(referral).toContainText('Vermittlung vom');

  await press(page, referral.getByRole('button', { name: /Status ändern/ }));
  await choose(page, referral.getByLabel('Neuer Status (Pflichtfeld)'), 'angenommen');
  await tabAndType(page, referral.getByLabel('Ergebnis'), 'Termin am 14.04. bestätigt.');
  await press(page, referral.getByRole('button', { name: 'Status speichern' }));
  await expect(referral.locator('.care-badge')).toHaveText(/angenommen/);
  await expect(referral).toContainText('Termin am 14.04. bestätigt.');
  await checkScreen(page, shot, '08-vermittlungen');

  // ---- Dokumente: a scan attached to the case and previewed; a wrong file type is refused ----
  await openTab(page, 'Dokumente');
  const attachButton = page.getByRole('button', { name: /Datei anhängen/ });
  await attach(page, attachButton, { name: 'notiz.txt', mimeType: 'text/plain', buffer: Buffer.from('kein Scan') });
  await expect(page.getByRole('alert').filter({ hasText: 'nur PDF, JPEG oder PNG' })).toBeVisible();
  await attach(page, attachButton, { name: 'Mietangebot-Scan.png', mimeType: 'image/png', buffer: samplePng() });
  const scan = page.getByRole('listitem').filter({ hasText: 'Mietangebot-Scan.png' });
  await expect(scan).toContainText('PNG');
  await press(page, scan.getByRole('button', { name: /Ansehen/ }));
  const imageDialog = page.getByRole('dialog', { name: /Mietangebot-Scan\.png/ });
  await expect(imageDialog.getByRole('img', { name: 'Mietangebot-Scan.png' })).toBeVisible();
  await expect.poll(() => inkedPixels(imageDialog.getByRole('img', { name: 'Mietangebot-Scan.png' }))).toBeGreaterThan(5000);
  await checkScreen(page, shot, '09-vorschau-bild');
  await press(page, imageDialog.getByRole('button', { name: 'Schließen' }));
  await expect(imageDialog).toBeHidden();
  await checkScreen(page, shot, '10-dokumente');
});
