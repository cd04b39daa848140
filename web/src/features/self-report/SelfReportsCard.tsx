/** Today's work: the open self-reports of the user's village or town, each with the township's visit deadline. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../app/api.js';
import type { SelfReportItem } from '../../app/api-types.js';
import { QueryView } from '../../app/states.js';
import { formatTime } from '../../app/time.js';
import { causeNames, selfReportMessages as m, selfReportStatusNames, texts } from './texts.js';

function VisitDialog({ report, onClose }: { report: SelfReportItem; onClose: () => void }) {
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (note: string) => api.selfReportVisit(report.id, note),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['self-reports'] });
      await client.invalidateQueries({ queryKey: ['due-items'] });
      onClose();
    },
  });
  return (
    <Modal open title={texts.visitOf(report.headName)} onCancel={onClose} footer={null} destroyOnHidden>
      <Form layout="vertical" onFinish={(v: { visitNote: string }) => save.mutate(v.visitNote)}>
        <Form.Item label={texts.visitNote} name="visitNote" rules={[{ required: true, whitespace: true, message: m.visitNoteRequired }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        {save.error && <Alert role="alert" type="error" showIcon message={save.error.message} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {texts.visitSave}
        </Button>
      </Form>
    </Modal>
  );
}

export function SelfReportsCard() {
  const reports = useQuery({ queryKey: ['self-reports'], queryFn: () => api.selfReports({ limit: 50 }) });
  const [visiting, setVisiting] = useState<SelfReportItem | null>(null);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{texts.listTitle}</h2>} size="small">
      <QueryView query={reports} empty={(d) => d.items.length === 0} emptyText={texts.noReports}>
        {(page) => (
          <Table<SelfReportItem>
            aria-label={texts.listTitle}
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={page.items}
            columns={[
              { title: texts.household, render: (_, r) => (r.householdId ? <Link to={`/households/${r.householdId}`}>{r.headName}</Link> : r.headName) },
              { title: texts.place, render: (_, r) => `${r.town.name} ${r.village.name}` },
              { title: texts.causesShort, render: (_, r) => causeNames(r.riskCauses) },
              { title: texts.reported, render: (_, r) => formatTime(r.receivedAt) },
              {
                title: texts.deadline,
                render: (_, r) => (r.visitBy ? <Tag color={r.overdue ? 'orange' : 'blue'}>{r.overdue ? `${r.visitBy} ${texts.overdue}` : r.visitBy}</Tag> : <Tag>{m.notConfigured}</Tag>),
              },
              { title: texts.status, render: (_, r) => `${selfReportStatusNames[r.status]}${r.householdId ? '' : `（${texts.candidate}）`}` },
              {
                title: texts.visit,
                render: (_, r) =>
                  r.visitedAt ? null : (
                    <Button size="small" onClick={() => setVisiting(r)} aria-label={texts.visitOf(r.headName)}>
                      {texts.visit}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </QueryView>
      {visiting && <VisitDialog report={visiting} onClose={() => setVisiting(null)} />}
    </Card>
  );
}
