import { Card, Table } from 'antd';
import { Link } from 'react-router-dom';
import { QueryView } from '../../app/states.js';
import { useAssessment } from './hooks.js';
import { at } from './messages.js';
import { Change, type Row } from './parts.js';

/** The leadership dashboard's card: this month's ranking of the towns with the change on last month. */
export function AssessmentCard() {
  const query = useAssessment('town', undefined);
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{at.card}</h2>} extra={<Link to="/assessment">{at.more}</Link>}>
      <QueryView query={query}>
        {(data) => (
          <>
            {data.policy.missingMessage && <p>{data.policy.missingMessage}</p>}
            <Table<Row>
              aria-label={at.card}
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={data.rows}
              columns={[
                { title: at.rank, align: 'right', render: (_, r) => r.rank ?? at.none },
                { title: at.unit(true), dataIndex: 'name' },
                { title: at.score, align: 'right', render: (_, r) => r.score ?? at.noScore },
                { title: at.change, render: (_, r) => <Change value={r.change} /> },
              ]}
            />
          </>
        )}
      </QueryView>
    </Card>
  );
}
