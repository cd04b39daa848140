import { useQueries } from '@tanstack/react-query';
import { Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { api } from '../../app/api.js';
import { STAGE_NAMES, STAGES, t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { DashboardCharts } from '../dashboard/DashboardCharts.js';
import { AssessmentCard } from '../assessment/AssessmentCard.js';
import { RiskColourCard } from '../risk/RiskColourCard.js';
import { StageChart } from './StageChart.js';

export function OverviewPage() {
  const counts = useQueries({
    queries: STAGES.map((stage) => ({ queryKey: ['households', { stage, count: true }], queryFn: () => api.households({ stage, limit: 1 }) })),
    combine: (results) => ({
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
      data: results.every((r) => r.data) ? STAGES.map((stage, i) => ({ name: STAGE_NAMES[stage], value: results[i]?.data?.total ?? 0 })) : undefined,
      refetch: () => Promise.all(results.map((r) => r.refetch())),
    }),
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t.overview.title}
      </Typography.Title>
      <QueryView query={counts}>
        {(bars) => (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Row gutter={[12, 12]}>
              {bars.map((b) => (
                <Col key={b.name} xs={12} md={8} lg={4}>
                  <Card size="small">
                    <Statistic title={b.name} value={b.value} suffix={t.overview.unit} />
                  </Card>
                </Col>
              ))}
            </Row>
            <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.overview.byStage}</h2>}>
              <StageChart bars={bars} />
            </Card>
          </Space>
        )}
      </QueryView>
      <AssessmentCard />
      <RiskColourCard />
      <DashboardCharts />
    </Space>
  );
}
