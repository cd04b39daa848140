import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useExportDownload } from './hooks.js';
import { exportTexts as m } from './texts.js';

/** The open and overdue items of the user's register (a department: its own) as a workbook. */
export function ItemsExport({ overdueFirst = false }: { overdueFirst?: boolean }) {
  const download = useExportDownload();
  const buttons = [
    <Button key="all" size="small" icon={<DownloadOutlined />} onClick={() => download.mutate('/exports/items')}>
      {m.items}
    </Button>,
    <Button key="overdue" size="small" icon={<DownloadOutlined />} onClick={() => download.mutate('/exports/items?overdue=true')}>
      {m.overdueItems}
    </Button>,
  ];
  return (
    <Space wrap size="small">
      {overdueFirst ? buttons.reverse() : buttons}
      {download.error ? <Alert role="alert" type="error" showIcon message={download.error.message} /> : null}
    </Space>
  );
}
