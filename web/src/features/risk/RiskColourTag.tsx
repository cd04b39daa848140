import { Tag, Tooltip } from 'antd';
import type { RiskColour } from '../../app/api-types.js';
import { rt } from './messages.js';

const TAG_COLOURS = { green: 'success', yellow: 'warning', red: 'error' } as const;

/** A household's risk colour on a list, with the conditions behind it; 未配置 when the county has no rules. */
export function RiskColourTag({ value }: { value: RiskColour }) {
  if (!value) return <Tag>{rt.notConfigured}</Tag>;
  const because = value.because.map((b) => b.name).join('；');
  const tag = (
    <Tag color={TAG_COLOURS[value.colour]} aria-label={because ? rt.tagLabel(value.name, because) : value.name}>
      {value.name}
    </Tag>
  );
  return because ? <Tooltip title={because}>{tag}</Tooltip> : tag;
}
