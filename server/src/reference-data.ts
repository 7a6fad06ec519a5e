import { readFile } from 'node:fs/promises';
import { defaultReferenceData, referenceDataSchema, type ReferenceData } from '../../shared/reference/reference-data';

export { defaultReferenceData, referenceDataSchema, type ReferenceData };

/**
 * The county's reference data handed to every enrolling device: catalogs and network partners.
 * Data, not code (DOMAIN.md): a county puts its own `reference-data.json` into the data folder;
 * without one the starting sets of `shared/catalogs` go out.
 */
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
