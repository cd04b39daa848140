import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { api } from '../../app/api.js';
import type { RiskColourBoard } from '../../app/api-types.js';
import { QueryView } from '../../app/states.js';
import { rt } from './messages.js';

type TownRow = RiskColourBoard['byTown'][number];
const COLOURS = [
  { key: 'red', colour: '#cf1322' },
  { key: 'yellow', colour: '#d48806' },
  { key: 'green', colour: '#389e0d' },
] as const;

/** The leadership dashboard's card: the county's households by risk colour, in all and by town. */
export function RiskColourCard() {
  const query = useQuery({ queryKey: ['risk-colours'], queryFn: () => api.riskColours() });
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{rt.card}</h2>}>
      <QueryView query={query}>
        {(data) =>
          !data.configured ? (
            <Typography.Text type="warning">{data.message}</Typography.Text>
          ) : (
            <>
              <Row gutter={[12, 12]}>
                {COLOURS.map((c) => (
                  <Col key={c.key} xs={8}>
                    <Statistic title={rt[c.key]} value={data.county[c.key]} suffix={rt.unit} valueStyle={{ color: c.colour }} />
                  </Col>
                ))}
              </Row>
              <Table<TownRow>
                aria-label={rt.tableLabel}
                rowKey="id"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={data.byTown}
                columns={[{ title: rt.town, dataIndex: 'name' }, ...COLOURS.map((c) => ({ title: rt[c.key], dataIndex: c.key, align: 'right' as const }))]}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {rt.rules(data.rules.red.join('、'), data.rules.yellow.join('、'))}
                {data.note ? ` ${rt.note(data.note)}` : ''}
              </Typography.Paragraph>
            </>
          )
        }
      </QueryView>
    </Card>
  );
}
