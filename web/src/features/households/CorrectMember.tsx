/**
 * 信息更正: corrects what the register says of a member — name, relation, labour
 * ability, student, serving soldier, disability grade, chronic illness. The ID
 * number (and the birth date and sex it gives) is not corrected here. Only what
 * changed is sent; the household file records before and after.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { VALUE_NAMES } from '../../../../domain/messages/fields.js';
import { api } from '../../app/api.js';
import type { CorrectMemberBody, Member } from '../../app/api-types.js';
import { LABOUR_NAMES, RELATION_NAMES, t } from '../../app/messages.js';
import { correctionTexts as c } from '../facts/texts.js';

const NO_GRADE = 'none';
type Grade = NonNullable<Member['disabilityGrade']>;
interface Values {
  name: string;
  relation: Member['relation'];
  labourAbility: Member['labourAbility'];
  isStudent: boolean;
  isActiveMilitary: boolean;
  chronicIllness: boolean;
  disabilityGrade: Grade | typeof NO_GRADE;
}

const valuesOf = (m: Member): Values => ({
  name: m.name,
  relation: m.relation,
  labourAbility: m.labourAbility,
  isStudent: m.isStudent,
  isActiveMilitary: m.isActiveMilitary,
  chronicIllness: m.chronicIllness,
  disabilityGrade: m.disabilityGrade ?? NO_GRADE,
});

/** The fields that differ from the member as registered; empty when nothing changed. */
export function correctionOf(member: Member, v: Values): CorrectMemberBody {
  const grade = v.disabilityGrade === NO_GRADE ? null : v.disabilityGrade;
  return {
    ...(v.name.trim() !== member.name ? { name: v.name.trim() } : {}),
    ...(v.relation !== member.relation ? { relation: v.relation } : {}),
    ...(v.labourAbility !== member.labourAbility ? { labourAbility: v.labourAbility } : {}),
    ...(v.isStudent !== member.isStudent ? { isStudent: v.isStudent } : {}),
    ...(v.isActiveMilitary !== member.isActiveMilitary ? { isActiveMilitary: v.isActiveMilitary } : {}),
    ...(v.chronicIllness !== member.chronicIllness ? { chronicIllness: v.chronicIllness } : {}),
    ...(grade !== member.disabilityGrade ? { disabilityGrade: grade } : {}),
  };
}

const GRADE_NAMES = VALUE_NAMES.disabilityGrade ?? {};

export function CorrectMember({ householdId, member, onCorrected }: { householdId: string; member: Member; onCorrected: (name: string) => void }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const queries = useQueryClient();
  const correct = useMutation({
    mutationFn: (body: CorrectMemberBody) => api.correctMember(householdId, member.id, body),
    onSuccess: async (row) => {
      await Promise.all([queries.invalidateQueries({ queryKey: ['members', householdId] }), queries.invalidateQueries({ queryKey: ['file', householdId] })]);
      setOpen(false);
      onCorrected(row.name);
    },
    onError: (e) => setError(e instanceof Error ? e.message : t.loadFailed),
  });

  return (
    <>
      <Button size="small" onClick={() => (setError(null), setOpen(true))}>
        {c.open(member.name)}
      </Button>
      <Modal open={open} title={c.title(member.name)} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form<Values>
          form={form}
          layout="vertical"
          aria-label={c.title(member.name)}
          initialValues={valuesOf(member)}
          onFinish={(v) => {
            setError(null);
            const body = correctionOf(member, v);
            if (Object.keys(body).length === 0) setError(c.nothingChanged);
            else correct.mutate(body);
          }}
        >
          <Form.Item label={t.members.name} name="name" rules={[{ required: true, whitespace: true, message: t.members.nameRequired }]}>
            <Input maxLength={50} style={{ maxWidth: 220 }} />
          </Form.Item>
          <Form.Item label={t.members.relation} name="relation">
            <Select showSearch optionFilterProp="label" style={{ maxWidth: 180 }} options={Object.entries(RELATION_NAMES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item label={t.members.labour} name="labourAbility">
            <Radio.Group options={Object.entries(LABOUR_NAMES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item label={c.disabilityGrade} name="disabilityGrade">
            <Select
              showSearch
              optionFilterProp="label"
              style={{ maxWidth: 180 }}
              options={[{ value: NO_GRADE, label: c.noDisability }, ...Object.entries(GRADE_NAMES).map(([value, label]) => ({ value, label: c.grade(label) }))]}
            />
          </Form.Item>
          <Space wrap>
            <Form.Item name="isStudent" valuePropName="checked" noStyle>
              <Checkbox>{t.members.isStudent}</Checkbox>
            </Form.Item>
            <Form.Item name="isActiveMilitary" valuePropName="checked" noStyle>
              <Checkbox>{c.military}</Checkbox>
            </Form.Item>
            <Form.Item name="chronicIllness" valuePropName="checked" noStyle>
              <Checkbox>{t.members.chronicIllness}</Checkbox>
            </Form.Item>
          </Space>
          <p style={{ color: 'rgba(0,0,0,0.45)', margin: '12px 0' }}>{c.idNotHere}</p>
          <Button type="primary" htmlType="submit" loading={correct.isPending}>
            {c.confirm}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
