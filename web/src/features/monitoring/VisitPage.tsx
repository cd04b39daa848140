import { Checkbox, Form, Input, Select } from 'antd';
import { useParams } from 'react-router-dom';
import { RISK_CAUSES, type RiskCause } from '../../../../domain/identification/steps.js';
import type { VisitBody } from '../../app/api-types.js';
import { RISK_CAUSE_NAMES, t } from '../../app/messages.js';
import { formatDate } from '../../app/time.js';
import { useVisit } from './hooks.js';
import { MonthlyItemFrame } from './MonthlyItemFrame.js';
import { useMembers } from '../households/hooks.js';
import { FactsFields, toFacts, type FactValues } from '../facts/FactsFields.js';
import { periodOptions, ThreatsField, toThreats, usePeriod, type Period, type Threat } from './fields.js';

interface Values {
  period: Period;
  visitedOn: string;
  findings: string;
  risksFound: RiskCause[];
  threats?: Threat[];
  facts?: FactValues;
}

/** 走访服务信息采集表: the month's visit, what was found and the risks seen; a risk found raises a warning. */
export function VisitPage() {
  const { id = '' } = useParams();
  const visit = useVisit(id);
  const members = useMembers(id);
  const period = usePeriod();

  const toBody = (v: Values) => {
    const body: VisitBody = { period: v.period, visitedOn: v.visitedOn, findings: v.findings, ...(v.risksFound.length > 0 ? { risksFound: v.risksFound } : {}), ...toThreats(v.threats), ...toFacts(v.facts) };
    return body;
  };

  return (
    <MonthlyItemFrame householdId={id} title={t.monitoring.visitTitle} what={t.monitoring.fileVisit} send={visit}>
      {(submit, actions) => (
        <Form<Values>
          layout="vertical"
          aria-label={t.monitoring.visitTitle}
          initialValues={{ period, visitedOn: formatDate(new Date().toISOString()), risksFound: [] }}
          onFinish={(v) => submit(toBody(v))}
        >
          <Form.Item label={t.monitoring.period} name="period">
            <Select options={periodOptions()} style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item label={t.monitoring.visitedOn} name="visitedOn">
            <Input type="date" style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item label={t.monitoring.findings} name="findings" rules={[{ required: true, whitespace: true, message: t.monitoring.findingsRequired }]}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Form.Item label={t.monitoring.risksFound} name="risksFound">
            <Checkbox.Group options={RISK_CAUSES.map((c) => ({ value: c, label: RISK_CAUSE_NAMES[c] }))} />
          </Form.Item>
          <ThreatsField />
          <FactsFields members={members.data ?? []} />
          {actions}
        </Form>
      )}
    </MonthlyItemFrame>
  );
}
