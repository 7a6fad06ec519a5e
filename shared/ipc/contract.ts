import { z } from 'zod';
import { idSchema } from '../domain/common';
import { personInputSchema, personSchema, personSummarySchema } from '../domain/person';
import { caseListItemSchema, caseSchema } from '../domain/case';
import { catalogsSchema } from '../catalogs/catalogs';
import { syncChannels } from './sync-contract';
import { caseworkChannels } from './casework-contract';

/**
 * The one declaration of every IPC channel: name → input and output schema. The preload's
 * allow-list, the router and the renderer's typed client all derive from this object, so they
 * cannot drift apart (DESIGN.md, The IPC contract).
 */
const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const profileSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  userName: z.string(),
  createdAt: z.string(),
});
export type ProfileSummary = z.infer<typeof profileSummarySchema>;

export const localeSchema = z.enum(['de', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const settingsSchema = z.object({
  /** idle minutes until the profile locks itself; 1..240 */
  autoLockMinutes: z.number().int().min(1).max(240),
  locale: localeSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const sessionStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('locked') }),
  z.object({
    state: z.literal('unlocked'),
    profile: profileSummarySchema,
    settings: settingsSchema,
  }),
]);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

/** Messages the user reads when the store had to move a broken file aside. */
export const storeNoticeSchema = z.object({
  kind: z.literal('quarantined'),
  profileId: z.string(),
  movedTo: z.string(),
  at: z.string(),
});

const password = z.string().min(1, 'Bitte Passwort eingeben').max(1024);
const empty = z.object({}).strict();

export const contract = {
  'app.info': channel(empty, z.object({ version: z.string(), schemaVersion: z.number().int() })),

  'profiles.list': channel(empty, z.array(profileSummarySchema)),
  /** creates the profile and its encrypted store, and unlocks it */
  'profiles.create': channel(
    z.object({
      name: z.string().trim().min(1, 'Pflichtfeld').max(80),
      userName: z.string().trim().min(1, 'Pflichtfeld').max(120),
      password,
      passwordRepeat: password,
    }),
    sessionStatusSchema,
  ),

  'session.status': channel(empty, sessionStatusSchema),
  'session.unlock': channel(z.object({ profileId: z.string().min(1).max(64), password }), sessionStatusSchema),
  'session.lock': channel(empty, sessionStatusSchema),
  'session.changePassword': channel(
    z.object({ oldPassword: password, newPassword: password, newPasswordRepeat: password }),
    z.object({ changed: z.literal(true) }),
  ),
  /** notices about files moved aside (quarantine) since start; shown once on the unlock screen */
  'store.notices': channel(empty, z.array(storeNoticeSchema)),

  'settings.get': channel(empty, settingsSchema),
  'settings.update': channel(settingsSchema.partial(), settingsSchema),

  'catalogs.get': channel(empty, catalogsSchema),

  'persons.create': channel(personInputSchema, personSchema),
  'persons.update': channel(z.object({ id: idSchema, person: personInputSchema }), personSchema),
  /** reading a person's file is audited */
  'persons.get': channel(z.object({ id: idSchema }), personSchema),
  /** as-you-type search; an empty query lists everyone (by name) */
  'persons.search': channel(
    z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(1000).default(50) }),
    z.array(personSummarySchema),
  ),
  /** candidates that resemble a person about to be created; nothing is merged automatically */
  'persons.findDuplicates': channel(
    z.object({
      familyName: z.string().trim().max(120),
      givenNames: z.string().trim().max(160),
      otherSpellings: z.array(z.string().max(200)).max(20).default([]),
      birthDate: personInputSchema.shape.birthDate,
      excludeId: idSchema.optional(),
    }),
    z.array(personSummarySchema),
  ),

  'cases.forPerson': channel(z.object({ personId: idSchema }), z.array(caseSchema)),
  'cases.mine': channel(empty, z.array(caseListItemSchema)),

  'audit.verify': channel(
    empty,
    z.object({ ok: z.boolean(), entries: z.number().int(), firstBrokenSeq: z.number().int().nullable() }),
  ),

  ...syncChannels,
  ...caseworkChannels,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const channelNames = Object.keys(contract) as ChannelName[];

export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}
