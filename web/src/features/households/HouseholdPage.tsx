import { App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Member } from '../../app/api-types.js';
import { useUser } from '../../app/auth.js';
import { CATEGORY_NAMES, LABOUR_NAMES, RELATION_NAMES, SEX_NAMES, STAGE_NAMES, t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { formatTime } from '../../app/time.js';
import { IdentificationPanel } from '../identification/IdentificationPanel.js';
import { useHousehold, useMembers } from './hooks.js';
import { MemberForm } from './MemberForm.js';
import { correctionTexts, memberChangeTexts, planTexts } from '../facts/texts.js';
import { mayDo } from '../../../../domain/access/actions.js';
import { LeaveMember } from './LeaveMember.js';
import { EliminationPanel } from '../elimination/EliminationPanel.js';
import { eliminationTexts } from '../elimination/texts.js';
import { HouseholdTasks } from '../plans/HouseholdTasks.js';
import { taskTexts } from '../plans/task-texts.js';
import { CorrectMember } from './CorrectMember.js';
import { ConsentCard } from '../comparison/ConsentCard.js';
import { consentTexts, jointTexts } from '../comparison/messages.js';
import { JointCard } from '../comparison/JointCard.js';
import { RederivationPanel } from '../fidelity/RederivationPanel.js';
import { ft } from '../fidelity/messages.js';
import { HouseholdForms } from '../exports/HouseholdForms.js';
import { ScrollToHash } from '../review-queue/ScrollToHash.js';

const EDIT_ROLES: readonly string[] = ['village_cadre', 'town_officer', 'county_bureau'];

export function HouseholdPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const { message } = App.useApp();
  const household = useHousehold(id);
  const members = useMembers(id);
  const navigate = useNavigate();

  return (
    <QueryView query={household}>
      {(h) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {h.headName} · {t.households.detail}
          </Typography.Title>
          {EDIT_ROLES.includes(user.role) && (
            <Space wrap>
              {h.stage === 'monitoring' && <Button onClick={() => navigate(`/households/${h.id}/monthly-update`)}>{t.monitoring.fileMonthly}</Button>}
              <Button onClick={() => navigate(`/households/${h.id}/visit`)}>{t.monitoring.fileVisit}</Button>
              {h.stage === 'monitoring' && mayDo(user, 'draftPlan') && <Button onClick={() => navigate(`/households/${h.id}/plan`)}>{planTexts.open}</Button>}
            </Space>
          )}
          <Card size="small" extra={<Link to={`/households/${h.id}/file`}>{t.households.file}</Link>}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t.households.address}>{h.address}</Descriptions.Item>
              <Descriptions.Item label={t.households.category}>{CATEGORY_NAMES[h.category]}</Descriptions.Item>
              <Descriptions.Item label={t.households.stage}>
                <Tag>{STAGE_NAMES[h.stage as keyof typeof STAGE_NAMES] ?? h.stage}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t.households.responsible}>{h.responsible?.name ?? t.households.none}</Descriptions.Item>
              <Descriptions.Item label={t.households.createdAt}>{formatTime(h.createdAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <HouseholdForms householdId={h.id} />
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.members.title}</h2>}>
            <QueryView query={members}>
              {(list) => (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Table<Member>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    aria-label={t.members.title}
                    locale={{ emptyText: t.members.none }}
                    dataSource={list}
                    columns={[
                      { title: t.members.name, dataIndex: 'name' },
                      { title: t.members.relation, render: (_, m) => RELATION_NAMES[m.relation] },
                      { title: t.members.idNumber, dataIndex: 'idNumber' },
                      { title: t.members.birthDate, dataIndex: 'birthDate' },
                      { title: t.members.sex, render: (_, m) => SEX_NAMES[m.sex] },
                      { title: t.members.labour, render: (_, m) => LABOUR_NAMES[m.labourAbility] },
                      ...(EDIT_ROLES.includes(user.role)
                        ? [
                            {
                              title: memberChangeTexts.column,
                              render: (_: unknown, m: Member) => (
                                <Space size={4} wrap>
                                  <CorrectMember householdId={h.id} member={m} onCorrected={(name) => void message.success(correctionTexts.corrected(name))} />
                                  <LeaveMember householdId={h.id} member={m} onLeft={(name) => void message.success(memberChangeTexts.left(name))} />
                                </Space>
                              ),
                            },
                          ]
                        : []),
                    ]}
                  />
                  {EDIT_ROLES.includes(user.role) && (
                    <MemberForm householdId={h.id} first={list.length === 0} onAdded={(name) => void message.success(t.members.added(name))} />
                  )}
                </Space>
              )}
            </QueryView>
          </Card>
          <Card id="identification" tabIndex={-1} size="small" role="region" aria-label={t.identification.title} title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.identification.title}</h2>}>
            <IdentificationPanel householdId={h.id} />
          </Card>
          <Card size="small" role="region" aria-label={jointTexts.title} title={<h2 style={{ fontSize: 16, margin: 0 }}>{jointTexts.title}</h2>}>
            <JointCard householdId={h.id} />
          </Card>
          <Card size="small" role="region" aria-label={consentTexts.title} title={<h2 style={{ fontSize: 16, margin: 0 }}>{consentTexts.title}</h2>}>
            <ConsentCard householdId={h.id} />
          </Card>
          {(h.stage === 'monitoring' || h.stage === 'eliminated') && (
            <Card size="small" role="region" aria-label={taskTexts.title} title={<h2 style={{ fontSize: 16, margin: 0 }}>{taskTexts.title}</h2>}>
              <HouseholdTasks householdId={h.id} />
            </Card>
          )}
          {(h.stage === 'monitoring' || h.stage === 'eliminated') && (
            <Card id="elimination" tabIndex={-1} size="small" role="region" aria-label={eliminationTexts.title} title={<h2 style={{ fontSize: 16, margin: 0 }}>{eliminationTexts.title}</h2>}>
              <EliminationPanel householdId={h.id} />
            </Card>
          )}
          <Card size="small" role="region" aria-label={ft.rederive.title} title={<h2 style={{ fontSize: 16, margin: 0 }}>{ft.rederive.title}</h2>}>
            <RederivationPanel householdId={h.id} />
          </Card>
          <ScrollToHash />
        </Space>
      )}
    </QueryView>
  );
}
