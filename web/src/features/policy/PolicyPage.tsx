/** The county's policy in force for a month, read-only and field by field, with every version; the county bureau drafts the next one from here. */
import { Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { periodOf } from '../../../../domain/calendar/dates.js';
import { describeProfile } from '../../../../domain/policy/diff.js';
import { parseProfile } from '../../../../domain/policy/parse.js';
import { QueryView } from '../../app/states.js';
import { usePolicyVersions, useProfileInForce } from './hooks.js';
import { pt } from './messages.js';
import { RuleOrigins } from './RuleOrigins.js';

export function PolicyPage() {
  const [period, setPeriod] = useState<string>(periodOf(Date.now()));
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  const profile = useProfileInForce(valid ? period : periodOf(Date.now()));
  const versions = usePolicyVersions();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {pt.inForce.title}
        </Typography.Title>
        <Link to="/policy/draft">
          <Button type="primary">{pt.inForce.draft}</Button>
        </Link>
      </Space>
      <label>
        {pt.inForce.month}{' '}
        <Input aria-label={pt.inForce.month} value={period} onChange={(e) => setPeriod(e.target.value.trim())} style={{ width: 120 }} maxLength={7} />
      </label>
      <QueryView query={profile}>
        {(p) => {
          const parsed = parseProfile(p.body);
          return (
            <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Card title={pt.inForce.version(p.id, p.version, p.effectiveFrom)}>
              <Table
                size="small"
                pagination={false}
                rowKey="label"
                aria-label={pt.inForce.title}
                dataSource={parsed.ok ? describeProfile(parsed.profile) : []}
                columns={[
                  { title: pt.inForce.field, dataIndex: 'label', width: '35%' },
                  { title: pt.inForce.value, dataIndex: 'after' },
                ]}
              />
            </Card>
            {parsed.ok && <RuleOrigins profile={parsed.profile} />}
            </Space>
          );
        }}
      </QueryView>
      <QueryView query={versions}>
        {(v) => (
          <Card title={pt.inForce.versions}>
            <Table
              size="small"
              pagination={false}
              rowKey="version"
              scroll={{ x: true }}
              aria-label={pt.inForce.versions}
              dataSource={v.versions}
              columns={[
                { title: pt.inForce.versionNo, dataIndex: 'version' },
                { title: pt.inForce.effectiveFrom, dataIndex: 'effectiveFrom' },
                { title: pt.inForce.origin, dataIndex: 'published', render: (published: boolean) => <Tag>{published ? pt.inForce.published : pt.inForce.shipped}</Tag> },
                { title: pt.inForce.correction, dataIndex: 'correctionReason', render: (r: string | null) => r ?? '' },
              ]}
            />
          </Card>
        )}
      </QueryView>
    </Space>
  );
}
