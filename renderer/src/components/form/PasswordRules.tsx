import { useTranslation } from 'react-i18next';
import { minPasswordLength, passwordProblem } from '../../../../shared/password-policy';

interface PasswordRulesProps {
  id: string;
  password: string;
  repeat: string;
}

/**
 * The password rules, checked while typing. The rules themselves come from the shared policy,
 * which the core applies too, so what is shown here as met is what the core accepts.
 */
export function PasswordRules({ id, password, repeat }: PasswordRulesProps) {
  const { t } = useTranslation();
  const length = [...password].length;
  const lengthOk = length >= minPasswordLength;
  // With enough length, the policy's verdict decides; below that only the variety is judged.
  const variedOk = length > 0 && (lengthOk ? passwordProblem(password) === null : new Set(password).size > 1);
  const matchOk = password.length > 0 && password === repeat;

  const rules = [
    { key: 'length', ok: lengthOk, text: t('password.ruleLength', { min: minPasswordLength, count: length }) },
    { key: 'varied', ok: variedOk, text: t('password.ruleVaried') },
    { key: 'match', ok: matchOk, text: t('password.ruleMatch') },
  ];

  return (
    <div className="password-rules" id={id}>
      <p className="password-rules-title">{t('password.rulesTitle')}</p>
      <ul>
        {rules.map((rule) => (
          <li key={rule.key} className={rule.ok ? 'rule-met' : 'rule-open'}>
            <span className="rule-icon" aria-hidden="true">
              {rule.ok ? '✓' : '○'}
            </span>
            {rule.text}
            <span className="visually-hidden"> – {rule.ok ? t('password.met') : t('password.notMet')}</span>
          </li>
        ))}
      </ul>
      <p className="field-hint">{t('password.tip')}</p>
    </div>
  );
}
