import { Form, Input, InputNumber, Select } from 'antd';
import { useParams } from 'react-router-dom';
import { type IncomeKind, type SpendingKind } from '../../../../domain/income/projection.js';
import type { MonthlyUpdateBody } from '../../app/api-types.js';
import { t } from '../../app/messages.js';
import { IncomeLines, SpendingLines } from '../../app/LineFields.js';
import { Loading } from '../../app/states.js';
import { useMembers } from '../households/hooks.js';
import { useMonthlyUpdate } from './hooks.js';
import { periodOptions, ThreatsField, toThreats, usePeriod, type Period, type Threat } from './fields.js';
import { MonthlyItemFrame } from './MonthlyItemFrame.js';
import { FactsFields, toFacts, type FactValues } from '../facts/FactsFields.js';

interface Values {
  period: Period;
  note?: string;
  income: { kind: IncomeKind; yuan?: number | null }[];
  spending: { kind: SpendingKind; yuan?: number | null; rigid: boolean }[];
  memberCount?: number | null;
  memberChanges?: string;
  policies?: string;
  threats?: Threat[];
  facts?: FactValues;
}

const splitList = (text: string | undefined) => (text ?? '').split(/[、，,\n]/).map((s) => s.trim()).filter(Boolean);

/** 月度信息更新: the month's income and spending, member changes and policies enjoyed; the server re-assesses the household. */
export function MonthlyUpdatePage() {
  const { id = '' } = useParams();
  const members = useMembers(id);
  const update = useMonthlyUpdate(id);
  const period = usePeriod();

  const toBody = (v: Values) => {
    const body: MonthlyUpdateBody = {
      period: v.period,
      ...(v.note?.trim() ? { note: v.note } : {}),
      income: v.income.filter((l) => typeof l.yuan === 'number').map((l) => ({ period: v.period, kind: l.kind, yuan: l.yuan as number })),
      spending: v.spending.filter((l) => typeof l.yuan === 'number').map((l) => ({ period: v.period, kind: l.kind, yuan: l.yuan as number, rigid: l.rigid })),
      ...(typeof v.memberCount === 'number' ? { memberCount: v.memberCount } : {}),
      ...(v.memberChanges?.trim() ? { memberChanges: v.memberChanges } : {}),
      ...(splitList(v.policies).length > 0 ? { policiesEnjoyed: splitList(v.policies) } : {}),
      ...toThreats(v.threats),
      ...toFacts(v.facts),
    };
    return body;
  };

  // The member count starts from the household's members: the form waits for them (a failure leaves it blank).
  if (members.isPending) return <Loading />;
  return (
    <MonthlyItemFrame householdId={id} title={t.monitoring.monthlyTitle} what={t.monitoring.monthlyTitle} send={update}>
      {(submit, actions) => (
        <Form<Values>
          layout="vertical"
          aria-label={t.monitoring.monthlyTitle}
          initialValues={{
            period,
            income: [{ kind: 'wages' }],
            spending: [{ kind: 'medical', rigid: true }],
            memberCount: members.data?.length || undefined,
          }}
          onFinish={(v) => submit(toBody(v))}
        >
          <Form.Item label={t.monitoring.period} name="period">
            <Select options={periodOptions()} style={{ maxWidth: 200 }} />
          </Form.Item>
          <IncomeLines />
          <SpendingLines />
          <Form.Item label={t.monitoring.memberCount} name="memberCount" style={{ marginTop: 16 }}>
            <InputNumber min={1} max={50} precision={0} />
          </Form.Item>
          <Form.Item label={t.monitoring.memberChanges} name="memberChanges">
            <Input maxLength={2000} />
          </Form.Item>
          <Form.Item label={t.monitoring.policies} name="policies">
            <Input maxLength={2000} />
          </Form.Item>
          <ThreatsField />
          <FactsFields members={members.data ?? []} />
          <Form.Item label={t.monitoring.note} name="note">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          {actions}
        </Form>
      )}
    </MonthlyItemFrame>
  );
}
