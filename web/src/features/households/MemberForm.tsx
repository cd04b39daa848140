import { Alert, Button, Checkbox, Form, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { toLocalDate, formatLocalDate } from '../../../../domain/calendar/dates.js';
import { parseIdNumber } from '../../../../domain/people/id-number.js';
import type { MemberBody } from '../../app/api-types.js';
import { LABOUR_NAMES, RELATION_NAMES, SEX_NAMES, t } from '../../app/messages.js';
import { useAddMember } from './hooks.js';
import { JOINING_REASONS, type JoiningReason } from '../../../../domain/people/member-reasons.js';
import { joiningReasonNames, memberChangeTexts as c } from '../facts/texts.js';

type Values = Required<Pick<MemberBody, 'name' | 'idNumber' | 'relation' | 'labourAbility'>> & {
  flags?: ('isStudent' | 'chronicIllness')[];
  joins?: boolean;
  joiningReason?: JoiningReason;
  joinedOn?: string;
  evidence?: string;
};

/** The same check the server makes (domain/people/id-number.ts), as the number is typed. */
function checkIdNumber(raw: string | undefined) {
  if (!raw || raw.trim().length === 0) return undefined;
  return parseIdNumber(raw, toLocalDate(Date.now()));
}

export function MemberForm({ householdId, first, onAdded }: { householdId: string; first: boolean; onAdded: (name: string) => void }) {
  const [form] = Form.useForm<Values>();
  const add = useAddMember(householdId);
  const [error, setError] = useState<string | null>(null);
  const idNumber = Form.useWatch('idNumber', form);
  const checked = checkIdNumber(idNumber);
  const joins = Form.useWatch('joins', form) as boolean | undefined;

  const submit = async (values: Values) => {
    setError(null);
    try {
      const flags = new Set(values.flags ?? []);
      const member = await add.mutateAsync({
        name: values.name,
        idNumber: values.idNumber,
        relation: values.relation,
        labourAbility: values.labourAbility,
        isStudent: flags.has('isStudent'),
        chronicIllness: flags.has('chronicIllness'),
        ...(values.joins && values.joiningReason && values.joinedOn
          ? { joining: { joiningReason: values.joiningReason, joinedOn: values.joinedOn, evidence: [{ title: values.evidence ?? '' }] } }
          : {}),
      });
      form.resetFields();
      form.setFieldValue('relation', 'spouse');
      onAdded(member.name);
    } catch (e) {
      setError(e instanceof Error ? e.message : t.loadFailed);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      aria-label={t.members.add}
      initialValues={{ relation: first ? 'head' : 'spouse', labourAbility: 'capable' }}
      onFinish={(v) => void submit(v)}
    >
      {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Space wrap align="start">
        <Form.Item label={t.members.name} name="name" rules={[{ required: true, whitespace: true, message: t.members.nameRequired }]}>
          <Input maxLength={50} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          label={t.members.idNumber}
          name="idNumber"
          validateStatus={checked ? (checked.ok ? 'success' : 'error') : undefined}
          help={checked ? (checked.ok ? t.members.idOk(formatLocalDate(checked.value.birthDate), SEX_NAMES[checked.value.sex]) : checked.reason) : undefined}
          rules={[
            { required: true, message: t.members.idRequired },
            { validator: async (_, v: string) => { const r = checkIdNumber(v); if (r && !r.ok) throw new Error(r.reason); } },
          ]}
        >
          <Input maxLength={18} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item label={t.members.relation} name="relation">
          <Select showSearch optionFilterProp="label" style={{ width: 140 }} options={Object.entries(RELATION_NAMES).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Space>
      <Form.Item label={t.members.labour} name="labourAbility">
        <Radio.Group options={Object.entries(LABOUR_NAMES).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="flags">
        <Checkbox.Group options={[{ value: 'isStudent', label: t.members.isStudent }, { value: 'chronicIllness', label: t.members.chronicIllness }]} />
      </Form.Item>
      {!first && (
        <Form.Item name="joins" valuePropName="checked">
          <Checkbox>{c.joining}</Checkbox>
        </Form.Item>
      )}
      {joins && (
        <Space wrap align="start">
          <Form.Item label={c.joiningReason} name="joiningReason" rules={[{ required: true, message: c.reasonRequired }]}>
            <Select showSearch optionFilterProp="label" style={{ width: 120 }} options={JOINING_REASONS.map((r) => ({ value: r, label: joiningReasonNames[r] }))} />
          </Form.Item>
          <Form.Item label={c.joinedOn} name="joinedOn" rules={[{ required: true, message: c.dateRequired }]}>
            <Input type="date" style={{ width: 170 }} />
          </Form.Item>
          <Form.Item label={c.evidence} name="evidence" rules={[{ required: true, whitespace: true, message: c.evidenceRequired }]}>
            <Input maxLength={200} style={{ width: 200 }} />
          </Form.Item>
        </Space>
      )}
      <Button htmlType="submit" loading={add.isPending}>
        {t.members.add}
      </Button>
    </Form>
  );
}
