import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
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

/** The household list of one colour (of one town): each count opens the households it counts. */
const listOf = (colour: string, townId?: string) => `/households?${new URLSearchParams({ riskColour: colour, ...(townId ? { townId } : {}) })}`;

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
                    <Link to={listOf(c.key)} aria-label={rt.open(rt[c.key], data.county[c.key])}>
                      <Statistic title={rt[c.key]} value={data.county[c.key]} suffix={rt.unit} valueStyle={{ color: c.colour }} />
                    </Link>
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
                columns={[
                  { title: rt.town, dataIndex: 'name' },
                  ...COLOURS.map((c) => ({
                    title: rt[c.key],
                    align: 'right' as const,
                    render: (_: unknown, town: TownRow) => (
                      <Link to={listOf(c.key, town.id)} aria-label={rt.openTown(town.name, rt[c.key], town[c.key])}>
                        {town[c.key]}
                      </Link>
                    ),
                  })),
                ]}
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
