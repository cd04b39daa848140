/** The household's risk elimination 风险消除: the village proposes with evidence, the town audits, the county confirms. */
import { Alert, Button, Descriptions, Form, Input, Radio, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { mayDo } from '../../../../domain/access/actions.js';
import { ELIMINATION_STEP_NAMES } from '../../../../domain/identification/elimination.js';
import { STEP_ROLES, type Decision, type IdentificationStep } from '../../../../domain/identification/steps.js';
import type { EliminationDecision } from '../../app/api-types.js';
import { useUser } from '../../app/auth.js';
import { t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { formatDeadline, formatTime } from '../../app/time.js';
import { useDecideElimination, useElimination, usePropose } from './hooks.js';
import { eliminationTexts as e } from './texts.js';
import { EliminationConditions } from './EliminationConditions.js';

const failure = (error: unknown) => (error instanceof Error ? error.message : t.loadFailed);

function ProposalForm({ householdId, again }: { householdId: string; again: boolean }) {
  const propose = usePropose(householdId);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { statement: string; evidence: string }) => {
    setError(null);
    const evidence = v.evidence.split('\n').map((line) => line.trim()).filter(Boolean).map((title) => ({ title }));
    try {
      await propose.mutateAsync({ statement: v.statement, evidence });
    } catch (err) {
      setError(failure(err));
    }
  };
  const label = again ? e.proposeAgain : e.propose;
  return (
    <Form layout="vertical" aria-label={label} onFinish={(v: { statement: string; evidence: string }) => void submit(v)}>
      {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form.Item label={e.statement} name="statement" rules={[{ required: true, whitespace: true, message: e.statementRequired }]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item label={e.evidence} name="evidence" rules={[{ required: true, whitespace: true, message: e.evidenceRequired }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={propose.isPending} block={false}>
        {label}
      </Button>
    </Form>
  );
}

function DecideForm({ householdId, step }: { householdId: string; step: EliminationDecision['step'] }) {
  const decide = useDecideElimination(householdId);
  const [error, setError] = useState<string | null>(null);
  const name = ELIMINATION_STEP_NAMES[step];
  const submit = async (v: { decision: Decision; opinion: string }) => {
    setError(null);
    try {
      await decide.mutateAsync({ step, decision: v.decision, opinion: v.opinion });
    } catch (err) {
      setError(failure(err));
    }
  };
  return (
    <Form layout="vertical" aria-label={t.identification.decide(name)} initialValues={{ decision: 'approve' }} onFinish={(v: { decision: Decision; opinion: string }) => void submit(v)}>
      {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form.Item label={t.identification.decision} name="decision">
        <Radio.Group options={(['approve', 'return', 'reject'] as const).map((d) => ({ value: d, label: e.decisions[d] }))} />
      </Form.Item>
      <Form.Item label={t.identification.opinion} name="opinion" rules={[{ required: true, whitespace: true, message: t.identification.opinionRequired }]}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={decide.isPending}>
        {t.identification.decide(name)}
      </Button>
    </Form>
  );
}

export function EliminationPanel({ householdId }: { householdId: string }) {
  const user = useUser();
  const state = useElimination(householdId);
  return (
    <QueryView query={state}>
      {(s) => {
        const c = s.case;
        const current = (c?.status === 'in_progress' ? c.current : null) as IdentificationStep | null;
        const mayPropose = mayDo(user, 'proposeElimination') && s.stage === 'monitoring' && (!current || current === 'application');
        const mine = current && current !== 'application' && STEP_ROLES[current].includes(user.role);
        return (
          <Space direction="vertical" style={{ width: '100%' }}>
            {!c && <Typography.Text type="secondary">{e.none}</Typography.Text>}
            {s.stage === 'eliminated' && <Alert type="success" showIcon message={e.eliminated} />}
            {c && (
              <>
                <Steps
                  size="small"
                  responsive
                  current={current ? c.steps.indexOf(current) : c.steps.length}
                  status={c.status === 'rejected' ? 'error' : c.status === 'approved' ? 'finish' : 'process'}
                  items={c.steps.map((step) => ({ title: ELIMINATION_STEP_NAMES[step as IdentificationStep] ?? step }))}
                />
                <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
                  <Descriptions.Item label={t.identification.status}>
                    <Tag color={c.status === 'approved' ? 'green' : c.status === 'rejected' ? 'red' : 'blue'}>{e.status[c.status as keyof typeof e.status] ?? c.status}</Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label={t.identification.current}>{current ? ELIMINATION_STEP_NAMES[current] : '—'}</Descriptions.Item>
                  {c.noticeEndsAt && <Descriptions.Item label={t.identification.noticeEndsAt}>{formatTime(c.noticeEndsAt)}</Descriptions.Item>}
                  {c.lastReturnReason && <Descriptions.Item label={t.identification.returned}>{c.lastReturnReason}</Descriptions.Item>}
                  {c.clocks
                    .filter((k) => !k.doneAt)
                    .map((k) => (
                      <Descriptions.Item key={k.name} label={t.identification.clocks}>
                        {k.name}
                        {k.deadline ? `，${t.identification.deadline} ${formatDeadline(k.deadline)}` : ''}
                        {k.overdue ? <Tag color="red">{t.identification.overdue}</Tag> : null}
                      </Descriptions.Item>
                    ))}
                </Descriptions>
                {current && !mine && current !== 'application' && <Typography.Text type="secondary">{e.waiting(ELIMINATION_STEP_NAMES[current])}</Typography.Text>}
              </>
            )}
            {(s.stage === 'monitoring' || s.stage === 'eliminated') && <EliminationConditions householdId={householdId} />}
            {mayPropose && <ProposalForm householdId={householdId} again={current === 'application'} />}
            {mine && (current === 'town_audit' || current === 'county_decision') && <DecideForm householdId={householdId} step={current} />}
          </Space>
        );
      }}
    </QueryView>
  );
}
