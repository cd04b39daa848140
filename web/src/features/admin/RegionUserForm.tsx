/** The system administrator gives a province's or city's 乡村振兴 department its read-only account (辖区概况). */
import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { idFromOfficialCode } from '../../../../domain/administration/division-codes.js';
import { api } from '../../app/api.js';
import { useAdminChange } from './hooks.js';
import { a } from './messages.js';

interface Values {
  divisionCode: string;
  username: string;
  displayName: string;
  password: string;
}

/** A city's code if it is one, else a province's; undefined for neither. */
export function regionIdOf(code: string): string | undefined {
  for (const level of ['city', 'province'] as const) {
    const parsed = idFromOfficialCode(code.trim(), level);
    if ('id' in parsed) return parsed.id;
  }
  return undefined;
}

export function RegionUserForm() {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useAdminChange(api.createAccount, ['accounts']);
  const [error, setError] = useState<string | null>(null);
  const required = [{ required: true, whitespace: true, message: a.counties.required }];
  const submit = async (v: Values) => {
    setError(null);
    const id = regionIdOf(v.divisionCode);
    if (!id) return setError(a.regionUser.codeInvalid);
    try {
      await create.mutateAsync({ role: 'regional_viewer', jurisdictionId: id, username: v.username, displayName: v.displayName, password: v.password });
      form.resetFields();
      void message.success(a.regionUser.created(v.username));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Card size="small" title={a.regionUser.title}>
      <Typography.Paragraph type="secondary">{a.regionUser.hint}</Typography.Paragraph>
      {error && <Typography.Paragraph role="alert" type="danger">{error}</Typography.Paragraph>}
      <Form form={form} name="region-user" layout="vertical" aria-label={a.regionUser.title} onFinish={(v) => void submit(v)}>
        <Form.Item label={a.regionUser.code} name="divisionCode" rules={required}>
          <Input inputMode="numeric" maxLength={12} />
        </Form.Item>
        <Form.Item label={a.regionUser.username} name="username" rules={required}>
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item label={a.regionUser.name} name="displayName" rules={required}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={a.regionUser.password} name="password" rules={[{ required: true, message: a.counties.required }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {a.regionUser.title}
        </Button>
      </Form>
    </Card>
  );
}
