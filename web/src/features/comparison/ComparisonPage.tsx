import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, List, Modal, Popconfirm, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ComparisonReport } from '../../app/api-types.js';
import { QueryView } from '../../app/states.js';
import { formatTime } from '../../app/time.js';
import { mayDo } from '../../../../domain/access/actions.js';
import { useUser } from '../../app/auth.js';
import { FeedUpload } from './FeedUpload.js';
import { useCloseMonth, useComparison, useExport, useFollowUp } from './hooks.js';
import { comparisonTexts as m } from './messages.js';

type Warning = ComparisonReport['warnings'][number];

const thisMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

function WarningItem({ warning, onClose }: { warning: Warning; onClose: (w: Warning) => void }) {
  const done = warning.followedUpAt !== null;
  return (
    <List.Item
      aria-label={`${warning.headName} ${warning.ruleName}`}
      actions={done ? [] : [<Button key="close" type="primary" onClick={() => onClose(warning)}>{m.close}</Button>]}
    >
      <Space direction="vertical">
        <Space wrap>
          <Typography.Text strong>{warning.headName}</Typography.Text>
          <Typography.Text>{`${warning.townName} ${warning.villageName}`}</Typography.Text>
          <Tag color="orange">{warning.ruleName}</Tag>
          <Tag>{warning.routedName}</Tag>
          <Tag color={done ? 'green' : 'red'}>{done ? m.followedUp(formatTime(warning.followedUpAt!), warning.followUpNote ?? '') : m.open}</Tag>
        </Space>
        <Typography.Text type="secondary">{m.source(warning.feedName, warning.month, warning.rowNo)}</Typography.Text>
        {warning.routed === 'follow_up' && !done ? <Typography.Text>{warning.dueAt ? m.due(formatTime(warning.dueAt)) : m.noClock}</Typography.Text> : null}
      </Space>
    </List.Item>
  );
}

/** The month's department data comparison: progress per department, each warning's source, the open follow-ups with their clocks. */
export function ComparisonPage() {
  const [month, setMonth] = useState(thisMonth());
  const user = useUser();
  const report = useComparison(month);
  const followUp = useFollowUp(month);
  const exported = useExport();
  const closeMonth = useCloseMonth(month);
  const [closing, setClosing] = useState<Warning | null>(null);
  const [note, setNote] = useState('');
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={m.title} extra={<Button icon={<DownloadOutlined />} onClick={() => exported.mutate(`/comparison/${month}/export`)}>{m.export}</Button>}>
        <Space wrap>
          <label htmlFor="comparison-month">{m.month}</label>
          <Input id="comparison-month" type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} style={{ width: 160 }} />
        </Space>
        {exported.error ? <Alert role="alert" type="error" showIcon message={exported.error.message} /> : null}
      </Card>
      {mayDo(user, 'uploadFeed') ? <FeedUpload month={month} /> : null}
      <QueryView query={report} empty={() => false} emptyText="">
        {(data) => (
          <>
            <Card
              title={m.progress}
              extra={
                mayDo(user, 'closeComparison') && data.status.state === 'open' ? (
                  <Popconfirm title={m.closeMonthConfirm} okText={m.closeMonthOk} cancelText={m.cancel} onConfirm={() => closeMonth.mutate()}>
                    <Button danger loading={closeMonth.isPending}>{m.closeMonth}</Button>
                  </Popconfirm>
                ) : null
              }
            >
              <Typography.Paragraph aria-label={m.stateLabel}>
                {data.status.state === 'not_started' ? m.state.not_started : data.status.state === 'open' ? m.state.open(formatTime(data.status.openedAt!)) : m.state.closed(formatTime(data.status.closedAt!))}
              </Typography.Paragraph>
              {closeMonth.error ? <Alert role="alert" type="error" showIcon message={closeMonth.error.message} /> : null}
              <Typography.Text>{m.arrived(data.departments.filter((d) => d.received).length, data.departments.length)}</Typography.Text>
              <Progress percent={Math.round((data.departments.filter((d) => d.received).length / Math.max(1, data.departments.length)) * 100)} aria-label={m.progress} />
              <Typography.Paragraph role="status">{m.totals(data.totals.warnings, data.totals.householdsAffected)}</Typography.Paragraph>
              <List
                dataSource={data.departments}
                renderItem={(d) => (
                  <List.Item aria-label={d.feedName}>
                    <Space wrap>
                      <Typography.Text strong>{d.feedName}</Typography.Text>
                      {d.departmentName ? <Typography.Text type="secondary">{d.departmentName}</Typography.Text> : null}
                      <Tag color={d.received ? 'green' : 'default'}>{d.received ? m.received : m.notReceived}</Tag>
                      {d.received ? <Typography.Text type="secondary">{m.counts(d.rowsReceived, d.matched, d.unknown, d.rejected, d.noConsent)}</Typography.Text> : null}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
            <Card title={m.warnings}>
              <List locale={{ emptyText: m.noWarnings }} dataSource={data.warnings} renderItem={(w) => <WarningItem warning={w} onClose={(x) => (setClosing(x), setNote(''))} />} />
            </Card>
            {data.skipped.length > 0 ? (
              <Card title={m.skipped}>
                <List dataSource={data.skipped} renderItem={(r) => <List.Item>{`${r.feedName} ${r.name ?? ''} ${r.idNumber}`}</List.Item>} />
              </Card>
            ) : null}
            {data.candidates.length > 0 ? (
              <Card title={m.candidates}>
                <List dataSource={data.candidates} renderItem={(r) => <List.Item>{`${r.feedName} ${r.name ?? ''} ${r.idNumber} ${r.town ?? ''}`}</List.Item>} />
              </Card>
            ) : null}
          </>
        )}
      </QueryView>
      <Modal
        open={closing !== null}
        title={m.close}
        okText={m.save}
        cancelText={m.cancel}
        confirmLoading={followUp.isPending}
        okButtonProps={{ disabled: note.trim() === '' }}
        onCancel={() => setClosing(null)}
        onOk={() => closing && followUp.mutate({ id: closing.id, note: note.trim() }, { onSuccess: () => setClosing(null) })}
      >
        <label htmlFor="follow-up-note">{m.note}</label>
        <Input.TextArea id="follow-up-note" rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        {followUp.error ? <Alert role="alert" type="error" showIcon message={followUp.error.message} /> : null}
      </Modal>
    </Space>
  );
}
