import '../../../styles/care.css';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { Loading } from '../../../components/Loading';
import { StatusMessage } from '../../../components/StatusMessage';
import { useKimQuery } from '../../../hooks/useKimQuery';
import type { CaseTabProps } from '../tab-props';
import { AssessmentForm } from './assessment/AssessmentForm';
import { AssessmentOverview } from './assessment/AssessmentOverview';
import { ClosedNote } from './common/ClosedNote';
import { useFocusAfterRender } from '../../../hooks/useFocusAfterRender';

/** Tab "Assessment": need per life domain, its history, and a new assessment. */
export function AssessmentTab({ caseId, closed }: CaseTabProps) {
  const { t } = useTranslation();
  const history = useKimQuery('assessments.history', { caseId });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const startRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusAfterRender = useFocusAfterRender();

  return (
    <div className="care-view">
      <ClosedNote closed={closed} />
      <div className="care-section-head">
        <h2 id="assessment-title" ref={headingRef} tabIndex={-1}>
          {t('care.assessment.title')}
        </h2>
        {!closed && !editing ? (
          <button
            ref={startRef}
            type="button"
            className="button button-primary"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('care.assessment.start')}
          </button>
        ) : null}
      </div>
      <StatusMessage message={saved ? t('care.assessment.saved') : null} />
      {history.status === 'error' ? <LoadError error={history.error} onRetry={history.reload} /> : null}
      {history.status === 'loading' && !history.data ? <Loading /> : null}
      {editing && history.data ? (
        <AssessmentForm
          caseId={caseId}
          history={history.data}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
            history.reload();
            focusAfterRender(() => headingRef.current);
          }}
          onCancel={() => {
            setEditing(false);
            focusAfterRender(() => startRef.current);
          }}
        />
      ) : null}
      {history.data ? (
        history.data.some((item) => item.current) ? (
          <AssessmentOverview history={history.data} />
        ) : editing ? null : (
          <p className="muted">{t('care.assessment.none')}</p>
        )
      ) : null}
    </div>
  );
}
