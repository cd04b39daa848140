import { useQueries } from '@tanstack/react-query';
import { Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../app/api.js';
import { STAGE_NAMES, STAGES, t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { DashboardCharts } from '../dashboard/DashboardCharts.js';
import { FigureChart } from '../dashboard/FigureChart.js';
import { AssessmentCard } from '../assessment/AssessmentCard.js';
import { RiskColourCard } from '../risk/RiskColourCard.js';

/** The households of a stage, as the roster lists them. */
const ofStage = (stage: string) => `/households?${new URLSearchParams({ stage })}`;

export function OverviewPage() {
  const counts = useQueries({
    queries: STAGES.map((stage) => ({ queryKey: ['households', { stage, count: true }], queryFn: () => api.households({ stage, limit: 1 }) })),
    combine: (results) => ({
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
      data: results.every((r) => r.data) ? STAGES.map((stage, i) => ({ stage, name: STAGE_NAMES[stage], values: [results[i]?.data?.total ?? 0], to: ofStage(stage) })) : undefined,
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
                <Col key={b.stage} xs={12} md={8} lg={4}>
                  <Card size="small">
                    <Link to={b.to} aria-label={t.overview.openStage(b.name, b.values[0]!)}>
                      <Statistic title={b.name} value={b.values[0]} suffix={t.overview.unit} />
                    </Link>
                  </Card>
                </Col>
              ))}
            </Row>
            {/* Each stage's bar, and its row in the table below the chart, opens that stage's households. */}
            <FigureChart title={t.overview.byStage} series={[t.overview.households]} bars={bars} />
          </Space>
        )}
      </QueryView>
      <AssessmentCard />
      <RiskColourCard />
      <DashboardCharts />
    </Space>
  );
}
