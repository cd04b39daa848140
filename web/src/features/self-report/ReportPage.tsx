/** The public page a household opens from its village's code: the report, its receipt, its progress. No login. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Result, Select, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { RISK_CAUSES, RISK_CAUSE_NAMES } from '../../../../domain/identification/steps.js';
import { parseIdNumber } from '../../../../domain/people/id-number.js';
import { CONSENT_COVERS, SELF_REPORT_STATUSES } from '../../../../domain/self-report/rules.js';
import { api, ChallengeError } from '../../app/api.js';
import type { ReportPlaces, SelfReportBody, SelfReportReceipt } from '../../app/api-types.js';
import { QueryView } from '../../app/states.js';
import { formatTime } from '../../app/time.js';
import { consentCoverNames, selfReportMessages as m, selfReportStatusNames, texts } from './texts.js';

type Challenge = { id: string; question: string } | null;

function ChallengeField({ challenge }: { challenge: Challenge }) {
  if (!challenge) return null;
  return (
    <Form.Item label={texts.challenge(challenge.question)} name="challengeAnswer" rules={[{ required: true, message: m.challengeRequired }]}>
      <InputNumber aria-label={texts.challengeAnswer} min={0} max={100} inputMode="numeric" style={{ width: 120 }} />
    </Form.Item>
  );
}

function ReportForm({ places, onDone }: { places: ReportPlaces; onDone: (r: SelfReportReceipt) => void }) {
  const [form] = Form.useForm();
  const [challenge, setChallenge] = useState<Challenge>(null);
  const idNumber = Form.useWatch<string | undefined>('idNumber', form) ?? '';
  const parsed = idNumber.trim().length >= 18 ? parseIdNumber(idNumber) : null;
  const send = useMutation({
    mutationFn: (values: Omit<SelfReportBody, 'villageCode' | 'challengeId'>) =>
      api.selfReport({ ...values, villageCode: places.code, ...(challenge ? { challengeId: challenge.id } : {}) }),
    onSuccess: (receipt) => onDone(receipt),
    onError: (error) => {
      if (error instanceof ChallengeError) setChallenge({ id: error.challengeId, question: error.question });
    },
  });
  const refusal = send.error && !(send.error instanceof ChallengeError && !challenge) ? send.error.message : null;
  return (
    <Form form={form} layout="vertical" initialValues={{ villageId: places.villageId, riskCauses: [] }} onFinish={(v) => send.mutate(v)} requiredMark={false}>
      <Form.Item label={texts.headName} name="headName" rules={[{ required: true, whitespace: true, message: texts.headName }]}>
        <Input maxLength={50} autoComplete="name" />
      </Form.Item>
      <Form.Item
        label={texts.idNumber}
        name="idNumber"
        validateStatus={parsed && !parsed.ok ? 'error' : undefined}
        help={parsed ? (parsed.ok ? texts.idNumberOk(`${parsed.value.birthDate.year}-${String(parsed.value.birthDate.month).padStart(2, '0')}-${String(parsed.value.birthDate.day).padStart(2, '0')}`) : parsed.reason) : undefined}
        rules={[{ required: true, message: texts.idNumber }]}
      >
        <Input maxLength={18} autoComplete="off" inputMode="text" />
      </Form.Item>
      <Form.Item label={texts.phone} name="phone" rules={[{ required: true, message: m.phoneInvalid }]}>
        <Input maxLength={20} inputMode="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item label={texts.village} name="villageId" rules={[{ required: true, message: m.villageUnknown }]}>
        <Select
          aria-label={texts.village}
          showSearch
          optionFilterProp="label"
          options={places.towns.map((t) => ({ label: t.name, title: t.name, options: t.villages.map((v) => ({ value: v.id, label: `${t.name} ${v.name}` })) }))}
        />
      </Form.Item>
      <Form.Item label={texts.causes} name="riskCauses" rules={[{ required: true, type: 'array', min: 1, message: m.riskCausesRequired }]}>
        <Checkbox.Group options={RISK_CAUSES.map((c) => ({ value: c, label: RISK_CAUSE_NAMES[c] }))} />
      </Form.Item>
      <Form.Item label={texts.statement} name="statement" rules={[{ required: true, whitespace: true, message: m.statementRequired }]}>
        <Input.TextArea rows={4} maxLength={1000} showCount placeholder={texts.statementPlaceholder} />
      </Form.Item>
      <Card size="small" title={texts.consentTitle} style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ marginBottom: 4 }}>{texts.consentText}</Typography.Paragraph>
        <ul style={{ marginTop: 0, paddingLeft: 20 }}>
          {CONSENT_COVERS.map((c) => (
            <li key={c}>{consentCoverNames[c]}</li>
          ))}
        </ul>
        <Form.Item name="consent" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(m.consentRequired))) }]} style={{ marginBottom: 0 }}>
          <Checkbox>{texts.consentCheck}</Checkbox>
        </Form.Item>
      </Card>
      <ChallengeField challenge={challenge} />
      {refusal && <Alert role="alert" type="error" showIcon message={refusal} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block size="large" loading={send.isPending}>
        {texts.submit}
      </Button>
    </Form>
  );
}

function ReceiptView({ receipt, places, onAgain }: { receipt: SelfReportReceipt; places: ReportPlaces; onAgain: () => void }) {
  return (
    <Result
      status="success"
      title={texts.receiptTitle}
      subTitle={
        <Space direction="vertical">
          <span>
            {texts.receiptNo}：<strong data-testid="receipt-no">{receipt.receiptNo}</strong>
          </span>
          {receipt.repeated && <span>{texts.repeated}</span>}
          <span>{receipt.visitBy ? texts.visitBy(receipt.visitBy) : texts.visitUnset(m.notConfigured)}</span>
          <span>{texts.keepReceipt}</span>
          <span>{places.hotline ? texts.hotline(places.hotline) : texts.hotlineUnset(m.notConfigured)}</span>
        </Space>
      }
      extra={<Button onClick={onAgain}>{texts.newReport}</Button>}
    />
  );
}

function StatusCheck({ initialReceipt }: { initialReceipt?: string }) {
  const [challenge, setChallenge] = useState<Challenge>(null);
  const check = useMutation({
    mutationFn: (v: { receiptNo: string; phone: string; challengeAnswer?: number }) => api.selfReportStatus({ ...v, ...(challenge ? { challengeId: challenge.id } : {}) }),
    onError: (error) => {
      if (error instanceof ChallengeError) setChallenge({ id: error.challengeId, question: error.question });
    },
  });
  const status = check.data;
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{texts.statusTitle}</h2>}>
      <Form layout="vertical" initialValues={{ receiptNo: initialReceipt }} onFinish={(v) => check.mutate(v)} requiredMark={false}>
        <Form.Item label={texts.receiptNo} name="receiptNo" rules={[{ required: true, message: m.receiptUnknown }]}>
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item label={texts.phone} name="phone" rules={[{ required: true, message: m.phoneInvalid }]}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <ChallengeField challenge={challenge} />
        {check.error && !(check.error instanceof ChallengeError && !challenge) && <Alert role="alert" type="error" showIcon message={check.error.message} style={{ marginBottom: 16 }} />}
        <Button htmlType="submit" block loading={check.isPending}>
          {texts.check}
        </Button>
      </Form>
      {status && (
        <div style={{ marginTop: 16 }} aria-live="polite">
          <Typography.Paragraph>
            {texts.receivedAt}：{formatTime(status.receivedAt)} · {status.villageName}
          </Typography.Paragraph>
          <Steps
            direction="vertical"
            size="small"
            current={SELF_REPORT_STATUSES.indexOf(status.status)}
            items={SELF_REPORT_STATUSES.map((s) => ({ title: selfReportStatusNames[s] }))}
          />
          <Typography.Text strong data-testid="report-status">
            {selfReportStatusNames[status.status]}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}

export function ReportPage() {
  const { code = '' } = useParams();
  const places = useQuery({ queryKey: ['report-places', code], queryFn: () => api.reportPlaces(code) });
  const [receipt, setReceipt] = useState<SelfReportReceipt | null>(null);
  return (
    <main style={{ maxWidth: 560, margin: '0 auto', padding: 12 }}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {texts.pageTitle}
        </Typography.Title>
        <QueryView query={places}>
          {(p) => (
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Typography.Paragraph style={{ margin: 0 }}>{texts.intro(p.countyName)}</Typography.Paragraph>
              {receipt ? <ReceiptView receipt={receipt} places={p} onAgain={() => setReceipt(null)} /> : <ReportForm places={p} onDone={setReceipt} />}
              <StatusCheck key={receipt?.receiptNo ?? ''} {...(receipt ? { initialReceipt: receipt.receiptNo } : {})} />
            </Space>
          )}
        </QueryView>
      </Space>
    </main>
  );
}
