/** The conditions a proposal is checked against with where the household stands, and the measures that go on after elimination. */
import { List, Space, Tag, Typography } from 'antd';
import { QueryView } from '../../app/states.js';
import { useEliminationConditions } from './hooks.js';
import { conditionTexts as c } from './conditions-texts.js';

export function EliminationConditions({ householdId }: { householdId: string }) {
  const query = useEliminationConditions(householdId);
  return (
    <QueryView query={query}>
      {(v) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          <section aria-label={c.title}>
            <List
              size="small"
              header={<Typography.Text strong>{c.title}</Typography.Text>}
              dataSource={v.conditions}
              locale={{ emptyText: v.none ?? '—' }}
              renderItem={(k) => (
                <List.Item aria-label={k.text}>
                  <Space wrap size={4}>
                    <span>{k.text}</span>
                    <Tag>{c.origin[k.origin]}</Tag>
                    {k.met === true && <Tag color="green">{c.met}</Tag>}
                    {k.met === false && <Tag color="red">{c.unmet}</Tag>}
                    {k.now && <Typography.Text type="secondary">{k.now}</Typography.Text>}
                  </Space>
                </List.Item>
              )}
            />
            {v.none && v.conditions.length > 0 && <Typography.Text type="secondary">{v.none}</Typography.Text>}
          </section>
          {v.continuing.length > 0 && (
            <section aria-label={c.continuingTitle}>
              <List
                size="small"
                header={<Typography.Text strong>{c.continuingTitle}</Typography.Text>}
                footer={<Typography.Text type="secondary">{c.continuingNote}</Typography.Text>}
                dataSource={v.continuing}
                renderItem={(k) => (
                  <List.Item aria-label={k.measureName}>
                    <Space wrap size={4}>
                      <span>{k.measureName}（{k.departmentName}）</span>
                      <Tag color="blue">{k.continues}</Tag>
                    </Space>
                  </List.Item>
                )}
              />
            </section>
          )}
        </Space>
      )}
    </QueryView>
  );
}
