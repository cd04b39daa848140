import { Alert, Button, Card, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { RISK_CAUSES, type RiskCause } from '../../../../domain/identification/steps.js';
import type { MonthlyItemResult, VisitBody } from '../../app/api-types.js';
import { RISK_CAUSE_NAMES, t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { formatDate } from '../../app/time.js';
import { useHousehold } from '../households/hooks.js';
import { useVisit } from './hooks.js';
import { MonthlyResult } from './MonthlyResult.js';
import { periodOptions, ThreatsField, toThreats, usePeriod, type Period, type Threat } from './fields.js';

interface Values {
  period: Period;
  visitedOn: string;
  findings: string;
  risksFound: RiskCause[];
  threats?: Threat[];
}

/** 走访服务信息采集表: the month's visit, what was found and the risks seen; a risk found raises a warning. */
export function VisitPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const household = useHousehold(id);
  const visit = useVisit(id);
  const period = usePeriod();
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<MonthlyItemResult | null>(null);

  const submit = async (v: Values) => {
    setError(null);
    const body: VisitBody = { period: v.period, visitedOn: v.visitedOn, findings: v.findings, ...(v.risksFound.length > 0 ? { risksFound: v.risksFound } : {}), ...toThreats(v.threats) };
    try {
      setResult(await visit.mutateAsync(body));
    } catch (e) {
      setError(e instanceof Error ? e.message : t.loadFailed);
    }
  };

  return (
    <QueryView query={household}>
      {(h) => (
        <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {h.headName} · {t.monitoring.visitTitle}
          </Typography.Title>
          <Card size="small">
            {result ? (
              <MonthlyResult what={t.monitoring.fileVisit} result={result} householdId={id} />
            ) : (
              <>
                {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
                <Form<Values>
                  layout="vertical"
                  aria-label={t.monitoring.visitTitle}
                  initialValues={{ period, visitedOn: formatDate(new Date().toISOString()), risksFound: [] }}
                  onFinish={(v) => void submit(v)}
                >
                  <Form.Item label={t.monitoring.period} name="period">
                    <Select options={periodOptions()} style={{ maxWidth: 200 }} />
                  </Form.Item>
                  <Form.Item label={t.monitoring.visitedOn} name="visitedOn">
                    <Input type="date" style={{ maxWidth: 200 }} />
                  </Form.Item>
                  <Form.Item label={t.monitoring.findings} name="findings" rules={[{ required: true, whitespace: true, message: t.monitoring.findingsRequired }]}>
                    <Input.TextArea rows={4} maxLength={5000} />
                  </Form.Item>
                  <Form.Item label={t.monitoring.risksFound} name="risksFound">
                    <Checkbox.Group options={RISK_CAUSES.map((c) => ({ value: c, label: RISK_CAUSE_NAMES[c] }))} />
                  </Form.Item>
                  <ThreatsField />
                  <Space>
                    <Button type="primary" htmlType="submit" loading={visit.isPending}>
                      {t.submit}
                    </Button>
                    <Button onClick={() => navigate(-1)}>{t.cancel}</Button>
                  </Space>
                </Form>
              </>
            )}
          </Card>
        </Space>
      )}
    </QueryView>
  );
}
