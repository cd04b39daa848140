/**
 * The household's 复核: every recorded assessment and decision re-run from
 * its stored inputs and the policy version it used (GET /households/:id/rederivations),
 * the stored answer beside the re-derived one, and whether they agree in words.
 */
import { useQuery } from '@tanstack/react-query';
import { Space, Table, Tag, Typography } from 'antd';
import { fidelityMessages } from '../../../../domain/messages/fidelity.js';
import { formatFen, formatYuan } from '../../../../domain/income/money.js';
import { api } from '../../app/api.js';
import type { Rederivation } from '../../app/api-types.js';
import { CONCLUSION_NAMES } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { formatTime } from '../../app/time.js';
import { ft } from './messages.js';

const r = ft.rederive;

/** An assessment's or a decision's answer in a clerk's words. */
function answer(subject: Rederivation['subject'], fields: Record<string, unknown> | null): string {
  if (!fields) return '—';
  if (subject === 'decision') {
    const outcome = String(fields.outcome);
    return `${fidelityMessages.outcomeNames[outcome] ?? outcome}${fields.deciding === true ? r.deciding : ''}`;
  }
  const conclusion = CONCLUSION_NAMES[fields.conclusion as keyof typeof CONCLUSION_NAMES] ?? String(fields.conclusion);
  const perCapita = typeof fields.perCapitaFen === 'number' ? [r.perCapita(formatFen(fields.perCapitaFen))] : [];
  const line = typeof fields.monitoringLine === 'number' ? [r.line(formatYuan(fields.monitoringLine))] : [];
  return [conclusion, ...perCapita, ...line].join('；');
}

const VERDICT = (agree: boolean | null) =>
  agree === null ? <Tag>{r.notDerivable}</Tag> : agree ? <Tag color="green">{r.agree}</Tag> : <Tag color="red">{r.disagree}</Tag>;

export function RederivationPanel({ householdId }: { householdId: string }) {
  // Under the file's key: whatever refreshes the file (a decision, a monthly update) refreshes the re-check.
  const query = useQuery({ queryKey: ['file', householdId, 'rederivations'], queryFn: () => api.rederivations(householdId) });
  return (
    <QueryView query={query}>
      {(list) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{r.intro}</Typography.Text>
          <Table<Rederivation>
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            aria-label={r.title}
            rowKey={(row) => `${row.kind}:${row.occurredAt}`}
            locale={{ emptyText: r.none }}
            dataSource={list.items}
            columns={[
              { title: r.time, render: (_, row) => formatTime(row.occurredAt) },
              { title: r.record, dataIndex: 'kindName' },
              { title: r.version, render: (_, row) => (row.profileId && row.profileVersion !== null ? r.versionOf(row.profileId, row.profileVersion) : r.unknownVersion) },
              { title: r.stored, render: (_, row) => answer(row.subject, row.stored) },
              { title: r.derived, render: (_, row) => answer(row.subject, row.derived) },
              {
                title: r.verdict,
                render: (_, row) => (
                  <Space direction="vertical" size={0}>
                    {VERDICT(row.agree)}
                    <Typography.Text>{row.message}</Typography.Text>
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      )}
    </QueryView>
  );
}
