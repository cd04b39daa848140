/**
 * 帮扶措施表: the measures the rules suggest for a monitoring object, each
 * with its lead department and the reasons (the facts and rules it rests
 * on); what is held back and what is still to verify. The town or village
 * keeps, leaves out, re-assigns or adds measures, each change with its
 * reason, and confirms: each becomes its department's task.
 */
import { useQuery } from '@tanstack/react-query';
import { Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api.js';
import { t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { useHousehold } from '../households/hooks.js';
import { planTexts as p } from '../facts/texts.js';
import { PlanEditor } from './PlanEditor.js';

export function PlanPage() {
  const { id = '' } = useParams();
  const household = useHousehold(id);
  // A draft is computed afresh each time (the facts may have changed); nothing is recorded until confirmed.
  const draft = useQuery({ queryKey: ['plan-draft', id], queryFn: () => api.draftPlan(id), staleTime: 0 });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 820 }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {household.data ? `${household.data.headName} · ` : ''}
        {p.title}
      </Typography.Title>
      <Link to={`/households/${id}`}>{t.households.detail}</Link>
      <QueryView query={draft}>{(d) => <PlanEditor householdId={id} draft={d} />}</QueryView>
    </Space>
  );
}
