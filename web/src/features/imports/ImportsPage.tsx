import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Progress, Space, Tag, Typography, Upload } from 'antd';
import type { ImportJob } from '../../app/api-types.js';
import { QueryView } from '../../app/states.js';
import { formatTime } from '../../app/time.js';
import { isRunning, useDownload, useImportJobs, useUpload } from './hooks.js';
import { importTexts as m } from './messages.js';
import { LedgerExports } from '../exports/LedgerExports.js';

function percent(job: ImportJob): number {
  if (job.status === 'done') return 100;
  if (job.householdsTotal === 0) return job.status === 'staging' ? 5 : 10;
  return Math.round(10 + ((job.householdsImported + job.workflowsStarted) / (2 * job.householdsTotal)) * 90);
}

function JobItem({ job, onDownload, downloading }: { job: ImportJob; onDownload: (path: string) => void; downloading: boolean }) {
  return (
    <List.Item
      aria-label={job.fileName}
      actions={
        job.rejected > 0 && !isRunning(job.status)
          ? [
              <Button key="errors" icon={<DownloadOutlined />} loading={downloading} onClick={() => onDownload(`/imports/${job.id}/errors`)}>
                {m.errors}
              </Button>,
            ]
          : []
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{job.fileName}</Typography.Text>
          <Tag color={job.status === 'done' ? 'green' : job.status === 'failed' ? 'red' : 'blue'}>{job.statusName}</Tag>
          <Typography.Text type="secondary">{formatTime(job.createdAt)}</Typography.Text>
        </Space>
        <Progress percent={percent(job)} status={job.status === 'failed' ? 'exception' : isRunning(job.status) ? 'active' : 'success'} aria-label={`${m.progress} ${job.fileName}`} />
        <Typography.Text role="status">{m.counts(job.rowsRead, job.imported, job.rejected)}</Typography.Text>
        <Typography.Text type="secondary">{m.households(job.householdsImported, job.householdsTotal, job.workflowsStarted)}</Typography.Text>
        {job.failure ? <Alert type="error" showIcon message={job.failure} /> : null}
      </Space>
    </List.Item>
  );
}

/** Importing a caseload file with its progress and error report, and the ledgers' export. */
export function ImportsPage() {
  const jobs = useImportJobs();
  const upload = useUpload();
  const download = useDownload();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={m.title}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{m.intro}</Typography.Paragraph>
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => download.mutate('/imports/template')}>
              {m.template}
            </Button>
            <Upload
              accept=".xlsx,.csv"
              showUploadList={false}
              beforeUpload={(file) => {
                upload.mutate(file);
                return false;
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
                {upload.isPending ? m.uploading : m.choose}
              </Button>
            </Upload>
          </Space>
          {upload.error ? <Alert role="alert" type="error" showIcon message={upload.error.message} /> : null}
          {download.error ? <Alert role="alert" type="error" showIcon message={download.error.message} /> : null}
        </Space>
      </Card>
      <Card title={m.jobs}>
        <QueryView query={jobs} empty={(d) => d.items.length === 0} emptyText={m.noJobs}>
          {(data) => <List itemLayout="vertical" dataSource={data.items} renderItem={(job) => <JobItem job={job} onDownload={(path) => download.mutate(path)} downloading={download.isPending} />} />}
        </QueryView>
      </Card>
      <Card title={m.exportTitle}>
        <LedgerExports />
      </Card>
    </Space>
  );
}
