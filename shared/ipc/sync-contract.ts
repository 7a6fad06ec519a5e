import { z } from 'zod';

/**
 * The sync part of the IPC contract (issue 3): enrolment, status, the button, conflicts.
 * Messages in these shapes are German; the renderer shows them as they are.
 */
export const syncErrorInfoSchema = z.object({
  code: z.string(),
  message: z.string(),
  at: z.string(),
});

export const teamRefSchema = z.object({ id: z.string(), name: z.string() });

export const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  serverUrl: z.string().nullable(),
  deviceId: z.string().nullable(),
  userName: z.string().nullable(),
  teams: z.array(teamRefSchema),
  /** ISO time of the last sync that finished without error */
  lastSuccessAt: z.string().nullable(),
  /** field changes waiting in the outbox */
  pendingChanges: z.number().int().nonnegative(),
  /** open conflicts awaiting a decision */
  conflicts: z.number().int().nonnegative(),
  lastError: syncErrorInfoSchema.nullable(),
  running: z.boolean(),
  /** a pulled change named a field this app version does not know */
  updateNeeded: z.boolean(),
  /** the end-of-day reminder is due: changes wait and the configured time has passed today */
  reminderDue: z.boolean(),
  nextAutoSyncAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncSettingsSchema = z.object({
  autoSync: z.boolean(),
  /** local time `HH:MM` of the end-of-day reminder */
  reminderTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Uhrzeit im Format HH:MM'),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

export const conflictSchema = z.object({
  id: z.string(),
  entity: z.string(),
  rowId: z.string(),
  field: z.string(),
  /** a readable label of the record, e.g. the person's name, for the review list */
  recordLabel: z.string(),
  localValue: z.unknown(),
  remoteValue: z.unknown(),
  localBy: z.string().nullable(),
  remoteBy: z.string().nullable(),
  localAt: z.string().nullable(),
  remoteAt: z.string().nullable(),
  detectedAt: z.string(),
});
export type SyncConflict = z.infer<typeof conflictSchema>;

export const syncChannels = {
  /** the server's public-key fingerprint, fetched before enrolment so the user can compare it */
  'sync.probeServer': {
    input: z.object({ serverUrl: z.string().trim().min(1, 'Pflichtfeld').max(300) }),
    output: z.object({ serverUrl: z.string(), fingerprint: z.string() }),
  },
  'sync.enroll': {
    input: z.object({
      serverUrl: z.string().trim().min(1, 'Pflichtfeld').max(300),
      code: z.string().trim().min(1, 'Pflichtfeld').max(64),
      /** the fingerprint the user confirmed (read out by the county IT by phone) */
      expectedFingerprint: z.string().trim().min(1, 'Pflichtfeld').max(80),
      deviceName: z.string().trim().min(1).max(80).optional(),
    }),
    output: syncStatusSchema,
  },
  'sync.status': { input: z.object({}).strict(), output: syncStatusSchema },
  'sync.now': { input: z.object({}).strict(), output: syncStatusSchema },
  'sync.settings.get': { input: z.object({}).strict(), output: syncSettingsSchema },
  'sync.settings.update': { input: syncSettingsSchema.partial(), output: syncSettingsSchema },
  'sync.conflicts': { input: z.object({}).strict(), output: z.array(conflictSchema) },
  'sync.resolveConflict': {
    input: z.discriminatedUnion('choice', [
      z.object({ id: z.string().max(64), choice: z.literal('local') }),
      z.object({ id: z.string().max(64), choice: z.literal('remote') }),
      z.object({ id: z.string().max(64), choice: z.literal('manual'), value: z.unknown() }),
    ]),
    output: z.object({ resolved: z.literal(true) }),
  },
} as const;
