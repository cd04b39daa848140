/** Logout on every device 退出所有设备: ends every session of the user, this one too (issue 18). */
import { LogoutOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth.js';
import { accountTexts as x } from './messages.js';

export function LogoutEverywhere() {
  const { logoutEverywhere } = useAuth();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    try {
      void message.success(await logoutEverywhere());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Card size="small" title={x.everywhereTitle}>
      {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{x.everywhereHint}</Typography.Paragraph>
      <Popconfirm title={x.everywhereConfirm} okText={x.confirm} cancelText={x.cancel} onConfirm={() => run()}>
        <Button danger icon={<LogoutOutlined />}>
          {x.everywhere}
        </Button>
      </Popconfirm>
    </Card>
  );
}
