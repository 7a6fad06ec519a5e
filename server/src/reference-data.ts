import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { catalogsSchema, defaultCatalogs } from '../../shared/catalogs/catalogs';

/**
 * The county's reference data handed to every enrolling device: catalogs and network partners.
 * Data, not code (DOMAIN.md): a county puts its own `reference-data.json` into the data folder;
 * without one the starting sets of `shared/catalogs` go out.
 */
const optionalText = z.string().max(500).optional();
export const partnerSchema = z
  .object({
    id: z.string().max(64),
    name: z.string().max(200),
    type: z.string().max(100),
    municipality: optionalText,
    address: optionalText,
    phone: optionalText,
    email: optionalText,
    website: optionalText,
  })
  .strict();

export const referenceDataSchema = z
  .object({ version: z.number().int().min(1), catalogs: catalogsSchema, partners: z.array(partnerSchema).max(10_000) })
  .strict();
export type ReferenceData = z.infer<typeof referenceDataSchema>;

export const defaultReferenceData: ReferenceData = { version: 1, catalogs: defaultCatalogs, partners: [] };

export async function loadReferenceData(path: string): Promise<ReferenceData> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaultReferenceData;
    throw error;
  }
  const parsed = referenceDataSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`Die Referenzdaten in ${path} sind ungültig: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}
