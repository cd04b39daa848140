import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth.js';
import { t } from '../../app/messages.js';

export function LoginPage() {
  const { login, expired } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(values);
    } catch (e) {
      setError(e instanceof Error ? e.message : t.loadFailed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 24, textAlign: 'center', marginBottom: 4 }}>
          {t.appName}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t.appSubtitle}
        </Typography.Paragraph>
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          {t.login.title}
        </Typography.Title>
        {expired && <Alert type="warning" showIcon message={t.sessionEnded} style={{ marginBottom: 16 }} />}
        {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)} requiredMark={false}>
          <Form.Item label={t.login.username} name="username" rules={[{ required: true, message: t.login.usernameRequired }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t.login.password} name="password" rules={[{ required: true, message: t.login.passwordRequired }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t.login.submit}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
