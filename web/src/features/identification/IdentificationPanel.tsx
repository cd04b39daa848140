import { Alert, Button, Descriptions, List, Space, Steps, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { STEP_ROLES, type IdentificationStep } from '../../../../domain/identification/steps.js';
import type { DecisionBody } from '../../app/api-types.js';
import { useUser } from '../../app/auth.js';
import { CASE_STATUS_NAMES, CATEGORY_NAMES, CONCLUSION_NAMES, STEP_NAMES, t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { formatDeadline, formatTime } from '../../app/time.js';
import { DecisionForm } from './DecisionForm.js';
import { useIdentification } from './hooks.js';

const DECIDED_STEPS: readonly string[] = ['village_review', 'department_comparison', 'town_audit', 'county_decision'];

export function IdentificationPanel({ householdId }: { householdId: string }) {
  const user = useUser();
  const state = useIdentification(householdId);
  return (
    <QueryView query={state}>
      {(s) => {
        const c = s.case;
        const mayApply = user.role === 'village_cadre' && (!c || c.status !== 'in_progress' ? s.stage === 'registered' || s.stage === 'not_included' : c.current === 'application');
        const current = c?.current as IdentificationStep | null | undefined;
        const mine = current && c?.status === 'in_progress' && STEP_ROLES[current]?.includes(user.role);
        return (
          <Space direction="vertical" style={{ width: '100%' }}>
            {!c && <Typography.Text type="secondary">{t.identification.none}</Typography.Text>}
            {c && (
              <>
                <Steps
                  size="small"
                  current={current ? c.steps.indexOf(current) : c.steps.length}
                  status={c.status === 'rejected' ? 'error' : c.status === 'approved' ? 'finish' : 'process'}
                  items={c.steps.map((step) => ({ title: STEP_NAMES[step as IdentificationStep] ?? step }))}
                  responsive
                />
                <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
                  <Descriptions.Item label={t.identification.status}>
                    <Tag color={c.status === 'approved' ? 'green' : c.status === 'rejected' ? 'red' : 'blue'}>{CASE_STATUS_NAMES[c.status as keyof typeof CASE_STATUS_NAMES] ?? c.status}</Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label={t.identification.current}>{current ? STEP_NAMES[current] : '—'}</Descriptions.Item>
                  {c.noticeEndsAt && <Descriptions.Item label={t.identification.noticeEndsAt}>{formatTime(c.noticeEndsAt)}</Descriptions.Item>}
                  {c.lastReturnReason && <Descriptions.Item label={t.identification.returned}>{c.lastReturnReason}</Descriptions.Item>}
                  {c.status === 'approved' && s.category && (
                    <Descriptions.Item label={t.identification.monitoringCategory}>{CATEGORY_NAMES[s.category as keyof typeof CATEGORY_NAMES] ?? s.category}</Descriptions.Item>
                  )}
                </Descriptions>
                {c.status === 'approved' && <Alert type="success" showIcon message={t.identification.approvedAsMonitored} />}
                {c.assessment && (
                  <Alert
                    type="info"
                    message={`${t.assessment.recorded}：${CONCLUSION_NAMES[c.assessment.conclusion]}`}
                    description={<List size="small" dataSource={c.assessment.explanation} renderItem={(line) => <List.Item>{line}</List.Item>} />}
                  />
                )}
                {c.clocks.length > 0 && (
                  <List
                    size="small"
                    header={t.identification.clocks}
                    dataSource={c.clocks}
                    renderItem={(k) => (
                      <List.Item>
                        {k.name}
                        {k.deadline ? `，${t.identification.deadline} ${formatDeadline(k.deadline)}` : ''}
                        {k.overdue ? <Tag color="red">{t.identification.overdue}</Tag> : null}
                      </List.Item>
                    )}
                  />
                )}
              </>
            )}
            {mayApply && (
              <Link to={`/households/${householdId}/apply`}>
                <Button type="primary">{t.identification.apply}</Button>
              </Link>
            )}
            {mine && current && DECIDED_STEPS.includes(current) && <DecisionForm householdId={householdId} step={current as DecisionBody['step']} deciding={current === c.steps.at(-1)} />}
          </Space>
        );
      }}
    </QueryView>
  );
}
