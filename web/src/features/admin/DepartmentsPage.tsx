/** The county's departments 行业部门 and their webhooks: set, test with a real message, disable. */
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api.js';
import type { DepartmentAdmin, WebhookBody, WebhookTestAnswer } from '../../app/api-types.js';
import { QueryView } from '../../app/states.js';
import { useAdminChange, useAdminDepartments } from './hooks.js';
import { a } from './messages.js';

export function DepartmentsPage() {
  const departments = useAdminDepartments();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ departmentCode: string; departmentName: string }>();
  const create = useAdminChange(api.createDepartment, ['admin-departments']);
  const disable = useAdminChange(api.disableWebhook, ['admin-departments']);
  const test = useAdminChange(api.testWebhook, ['admin-departments']);
  const retire = useAdminChange(api.retireDepartment, ['admin-departments']);
  const [renaming, setRenaming] = useState<DepartmentAdmin | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tested, setTested] = useState<WebhookTestAnswer | null>(null);
  const [editing, setEditing] = useState<DepartmentAdmin | null>(null);
  const run = async <T,>(action: () => Promise<T>, done?: string): Promise<T | undefined> => {
    setError(null);
    try {
      const result = await action();
      if (done) void message.success(done);
      return result;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {a.departments.title}
      </Typography.Title>
      {error && <Typography.Paragraph role="alert" type="danger">{error}</Typography.Paragraph>}
      {tested && <Alert role="status" type={tested.delivered ? 'success' : 'error'} showIcon message={tested.message} closable onClose={() => setTested(null)} />}
      <Card size="small" title={a.departments.create}>
        <Form form={form} layout="inline" aria-label={a.departments.create} onFinish={(v) => void run(async () => (await create.mutateAsync(v), form.resetFields()), a.departments.saved)}>
          <Form.Item label={a.departments.code} name="departmentCode" tooltip={a.departments.codeHint} rules={[{ required: true, message: a.departments.required }]}>
            <Input maxLength={32} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label={a.departments.name} name="departmentName" rules={[{ required: true, whitespace: true, message: a.departments.required }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {a.departments.create}
          </Button>
        </Form>
      </Card>
      <QueryView query={departments}>
        {(rows) => (
          <Table<DepartmentAdmin>
            size="small"
            rowKey="id"
            dataSource={rows}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: a.departments.code, dataIndex: 'code' },
              { title: a.departments.name, render: (_, d) => (d.retiredAt ? <Space size={4}>{d.name}<Tag>{a.departments.retired}</Tag></Space> : d.name) },
              {
                title: a.departments.webhook,
                render: (_, d) => (d.webhookUrl ? <Space size={4}>{d.webhookUrl}{d.webhookSigned && <Tag color="blue">{a.departments.signed}</Tag>}</Space> : <Tag>{a.departments.none}</Tag>),
              },
              {
                title: a.departments.actions,
                render: (_, d) =>
                  d.retiredAt ? null : (
                    <Space size={4} wrap>
                      <Button size="small" aria-label={`${a.departments.rename} ${d.name}`} onClick={() => setRenaming(d)}>
                        {a.departments.rename}
                      </Button>
                      <Popconfirm title={a.departments.retireConfirm(d.name)} onConfirm={() => void run(() => retire.mutateAsync(d.id), a.departments.retiredDone)}>
                        <Button size="small" danger aria-label={`${a.departments.retire} ${d.name}`}>
                          {a.departments.retire}
                        </Button>
                      </Popconfirm>
                      <Button size="small" aria-label={`${a.departments.set} ${d.name}`} onClick={() => setEditing(d)}>
                        {a.departments.set}
                      </Button>
                      {d.webhookUrl && (
                        <>
                          <Button size="small" aria-label={`${a.departments.test} ${d.name}`} loading={test.isPending} onClick={() => void run(() => test.mutateAsync(d.id)).then((r) => r && setTested(r))}>
                            {a.departments.test}
                          </Button>
                          <Button size="small" danger aria-label={`${a.departments.disable} ${d.name}`} onClick={() => void run(() => disable.mutateAsync(d.id), a.departments.saved)}>
                            {a.departments.disable}
                          </Button>
                        </>
                      )}
                    </Space>
                  ),
              },
            ]}
          />
        )}
      </QueryView>
      <WebhookModal department={editing} onClose={() => setEditing(null)} onError={setError} />
      <RenameModal department={renaming} onClose={() => setRenaming(null)} />
    </Space>
  );
}

function RenameModal({ department, onClose }: { department: DepartmentAdmin | null; onClose: () => void }) {
  const [form] = Form.useForm<{ departmentName: string }>();
  const { message } = App.useApp();
  const save = useAdminChange((name: string) => api.renameDepartment(department!.id, name), ['admin-departments']);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { departmentName: string }) => {
    setError(null);
    try {
      await save.mutateAsync(v.departmentName);
      void message.success(a.departments.saved);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal open={department !== null} title={department ? a.departments.renameTitle(department.name) : ''} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      {error && <Typography.Paragraph role="alert" type="danger">{error}</Typography.Paragraph>}
      <Form form={form} name="rename-department" layout="vertical" initialValues={{ departmentName: department?.name ?? '' }} onFinish={(v) => void submit(v)}>
        <Form.Item label={a.departments.newName} name="departmentName" extra={a.departments.renameHint} rules={[{ required: true, whitespace: true, message: a.departments.required }]}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function WebhookModal({ department, onClose, onError }: { department: DepartmentAdmin | null; onClose: () => void; onError: (message: string) => void }) {
  const [form] = Form.useForm<WebhookBody>();
  const { message } = App.useApp();
  const save = useAdminChange((v: WebhookBody) => api.setWebhook(department!.id, v), ['admin-departments']);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: WebhookBody) => {
    setError(null);
    try {
      await save.mutateAsync({ url: v.url, ...(v.secret ? { secret: v.secret } : {}) });
      void message.success(a.departments.saved);
      onClose();
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      setError(text);
      onError(text);
    }
  };
  return (
    <Modal open={department !== null} title={department ? a.departments.setTitle(department.name) : ''} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      {error && <Typography.Paragraph role="alert" type="danger">{error}</Typography.Paragraph>}
      <Form form={form} layout="vertical" initialValues={{ url: department?.webhookUrl ?? '' }} onFinish={(v) => void submit(v)}>
        <Form.Item label={a.departments.url} name="url" rules={[{ required: true, message: a.departments.required }]}>
          <Input placeholder="https://" />
        </Form.Item>
        <Form.Item label={a.departments.secret} name="secret" extra={a.departments.secretHint}>
          <Input.Password autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
