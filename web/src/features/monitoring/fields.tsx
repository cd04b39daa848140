/** What the monthly update and the visit share: the month they answer, and the 两不愁三保障 found threatened. */
import { Checkbox, Form } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { periodOf } from '../../../../domain/calendar/dates.js';
import { t, threatNames } from '../../app/messages.js';

export type Period = ReturnType<typeof periodOf>;
export type Threat = keyof typeof threatNames;
const THREATS = Object.keys(threatNames) as Threat[];

export { periodOptions } from '../../app/LineFields.js';

/** The period asked for in the address (a due item's), or this month. */
export function usePeriod(): Period {
  const [search] = useSearchParams();
  const asked = search.get('period');
  return asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? (asked as Period) : periodOf(Date.now());
}

/** The ticked guarantees as the API's threats (each true: threatened); none ticked sends none. */
export const toThreats = (ticked: readonly Threat[] | undefined) =>
  ticked && ticked.length > 0 ? { threats: Object.fromEntries(ticked.map((k) => [k, true])) as Partial<Record<Threat, boolean>> } : {};

export function ThreatsField() {
  return (
    <Form.Item label={t.monitoring.threats} name="threats">
      <Checkbox.Group options={THREATS.map((k) => ({ value: k, label: threatNames[k] }))} />
    </Form.Item>
  );
}
