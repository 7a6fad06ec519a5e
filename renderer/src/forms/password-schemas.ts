import { z } from 'zod';
import { contract } from '../../../shared/ipc/contract';
import { passwordProblem } from '../../../shared/password-policy';
import { de } from '../i18n/de';

/**
 * The contract's input schemas plus the checks the core will make anyway (policy, repetition):
 * the person learns of a problem before the round trip, with the same words.
 */
function checkNewPassword(password: string, repeat: string, fields: [string, string], ctx: z.RefinementCtx): void {
  const problem = password.length > 0 ? passwordProblem(password) : null;
  if (problem) ctx.addIssue({ code: 'custom', path: [fields[0]], message: problem });
  if (repeat.length > 0 && password !== repeat) {
    ctx.addIssue({ code: 'custom', path: [fields[1]], message: de.password.mismatch });
  }
}

export const createProfileSchema = contract['profiles.create'].input.superRefine((value, ctx) =>
  checkNewPassword(value.password, value.passwordRepeat, ['password', 'passwordRepeat'], ctx),
);
export type CreateProfileValues = z.input<typeof createProfileSchema>;

export const changePasswordSchema = contract['session.changePassword'].input.superRefine((value, ctx) =>
  checkNewPassword(value.newPassword, value.newPasswordRepeat, ['newPassword', 'newPasswordRepeat'], ctx),
);
export type ChangePasswordValues = z.input<typeof changePasswordSchema>;
