/** A department officer uploads the month's feed of the department (.xlsx or .csv), and reads what became of its rows. */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Upload } from 'antd';
import { useState } from 'react';
import { useFeeds, useUploadFeed } from './hooks.js';
import { comparisonTexts as m } from './messages.js';

export function FeedUpload({ month }: { month: string }) {
  const feeds = useFeeds(month);
  const upload = useUploadFeed(month);
  const [feedId, setFeedId] = useState<string | undefined>(undefined);
  const done = upload.data;
  return (
    <Card title={m.upload}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Select
            aria-label={m.chooseFeed}
            placeholder={m.chooseFeed}
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 240 }}
            value={feedId}
            onChange={setFeedId}
            options={(feeds.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
          />
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            disabled={!feedId}
            beforeUpload={(file) => {
              if (feedId) upload.mutate({ feedId, file });
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} disabled={!feedId} loading={upload.isPending}>
              {m.chooseFile}
            </Button>
          </Upload>
        </Space>
        {done ? <Alert role="status" type={done.repeated ? 'info' : 'success'} showIcon message={done.repeated ? m.repeated(done.feedName) : m.uploaded(done.feedName, done.rowsReceived, done.matched, done.unknown, done.rejected, done.noConsent, done.warnings)} /> : null}
        {upload.error ? <Alert role="alert" type="error" showIcon message={upload.error.message} /> : null}
      </Space>
    </Card>
  );
}
