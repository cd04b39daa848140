/** The system administrator's counties: the list, and a new county with its profile and first bureau user. */
import { App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api.js';
import type { CountyView, CreateCountyBody } from '../../app/api-types.js';
import { QueryView } from '../../app/states.js';
import { useAdminChange, useCounties, useProfileTemplates } from './hooks.js';
import { a } from './messages.js';
import { RegionUserForm } from './RegionUserForm.js';

export function CountiesPage() {
  const counties = useCounties();
  const templates = useProfileTemplates();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateCountyBody>();
  const create = useAdminChange(api.createCounty, ['counties']);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: CreateCountyBody) => {
    setError(null);
    try {
      await create.mutateAsync(v);
      form.resetFields();
      void message.success(a.counties.created(v.countyName));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const required = [{ required: true, whitespace: true, message: a.counties.required }];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {a.counties.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{a.counties.hint}</Typography.Paragraph>
      <Card size="small" title={a.counties.create}>
        {error && <Typography.Paragraph role="alert" type="danger">{error}</Typography.Paragraph>}
        <Form form={form} layout="vertical" aria-label={a.counties.create} onFinish={(v) => void submit(v)}>
          <Form.Item label={a.counties.code} name="divisionCode" rules={required}>
            <Input inputMode="numeric" maxLength={12} />
          </Form.Item>
          <Form.Item label={a.counties.name} name="countyName" rules={required}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label={a.counties.city} name="cityName" rules={required}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label={a.counties.province} name="provinceName" rules={required}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label={a.counties.profile} name="profileId" rules={[{ required: true, message: a.counties.required }]}>
            <Select showSearch optionFilterProp="label" loading={templates.isPending} options={(templates.data ?? []).map((p) => ({ value: p.id, label: a.counties.profileOf(p.countyName, p.id, p.version, p.effectiveFrom) }))} />
          </Form.Item>
          <Form.Item label={a.counties.bureauUsername} name="bureauUsername" rules={required}>
            <Input autoComplete="off" maxLength={64} />
          </Form.Item>
          <Form.Item label={a.counties.bureauName} name="bureauDisplayName" rules={required}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label={a.counties.bureauPassword} name="bureauPassword" rules={[{ required: true, message: a.counties.required }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {a.counties.create}
          </Button>
        </Form>
      </Card>
      <RegionUserForm />
      <Card size="small" title={a.counties.list}>
        <QueryView query={counties} empty={(rows) => rows.length === 0}>
          {(rows) => (
            <Table<CountyView>
              size="small"
              rowKey="id"
              dataSource={rows}
              pagination={false}
              columns={[
                { title: a.counties.code, dataIndex: 'divisionCode' },
                { title: a.counties.name, dataIndex: 'name' },
                { title: a.counties.profile, dataIndex: 'profileId' },
              ]}
            />
          )}
        </QueryView>
      </Card>
    </Space>
  );
}
