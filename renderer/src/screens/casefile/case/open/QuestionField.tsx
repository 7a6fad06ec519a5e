import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldsetFrame } from '../../../../components/form/FieldsetFrame';
import { Radio } from '../../../../components/form/Radio';

const choices = ['yes', 'no', 'unknown'] as const;

interface QuestionFieldProps {
  /** DOM id of the group (its first radio carries it) */
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
}

/** One question of the target-group check as a yes / no / unknown radio group. */
export function QuestionField({ id, label, registration }: QuestionFieldProps) {
  const { t } = useTranslation();
  return (
    <FieldsetFrame id={id} legend={label}>
      <div className="choice-row">
        {choices.map((choice, index) => (
          <Radio key={choice} id={index === 0 ? id : `${id}-${choice}`} value={choice} label={t(`caseFile.open.answer.${choice}`)} registration={registration} />
        ))}
      </div>
    </FieldsetFrame>
  );
}
