/** 减员: a member leaves the household (death, marriage out, moving out, enlisting) on a day, with the evidence seen. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { LEAVING_REASONS, type LeavingReason } from '../../../../domain/people/member-reasons.js';
import { api } from '../../app/api.js';
import type { Member } from '../../app/api-types.js';
import { t } from '../../app/messages.js';
import { formatDate } from '../../app/time.js';
import { leavingReasonNames, memberChangeTexts as c } from '../facts/texts.js';

interface Values {
  leavingReason?: LeavingReason;
  leftOn: string;
  evidence?: string;
  reference?: string;
}

export function LeaveMember({ householdId, member, onLeft }: { householdId: string; member: Member; onLeft: (name: string) => void }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const queries = useQueryClient();
  const leave = useMutation({
    mutationFn: (v: Values) =>
      api.leaveMember(householdId, member.id, {
        leavingReason: v.leavingReason as LeavingReason,
        leftOn: v.leftOn,
        evidence: [{ title: v.evidence ?? '', ...(v.reference?.trim() ? { reference: v.reference } : {}) }],
      }),
    onSuccess: async () => {
      await Promise.all([queries.invalidateQueries({ queryKey: ['members', householdId] }), queries.invalidateQueries({ queryKey: ['file', householdId] })]);
      setOpen(false);
      onLeft(member.name);
    },
    onError: (e) => setError(e instanceof Error ? e.message : t.loadFailed),
  });

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {c.leave(member.name)}
      </Button>
      <Modal open={open} title={c.leaveTitle(member.name)} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form<Values>
          form={form}
          layout="vertical"
          aria-label={c.leaveTitle(member.name)}
          initialValues={{ leftOn: formatDate(new Date().toISOString()) }}
          onFinish={(v) => {
            setError(null);
            leave.mutate(v);
          }}
        >
          <Form.Item label={c.leavingReason} name="leavingReason" rules={[{ required: true, message: c.reasonRequired }]}>
            <Select showSearch optionFilterProp="label" options={LEAVING_REASONS.map((r) => ({ value: r, label: leavingReasonNames[r] }))} />
          </Form.Item>
          <Form.Item label={c.leftOn} name="leftOn" rules={[{ required: true, message: c.dateRequired }]}>
            <Input type="date" style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item label={c.evidence} name="evidence" rules={[{ required: true, whitespace: true, message: c.evidenceRequired }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label={c.evidenceReference} name="reference">
            <Input maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={leave.isPending}>
            {c.confirm}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
