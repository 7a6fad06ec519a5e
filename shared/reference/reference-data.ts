import { z } from 'zod';
import { catalogsSchema, defaultCatalogs } from '../catalogs/catalogs';
import { targetGroupCriterionSchema } from '../domain/target-group';

/**
 * The county's reference data: catalogs, network partners, target-group criteria and the list
 * of generative themes. The server hands it to a device at enrolment and with every sync when
 * its version changed; a device that never enrolled works with the starting sets below.
 * Data, not code (DOMAIN.md): a county puts its own `reference-data.json` into the server's
 * data folder.
 */
const optionalText = z.string().max(500).optional();

export const partnerSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    /** partner type (DOMAIN.md, Network partners): Jobcenter, Ausländerbehörde, MBE … */
    type: z.string().max(100),
    municipality: optionalText,
    address: optionalText,
    phone: optionalText,
    email: optionalText,
    website: optionalText,
  })
  .strict();
export type Partner = z.infer<typeof partnerSchema>;

export const themeEntrySchema = z.object({ key: z.string().min(1).max(64), label: z.string().min(1).max(300) }).strict();
export type ThemeEntry = z.infer<typeof themeEntrySchema>;

export const referenceDataSchema = z
  .object({
    version: z.number().int().min(1),
    catalogs: catalogsSchema,
    partners: z.array(partnerSchema).max(10_000),
    targetGroupCriteria: z.array(targetGroupCriterionSchema).max(50).default([]),
    themes: z.array(themeEntrySchema).max(500).default([]),
  })
  .strict();
export type ReferenceData = z.infer<typeof referenceDataSchema>;

const partner = (id: string, name: string, type: string, municipality?: string): Partner => ({
  id,
  name,
  type,
  ...(municipality ? { municipality } : {}),
});

/** Starting sets for the demo county (Kreis Mettmann); a county replaces them with its own. */
export const defaultReferenceData: ReferenceData = {
  version: 2,
  catalogs: defaultCatalogs,
  partners: [
    partner('jc-me', 'Jobcenter ME-aktiv', 'Jobcenter'),
    partner('aa-me', 'Agentur für Arbeit Mettmann', 'Agentur für Arbeit'),
    partner('abh-me', 'Ausländerbehörde Kreis Mettmann', 'Ausländerbehörde'),
    partner('ebh-me', 'Einbürgerungsbehörde Kreis Mettmann', 'Einbürgerungsbehörde'),
    partner('mbe-caritas', 'Migrationsberatung für erwachsene Zuwanderer (Caritas)', 'Migrationsberatung MBE'),
    partner('jmd-awo', 'Jugendmigrationsdienst (AWO)', 'Jugendmigrationsdienst'),
    partner('ik-vhs', 'Integrationskurse VHS', 'Integrationskursträger'),
    partner('ki-me', 'Kommunales Integrationszentrum Kreis Mettmann', 'Kommunales Integrationszentrum'),
    partner('ga-me', 'Gesundheitsamt Kreis Mettmann', 'Gesundheitsamt'),
    partner('wa-ratingen', 'Wohnungsamt Ratingen', 'Wohnungsamt', 'ratingen'),
    partner('ja-velbert', 'Jugendamt Velbert', 'Jugendamt', 'velbert'),
    partner('sa-hilden', 'Sozialamt Hilden', 'Sozialamt', 'hilden'),
    partner('schule-ggs-hilden', 'Grundschule am Elbsee, Hilden', 'Schule', 'hilden'),
    partner('anerk-me', 'Anerkennungsberatung', 'Anerkennungsberatung'),
    partner('psz-duesseldorf', 'Psychosoziales Zentrum für Flüchtlinge', 'Psychosoziales Zentrum'),
  ],
  targetGroupCriteria: [
    { kind: 'arrival_within_years', key: 'arrival', label: 'Zuzug in den Kreis vor höchstens 5 Jahren', years: 5 },
    {
      kind: 'residence_status_in',
      key: 'status',
      label: 'Aufenthaltsstatus der Zielgruppe (Asyl, Duldung, humanitär, Familiennachzug)',
      statuses: [
        'ankunftsnachweis', 'gestattung', 'duldung', 'duldung_60b', 'ausbildungs_beschaeftigungsduldung',
        'ae_asyl', 'ae_fluechtling', 'ae_subsidiaer', 'ae_abschiebungsverbot', 'ae_24', 'ae_aufnahme',
        'ae_25a_25b', 'chancen', 'ae_familie', 'fiktion',
      ],
    },
    { kind: 'question', key: 'no_other_cm', label: 'Keine andere Fallbegleitung (z. B. JMD, MBE, Jugendhilfe) zuständig' },
    { kind: 'question', key: 'multiple_domains', label: 'Unterstützungsbedarf in mehreren Rechtskreisen' },
  ],
  themes: [
    { key: 'termine_abh', label: 'Lange Wartezeiten auf Termine bei der Ausländerbehörde' },
    { key: 'kita_plaetze', label: 'Fehlende Kita- und Schulplätze' },
    { key: 'sprachkurse', label: 'Zu wenige Integrations- und Berufssprachkurse' },
    { key: 'wohnraum', label: 'Kein bezahlbarer Wohnraum' },
    { key: 'anerkennung', label: 'Langwierige Anerkennung ausländischer Abschlüsse' },
    { key: 'dolmetschen', label: 'Fehlende Dolmetschdienste in Behörden' },
    { key: 'digitale_antraege', label: 'Digitale Antragswege ohne Unterstützung' },
  ],
};
