/**
 * 帮扶措施表: the measures the rules suggest for a monitoring object, each
 * with its lead department and the reasons (the facts and rules it rests
 * on); what is held back and what is still to verify. The town or village
 * ticks the measures to keep and confirms: each becomes its department's task.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api.js';
import type { PlanDraft } from '../../app/api-types.js';
import { t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { useHousehold } from '../households/hooks.js';
import { planTexts as p } from '../facts/texts.js';

function Draft({ householdId, draft }: { householdId: string; draft: PlanDraft }) {
  const queries = useQueryClient();
  const [chosen, setChosen] = useState<string[]>(() => draft.measures.map((m) => m.code));
  const [error, setError] = useState<string | null>(null);
  const confirm = useMutation({
    mutationFn: () => api.confirmPlan(householdId, { measures: chosen.map((code) => ({ code })) }),
    onSuccess: () => Promise.all([queries.invalidateQueries({ queryKey: ['file', householdId] }), queries.invalidateQueries({ queryKey: ['due-items'] })]),
    onError: (e) => setError(e instanceof Error ? e.message : t.loadFailed),
  });

  if (confirm.data) return <Alert role="status" type="success" showIcon message={p.confirmed(confirm.data.planNo)} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {p.asOf(draft.asOf, draft.catalogueId, draft.catalogueVersion)}
      </Typography.Paragraph>
      {error && <Alert role="alert" type="error" showIcon message={error} />}
      <section aria-label={p.suggested}>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {p.suggested}
        </Typography.Title>
        {draft.measures.length === 0 ? (
          <Typography.Text>{p.none}</Typography.Text>
        ) : (
          draft.measures.map((m) => (
            <Card key={m.code} size="small" style={{ marginBottom: 8 }}>
              <article aria-label={m.name}>
                <Space wrap>
                  <Checkbox
                    checked={chosen.includes(m.code)}
                    aria-label={p.choose(m.name)}
                    onChange={(e) => setChosen((list) => (e.target.checked ? [...list, m.code] : list.filter((c) => c !== m.code)))}
                  />
                  <Typography.Text strong>{m.name}</Typography.Text>
                  <Tag>
                    {p.lead}：{m.lead.name}
                  </Tag>
                  {m.coLeads && m.coLeads.length > 0 && (
                    <Tag>
                      {p.coLeads}：{m.coLeads.join('、')}
                    </Tag>
                  )}
                  <Tag>{p.deadline(m.deadlineDays)}</Tag>
                </Space>
                <List size="small" header={p.reasons} dataSource={[...m.reasons]} renderItem={(r) => <List.Item>{r}</List.Item>} />
              </article>
            </Card>
          ))
        )}
      </section>
      {draft.withheld.length > 0 && (
        <section aria-label={p.withheld}>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {p.withheld}
          </Typography.Title>
          <List size="small" bordered dataSource={[...draft.withheld]} renderItem={(w) => <List.Item>{`${w.name}：${w.why}`}</List.Item>} />
        </section>
      )}
      {draft.toVerify.length > 0 && (
        <section aria-label={p.toVerify}>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {p.toVerify}
          </Typography.Title>
          <List size="small" bordered dataSource={[...draft.toVerify]} renderItem={(v) => <List.Item>{v.text}</List.Item>} />
        </section>
      )}
      <Button type="primary" disabled={chosen.length === 0} loading={confirm.isPending} onClick={() => confirm.mutate()}>
        {p.confirm}
      </Button>
    </Space>
  );
}

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
      <QueryView query={draft}>{(d) => <Draft householdId={id} draft={d} />}</QueryView>
    </Space>
  );
}
