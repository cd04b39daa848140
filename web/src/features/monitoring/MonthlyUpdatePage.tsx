import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { INCOME_KINDS, SPENDING_KINDS, type IncomeKind, type SpendingKind } from '../../../../domain/income/projection.js';
import type { MonthlyItemResult, MonthlyUpdateBody } from '../../app/api-types.js';
import { INCOME_KIND_NAMES, spendingKindNames, t } from '../../app/messages.js';
import { Loading, QueryView } from '../../app/states.js';
import { useHousehold, useMembers } from '../households/hooks.js';
import { useMonthlyUpdate } from './hooks.js';
import { periodOptions, ThreatsField, toThreats, usePeriod, type Period, type Threat } from './fields.js';
import { MonthlyResult } from './MonthlyResult.js';

interface Values {
  period: Period;
  note?: string;
  income: { kind: IncomeKind; yuan?: number | null }[];
  spending: { kind: SpendingKind; yuan?: number | null; rigid: boolean }[];
  memberCount?: number | null;
  memberChanges?: string;
  policies?: string;
  threats?: Threat[];
}

const splitList = (text: string | undefined) => (text ?? '').split(/[、，,\n]/).map((s) => s.trim()).filter(Boolean);

/** 月度信息更新: the month's income and spending, member changes and policies enjoyed; the server re-assesses the household. */
export function MonthlyUpdatePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const household = useHousehold(id);
  const members = useMembers(id);
  const update = useMonthlyUpdate(id);
  const period = usePeriod();
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<MonthlyItemResult | null>(null);

  const submit = async (v: Values) => {
    setError(null);
    const body: MonthlyUpdateBody = {
      period: v.period,
      ...(v.note?.trim() ? { note: v.note } : {}),
      income: v.income.filter((l) => typeof l.yuan === 'number').map((l) => ({ period: v.period, kind: l.kind, yuan: l.yuan as number })),
      spending: v.spending.filter((l) => typeof l.yuan === 'number').map((l) => ({ period: v.period, kind: l.kind, yuan: l.yuan as number, rigid: l.rigid })),
      ...(typeof v.memberCount === 'number' ? { memberCount: v.memberCount } : {}),
      ...(v.memberChanges?.trim() ? { memberChanges: v.memberChanges } : {}),
      ...(splitList(v.policies).length > 0 ? { policiesEnjoyed: splitList(v.policies) } : {}),
      ...toThreats(v.threats),
    };
    try {
      setResult(await update.mutateAsync(body));
    } catch (e) {
      setError(e instanceof Error ? e.message : t.loadFailed);
    }
  };

  // The member count starts from the household's members: the form waits for them (a failure leaves it blank).
  if (members.isPending) return <Loading />;
  return (
    <QueryView query={household}>
      {(h) => (
        <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {h.headName} · {t.monitoring.monthlyTitle}
          </Typography.Title>
          <Card size="small">
            {result ? (
              <MonthlyResult what={t.monitoring.monthlyTitle} result={result} householdId={id} />
            ) : (
              <>
                {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
                <Form<Values>
                  layout="vertical"
                  aria-label={t.monitoring.monthlyTitle}
                  initialValues={{
                    period,
                    income: [{ kind: 'wages' }],
                    spending: [{ kind: 'medical', rigid: true }],
                    memberCount: members.data?.length || undefined,
                  }}
                  onFinish={(v) => void submit(v)}
                >
                  <Form.Item label={t.monitoring.period} name="period">
                    <Select options={periodOptions()} style={{ maxWidth: 200 }} />
                  </Form.Item>
                  <Typography.Title level={2} style={{ fontSize: 15 }}>
                    {t.identification.income}
                  </Typography.Title>
                  <Form.List name="income">
                    {(fields, { add, remove }) => (
                      <>
                        {fields.map((field, i) => (
                          <Space key={field.key} wrap align="baseline">
                            <Form.Item name={[field.name, 'kind']} label={t.identification.line('收入', '类别', i + 1)}>
                              <Select style={{ width: 160 }} options={INCOME_KINDS.map((k) => ({ value: k, label: INCOME_KIND_NAMES[k] }))} />
                            </Form.Item>
                            <Form.Item name={[field.name, 'yuan']} label={t.identification.line('收入', '金额', i + 1)}>
                              <InputNumber min={-100_000_000} max={100_000_000} style={{ width: 140 }} />
                            </Form.Item>
                            {fields.length > 1 && <Button onClick={() => remove(field.name)}>{t.identification.remove}</Button>}
                          </Space>
                        ))}
                        <Button onClick={() => add({ kind: 'wages' })}>{t.identification.addIncome}</Button>
                      </>
                    )}
                  </Form.List>
                  <Typography.Title level={2} style={{ fontSize: 15, marginTop: 16 }}>
                    {t.identification.spending}
                  </Typography.Title>
                  <Form.List name="spending">
                    {(fields, { add, remove }) => (
                      <>
                        {fields.map((field, i) => (
                          <Space key={field.key} wrap align="baseline">
                            <Form.Item name={[field.name, 'kind']} label={t.identification.line('支出', '类别', i + 1)}>
                              <Select style={{ width: 120 }} options={SPENDING_KINDS.map((k) => ({ value: k, label: spendingKindNames[k] }))} />
                            </Form.Item>
                            <Form.Item name={[field.name, 'yuan']} label={t.identification.line('支出', '金额', i + 1)}>
                              <InputNumber min={0} max={100_000_000} style={{ width: 140 }} />
                            </Form.Item>
                            <Form.Item name={[field.name, 'rigid']} label={t.identification.line('支出', '是否刚性', i + 1)} valuePropName="checked">
                              <Switch />
                            </Form.Item>
                            {fields.length > 1 && <Button onClick={() => remove(field.name)}>{t.identification.remove}</Button>}
                          </Space>
                        ))}
                        <Button onClick={() => add({ kind: 'medical', rigid: true })}>{t.identification.addSpending}</Button>
                      </>
                    )}
                  </Form.List>
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
                  <Form.Item label={t.monitoring.note} name="note">
                    <Input.TextArea rows={3} maxLength={2000} />
                  </Form.Item>
                  <Space>
                    <Button type="primary" htmlType="submit" loading={update.isPending}>
                      {t.submit}
                    </Button>
                    <Button onClick={() => navigate(-1)}>{t.cancel}</Button>
                  </Space>
                </Form>
              </>
            )}
          </Card>
        </Space>
      )}
    </QueryView>
  );
}
