import { expect, test } from './fixtures';
import { startCountyServer, type CountyServer } from './sync-fixtures';
import {
  attach,
  checkScreen,
  choose,
  chooseRadio,
  expectFocusBack,
  germanDate,
  gotoMain,
  heading,
  inkedPixels,
  isoDaysFromToday,
  openTab,
  press,
  registerByKeyboard,
  signedFormPdf,
  startDevice,
  syncBar,
  syncNow,
  tabAndFill,
  tabTo,
  typeInto,
  type Device,
} from './workflow-steps';

/**
 * One case from first contact to closing, by keyboard alone on device A (issue 4, "Shown by"):
 * the person with a residence title that expires in 60 days, the target-group check, a consent
 * with its signed form attached, the assessment, a Hilfeplan with two goals, three contacts (one
 * note corrected), a referral refused without consent and saved with it, the permit-expiry task
 * on "Heute", closing. Then device B syncs and shows the same case, the signed form included
 * (its content travels in 256 KB chunks; the PDF is ~600 KB). Every screen is photographed
 * (test-results/screens/ablauf-*.png) and checked with axe.
 *
 * Device A registers through the UI (Einstellungen → Gerät registrieren, fingerprint compared);
 * device B is enrolled through its core, as a colleague's laptop that was set up earlier.
 * Automatic sync is switched off on both through the core: the test decides when each syncs.
 */

const userName = 'Aylin Demir';

test('Fallverlauf: vom Erstkontakt bis zum Abschluss, dann auf dem zweiten Gerät', async ({ browser }, testInfo) => {
  test.setTimeout(480_000);
  const server: CountyServer = await startCountyServer({ userName });
  const devices: Device[] = [];
  const shot = (device: Device, name: string) => checkScreen(device.page, testInfo, name);

  const permitUntil = isoDaysFromToday(60);
  const arrival = isoDaysFromToday(-2 * 365);
  const permitTask = `Aufenthaltstitel läuft am ${germanDate(permitUntil)} ab`;
  const form = signedFormPdf('Schweigepflichtentbindung - unterschrieben');
  const formName = 'Schweigepflichtentbindung-Jobcenter.pdf';

  try {
    const a = await startDevice(browser, testInfo, 'a', 'Fallmanagement Velbert', userName);
    devices.push(a);
    const b = await startDevice(browser, testInfo, 'b', 'Fallmanagement Velbert (Laptop 2)', userName);
    devices.push(b);
    const page = a.page;

    // ---- A registers through the UI; B through its core ----
    await registerByKeyboard(a, server, server.codes[0]);
    const probe = await b.host.core.handle('sync.probeServer', { serverUrl: server.url });
    if (!probe.ok) throw new Error(probe.error.message);
    const enrolled = await b.host.core.handle('sync.enroll', {
      serverUrl: server.url,
      code: server.codes[1],
      expectedFingerprint: (probe.value as { fingerprint: string }).fingerprint,
    });
    if (!enrolled.ok) throw new Error(enrolled.error.message);
    for (const device of [a, b]) {
      const settings = await device.host.core.handle('sync.settings.update', { autoSync: false });
      expect(settings.ok, `Sync-Einstellungen auf ${device.name}`).toBe(true);
    }

    // ---- first contact: the person, with residence title and arrival date ----
    await gotoMain(page, 'Klient:innen');
    await press(page, page.getByRole('link', { name: 'Neue Person' }));
    await expect(heading(page)).toHaveText('Neue Person anlegen');
    await typeInto(page, page.getByLabel('Familienname'), 'Karimi');
    await typeInto(page, page.getByLabel('Vorname(n)'), 'Soraya');
    await tabTo(page, page.getByRole('radio', { name: 'vollständig bekannt' }));
    await page.keyboard.press('ArrowRight'); // nur das Jahr
    await typeInto(page, page.getByLabel('Jahr', { exact: true }), '1989');
    await tabTo(page, page.getByRole('radio', { name: 'weiblich' }));
    await page.keyboard.press('Space');
    await choose(page, page.getByLabel('Aufenthaltsstatus'), 'Flüchtlingseigenschaft');
    await tabAndFill(page, page.getByLabel('Gültig bis'), permitUntil);
    await tabAndFill(page, page.getByLabel('Einreisedatum'), arrival);
    await typeInto(page, page.getByLabel('PLZ'), '42551');
    await shot(a, '01-person-formular');
    await press(page, page.getByRole('button', { name: 'Person anlegen' }));
    await expect(heading(page)).toContainText('Soraya Karimi');
    await expect(page.getByRole('status').filter({ hasText: 'Die Person wurde angelegt.' })).toBeVisible();
    await expect(page.getByText(`gültig bis ${germanDate(permitUntil)}`)).toBeVisible();
    await shot(a, '02-person');

    // ---- target-group check: every criterion holds, no reason needed ----
    await press(page, page.getByRole('link', { name: 'Fall eröffnen' }));
    await expect(heading(page)).toHaveText('Fall eröffnen für Soraya Karimi');
    const autoCriteria = page.getByRole('region', { name: 'Kriterien aus den Daten der Person' });
    await expect(autoCriteria.getByText('erfüllt · aus den Daten der Person')).toHaveCount(2);
    for (const question of [/Keine andere Fallbegleitung/, /mehreren Rechtskreisen/]) {
      const group = page.getByRole('group', { name: question });
      await press(page, group.getByRole('radio', { name: 'ja' }), 'Space');
      await expect(group.getByRole('radio', { name: 'ja' })).toBeChecked();
    }
    const verdict = page.getByRole('region', { name: 'Ergebnis der Prüfung' });
    await expect(verdict).toContainText('Alle Kriterien der Zielgruppe sind erfüllt.');
    await expect(verdict.getByLabel(/^Begründung/)).toHaveCount(0);
    await shot(a, '03-zielgruppe');
    await press(page, page.getByRole('button', { name: 'Fall eröffnen' }));
    await expect(heading(page)).toContainText('Fallakte Soraya Karimi');
    await expect(page.getByRole('status').filter({ hasText: 'Ein neuer Fall wurde eröffnet' })).toBeVisible();
    const stepper = page.getByRole('navigation', { name: 'Phasen des Falls' });
    await expect(stepper.locator('[aria-current="step"]')).toContainText('Zugang / Erstkontakt');
    await expect(page.getByRole('tabpanel')).toContainText('Alle Kriterien der Zielgruppe waren erfüllt.');
    await shot(a, '04-fall-eroeffnet');

    const movePhase = async (phase: string, note: string) => {
      await openTab(page, 'Überblick');
      await expect(page.getByRole('combobox', { name: /Neue Phase/ })).toBeVisible();
      await typeInto(page, page.getByLabel('Notiz zum Wechsel'), note);
      await press(page, page.getByRole('button', { name: 'Phase wechseln' }));
      await expect(page.getByRole('status').filter({ hasText: `jetzt in der Phase „${phase}“` })).toBeVisible();
      await expect(stepper.locator('[aria-current="step"]')).toContainText(phase);
    };

    // ---- consent with the signed form attached ----
    await openTab(page, 'Einwilligungen');
    await choose(page, page.getByLabel('Zweck (Pflichtfeld)'), 'Schweigepflichtentbindung');
    await choose(page, page.getByLabel('Empfangende Stelle (Netzwerkpartner)'), 'Jobcenter ME-aktiv');
    await expect(page.getByRole('group', { name: 'Form (Pflichtfeld)' }).getByRole('radio', { name: 'schriftlich', exact: true })).toBeChecked();
    const consentForm = page.locator('form').filter({ has: page.getByLabel('Zweck (Pflichtfeld)') });
    await press(page, consentForm.getByRole('button', { name: 'Einwilligung speichern' }));
    const jobcenterConsent = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Schweigepflichtentbindung · Jobcenter ME-aktiv/ }) });
    await expect(jobcenterConsent.getByRole('heading', { level: 3 })).toBeFocused();
    await expect(jobcenterConsent).toContainText('gültig');
    await attach(page, jobcenterConsent.getByRole('button', { name: /Datei anhängen/ }), { name: formName, mimeType: 'application/pdf', buffer: form });
    const pdfItem = jobcenterConsent.getByRole('listitem').filter({ hasText: formName });
    await expect(pdfItem).toContainText('PDF');
    const sizeText = (await pdfItem.textContent()) ?? '';
    expect(sizeText).toMatch(/\d+ KB/);
    await press(page, pdfItem.getByRole('button', { name: /Ansehen/ }));
    const previewA = page.getByRole('dialog', { name: new RegExp(formName.replace('.', '\\.')) });
    await expect(previewA.getByText('Seite 1 von 1')).toBeVisible();
    await expect.poll(() => inkedPixels(previewA.getByRole('img', { name: /Seite 1 von 1/ }))).toBeGreaterThan(500);
    await shot(a, '05-einwilligung-formular-vorschau');
    await page.keyboard.press('Escape');
    await expect(previewA).toBeHidden();
    await shot(a, '06-einwilligung-mit-formular');

    // ---- Clearing: assessment ----
    await movePhase('Clearing / Assessment', 'Erstgespräch geführt, Einwilligung liegt vor.');
    await openTab(page, 'Einschätzung');
    await press(page, page.getByRole('button', { name: 'Neue Einschätzung' }));
    await expect(page.getByRole('heading', { name: 'Neue Einschätzung' })).toBeFocused();
    const housingDomain = page.getByRole('group', { name: 'Wohnen' });
    await chooseRadio(page, housingDomain, 'hoch');
    await typeInto(page, housingDomain.getByLabel('Situation'), 'Gemeinschaftsunterkunft, Wohnungssuche ohne Erfolg.');
    const languageDomain = page.getByRole('group', { name: 'Sprache' });
    await chooseRadio(page, languageDomain, 'mittel');
    await typeInto(page, languageDomain.getByLabel('Situation'), 'A2 erreicht, B1-Kurs gesucht.');
    await chooseRadio(page, page.getByRole('group', { name: 'Aufenthalt' }), 'gering');
    await press(page, page.getByRole('button', { name: 'Einschätzung speichern' }));
    await expect(page.getByText('Die Einschätzung ist gespeichert.')).toBeVisible();
    await expectFocusBack(page, page.locator('#assessment-title'));
    const housingAssessment = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Wohnen', exact: true }) });
    await expect(housingAssessment).toContainText('Bedarf: hoch');
    await shot(a, '07-einschaetzung');

    // ---- Hilfeplanung: two goals ----
    await movePhase('Hilfeplanung', 'Einschätzung abgeschlossen.');
    await openTab(page, 'Hilfeplan');
    const goals = [
      { domain: 'Sprache', text: 'B1-Kurs beginnen und abschließen' },
      { domain: 'Wohnen', text: 'Eigene Wohnung in Velbert finden' },
    ];
    for (const goal of goals) {
      await press(page, page.getByRole('button', { name: 'Ziel hinzufügen' }));
      await choose(page, page.getByLabel('Handlungsfeld (Pflichtfeld)'), goal.domain);
      await typeInto(page, page.getByLabel('Ziel (Pflichtfeld)'), goal.text);
      await press(page, page.getByRole('button', { name: 'Ziel speichern' }));
      await expect(page.getByText('Das Ziel ist gespeichert.')).toBeVisible();
      await expectFocusBack(page, page.getByRole('button', { name: 'Ziel hinzufügen' }));
      await expect(page.getByRole('heading', { name: goal.text })).toBeVisible();
    }
    await shot(a, '08-hilfeplan');

    // ---- Umsetzung: three contacts, one note corrected ----
    await movePhase('Umsetzung und Monitoring', 'Hilfeplan mit zwei Zielen vereinbart.');
    await openTab(page, 'Kontakte');
    const contacts = [
      { date: isoDaysFromToday(-3), time: '09:30', minutes: '60', mode: 'persönlich', note: 'Hilfeplangespräch, Ziele gemeinsam festgelegt.' },
      { date: isoDaysFromToday(-2), time: '14:00', minutes: '15', mode: 'telefonisch', note: 'Rückfrage zum Kursbeginn beim Träger.' },
      { date: isoDaysFromToday(-1), time: '11:00', minutes: '45', mode: 'aufsuchend', note: 'Besuch in der Unterkunft; Wohnungsangbeot besprochen.' },
    ];
    for (const contact of contacts) {
      await press(page, page.getByRole('button', { name: 'Kontakt erfassen' }));
      await tabAndFill(page, page.getByLabel('Datum (Pflichtfeld)'), contact.date);
      await tabAndFill(page, page.getByLabel('Uhrzeit'), contact.time);
      await typeInto(page, page.getByLabel('Dauer in Minuten (Pflichtfeld)'), contact.minutes);
      await chooseRadio(page, page.getByRole('group', { name: 'Art (Pflichtfeld)' }), contact.mode);
      await press(page, page.getByRole('group', { name: 'Themen' }).getByLabel('Wohnen'), 'Space');
      await typeInto(page, page.getByLabel('Vermerk (Pflichtfeld)'), contact.note);
      await press(page, page.getByRole('button', { name: 'Kontakt speichern' }));
      await expect(page.getByText('Der Kontakt ist gespeichert.')).toBeVisible();
      await expectFocusBack(page, page.getByRole('button', { name: 'Kontakt erfassen' }));
    }
    const contactCards = page.locator('.care-list > li');
    await expect(contactCards).toHaveCount(3);
    const visit = contactCards.first();
    await expect(visit.getByRole('heading', { level: 3 })).toHaveText(`${germanDate(contacts[2]!.date)}, 11:00 · aufsuchend · 45 Minuten`);
    await press(page, visit.getByRole('button', { name: /Vermerk korrigieren/ }));
    await typeInto(page, visit.getByLabel('Korrigierter Vermerk (Pflichtfeld)'), 'Besuch in der Unterkunft; Wohnungsangebot in Velbert besprochen.');
    await typeInto(page, visit.getByLabel('Grund der Korrektur'), 'Tippfehler, Ort ergänzt');
    await press(page, visit.getByRole('button', { name: 'Korrektur speichern' }));
    await expect(visit.getByText('Die Korrektur ist als neue Fassung gespeichert.')).toBeVisible();
    await expectFocusBack(page, visit.getByRole('button', { name: /Vermerk korrigieren/ }));
    await expect(visit).toContainText(`Fassung 2 · ${userName}`);
    await press(page, visit.getByText('Frühere Fassung (1)'));
    await expect(visit).toContainText(`Fassung 1 · ${userName}`);
    await expect(visit).toContainText('Wohnungsangbeot besprochen.');
    await expect(visit).toContainText('Wohnungsangebot in Velbert besprochen.');
    await shot(a, '09-kontakte');

    // ---- referral: refused without consent, saved once the consent is recorded ----
    const mbe = 'Migrationsberatung für erwachsene Zuwanderer (Caritas)';
    await openTab(page, 'Vermittlungen');
    await press(page, page.getByRole('button', { name: 'Vermittlung erfassen' }));
    await choose(page, page.getByLabel('Netzwerkpartner (Pflichtfeld)'), mbe);
    await choose(page, page.getByLabel('Handlungsfeld (Pflichtfeld)'), 'Aufenthalt');
    await typeInto(page, page.getByLabel('Anlass (Pflichtfeld)'), 'Beratung zur Verlängerung des Aufenthaltstitels');
    await expect(page.getByText('Für diesen Partner liegt keine gültige Einwilligung vor.')).toBeVisible();
    await press(page, page.getByRole('button', { name: 'Vermittlung speichern' }));
    const refusal = page.getByRole('alert').filter({ hasText: 'Die Vermittlung wurde nicht gespeichert' });
    await expect(refusal).toBeVisible();
    await shot(a, '10-vermittlung-abgelehnt');
    await press(page, refusal.getByRole('button', { name: `Einwilligung für ${mbe} erfassen` }));
    const inlineConsent = page.getByRole('region', { name: 'Neue Einwilligung erfassen' });
    await expect(inlineConsent.getByRole('heading', { level: 3 })).toBeFocused();
    await expect(inlineConsent.getByLabel('Zweck (Pflichtfeld)')).toHaveValue('vermittlung');
    await expect(inlineConsent.getByLabel('Empfangende Stelle (Netzwerkpartner)')).toHaveValue('mbe-caritas');
    await press(page, inlineConsent.getByRole('button', { name: 'Einwilligung speichern' }));
    await expect(page.getByText('Die Einwilligung ist gespeichert. Sie können die Vermittlung jetzt speichern.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Vermittlung speichern' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Die Vermittlung ist gespeichert.')).toBeVisible();
    await expectFocusBack(page, page.getByRole('button', { name: 'Vermittlung erfassen' }));
    const referral = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${mbe} · Aufenthalt` }) });
    await expect(referral).toContainText('angefragt');
    await shot(a, '11-vermittlung-gespeichert');

    // ---- "Heute": the task the permit expiry created ----
    await gotoMain(page, 'Heute');
    const dueToday = page.getByRole('region', { name: /^Heute fällig/ });
    const permitItem = dueToday.getByRole('listitem').filter({ hasText: permitTask });
    await expect(permitItem).toBeVisible();
    await expect(permitItem).toContainText('automatisch: Aufenthaltstitel läuft ab');
    await expect(permitItem.getByRole('link', { name: 'Karimi, Soraya', exact: true })).toBeVisible();
    await shot(a, '12-heute-aufenthaltstitel');
    await press(page, permitItem.getByRole('button', { name: /^Erledigt/ }));
    // It was the only open task: the page turns to its empty state; the confirmation stays above
    // it and the focus goes to the top of the page, not to <body>.
    await expect(page.getByText('Heute steht nichts an.')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: `Erledigt: „${permitTask}“` })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: permitTask })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

    // ---- closing: the two open goals are listed and acknowledged ----
    await gotoMain(page, 'Meine Fälle');
    await press(page, page.getByRole('table', { name: 'Meine Fälle' }).getByRole('link', { name: /Karimi/ }));
    await expect(heading(page)).toContainText('Fallakte Soraya Karimi');
    await openTab(page, 'Überblick');
    await press(page, page.getByRole('button', { name: 'Fall abschließen …' }));
    const closeDialog = page.getByRole('dialog', { name: 'Fall abschließen' });
    await expect(closeDialog).toBeVisible();
    await expect(closeDialog).toContainText('2 Ziele des Hilfeplans sind noch offen:');
    for (const goal of goals) await expect(closeDialog).toContainText(goal.text);
    await expect(closeDialog).not.toContainText(permitTask);
    await chooseRadio(page, closeDialog.getByRole('group', { name: /Grund des Abschlusses/ }), 'Übergang in Regelangebote');
    await press(page, closeDialog.getByRole('checkbox', { name: 'Trotzdem abschließen' }), 'Space');
    await shot(a, '13-abschluss-dialog');
    await press(page, closeDialog.getByRole('button', { name: 'Fall abschließen' }));
    await expect(closeDialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Der Fall wurde abgeschlossen.' })).toBeVisible();
    await expect(stepper.locator('[aria-current="step"]')).toContainText('Abschluss / Evaluation');
    await expect(page.getByText('Grund: Übergang in Regelangebote')).toBeVisible();
    await shot(a, '14-fall-abgeschlossen');

    // ---- A syncs (by keyboard), then B ----
    await expect(syncBar(page)).toContainText(/\d+ Änderungen warten/);
    await syncNow(a);
    await expect(syncBar(page)).toContainText('Keine Änderungen offen');
    await shot(a, '15-synchronisiert');
    await syncNow(b);

    // ---- B shows the same case, the signed form included ----
    const pageB = b.page;
    await gotoMain(pageB, 'Klient:innen');
    await typeInto(pageB, pageB.getByLabel('Suche nach Name oder Schreibweise'), 'Karimi');
    await press(pageB, pageB.locator('#person-results').getByRole('link', { name: 'Karimi, Soraya' }));
    await expect(heading(pageB)).toContainText('Soraya Karimi');
    await expect(pageB.getByText(`gültig bis ${germanDate(permitUntil)}`)).toBeVisible();
    await expect(pageB.getByText(germanDate(arrival))).toBeVisible();
    await shot(b, '16-b-person');
    await press(pageB, pageB.getByRole('link', { name: /^Fallakte vom / }));
    await expect(heading(pageB)).toContainText('Fallakte Soraya Karimi');
    await expect(pageB.getByRole('navigation', { name: 'Phasen des Falls' }).locator('[aria-current="step"]')).toContainText('Abschluss / Evaluation');
    await expect(pageB.getByText('Grund: Übergang in Regelangebote')).toBeVisible();
    const historyB = pageB.getByRole('region', { name: 'Verlauf der Phasen' });
    await expect(historyB).toContainText('Fall abgeschlossen');
    await expect(historyB).toContainText('Hilfeplan mit zwei Zielen vereinbart.');
    await shot(b, '17-b-fall-abgeschlossen');

    await openTab(pageB, 'Einschätzung');
    await expect(pageB.getByRole('listitem').filter({ has: pageB.getByRole('heading', { name: 'Wohnen', exact: true }) })).toContainText('Bedarf: hoch');

    await openTab(pageB, 'Hilfeplan');
    for (const goal of goals) await expect(pageB.getByRole('heading', { name: goal.text })).toBeVisible();

    await openTab(pageB, 'Kontakte');
    const cardsB = pageB.locator('.care-list > li');
    await expect(cardsB).toHaveCount(3);
    const visitB = cardsB.first();
    await expect(visitB).toContainText('Wohnungsangebot in Velbert besprochen.');
    await expect(visitB).toContainText(`Fassung 2 · ${userName}`);
    await press(pageB, visitB.getByText('Frühere Fassung (1)'));
    await expect(visitB).toContainText('Wohnungsangbeot besprochen.');
    await shot(b, '18-b-kontakte');

    await openTab(pageB, 'Vermittlungen');
    await expect(pageB.getByRole('listitem').filter({ has: pageB.getByRole('heading', { name: `${mbe} · Aufenthalt` }) })).toContainText('Beratung zur Verlängerung des Aufenthaltstitels');

    await openTab(pageB, 'Wiedervorlagen');
    await expect(pageB.getByRole('tabpanel')).toContainText(permitTask);

    await openTab(pageB, 'Einwilligungen');
    const jobcenterB = pageB.getByRole('listitem').filter({ has: pageB.getByRole('heading', { name: /Schweigepflichtentbindung · Jobcenter ME-aktiv/ }) });
    await expect(jobcenterB).toBeVisible();
    await expect(pageB.getByRole('heading', { name: new RegExp(`Vermittlung · ${mbe.replace(/[()]/g, '\\$&')}`) })).toBeVisible();
    const pdfB = jobcenterB.getByRole('listitem').filter({ hasText: formName });
    await expect(pdfB).toContainText('PDF');
    await expect(pdfB.getByRole('button', { name: /Ansehen/ })).toBeVisible({ timeout: 30_000 });
    await shot(b, '19-b-einwilligungen');
    await press(pageB, pdfB.getByRole('button', { name: /Ansehen/ }));
    const previewB = pageB.getByRole('dialog', { name: new RegExp(formName.replace('.', '\\.')) });
    await expect(previewB.getByText('Seite 1 von 1')).toBeVisible();
    await expect.poll(() => inkedPixels(previewB.getByRole('img', { name: /Seite 1 von 1/ })), { message: 'pdf.js hat das übertragene Formular gezeichnet' }).toBeGreaterThan(500);
    await shot(b, '20-b-formular-vorschau');
    await pageB.keyboard.press('Escape');
    await expect(previewB).toBeHidden();

    // the bytes on B are the bytes attached on A: several chunks, put together again
    const personB = await b.host.core.handle('persons.search', { query: 'Karimi' });
    if (!personB.ok) throw new Error(personB.error.message);
    const personId = (personB.value as { id: string }[])[0]!.id;
    const listed = await b.host.core.handle('documents.list', { personId });
    if (!listed.ok) throw new Error(listed.error.message);
    const documents = listed.value as { id: string; fileName: string; sizeBytes: number; contentAvailable: boolean }[];
    const onB = documents.find((document) => document.fileName === formName);
    expect(onB?.contentAvailable).toBe(true);
    expect(onB?.sizeBytes).toBe(form.length);
    expect(form.length).toBeGreaterThan(2 * 256 * 1024);
    const content = await b.host.core.handle('documents.content', { id: onB!.id });
    if (!content.ok) throw new Error(content.error.message);
    expect(Buffer.from((content.value as { dataBase64: string }).dataBase64, 'base64').equals(form)).toBe(true);

    for (const device of devices) expect(device.problems, `Fehler in der Seite (${device.name})`).toEqual([]);
  } finally {
    for (const device of devices) await device.dispose();
    await server.close();
  }
});

