import { Typography } from 'antd';
import { PLAN_CHANGE_KINDS, planChangeMessages, type PlanChange } from '../../../../domain/measures/plan-changes.js';

const isChange = (c: unknown): c is PlanChange =>
  typeof c === 'object' && c !== null && PLAN_CHANGE_KINDS.includes((c as PlanChange).change) && typeof (c as PlanChange).measureName === 'string' && typeof (c as PlanChange).reason === 'string';

/** A confirmed plan's changes to the suggestion, each with its reason, as the household file shows them. */
export function PlanChangeLines({ details }: { details: unknown }) {
  const changes = (details as { changes?: unknown } | null)?.changes;
  if (!Array.isArray(changes)) return null;
  return (
    <>
      {changes.filter(isChange).map((c) => (
        <Typography.Paragraph key={`${c.change}:${c.measure}`} style={{ margin: 0 }} type="secondary">
          {planChangeMessages.line(c)}
        </Typography.Paragraph>
      ))}
    </>
  );
}
