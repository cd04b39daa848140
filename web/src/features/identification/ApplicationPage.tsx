import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { periodOf } from '../../../../domain/calendar/dates.js';
import { RISK_CAUSES, type RiskCause } from '../../../../domain/identification/steps.js';
import { fenToYuan, formatYuan } from '../../../../domain/income/money.js';
import { type IncomeKind, type SpendingKind } from '../../../../domain/income/projection.js';
import type { ApplicationBody } from '../../app/api-types.js';
import { CONCLUSION_NAMES, RISK_CAUSE_NAMES, t } from '../../app/messages.js';
import { IncomeLines, SpendingLines } from '../../app/LineFields.js';
import { Failure, Loading } from '../../app/states.js';
import { useHousehold, useMembers } from '../households/hooks.js';
import { useApply, useIdentification, useProfile } from './hooks.js';
import { asProfile, previewAssessment, type SurveyLines } from './preview.js';
import { FactsFields, toFacts, type FactValues } from '../facts/FactsFields.js';

type Period = ReturnType<typeof periodOf>;
interface Values {
  statement: string;
  riskCauses: RiskCause[];
  memberCount?: number;
  income: { period: Period; kind: IncomeKind; yuan?: number | null }[];
  spending: { period: Period; kind: SpendingKind; yuan?: number | null; rigid: boolean }[];
  lastYearIncomePerCapita?: number | null;
  facts?: FactValues;
}


function Preview({ householdId, survey }: { householdId: string; survey: SurveyLines }) {
  const period = periodOf(Date.now());
  const profile = useProfile(period);
  const members = useMembers(householdId);
  const body = useMemo(() => asProfile(profile.data?.body), [profile.data]);
  const result = useMemo(() => (body ? previewAssessment(body, period, members.data ?? [], survey) : undefined), [body, period, members.data, survey]);

  if (profile.isPending || members.isPending) return <Loading />;
  if (!profile.data || !body) return <Alert type="warning" showIcon message={t.assessment.noProfile} />;
  if (!result) return <Alert type="info" showIcon message={t.assessment.incomplete} />;
  const color = result.conclusion === 'eligible' ? 'red' : result.conclusion === 'not_eligible' ? 'green' : 'default';
  return (
    <section aria-label={t.assessment.title} aria-live="polite">
      <Typography.Paragraph type="secondary">{t.assessment.profile(profile.data.id, profile.data.version)}</Typography.Paragraph>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Statistic title={t.assessment.perCapita} value={formatYuan(fenToYuan(result.perCapitaFen))} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t.assessment.monitoringLine} value={result.monitoring ? formatYuan(result.monitoring.threshold.row.yuanPerPersonYear) : '—'} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t.assessment.warningLine} value={result.warning ? formatYuan(result.warning.threshold.row.yuanPerPersonYear) : '—'} />
        </Col>
      </Row>
      <div style={{ margin: '12px 0' }}>
        {t.assessment.conclusion}：<Tag color={color}>{CONCLUSION_NAMES[result.conclusion]}</Tag>
      </div>
      <List size="small" bordered dataSource={[...result.explanation]} renderItem={(line) => <List.Item>{line}</List.Item>} />
    </section>
  );
}

export function ApplicationPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const household = useHousehold(id);
  const members = useMembers(id);
  const state = useIdentification(id);
  const apply = useApply(id);
  const [form] = Form.useForm<Values>();
  const watched = Form.useWatch([], form) as Values | undefined;
  const [error, setError] = useState<string | null>(null);
  const survey = useMemo<SurveyLines>(() => ({ ...(watched ?? {}) }), [watched]);

  if (household.isPending || members.isPending || state.isPending) return <Loading />;
  if (!household.data || !members.data || !state.data) return <Failure error={household.error ?? members.error ?? state.error} />;
  const open = !(state.data.case && state.data.case.status === 'in_progress');
  const current = periodOf(Date.now());

  const submit = async (v: Values) => {
    setError(null);
    const body: ApplicationBody = {
      statement: v.statement,
      riskCauses: v.riskCauses,
      survey: {
        memberCount: members.data.length > 0 ? members.data.length : (v.memberCount ?? 0),
        income: v.income.filter((l) => typeof l.yuan === 'number').map((l) => ({ period: l.period, kind: l.kind, yuan: l.yuan as number })),
        spending: v.spending.filter((l) => typeof l.yuan === 'number').map((l) => ({ period: l.period, kind: l.kind, yuan: l.yuan as number, rigid: l.rigid })),
        ...(typeof v.lastYearIncomePerCapita === 'number' ? { lastYearIncomePerCapita: v.lastYearIncomePerCapita } : {}),
      },
      ...toFacts(v.facts),
    };
    try {
      await apply.mutateAsync({ body, open });
      void navigate(`/households/${id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : t.loadFailed);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {household.data.headName} · {t.identification.applyTitle}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
            <Form<Values>
              form={form}
              layout="vertical"
              aria-label={t.identification.applyTitle}
              initialValues={{
                riskCauses: [],
                memberCount: members.data.length || 1,
                income: [{ period: current, kind: 'wages' }],
                spending: [{ period: current, kind: 'medical', rigid: true }],
              }}
              onFinish={(v) => void submit(v)}
            >
              <Form.Item label={t.identification.statement} name="statement" rules={[{ required: true, whitespace: true, message: t.identification.statementRequired }]}>
                <Input.TextArea rows={3} maxLength={5000} />
              </Form.Item>
              <Form.Item label={t.identification.riskCauses} name="riskCauses" rules={[{ required: true, type: 'array', min: 1, message: t.identification.riskCausesRequired }]}>
                <Checkbox.Group options={RISK_CAUSES.map((c) => ({ value: c, label: RISK_CAUSE_NAMES[c] }))} />
              </Form.Item>
              <Form.Item label={t.identification.memberCount} name="memberCount">
                <InputNumber min={1} max={50} precision={0} disabled={members.data.length > 0} />
              </Form.Item>
              <IncomeLines month={current} />
              <SpendingLines month={current} />
              <Form.Item label={t.identification.lastYear} name="lastYearIncomePerCapita" style={{ marginTop: 16 }}>
                <InputNumber min={0} max={100_000_000} style={{ width: 180 }} />
              </Form.Item>
              <FactsFields members={members.data} />
              <Space>
                <Button type="primary" htmlType="submit" loading={apply.isPending}>
                  {t.submit}
                </Button>
                <Button onClick={() => navigate(`/households/${id}`)}>{t.cancel}</Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.assessment.title}</h2>}>
            <Preview householdId={id} survey={survey} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
