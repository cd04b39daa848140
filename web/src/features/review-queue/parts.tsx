/** What the review queue's page and the Today card share: a case's clocks and the way to its card. */
import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { WaitingCase } from '../../app/api-types.js';
import { formatDeadline } from '../../app/time.js';
import { queueTexts as q } from './texts.js';

/** Where the case's card is on the household's page. */
export const cardOf = (c: WaitingCase) => `/households/${c.household.id}#${c.procedure}`;

/** The case's open working-day clocks (its step's and the whole case's), overdue in orange. */
export function Clocks({ c }: { c: WaitingCase }) {
  if (c.clocks.length === 0) return <Typography.Text type="secondary">{q.noClock}</Typography.Text>;
  return (
    <Space direction="vertical" size={2}>
      {c.clocks.map((k) => (
        <span key={`${k.scope}${k.dueAt}`}>
          {k.scope === 'step' ? q.stepClock : q.caseClock} {q.due(formatDeadline(k.dueAt))}{' '}
          {k.overdue && <Tag color="orange">{q.overdue(k.overdueDays)}</Tag>}
        </span>
      ))}
    </Space>
  );
}

/** The procedure's tag: identification in blue, risk elimination in green. */
export const ProcedureTag = ({ c }: { c: WaitingCase }) => <Tag color={c.procedure === 'elimination' ? 'green' : 'blue'}>{c.procedureName}</Tag>;

/** 办理: a link to the case's card, named by its step and household for a screen reader. */
export const HandleLink = ({ c }: { c: WaitingCase }) => (
  <Link to={cardOf(c)} aria-label={q.handleLabel(c.stepName, c.household.headName)}>
    {q.handle}
  </Link>
);
