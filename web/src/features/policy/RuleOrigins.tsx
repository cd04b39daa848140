/**
 * Where each rule of a profile comes from: the county's document, national
 * practice where the document is silent, or a figure no document gives that
 * the county must enter (issue 17 items 2–3). The same pure `ruleOrigins` as
 * the server; the county's procedure in its own words beneath.
 */
import { Card, List, Space, Table, Tag, Typography } from 'antd';
import { ruleOrigins, type RuleOrigin } from '../../../../domain/policy/origins.js';
import type { PolicyProfile } from '../../../../domain/policy/profile.js';
import { pt } from './messages.js';

const COLOURS: Record<RuleOrigin, string> = { seed: 'green', practice: 'orange', missing: 'red' };

export function RuleOrigins({ profile }: { profile: PolicyProfile }) {
  const rows = ruleOrigins(profile);
  const missing = rows.filter((r) => r.origin === 'missing');
  return (
    <Card title={pt.origins.title}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {missing.length > 0 && (
          <Typography.Paragraph role="alert" type="danger" style={{ margin: 0 }}>
            {pt.origins.askCounty(missing.length)}
          </Typography.Paragraph>
        )}
        <Table
          size="small"
          pagination={false}
          rowKey={(r) => `${r.rule}:${r.name}`}
          aria-label={pt.origins.title}
          scroll={{ x: true }}
          dataSource={rows}
          columns={[
            { title: pt.inForce.field, dataIndex: 'name', width: '25%' },
            { title: pt.origins.origin, dataIndex: 'origin', width: 150, render: (o: RuleOrigin) => <Tag color={COLOURS[o]}>{pt.origins.names[o]}</Tag> },
            { title: pt.origins.basis, dataIndex: 'text' },
          ]}
        />
        {profile.procedure && profile.procedure.length > 0 && (
          <section aria-label={pt.origins.procedure}>
          <List
            size="small"
            header={<Typography.Text strong>{pt.origins.procedure}</Typography.Text>}
            dataSource={[...profile.procedure]}
            renderItem={(p, i) => (
              <List.Item>
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>
                    {i + 1}. {p.name}
                    {p.decides ? `（${pt.origins.decides(p.decidingBody)}）` : ''}
                  </Typography.Text>
                  <Typography.Text>{pt.origins.participants(p.participants.join('、'))}</Typography.Text>
                  {p.does && <Typography.Text>{p.does}</Typography.Text>}
                  <Tag color={p.source ? 'green' : 'orange'}>{p.source ? pt.origins.names.seed : pt.origins.names.practice}</Tag>
                </Space>
              </List.Item>
            )}
          />
          </section>
        )}
      </Space>
    </Card>
  );
}
