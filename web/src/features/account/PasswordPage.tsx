/** The user's own password: forced after a new account or a reset, and from the header at any time. */
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { passwordProblem } from '../../../../domain/administration/passwords.js';
import { PASSWORD_PROBLEM_MESSAGES } from '../../../../domain/administration/messages.js';
import { api } from '../../app/api.js';
import { useAuth, useUser } from '../../app/auth.js';
import { a } from '../admin/messages.js';
import { LogoutEverywhere } from './LogoutEverywhere.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordPage({ forced = false }: { forced?: boolean }) {
  const user = useUser();
  const { passwordChanged } = useAuth();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    setError(null);
    setBusy(true);
    try {
      await api.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      passwordChanged();
      form.resetFields();
      void message.success(a.password.done);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 480, margin: forced ? '48px auto' : undefined, padding: forced ? 16 : 0 }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {a.password.title}
      </Typography.Title>
      {forced && <Alert type="warning" showIcon message={a.password.forced} />}
      <Card size="small">
        {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item label={a.password.current} name="currentPassword" rules={[{ required: true, message: a.password.required }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label={a.password.next}
            name="newPassword"
            rules={[
              { required: true, message: a.password.required },
              { validator: async (_, value: string) => { const p = value ? passwordProblem(value, user.username) : null; if (p) throw new Error(PASSWORD_PROBLEM_MESSAGES[p]); } },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={a.password.confirm}
            name="confirm"
            dependencies={['newPassword']}
            rules={[{ required: true, message: a.password.required }, ({ getFieldValue }) => ({ validator: async (_, value: string) => { if (value && value !== getFieldValue('newPassword')) throw new Error(a.password.mismatch); } })]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {a.password.submit}
          </Button>
        </Form>
      </Card>
      {!forced && <LogoutEverywhere />}
    </Space>
  );
}
