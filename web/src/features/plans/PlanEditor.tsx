/**
 * The suggested measures, changed by the officer before confirming: a measure
 * left out, another lead department, a measure added from the county's own
 * catalogue — each change with its reason (domain/measures/plan-changes.ts,
 * the rule the API and the workflow check again), recorded in the household file.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { periodOf } from '../../../../domain/calendar/dates.js';
import { PLAN_CHANGE_NAMES, planChangeMessages, planChangeProblem, planChanges, type PlanChange } from '../../../../domain/measures/plan-changes.js';
import type { PlanMeasureChoice } from '../../../../domain/measures/tasks.js';
import { catalogueOf } from '../../../../domain/policy/parse.js';
import type { PolicyProfile } from '../../../../domain/policy/profile.js';
import { api } from '../../app/api.js';
import type { PlanDraft } from '../../app/api-types.js';
import { t } from '../../app/messages.js';
import { planTexts as p } from '../facts/texts.js';
import { useProfileInForce } from '../policy/hooks.js';
import { editTexts as x } from './edit-texts.js';

interface Added {
  readonly code: string;
  readonly name: string;
  readonly departmentId: string | undefined;
}

function Reason({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return <Input aria-label={label} placeholder={x.reasonPlaceholder} maxLength={500} value={value} onChange={(e) => onChange(e.target.value)} />;
}

export function PlanEditor({ householdId, draft }: { householdId: string; draft: PlanDraft }) {
  const queries = useQueryClient();
  const departments = useQuery({ queryKey: ['departments'], queryFn: () => api.departments(), staleTime: 5 * 60_000 });
  const profile = useProfileInForce(periodOf(Date.now()));
  const [left, setLeft] = useState<string[]>([]);
  const [leads, setLeads] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<Added[]>([]);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const catalogue = useMemo(() => (profile.data ? catalogueOf(profile.data.body as PolicyProfile) : undefined), [profile.data]);
  const departmentOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  const leadOf = (code: string) => departments.data?.find((d) => d.code === code)?.id;
  const names = new Map<string, string>([...draft.measures.map((m) => [m.code, m.name] as const), ...added.map((a) => [a.code, a.name] as const)]);

  const chosen: PlanMeasureChoice[] = [
    ...draft.measures.filter((m) => !left.includes(m.code)).map((m) => (leads[m.code] ? { code: m.code, departmentId: leads[m.code] } : { code: m.code })),
    ...added.map((a) => (a.departmentId ? { code: a.code, departmentId: a.departmentId } : { code: a.code })),
  ];
  const changes: PlanChange[] = planChanges(draft.measures, chosen).map((c) => ({ ...c, measureName: names.get(c.measure) ?? c.measure, reason: reasons[c.measure] ?? '' }));
  const changeOf = (code: string) => changes.find((c) => c.measure === code);
  const addable = (catalogue?.measures ?? []).filter((d) => !names.has(d.code) && !draft.alreadyOpen.includes(d.code));

  const confirm = useMutation({
    mutationFn: () => api.confirmPlan(householdId, { measures: chosen, ...(changes.length > 0 ? { changes: changes.map((c) => ({ ...c, reason: c.reason.trim() })) } : {}) }),
    onSuccess: () => Promise.all([...['file', 'household-tasks', 'elimination'].map((key) => queries.invalidateQueries({ queryKey: [key, householdId] })), queries.invalidateQueries({ queryKey: ['due-items'] })]),
    onError: (e) => setError(e instanceof Error ? e.message : t.loadFailed),
  });
  const onConfirm = () => {
    setError(null);
    const problem = planChangeProblem(chosen, changes);
    if (problem) return setError(planChangeMessages.problem(problem));
    confirm.mutate();
  };
  const reasonFor = (code: string) => {
    const change = changeOf(code);
    return change ? (
      <Reason label={x.reasonLabel(PLAN_CHANGE_NAMES[change.change], change.measureName)} value={reasons[code] ?? ''} onChange={(v) => setReasons({ ...reasons, [code]: v })} />
    ) : null;
  };

  if (confirm.data) return <Alert role="status" type="success" showIcon message={p.confirmed(confirm.data.planNo)} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {p.asOf(draft.asOf, draft.catalogueId, draft.catalogueVersion)}
      </Typography.Paragraph>
      {draft.alreadyOpen.length > 0 && <Typography.Text type="secondary">{p.alreadyOpen(draft.alreadyOpen.map((c) => catalogue?.measures.find((d) => d.code === c)?.name ?? c).join('、'))}</Typography.Text>}
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
                    checked={!left.includes(m.code)}
                    aria-label={p.choose(m.name)}
                    onChange={(e) => setLeft((list) => (e.target.checked ? list.filter((c) => c !== m.code) : [...list, m.code]))}
                  />
                  <Typography.Text strong>{m.name}</Typography.Text>
                  {m.coLeads && m.coLeads.length > 0 && (
                    <Tag>
                      {p.coLeads}：{m.coLeads.join('、')}
                    </Tag>
                  )}
                  <Tag>{p.deadline(m.deadlineDays)}</Tag>
                </Space>
                <div style={{ margin: '8px 0' }}>
                  <Space wrap>
                    <span>{p.lead}</span>
                    <Select
                      aria-label={x.leadDepartment(m.name)}
                      showSearch
                      optionFilterProp="label"
                      style={{ minWidth: 180 }}
                      disabled={left.includes(m.code)}
                      value={leads[m.code] ?? m.lead.departmentId ?? undefined}
                      placeholder={m.lead.name}
                      options={departmentOptions}
                      onChange={(id: string) => setLeads((all) => (id === m.lead.departmentId ? Object.fromEntries(Object.entries(all).filter(([code]) => code !== m.code)) : { ...all, [m.code]: id }))}
                    />
                  </Space>
                </div>
                {reasonFor(m.code)}
                <List size="small" header={p.reasons} dataSource={[...m.reasons]} renderItem={(r) => <List.Item>{r}</List.Item>} />
              </article>
            </Card>
          ))
        )}
      </section>
      <section aria-label={x.addTitle}>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {x.addTitle}
        </Typography.Title>
        {profile.error ? (
          <Typography.Text type="secondary">{x.noCatalogue}</Typography.Text>
        ) : (
          <Space wrap>
            <Select
              aria-label={x.addPick}
              showSearch
              optionFilterProp="label"
              style={{ minWidth: 220 }}
              placeholder={x.addPlaceholder}
              value={picked}
              loading={profile.isPending}
              onChange={(code: string) => setPicked(code)}
              options={addable.map((d) => ({ value: d.code, label: d.name }))}
            />
            <Button
              disabled={!picked}
              onClick={() => {
                const d = addable.find((m) => m.code === picked);
                if (d) setAdded([...added, { code: d.code, name: d.name, departmentId: leadOf(d.lead) }]);
                setPicked(undefined);
              }}
            >
              {x.add}
            </Button>
          </Space>
        )}
        {added.map((a) => (
          <Card key={a.code} size="small" style={{ marginTop: 8 }}>
            <article aria-label={a.name}>
              <Space wrap style={{ marginBottom: 8 }}>
                <Typography.Text strong>{a.name}</Typography.Text>
                <Tag color="blue">{x.added}</Tag>
                <Select
                  aria-label={x.leadDepartment(a.name)}
                  showSearch
                  optionFilterProp="label"
                  style={{ minWidth: 180 }}
                  value={a.departmentId}
                  options={departmentOptions}
                  onChange={(id: string) => setAdded(added.map((b) => (b.code === a.code ? { ...b, departmentId: id } : b)))}
                />
                <Button size="small" aria-label={x.removeAdded(a.name)} onClick={() => setAdded(added.filter((b) => b.code !== a.code))}>
                  {x.remove}
                </Button>
              </Space>
              {reasonFor(a.code)}
            </article>
          </Card>
        ))}
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
      {changes.length > 0 && <Typography.Text>{x.changesTitle(changes.length)}</Typography.Text>}
      {error && <Alert role="alert" type="error" showIcon message={error} />}
      <Button type="primary" disabled={chosen.length === 0} loading={confirm.isPending} onClick={onConfirm}>
        {p.confirm}
      </Button>
    </Space>
  );
}
