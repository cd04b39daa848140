import { Alert, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { HOUSEHOLD_CATEGORIES, type HouseholdCategory } from '../../../../domain/identification/steps.js';
import { useUser } from '../../app/auth.js';
import { CATEGORY_NAMES, t } from '../../app/messages.js';
import { Loading, Failure } from '../../app/states.js';
import { useJurisdiction, useRegister } from './hooks.js';

interface Values {
  villageId: string;
  groupId?: string;
  address: string;
  headName: string;
  category: HouseholdCategory;
}

export function RegisterPage() {
  const user = useUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const mine = useJurisdiction(user.jurisdictionId);
  const atVillage = mine.data?.level === 'village';
  const villageId = Form.useWatch('villageId', form) ?? (atVillage ? user.jurisdictionId : undefined);
  const village = useJurisdiction(atVillage ? user.jurisdictionId : villageId);
  const register = useRegister();
  const [error, setError] = useState<string | null>(null);

  if (mine.isPending) return <Loading />;
  if (mine.error || !mine.data) return <Failure error={mine.error} retry={() => void mine.refetch()} />;

  const submit = async (values: Values) => {
    setError(null);
    try {
      const answer = await register.mutateAsync({ ...values, villageId: atVillage ? user.jurisdictionId : values.villageId, ...(values.groupId ? { groupId: values.groupId } : {}) });
      void navigate(`/households/${answer.id}`, { state: { registered: values.headName } });
    } catch (e) {
      setError(e instanceof Error ? e.message : t.loadFailed);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t.register.title}
      </Typography.Title>
      <Card size="small">
        {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form<Values> form={form} layout="vertical" initialValues={{ category: 'lifted_out' }} onFinish={(v) => void submit(v)}>
          {atVillage ? (
            <Form.Item label={t.register.village}>
              <Typography.Text>{mine.data.lineage.map((p) => p.name).join(' ')}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item label={t.register.village} name="villageId" rules={[{ required: true, message: t.register.village }]}>
              <Select showSearch optionFilterProp="label" options={mine.data.children.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
          )}
          <Form.Item label={t.register.group} name="groupId">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t.register.groupNone}
              loading={village.isFetching}
              options={(village.data?.children ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item label={t.register.headName} name="headName" rules={[{ required: true, whitespace: true, message: t.register.headNameRequired }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label={t.register.address} name="address" rules={[{ required: true, whitespace: true, message: t.register.addressRequired }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label={t.register.category} name="category">
            <Radio.Group options={HOUSEHOLD_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_NAMES[c] }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={register.isPending}>
            {t.register.submit}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
