/** The draft's assessment 考核 weights and risk-colour 风险等级 rules, field by field, checked as the county bureau types. */
import { Alert, Card, Input, InputNumber, Select, Space, Typography } from 'antd';
import { RISK_CONDITION_NAMES } from '../../../../domain/monitoring/risk-colour-messages.js';
import { ASSESSMENT_COMPONENT_NAMES } from '../../../../domain/supervision/assessment-messages.js';
import type { AssessmentPolicy } from '../../../../domain/supervision/assessment.js';
import type { RiskColourRules } from '../../../../domain/monitoring/risk-colour.js';
import {
  ASSESSMENT_COMPONENTS,
  conditionLevel,
  RISK_CONDITIONS,
  scoringFieldProblems,
  scoringMessages as s,
  setAssessmentSetting,
  setConditionLevel,
  setWarningClockDays,
  setWeight,
} from '../../../../domain/policy/draft-scoring.js';
import type { Body } from './thresholds.js';

const LEVELS = [
  { value: 'red', label: s.levelRed },
  { value: 'yellow', label: s.levelYellow },
  { value: 'none', label: s.levelNone },
] as const;

const numberOrNull = (v: number | string | null) => (v === null || v === '' ? null : Number(v));

export function ScoringFields({ body, onChange }: { body: Body; onChange: (next: Body) => void }) {
  const assessment = (typeof body.assessment === 'object' && body.assessment !== null ? body.assessment : {}) as AssessmentPolicy;
  const rules = (typeof body.riskColours === 'object' && body.riskColours !== null ? body.riskColours : undefined) as RiskColourRules | undefined;
  const problems = scoringFieldProblems(body);
  return (
    <>
      <Card title={s.assessmentTitle}>
        <Space wrap>
          {ASSESSMENT_COMPONENTS.map((c) => (
            <label key={c}>
              {s.weight(ASSESSMENT_COMPONENT_NAMES[c])}{' '}
              <InputNumber aria-label={s.weight(ASSESSMENT_COMPONENT_NAMES[c])} value={assessment.weights?.[c] ?? null} onChange={(v) => onChange(setWeight(body, c, numberOrNull(v)))} />
            </label>
          ))}
          <label>
            {s.pointsPerOverdueDay}{' '}
            <InputNumber aria-label={s.pointsPerOverdueDay} step={0.5} value={assessment.pointsPerOverdueDay ?? null} onChange={(v) => onChange(setAssessmentSetting(body, 'pointsPerOverdueDay', numberOrNull(v)))} />
          </label>
          <label>
            {s.warningActionDays}{' '}
            <InputNumber aria-label={s.warningActionDays} value={assessment.warningActionDays ?? null} onChange={(v) => onChange(setAssessmentSetting(body, 'warningActionDays', numberOrNull(v)))} />
          </label>
          <Input aria-label={`${s.assessmentTitle} ${s.note}`} placeholder={s.note} value={assessment.note ?? ''} style={{ width: 240 }} onChange={(e) => onChange(setAssessmentSetting(body, 'note', e.target.value))} />
        </Space>
      </Card>
      <Card title={s.riskColoursTitle}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {RISK_CONDITIONS.map((c) => (
            <Space key={c} wrap>
              <Typography.Text>{RISK_CONDITION_NAMES[c]}</Typography.Text>
              <Select
                aria-label={s.conditionLevel(RISK_CONDITION_NAMES[c])}
                showSearch
                optionFilterProp="label"
                value={conditionLevel(body, c) ?? 'none'}
                style={{ width: 130 }}
                onChange={(level: 'red' | 'yellow' | 'none') => onChange(setConditionLevel(body, c, level === 'none' ? null : level))}
                options={LEVELS.map((l) => ({ ...l }))}
              />
            </Space>
          ))}
          <label>
            {s.warningClockDays}{' '}
            <InputNumber aria-label={s.warningClockDays} value={rules?.warningClockDays ?? null} onChange={(v) => onChange(setWarningClockDays(body, numberOrNull(v)))} />
          </label>
        </Space>
      </Card>
      {problems.length > 0 && (
        <Alert
          role="alert"
          type="warning"
          showIcon
          message={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
    </>
  );
}
