import { Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { HouseholdPage } from '../../app/api-types.js';
import { CATEGORY_NAMES, STAGE_NAMES, STAGES, t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { formatTime } from '../../app/time.js';
import { useHouseholdSearch } from './hooks.js';
import { RiskColourTag } from '../risk/RiskColourTag.js';
import { rt } from '../risk/messages.js';
import { FOCUS_FLAGS } from '../../../../domain/monitoring/risk-signal.js';
import { ft } from '../fidelity/messages.js';
import { jointTexts } from '../comparison/messages.js';

type Household = HouseholdPage['items'][number];

export function HouseholdsPage() {
  const [name, setName] = useState<string | undefined>();
  const [params] = useSearchParams();
  const [stage, setStage] = useState<string | undefined>(params.get('stage') ?? undefined);
  const [focus, setFocus] = useState<string | undefined>(params.get('focus') ?? undefined);
  const [joint, setJoint] = useState<string | undefined>(params.get('joint') ?? undefined);
  const [offset, setOffset] = useState(0);
  // The dashboard's charts open this list filtered by category, town, risk cause, risk colour or a month's movement.
  const fromAddress = Object.fromEntries(['category', 'townId', 'riskCause', 'riskColour', 'movement', 'period'].flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const search = useHouseholdSearch({ ...fromAddress, ...(name ? { name } : {}), ...(stage ? { stage } : {}), ...(focus ? { focus } : {}), ...(joint ? { joint } : {}), offset });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t.households.title}
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <Input.Search
            aria-label={t.households.searchName}
            placeholder={t.households.searchName}
            enterButton={t.households.search}
            allowClear
            onSearch={(v) => {
              setName(v.trim() || undefined);
              setOffset(0);
            }}
            style={{ maxWidth: 320 }}
          />
          <Select
            aria-label={t.households.stage}
            placeholder={t.households.stage}
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 160 }}
            value={stage}
            options={STAGES.map((s) => ({ value: s, label: STAGE_NAMES[s] }))}
            onChange={(v: string | undefined) => {
              setStage(v);
              setOffset(0);
            }}
          />
          <Select
            aria-label={ft.focus.label}
            placeholder={ft.focus.label}
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 200 }}
            value={focus}
            options={[{ value: 'any', label: ft.focus.any }, ...FOCUS_FLAGS.map((f) => ({ value: f, label: ft.focus.names[f] }))]}
            onChange={(v: string | undefined) => {
              setFocus(v);
              setOffset(0);
            }}
          />
          <Select
            aria-label={jointTexts.filter}
            placeholder={jointTexts.filter}
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 260, maxWidth: '100%' }}
            value={joint}
            options={Object.entries(jointTexts.filterNames).map(([value, label]) => ({ value, label }))}
            onChange={(v: string | undefined) => {
              setJoint(v);
              setOffset(0);
            }}
          />
        </Space>
      </Card>
      <Card size="small">
        <QueryView query={search} empty={(d) => d.total === 0}>
          {(page) => (
            <Table<Household>
              rowKey="id"
              size="small"
              scroll={{ x: 'max-content' }}
              dataSource={page.items}
              pagination={{ total: page.total, pageSize: 20, current: offset / 20 + 1, onChange: (p) => setOffset((p - 1) * 20), showTotal: t.households.count }}
              columns={[
                { title: t.households.headName, render: (_, h) => <Link to={`/households/${h.id}`}>{h.headName}</Link> },
                { title: t.households.address, dataIndex: 'address' },
                { title: t.households.category, render: (_, h) => CATEGORY_NAMES[h.category] },
                { title: t.households.stage, render: (_, h) => <Tag>{STAGE_NAMES[h.stage as keyof typeof STAGE_NAMES] ?? h.stage}</Tag> },
                { title: rt.column, render: (_, h) => <RiskColourTag value={h.riskColour ?? null} /> },
                { title: t.households.createdAt, render: (_, h) => formatTime(h.createdAt) },
                { title: t.households.file, render: (_, h) => <Link to={`/households/${h.id}/file`} aria-label={`${h.headName} ${t.households.file}`}>{t.households.file}</Link> },
              ]}
            />
          )}
        </QueryView>
      </Card>
    </Space>
  );
}
