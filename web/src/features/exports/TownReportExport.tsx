import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useExportDownload } from './hooks.js';
import { exportTexts as m } from './texts.js';

/** The town's monthly report, as shown (the draft, or as submitted), in Excel for the county's files. */
export function TownReportExport({ townId, period }: { townId: string; period: string }) {
  const download = useExportDownload();
  return (
    <Space direction="vertical" style={{ display: 'flex', marginTop: 8 }}>
      <Button icon={<DownloadOutlined />} loading={download.isPending} onClick={() => download.mutate(`/exports/towns/${encodeURIComponent(townId)}/reports/${period}`)}>
        {m.townReport}
      </Button>
      {download.error ? <Alert role="alert" type="error" showIcon message={download.error.message} /> : null}
    </Space>
  );
}
