import { DownloadOutlined, MinusSquareOutlined, PlusSquareOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Radio, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../app/api.js';
import { QueryView } from '../../app/states.js';
import { formatTime, periodName, recentPeriods } from '../../app/time.js';
import { useAssessment, type Grouping } from './hooks.js';
import { at } from './messages.js';
import { Breakdown, Change, type Row } from './parts.js';

/** The monthly assessment 考核 of towns or departments: the ranking, each score's breakdown, the change on last month, the workbook. */
export function AssessmentPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const by: Grouping = params.get('by') === 'department' ? 'department' : 'town';
  const periods = recentPeriods();
  const month = params.get('month') ?? periods[0]!;
  const query = useAssessment(by, month);
  const [exporting, setExporting] = useState(false);
  const set = (next: { by?: Grouping; month?: string }) => setParams({ by: next.by ?? by, month: next.month ?? month }, { replace: true });
  const byTown = by === 'town';

  const exportBook = async () => {
    setExporting(true);
    try {
      await api.assessmentWorkbook({ by, month });
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {at.title}
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <Select aria-label={at.month} value={month} style={{ width: 140 }} onChange={(v) => set({ month: v })} options={periods.map((p) => ({ value: p, label: periodName(p) }))} />
          <Radio.Group value={by} onChange={(e) => set({ by: e.target.value as Grouping })} optionType="button" aria-label={at.grouping}>
            <Radio.Button value="town">{at.byTown}</Radio.Button>
            <Radio.Button value="department">{at.byDepartment}</Radio.Button>
          </Radio.Group>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportBook()}>
            {at.export}
          </Button>
        </Space>
        <div style={{ marginTop: 12 }}>
          <QueryView query={query}>
            {(data) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {data.policy.missingMessage && <Alert type="warning" showIcon message={data.policy.missingMessage} />}
                {data.policy.missing.length === 0 && (
                  <Typography.Text type="secondary">
                    {at.settings(
                      data.rows[0]?.components.map((c) => `${c.name} ${c.weight ?? at.notConfigured}`).join('、') ?? '',
                      String(data.policy.pointsPerOverdueDay ?? at.notConfigured),
                      String(data.policy.warningActionDays ?? at.notConfigured),
                    )}
                  </Typography.Text>
                )}
                {data.policy.note && <Typography.Text type="secondary">{at.note(data.policy.note)}</Typography.Text>}
                <Table<Row>
                  aria-label={at.tableLabel(periodName(data.month), byTown)}
                  rowKey="id"
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={data.rows}
                  expandable={{
                    expandedRowRender: (r) => <Breakdown row={r} missing={data.policy.missing} />,
                    expandIcon: ({ expanded, onExpand, record }) => (
                      <Button
                        type="text"
                        size="small"
                        aria-expanded={expanded}
                        aria-label={at.showBreakdown(record.name)}
                        icon={expanded ? <MinusSquareOutlined /> : <PlusSquareOutlined />}
                        onClick={(e) => onExpand(record, e)}
                      />
                    ),
                  }}
                  columns={[
                    { title: at.rank, align: 'right', render: (_, r) => r.rank ?? at.none },
                    { title: at.unit(byTown), dataIndex: 'name' },
                    { title: at.score, align: 'right', render: (_, r) => r.score ?? at.noScore },
                    { title: at.change, render: (_, r) => <Change value={r.change} /> },
                    { title: at.overdueDays, align: 'right', dataIndex: 'overdueDays' },
                  ]}
                />
                <Typography.Text type="secondary">
                  {at.asOf(formatTime(data.asOf))}；{at.previous(periodName(data.previousMonth))}
                </Typography.Text>
              </Space>
            )}
          </QueryView>
        </div>
      </Card>
    </Space>
  );
}
