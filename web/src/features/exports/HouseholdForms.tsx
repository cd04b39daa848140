import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { mayDo } from '../../../../domain/access/actions.js';
import { useUser } from '../../app/auth.js';
import { useExportDownload } from './hooks.js';
import { exportTexts as m } from './texts.js';

const FORMS = [
  ['application', m.application],
  ['survey', m.survey],
  ['income-calculation', m.income],
  ['measures', m.measures],
  ['analysis', m.householdAnalysis],
  ['file', m.file],
] as const;

/** A household's forms of Mile's 附件 and its whole file, for those who export ledgers. */
export function HouseholdForms({ householdId }: { householdId: string }) {
  const user = useUser();
  const download = useExportDownload();
  if (!mayDo(user, 'exportLedgers')) return null;
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{m.householdTitle}</h2>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{m.householdIntro}</Typography.Text>
        <Space wrap>
          {FORMS.map(([path, label]) => (
            <Button key={path} icon={<DownloadOutlined />} loading={download.isPending && download.variables?.endsWith(`/${path}`)} onClick={() => download.mutate(`/exports/households/${householdId}/${path}`)}>
              {label}
            </Button>
          ))}
        </Space>
        {download.error ? <Alert role="alert" type="error" showIcon message={download.error.message} /> : null}
      </Space>
    </Card>
  );
}
