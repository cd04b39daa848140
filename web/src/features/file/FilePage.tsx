import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Tag, Timeline, Typography } from 'antd';
import { FileDocuments } from './FileDocuments.js';
import { Link, useParams } from 'react-router-dom';
import type { Role } from '../../../../domain/access/roles.js';
import { api } from '../../app/api.js';
import type { FileEvent } from '../../app/api-types.js';
import { CATEGORY_NAMES, ROLE_NAMES, STAGE_NAMES, t } from '../../app/messages.js';
import { Nothing, QueryView } from '../../app/states.js';
import { formatTime } from '../../app/time.js';
import { PlanChangeLines } from '../plans/PlanChangeLines.js';

/** What a clerk wrote with the step (an opinion, a reason, a statement), when the entry carries it. */
function noteOf(e: FileEvent): string | undefined {
  const d = (e.details ?? {}) as Record<string, unknown>;
  for (const key of ['opinion', 'reason', 'statement', 'content', 'summary']) if (typeof d[key] === 'string' && d[key]) return d[key];
  return undefined;
}

function who(e: FileEvent): string {
  if (!e.actor) return t.file.system;
  const role = e.actor.role && e.actor.role in ROLE_NAMES ? ROLE_NAMES[e.actor.role as Role] : undefined;
  return [e.actor.name, role ? `（${role}）` : ''].join('');
}

export function FilePage() {
  const { id = '' } = useParams();
  const file = useQuery({ queryKey: ['file', id], queryFn: () => api.file(id) });
  return (
    <QueryView query={file}>
      {({ household: h, events, documents }) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {h.headName} · {t.file.title}
          </Typography.Title>
          <Card size="small" extra={<Link to={`/households/${h.id}`}>{t.households.detail}</Link>}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t.households.address}>{h.address}</Descriptions.Item>
              <Descriptions.Item label={t.households.category}>{CATEGORY_NAMES[h.category]}</Descriptions.Item>
              <Descriptions.Item label={t.households.stage}>
                <Tag>{STAGE_NAMES[h.stage as keyof typeof STAGE_NAMES] ?? h.stage}</Tag>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.file.timeline}</h2>}>
            {events.length === 0 ? (
              <Nothing text={t.file.empty} />
            ) : (
              <section aria-label={t.file.timeline}>
                <Timeline
                  items={events.map((e) => {
                    const note = noteOf(e);
                    return {
                      key: `${e.kind}-${e.recordedAt}`,
                      children: (
                        <article aria-label={`${formatTime(e.occurredAt)} ${e.kindName}`}>
                          <Typography.Text strong>{e.kindName}</Typography.Text>
                          <div>
                            <time dateTime={e.occurredAt}>{formatTime(e.occurredAt)}</time> · {t.file.who}：{who(e)}
                          </div>
                          {note && <Typography.Paragraph style={{ margin: 0 }} type="secondary">{note}</Typography.Paragraph>}
                          <PlanChangeLines details={e.details} />
                        </article>
                      ),
                    };
                  })}
                />
              </section>
            )}
          </Card>
          <FileDocuments documents={documents} />
        </Space>
      )}
    </QueryView>
  );
}
