import { Alert, Button, Checkbox, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { periodOf } from '../../../../domain/calendar/dates.js';
import { RISK_CAUSES, type Decision, type MonitoringCategory, type RiskCause } from '../../../../domain/identification/steps.js';
import { categoriesOf } from '../../../../domain/policy/origins.js';
import { parseProfile } from '../../../../domain/policy/parse.js';
import { useProfileInForce } from '../policy/hooks.js';
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

/**
 * `deciding`: the case's last step, whose approval makes the household a
 * monitoring object (市级确定 [001], 县政府审批认定 [000], the town's 确认对象 [002]):
 * it records the category — among the county's own, by its own names — and the risk causes.
 */
export function DecisionForm({ householdId, step, deciding }: { householdId: string; step: Step; deciding: boolean }) {
  const decide = useDecide(householdId);
  const [error, setError] = useState<string | null>(null);
  const profile = useProfileInForce(periodOf(Date.now()));
  const parsed = profile.data ? parseProfile(profile.data.body) : null;
  const categories = parsed?.ok ? categoriesOf(parsed.profile) : null;
  const options = (categories ?? []).map((c) => ({ value: c.category, label: c.name === CATEGORY_NAMES[c.category] ? c.name : `${c.name}（${CATEGORY_NAMES[c.category]}）` }));

  const submit = async (v: Values) => {
    setError(null);
    const participants = (v.participants ?? '').split(/[、,，]/).map((p) => p.trim()).filter(Boolean);
    try {
      await decide.mutateAsync({
        step,
        decision: v.decision,
        opinion: v.opinion,
        ...(participants.length > 0 ? { participants } : {}),
        ...(deciding && v.decision === 'approve' && v.category ? { category: v.category, riskCauses: v.riskCauses ?? [] } : {}),
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
      {deciding && (
        <Form.Item label={t.identification.monitoringCategory} name="category">
          <Radio.Group options={options.length > 0 ? options : Object.entries(CATEGORY_NAMES).filter(([c]) => c !== 'lifted_out').map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      )}
      {deciding && (
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
