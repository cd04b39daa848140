/**
 * 待办审核: the identification and risk-elimination cases waiting on the user's
 * own steps — the county bureau's 县级确定 and 县级确认, the town's audits — with
 * their working-day clocks (overdue in orange), each a click to its card on the
 * household's page.
 */
import { Card, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { PROCEDURE_NAMES, REVIEW_PROCEDURES } from '../../../../domain/identification/queue.js';
import type { WaitingCase } from '../../app/api-types.js';
import { QueryView } from '../../app/states.js';
import { formatTime } from '../../app/time.js';
import { useReviewQueue, type ProcedureFilter } from './hooks.js';
import { Clocks, HandleLink, ProcedureTag } from './parts.js';
import { queueTexts as q } from './texts.js';

const PAGE = 50;

export function ReviewQueuePage() {
  const [procedure, setProcedure] = useState<ProcedureFilter>(undefined);
  const [offset, setOffset] = useState(0);
  const queue = useReviewQueue(procedure, offset);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {q.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {q.intro}
      </Typography.Paragraph>
      <Segmented
        aria-label={q.filter}
        value={procedure ?? 'all'}
        onChange={(v) => {
          setOffset(0);
          setProcedure(v === 'all' ? undefined : (v as ProcedureFilter));
        }}
        options={[
          { value: 'all', label: q.all },
          ...REVIEW_PROCEDURES.map((p) => ({ value: p, label: PROCEDURE_NAMES[p] })),
        ]}
      />
      <Card size="small">
        <QueryView query={queue} empty={(d) => d.total === 0} emptyText={q.none}>
          {(page) => (
            <Table<WaitingCase>
              aria-label={q.title}
              rowKey={(c) => `${c.household.id}:${c.procedure}`}
              size="small"
              scroll={{ x: 'max-content' }}
              dataSource={page.items}
              pagination={{ current: offset / PAGE + 1, pageSize: PAGE, total: page.total, showTotal: q.total, onChange: (n) => setOffset((n - 1) * PAGE) }}
              columns={[
                { title: q.headName, render: (_, c) => c.household.headName },
                { title: q.place, render: (_, c) => [c.household.townName, c.household.villageName].filter(Boolean).join(' ') },
                { title: q.procedure, render: (_, c) => <ProcedureTag c={c} /> },
                { title: q.step, render: (_, c) => c.stepName },
                { title: q.since, render: (_, c) => formatTime(c.since) },
                { title: q.clocks, render: (_, c) => <Clocks c={c} /> },
                { title: q.handle, render: (_, c) => <HandleLink c={c} /> },
              ]}
            />
          )}
        </QueryView>
      </Card>
    </Space>
  );
}
