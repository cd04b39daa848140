import { Alert, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { HOUSEHOLD_CATEGORIES, type HouseholdCategory } from '../../../../domain/identification/steps.js';
import { useUser } from '../../app/auth.js';
import { CATEGORY_NAMES, t } from '../../app/messages.js';
import { Loading, Failure } from '../../app/states.js';
import { usePlaceTree } from '../admin/hooks.js';
import { useRegister } from './hooks.js';

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
  // The places from the user's own down (GET /places/tree): villages to pick from, and each village's groups.
  const tree = usePlaceTree();
  const places = tree.data?.places ?? [];
  const own = places.find((p) => p.id === user.jurisdictionId);
  const atVillage = own?.level === 'village';
  const villageId = Form.useWatch('villageId', form) ?? (atVillage ? user.jurisdictionId : undefined);
  const nameOf = new Map(places.map((p) => [p.id, p.name]));
  const villages = places.filter((p) => p.level === 'village').map((v) => ({ value: v.id, label: [v.parentId && nameOf.get(v.parentId), v.name].filter(Boolean).join(' ') }));
  const groups = places.filter((p) => p.level === 'group' && p.parentId === villageId).map((g) => ({ value: g.id, label: g.name }));
  const register = useRegister();
  const [error, setError] = useState<string | null>(null);

  if (tree.isPending) return <Loading />;
  if (tree.error || !own) return <Failure error={tree.error} retry={() => void tree.refetch()} />;

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
              <Typography.Text>{own.name}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item label={t.register.village} name="villageId" rules={[{ required: true, message: t.register.village }]}>
              <Select showSearch optionFilterProp="label" options={villages} onChange={() => form.setFieldsValue({ groupId: undefined })} />
            </Form.Item>
          )}
          <Form.Item label={t.register.group} name="groupId">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t.register.groupNone}
              options={groups}
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
