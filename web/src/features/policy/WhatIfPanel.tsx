/**
 * The what-if 试算 beside the draft (issue 17, item 7): the draft as it stands
 * run in shadow over the county's caseload from its first month
 * (POST /policy/versions/what-if, writes nothing) — who would enter, leave or
 * be warned, by town and category, with the list.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatFen } from '../../../../domain/income/money.js';
import { fidelityMessages } from '../../../../domain/messages/fidelity.js';
import { api } from '../../app/api.js';
import type { WhatIfAnswer, WhatIfBody } from '../../app/api-types.js';
import { useUser } from '../../app/auth.js';
import { CATEGORY_NAMES } from '../../app/messages.js';
import { useJurisdiction } from '../households/hooks.js';
import { pt } from './messages.js';

const w = pt.whatIf;
type Hit = WhatIfAnswer['hits'][number];
type Group = WhatIfAnswer['groups'][number];
const COLOURS = { enter: 'red', leave: 'green', warn: 'orange' } as const;
const change = (c: Hit['change']) => <Tag color={COLOURS[c]}>{fidelityMessages.whatIf[c]}</Tag>;
const category = (c: string) => CATEGORY_NAMES[c as keyof typeof CATEGORY_NAMES] ?? c;

export function WhatIfPanel({ request }: { request: WhatIfBody }) {
  const user = useUser();
  const county = useJurisdiction(user.jurisdictionId);
  const town = (id: string) => county.data?.children.find((c) => c.id === id)?.name ?? id;
  const run = useMutation({ mutationFn: (body: WhatIfBody) => api.whatIf(body) });
  const { reset } = run;
  // A result belongs to the draft it ran on: any change to the draft or its month clears it.
  const key = JSON.stringify(request);
  useEffect(() => reset(), [key, reset]);
  const answer = run.data;
  const [name, setName] = useState('');

  return (
    <Card title={w.title} role="region" aria-label={w.title}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{w.intro}</Typography.Text>
        <Button onClick={() => run.mutate(request)} loading={run.isPending} style={{ alignSelf: 'flex-start' }}>
          {w.run}
        </Button>
        {run.error && <Alert role="alert" type="error" showIcon message={run.error.message} />}
        {answer && (
          <>
            <Typography.Text strong>
              {w.summary(answer.households, answer.period)}：{(['enter', 'leave', 'warn'] as const).map((c) => `${fidelityMessages.whatIf[c]} ${answer.counts[c]} 户`).join('，')}
            </Typography.Text>
            <Table<Group>
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              aria-label={w.byGroup}
              title={() => w.byGroup}
              rowKey={(g) => `${g.townId}|${g.category}|${g.change}`}
              locale={{ emptyText: w.none }}
              dataSource={answer.groups}
              columns={[
                { title: w.town, render: (_, g) => town(g.townId) },
                { title: w.category, render: (_, g) => category(g.category) },
                { title: w.change, render: (_, g) => change(g.change) },
                { title: w.count, dataIndex: 'count' },
              ]}
            />
            <Input.Search aria-label={w.findHead} placeholder={w.findHead} allowClear style={{ maxWidth: 320 }} onSearch={(v) => setName(v.trim())} />
            <Table<Hit>
              size="small"
              scroll={{ x: 'max-content' }}
              aria-label={w.list}
              title={() => w.list}
              rowKey={(h) => `${h.householdId}|${h.change}`}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: w.none }}
              dataSource={name ? answer.hits.filter((h) => h.headName.includes(name)) : answer.hits}
              columns={[
                { title: w.head, render: (_, h) => <Link to={`/households/${h.householdId}`}>{h.headName}</Link> },
                { title: w.town, render: (_, h) => town(h.townId) },
                { title: w.category, render: (_, h) => category(h.category) },
                { title: w.change, render: (_, h) => change(h.change) },
                { title: w.perCapita, render: (_, h) => (h.perCapitaFen === null ? '—' : formatFen(h.perCapitaFen)) },
                { title: w.reasons, render: (_, h) => h.reasons.join('；') },
                { title: w.alsoUnderCurrent, render: (_, h) => (h.alsoUnderCurrent ? w.same : w.onlyDraft) },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
