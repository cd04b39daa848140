/** The county's accounts: who works where, in which role; new accounts, deactivation, password reset. */
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLE_NAMES, type Role } from '../../../../domain/access/roles.js';
import { CREATABLE_ROLES, needsDepartment, ROLE_LEVELS } from '../../../../domain/administration/roles.js';
import { api } from '../../app/api.js';
import type { Account, CreateUserBody } from '../../app/api-types.js';
import { useUser } from '../../app/auth.js';
import { QueryView } from '../../app/states.js';
import { useAccounts, useAdminChange, useAdminDepartments, usePlaceTree } from './hooks.js';
import { a } from './messages.js';

export function UsersPage() {
  const user = useUser();
  const accounts = useAccounts();
  const tree = usePlaceTree();
  const departments = useAdminDepartments();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserBody>();
  const role = Form.useWatch('role', form) as Role | undefined;
  const create = useAdminChange(api.createAccount, ['accounts']);
  const setActive = useAdminChange((v: { id: string; active: boolean }) => api.setAccountActive(v.id, v.active), ['accounts']);
  const reset = useAdminChange((v: { id: string; password: string }) => api.resetPassword(v.id, v.password), ['accounts']);
  const [error, setError] = useState<string | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const places = tree.data?.places ?? [];
  const nameOf = new Map(places.map((p) => [p.id, p.name]));
  const fullName = (id: string): string => {
    const p = places.find((x) => x.id === id);
    return p?.parentId && nameOf.has(p.parentId) && p.level !== 'county' && p.level !== 'town' ? `${fullName(p.parentId)} ${p.name}` : (p?.name ?? id);
  };
  const placeOptions = places.filter((p) => role && (ROLE_LEVELS[role] as readonly string[]).includes(p.level)).map((p) => ({ value: p.id, label: fullName(p.id) }));
  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await action();
      void message.success(done);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {a.users.title}
      </Typography.Title>
      {error && <Typography.Paragraph role="alert" type="danger">{error}</Typography.Paragraph>}
      <Card size="small" title={a.users.create}>
        <Form
          form={form}
          layout="vertical"
          aria-label={a.users.create}
          onFinish={(v) =>
            void run(async () => {
              await create.mutateAsync(v);
              form.resetFields();
            }, a.users.created(v.displayName))
          }
        >
          <Form.Item label={a.users.role} name="role" rules={[{ required: true, message: a.users.required }]}>
            <Select showSearch optionFilterProp="label" options={(CREATABLE_ROLES[user.role] ?? []).map((r) => ({ value: r, label: ROLE_NAMES[r] }))} onChange={() => form.setFieldsValue({ jurisdictionId: undefined as never, departmentId: undefined })} />
          </Form.Item>
          <Form.Item label={a.users.place} name="jurisdictionId" rules={[{ required: true, message: a.users.required }]}>
            <Select showSearch optionFilterProp="label" options={placeOptions} />
          </Form.Item>
          {role && needsDepartment(role) && (
            <Form.Item label={a.users.department} name="departmentId" rules={[{ required: true, message: a.users.required }]}>
              <Select showSearch optionFilterProp="label" options={(departments.data ?? []).filter((d) => !d.retiredAt).map((d) => ({ value: d.id, label: d.name }))} />
            </Form.Item>
          )}
          <Form.Item label={a.users.username} name="username" rules={[{ required: true, message: a.users.required }]}>
            <Input autoComplete="off" maxLength={64} />
          </Form.Item>
          <Form.Item label={a.users.displayName} name="displayName" rules={[{ required: true, whitespace: true, message: a.users.required }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label={a.users.password} name="password" extra={a.users.passwordHint} rules={[{ required: true, message: a.users.required }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {a.users.create}
          </Button>
        </Form>
      </Card>
      <QueryView query={accounts}>
        {(rows) => (
          <Table<Account>
            size="small"
            rowKey="id"
            dataSource={rows}
            pagination={{ pageSize: 50 }}
            scroll={{ x: true }}
            columns={[
              { title: a.users.username, dataIndex: 'username' },
              { title: a.users.displayName, dataIndex: 'displayName' },
              { title: a.users.role, dataIndex: 'role', render: (r: Role) => ROLE_NAMES[r] },
              { title: a.users.place, dataIndex: 'jurisdictionId', render: (id: string | null) => (id ? fullName(id) : '') },
              {
                title: a.users.state,
                render: (_, r) => (
                  <Space size={4}>
                    <Tag color={r.active ? 'green' : 'default'}>{r.active ? a.users.active : a.users.inactive}</Tag>
                    {r.mustChangePassword && <Tag color="orange">{a.users.mustChange}</Tag>}
                  </Space>
                ),
              },
              {
                title: a.users.actions,
                render: (_, r) => (
                  <Space size={4}>
                    <Button size="small" onClick={() => void run(() => setActive.mutateAsync({ id: r.id, active: !r.active }), a.users.done)} aria-label={`${r.active ? a.users.deactivate : a.users.activate} ${r.username}`}>
                      {r.active ? a.users.deactivate : a.users.activate}
                    </Button>
                    <Button size="small" onClick={() => setResetting(r)} aria-label={`${a.users.reset} ${r.username}`}>
                      {a.users.reset}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryView>
      <ResetModal account={resetting} onClose={() => setResetting(null)} onReset={(password) => run(() => reset.mutateAsync({ id: resetting!.id, password }), a.users.done)} />
    </Space>
  );
}

function ResetModal({ account, onClose, onReset }: { account: Account | null; onClose: () => void; onReset: (password: string) => Promise<boolean> }) {
  const [form] = Form.useForm<{ password: string }>();
  return (
    <Modal open={account !== null} title={account ? a.users.resetTitle(account.displayName) : ''} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void onReset(v.password).then((ok) => ok && onClose())}>
        <Form.Item label={a.users.newPassword} name="password" extra={a.users.passwordHint} rules={[{ required: true, message: a.users.required }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
