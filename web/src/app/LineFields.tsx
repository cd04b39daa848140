/**
 * The lines of income and spending a person enters — the application's survey
 * 收支测算 and the monthly update — one row per line, with or without its month.
 */
import { Button, Form, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { INCOME_KINDS, SPENDING_KINDS } from '../../../domain/income/projection.js';
import { INCOME_KIND_NAMES, spendingKindNames, t } from './messages.js';
import { periodName, recentPeriods } from './time.js';

export const periodOptions = () => recentPeriods().map((p) => ({ value: p, label: periodName(p) }));

/** `month`: each line names its month, new ones starting at this one; absent: the lines are the form's month. */
export function IncomeLines({ month }: { month?: string }) {
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 15 }}>
        {t.identification.income}
      </Typography.Title>
      <Form.List name="income">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} wrap align="baseline">
                {month && (
                  <Form.Item name={[field.name, 'period']} label={t.identification.line('收入', '月份', i + 1)}>
                    <Select style={{ width: 130 }} options={periodOptions()} />
                  </Form.Item>
                )}
                <Form.Item name={[field.name, 'kind']} label={t.identification.line('收入', '类别', i + 1)}>
                  <Select style={{ width: 160 }} options={INCOME_KINDS.map((k) => ({ value: k, label: INCOME_KIND_NAMES[k] }))} />
                </Form.Item>
                <Form.Item name={[field.name, 'yuan']} label={t.identification.line('收入', '金额', i + 1)}>
                  <InputNumber min={-100_000_000} max={100_000_000} style={{ width: 140 }} />
                </Form.Item>
                {fields.length > 1 && <Button onClick={() => remove(field.name)}>{t.identification.remove}</Button>}
              </Space>
            ))}
            <Button onClick={() => add({ ...(month ? { period: month } : {}), kind: 'wages' })}>{t.identification.addIncome}</Button>
          </>
        )}
      </Form.List>
    </>
  );
}

export function SpendingLines({ month }: { month?: string }) {
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 15, marginTop: 16 }}>
        {t.identification.spending}
      </Typography.Title>
      <Form.List name="spending">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} wrap align="baseline">
                {month && (
                  <Form.Item name={[field.name, 'period']} label={t.identification.line('支出', '月份', i + 1)}>
                    <Select style={{ width: 130 }} options={periodOptions()} />
                  </Form.Item>
                )}
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
            <Button onClick={() => add({ ...(month ? { period: month } : {}), kind: 'medical', rigid: true })}>{t.identification.addSpending}</Button>
          </>
        )}
      </Form.List>
    </>
  );
}
