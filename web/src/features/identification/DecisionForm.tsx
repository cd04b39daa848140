import { Alert, Button, Checkbox, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { MONITORING_CATEGORIES, RISK_CAUSES, type Decision, type MonitoringCategory, type RiskCause } from '../../../../domain/identification/steps.js';
import type { DecisionBody } from '../../app/api-types.js';
import { CATEGORY_NAMES, DECISION_NAMES, RISK_CAUSE_NAMES, STEP_NAMES, t } from '../../app/messages.js';
import { useDecide } from './hooks.js';

type Step = DecisionBody['step'];
interface Values {
  decision: Decision;
  opinion: string;
  participants?: string;
  category?: MonitoringCategory;
  riskCauses?: RiskCause[];
}

export function DecisionForm({ householdId, step }: { householdId: string; step: Step }) {
  const decide = useDecide(householdId);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setError(null);
    const participants = (v.participants ?? '').split(/[、,，]/).map((p) => p.trim()).filter(Boolean);
    try {
      await decide.mutateAsync({
        step,
        decision: v.decision,
        opinion: v.opinion,
        ...(participants.length > 0 ? { participants } : {}),
        ...(step === 'county_decision' && v.decision === 'approve' && v.category ? { category: v.category, riskCauses: v.riskCauses ?? [] } : {}),
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : t.loadFailed);
    }
  };

  return (
    <Form<Values> layout="vertical" aria-label={t.identification.decide(STEP_NAMES[step])} initialValues={{ decision: 'approve', category: 'unstable' }} onFinish={(v) => void submit(v)}>
      {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form.Item label={t.identification.decision} name="decision">
        <Radio.Group options={(['approve', 'return', 'reject'] as const).map((d) => ({ value: d, label: DECISION_NAMES[d] }))} />
      </Form.Item>
      {step === 'county_decision' && (
        <Form.Item label={t.identification.monitoringCategory} name="category">
          <Radio.Group options={MONITORING_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_NAMES[c] }))} />
        </Form.Item>
      )}
      {step === 'county_decision' && (
        <Form.Item label={t.identification.riskCauses} name="riskCauses">
          <Checkbox.Group options={RISK_CAUSES.map((c) => ({ value: c, label: RISK_CAUSE_NAMES[c] }))} />
        </Form.Item>
      )}
      {step === 'village_review' && (
        <Form.Item label={t.identification.participants} name="participants" rules={[{ required: true, whitespace: true, message: t.identification.participantsRequired }]}>
          <Input maxLength={500} />
        </Form.Item>
      )}
      <Form.Item label={t.identification.opinion} name="opinion" rules={[{ required: true, whitespace: true, message: t.identification.opinionRequired }]}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={decide.isPending}>
        {t.identification.decide(STEP_NAMES[step])}
      </Button>
    </Form>
  );
}
