/**
 * The draft's income window 收入测算期, chosen by the county bureau: the last
 * twelve months (national practice, one reading with 低保/特困), the income
 * year from the previous December [002], or fixed months projected as one
 * year's income [004]. A fixed window stands for its year only; a version that
 * starts after it is refused by the check until the county sets its own.
 */
import { Alert, Card, Input, InputNumber, Select, Space } from 'antd';
import type { Period } from '../../../../domain/calendar/dates.js';
import type { IncomeWindow } from '../../../../domain/income/projection.js';
import { pt } from './messages.js';
import type { Body } from './thresholds.js';

type Kind = IncomeWindow['kind'];

const windowOf = (body: Body): Partial<IncomeWindow> | undefined =>
  typeof body.incomeWindow === 'object' && body.incomeWindow !== null ? (body.incomeWindow as Partial<IncomeWindow>) : undefined;

export function IncomeWindowField({ body, month, onChange }: { body: Body; month: string; onChange: (next: Body) => void }) {
  const window = windowOf(body);
  const set = (next: Record<string, unknown>) => onChange({ ...body, incomeWindow: next });
  const choose = (kind: Kind) => set(kind === 'trailing' ? { kind, months: 12 } : kind === 'fixed' ? { kind, from: '', to: '', projectsYear: null } : { kind });
  const fixed = window?.kind === 'fixed' ? (window as Partial<Extract<IncomeWindow, { kind: 'fixed' }>>) : undefined;
  const ended = fixed && typeof fixed.projectsYear === 'number' && Number(month.slice(0, 4)) > fixed.projectsYear;
  return (
    <Card title={pt.window.title}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select
          aria-label={pt.window.kind}
          showSearch
          optionFilterProp="label"
          value={window?.kind}
          style={{ width: '100%', maxWidth: 360 }}
          onChange={choose}
          options={[
            { value: 'trailing', label: pt.window.trailing },
            { value: 'since_previous_december', label: pt.window.sinceDecember },
            { value: 'fixed', label: pt.window.fixed },
          ]}
        />
        {fixed && (
          <Space wrap>
            <Input aria-label={`${pt.window.title} ${pt.window.from}`} placeholder={pt.window.from} value={fixed.from ?? ''} style={{ width: 110 }} onChange={(e) => set({ ...fixed, from: e.target.value as Period })} />
            <Input aria-label={`${pt.window.title} ${pt.window.to}`} placeholder={pt.window.to} value={fixed.to ?? ''} style={{ width: 110 }} onChange={(e) => set({ ...fixed, to: e.target.value as Period })} />
            <InputNumber aria-label={`${pt.window.title} ${pt.window.year}`} placeholder={pt.window.year} value={fixed.projectsYear ?? null} onChange={(v) => set({ ...fixed, projectsYear: v })} />
          </Space>
        )}
        {ended && <Alert role="alert" type="warning" showIcon message={pt.window.ended(fixed.projectsYear!)} />}
      </Space>
    </Card>
  );
}
