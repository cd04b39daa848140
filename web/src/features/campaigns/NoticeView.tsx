import { App, Button, Card, Space, Table, Typography } from 'antd';
import { api } from '../../app/api.js';
import type { CampaignNotice } from '../../app/api-types.js';
import { QueryView } from '../../app/states.js';
import { useNotice } from './hooks.js';
import { c } from './messages.js';

type Unit = CampaignNotice['report']['towns'][number];

/** The published notice 通报 as an official document: its title, its text and the laggards' figures; printable. */
export function NoticeView({ id }: { id: string }) {
  const notice = useNotice(id, true);
  const { message } = App.useApp();
  const download = async (fileName: string) => {
    try {
      const url = URL.createObjectURL(await api.noticeWorkbook(id));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <QueryView query={notice}>
      {(data) => (
        <Card size="small" title={c.notice} extra={
            <Space>
              <Button onClick={() => void download(c.workbookName(data.report.name))}>{c.exportExcel}</Button>
              <Button onClick={() => window.print()}>{c.print}</Button>
            </Space>
          }>
          <article aria-label={c.notice}>
            <Typography.Title level={2} style={{ fontSize: 18, textAlign: 'center' }}>
              {data.title}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.body}</Typography.Paragraph>
            {[...data.report.laggards.towns, ...data.report.laggards.departments].length > 0 && (
              <Table<Unit>
                aria-label={c.behind}
                rowKey={(r) => r.id ?? '-'}
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={[...data.report.laggards.towns, ...data.report.laggards.departments]}
                columns={[
                  { title: c.unit, render: (_, r) => r.name ?? '—' },
                  { title: c.checks, dataIndex: 'checks' },
                  { title: c.checkedLate, dataIndex: 'checkedLate' },
                  { title: c.uncheckedOverdue, dataIndex: 'uncheckedOverdue' },
                  { title: c.problems, dataIndex: 'problems' },
                  { title: c.openOverdue, dataIndex: 'openOverdue' },
                ]}
              />
            )}
          </article>
        </Card>
      )}
    </QueryView>
  );
}
