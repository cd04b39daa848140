/**
 * The draft's share of transfer income 转移性收入占比 above which the focus
 * analysis 重点分析 flags a household [004]. The seed says only “收入结构不合理
 * 转移性收入占比过高” with no figure, so the shipped profile leaves it empty and
 * the flag is not judged until the county enters a percentage (more than 0,
 * less than 100 — the profile check `isTransferSharePercent`).
 */
import { Alert, Card, InputNumber, Space } from 'antd';
import { isTransferSharePercent } from '../../../../domain/policy/profile.js';
import { pt } from './messages.js';
import type { Body } from './thresholds.js';

const criteriaOf = (body: Body): Record<string, unknown> | undefined =>
  typeof body.focusCriteria === 'object' && body.focusCriteria !== null && !Array.isArray(body.focusCriteria) ? (body.focusCriteria as Record<string, unknown>) : undefined;

export function TransferShareField({ body, onChange }: { body: Body; onChange: (next: Body) => void }) {
  const criteria = criteriaOf(body);
  if (!criteria) return null;
  const share = criteria.transferSharePercentAbove;
  const set = (value: number | null) => {
    const rest = Object.fromEntries(Object.entries(criteria).filter(([key]) => key !== 'transferSharePercentAbove'));
    onChange({ ...body, focusCriteria: value === null ? rest : { ...rest, transferSharePercentAbove: value } });
  };
  return (
    <Card title={pt.share.title}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <label>
          {pt.share.label}{' '}
          <InputNumber aria-label={pt.share.label} placeholder={pt.share.placeholder} addonAfter="%" style={{ width: 200 }} value={typeof share === 'number' ? share : null} onChange={(v) => set(v)} />
        </label>
        {share === undefined && <Alert role="alert" type="warning" showIcon message={pt.share.missing} />}
        {share !== undefined && !isTransferSharePercent(share) && <Alert role="alert" type="error" showIcon message={pt.share.invalid} />}
      </Space>
    </Card>
  );
}
