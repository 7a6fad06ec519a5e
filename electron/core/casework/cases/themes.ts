import { caseThemeSchema, type CaseTheme } from '../../../../shared/domain/theme';
import type { ChannelParsedInput } from '../../../../shared/ipc/contract';
import { KimError } from '../../../../shared/ipc/errors';
import { uuidv7 } from '../../../../shared/ids';
import { writeContextOf } from '../../services/write-context';
import type { Workspace } from '../../session/session';
import { prepared } from '../../store/prepared';
import { caseThemesEntity, type RowValues } from '../../write/entities';
import { writeEntity } from '../../write/write-path';
import { currentReference } from '../reference';
import { requireCase, requireOpenCase } from './case-guard';
import { textOrNull } from './values';

export const themeNotFoundMessage = 'Dieses Thema wurde nicht gefunden. Vielleicht wurde es entfernt.';
export const unknownThemeMessage = 'Dieses Thema steht nicht (mehr) in der Themenliste des Kreises. Bitte ein Thema der Liste wählen oder frei beschreiben.';

/** A `case_themes` row → the theme to check with caseThemeSchema (also the sync's row check). */
export function caseThemeCandidate(row: RowValues): unknown {
  return {
    id: row.id,
    caseId: row.case_id,
    themeKey: row.theme_key ?? null,
    label: row.label,
    note: row.note ?? null,
    notedAt: row.noted_at,
    notedBy: row.noted_by,
  };
}

function caseThemeOf(row: RowValues): CaseTheme | null {
  const parsed = caseThemeSchema.safeParse(caseThemeCandidate(row));
  return parsed.success ? parsed.data : null;
}

/** `themes.list`: the generative themes a case was tagged with, in the order they were noted. */
export function listThemes(ws: Workspace, caseId: string): CaseTheme[] {
  requireCase(ws, caseId);
  const rows = prepared(
    ws.db,
    'SELECT * FROM case_themes WHERE case_id = ? AND deleted_at IS NULL ORDER BY noted_at, created_at, id',
  ).all(caseId) as RowValues[];
  return rows.map(caseThemeOf).filter((item): item is CaseTheme => item !== null);
}

/**
 * `themes.add`: a theme of the county's list (its label copied, so the tag still reads right
 * when the list changes later) or, without a key, the free text as its label.
 */
export function addTheme(ws: Workspace, input: ChannelParsedInput<'themes.add'>): CaseTheme {
  const caseRow = requireOpenCase(ws, input.caseId);
  const themeKey = textOrNull(input.themeKey);
  const freeText = textOrNull(input.freeText);
  let label: string;
  if (themeKey !== null) {
    const entry = currentReference(ws.db).themes.find((theme) => theme.key === themeKey);
    if (!entry) throw new KimError('INVALID_INPUT', unknownThemeMessage, { fieldErrors: { themeKey: unknownThemeMessage } });
    label = entry.label;
  } else if (freeText !== null) {
    label = freeText;
  } else {
    // the input schema already refuses this; kept so the rule holds for every caller
    throw new KimError('INVALID_INPUT', 'Bitte ein Thema wählen oder beschreiben.', { fieldErrors: { themeKey: 'Bitte ein Thema wählen oder beschreiben.' } });
  }
  const { row } = writeEntity(writeContextOf(ws), {
    entity: caseThemesEntity,
    kind: 'create',
    rowId: uuidv7(ws.now()),
    values: {
      person_id: caseRow.person_id ?? null,
      case_id: input.caseId,
      theme_key: themeKey,
      free_text: freeText,
      label,
      note: textOrNull(input.note),
      noted_at: input.notedAt,
      noted_by: ws.profile.userName,
    },
  });
  const theme = caseThemeOf(row);
  if (!theme) throw new Error('written theme does not parse');
  return theme;
}

/** `themes.remove`: a tombstone, on an open case. */
export function removeTheme(ws: Workspace, id: string): { removed: true } {
  const row = prepared(ws.db, 'SELECT id, case_id FROM case_themes WHERE id = ? AND deleted_at IS NULL').get(id) as RowValues | undefined;
  if (!row) throw new KimError('NOT_FOUND', themeNotFoundMessage);
  requireOpenCase(ws, String(row.case_id));
  writeEntity(writeContextOf(ws), { entity: caseThemesEntity, kind: 'delete', rowId: id, values: {} });
  return { removed: true };
}
