import { z } from 'zod';
import { idSchema, isoDateSchema, requiredText, text } from './common';

/** Wiedervorlagen: manual, or created by a rule (and then with a stable id, so devices agree). */
export const taskRules = ['permit_expiry', 'consent_expiry', 'goal_due', 'no_contact', 'deadline'] as const;
export const taskRuleSchema = z.enum(taskRules);
export type TaskRule = z.infer<typeof taskRuleSchema>;

export const taskStatusSchema = z.enum(['offen', 'erledigt', 'entfallen']);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

export const taskInputSchema = z.object({
  personId: idSchema,
  caseId: idSchema.optional(),
  title: requiredText(300),
  dueAt: isoDateSchema,
  note: text(2000).optional(),
});

export const taskSchema = z.object({
  id: idSchema,
  personId: idSchema,
  personName: z.string(),
  caseId: idSchema.nullable(),
  title: z.string(),
  dueAt: isoDateSchema.nullable(),
  source: z.enum(['manual', 'rule']),
  rule: taskRuleSchema.nullable(),
  /** the row the rule looked at (a consent, a goal, a deadline, the person …) */
  ruleRef: z.string().nullable(),
  status: taskStatusSchema,
  doneAt: z.string().nullable(),
  assignee: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Task = z.infer<typeof taskSchema>;

/** Lead times of the task rules; each profile may change them (Einstellungen). */
export const taskRuleSettingsSchema = z.object({
  permitExpiryLeadDays: z.number().int().min(1).max(365),
  consentExpiryLeadDays: z.number().int().min(1).max(365),
  goalDueLeadDays: z.number().int().min(0).max(365),
  deadlineLeadDays: z.number().int().min(0).max(365),
  noContactWeeks: z.number().int().min(1).max(52),
});
export type TaskRuleSettings = z.infer<typeof taskRuleSettingsSchema>;
export const defaultTaskRuleSettings: TaskRuleSettings = {
  permitExpiryLeadDays: 90,
  consentExpiryLeadDays: 30,
  goalDueLeadDays: 7,
  deadlineLeadDays: 14,
  noContactWeeks: 6,
};

/** "Heute": what is overdue, due today (and the coming days), and new since the last days. */
export const todaySchema = z.object({
  date: isoDateSchema,
  overdue: z.array(taskSchema),
  dueToday: z.array(taskSchema),
  upcoming: z.array(taskSchema),
  /** created in the last 7 days (by a rule or a colleague's sync) and not done */
  fresh: z.array(taskSchema),
  openCases: z.number().int(),
});
export type Today = z.infer<typeof todaySchema>;
