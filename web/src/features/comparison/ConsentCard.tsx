/** A household's paper consents 承诺授权书 for the department data comparison: recorded from the signed paper, withdrawn once. */
import { Alert, Button, Checkbox, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { mayDo } from '../../../../domain/access/actions.js';
import { consentCoverNames } from '../../../../domain/self-report/messages.js';
import { CONSENT_COVERS, type ConsentCover } from '../../../../domain/self-report/rules.js';
import type { Consent, ConsentBody } from '../../app/api-types.js';
import { useUser } from '../../app/auth.js';
import { QueryView } from '../../app/states.js';
import { formatTime } from '../../app/time.js';
import { useConsentChange, useConsents } from './hooks.js';
import { consentTexts as c } from './messages.js';

const coverNames = (covers: readonly string[]) => covers.map((k) => consentCoverNames[k as ConsentCover] ?? k).join('、');

function ConsentItem({ consent, onWithdraw }: { consent: Consent; onWithdraw?: (consent: Consent) => void }) {
  const withdrawn = consent.withdrawnAt !== null;
  return (
    <List.Item
      aria-label={`${c.title} ${consent.document}`}
      actions={!withdrawn && onWithdraw ? [<Button key="withdraw" danger onClick={() => onWithdraw(consent)}>{c.withdraw}</Button>] : []}
    >
      <Space direction="vertical" size={2}>
        <Space wrap>
          <Tag color={withdrawn ? 'default' : 'green'}>{withdrawn ? c.withdrawn(formatTime(consent.withdrawnAt!), consent.withdrawalNote ?? '') : c.inForce}</Tag>
          <Typography.Text>{coverNames(consent.covers)}</Typography.Text>
        </Space>
        <Typography.Text type="secondary">{c.signed(consent.signerName, consent.signedAt.slice(0, 10), consent.document)}</Typography.Text>
      </Space>
    </List.Item>
  );
}

export function ConsentCard({ householdId }: { householdId: string }) {
  const user = useUser();
  const may = mayDo(user, 'recordConsent');
  const consents = useConsents(householdId);
  const { record, withdraw } = useConsentChange(householdId);
  const [form] = Form.useForm<ConsentBody>();
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [note, setNote] = useState('');
  const save = (body: ConsentBody) => record.mutate({ ...body, signerName: body.signerName.trim(), document: body.document.trim() }, { onSuccess: () => form.resetFields() });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <QueryView query={consents}>
        {(list) => (
          <List
            locale={{ emptyText: c.none }}
            dataSource={list.items}
            renderItem={(item) => <ConsentItem consent={item} onWithdraw={may ? (x) => (setWithdrawing(x), setNote('')) : undefined} />}
          />
        )}
      </QueryView>
      {may && (
        <Form form={form} layout="vertical" aria-label={c.record} onFinish={save}>
          {record.error && <Alert role="alert" type="error" showIcon message={record.error.message} style={{ marginBottom: 16 }} />}
          <Form.Item label={c.signer} name="signerName" rules={[{ required: true, whitespace: true, message: c.required(c.signer) }]}>
            <Input maxLength={50} style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item label={c.signedOn} name="signedOn" rules={[{ required: true, message: c.required(c.signedOn) }]}>
            <Input type="date" style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item label={c.covers} name="covers" rules={[{ required: true, type: 'array', min: 1, message: c.coversRequired }]}>
            <Checkbox.Group options={CONSENT_COVERS.map((k) => ({ value: k, label: consentCoverNames[k] }))} />
          </Form.Item>
          <Form.Item label={c.document} name="document" rules={[{ required: true, whitespace: true, message: c.required(c.document) }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={record.isPending}>
            {c.save}
          </Button>
        </Form>
      )}
      <Modal
        open={withdrawing !== null}
        title={c.withdraw}
        okText={c.confirmWithdraw}
        cancelText={c.cancel}
        okButtonProps={{ danger: true, disabled: note.trim() === '' }}
        confirmLoading={withdraw.isPending}
        onCancel={() => setWithdrawing(null)}
        onOk={() => withdrawing && withdraw.mutate({ id: withdrawing.id, note: note.trim() }, { onSuccess: () => setWithdrawing(null) })}
      >
        <label htmlFor="consent-withdraw-note">{c.withdrawNote}</label>
        <Input.TextArea id="consent-withdraw-note" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        {withdraw.error && <Alert role="alert" type="error" showIcon message={withdraw.error.message} />}
      </Modal>
    </Space>
  );
}
