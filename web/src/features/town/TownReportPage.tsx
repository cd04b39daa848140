import { Alert, App, Button, Card, Checkbox, Descriptions, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { addMonths, periodOf } from '../../../../domain/calendar/dates.js';
import { reportSectionNames } from '../../../../domain/town/messages.js';
import type { ReportSection } from '../../../../domain/town/report.js';
import { ApiError } from '../../app/api.js';
import type { TownReportView } from '../../app/api-types.js';
import { useUser } from '../../app/auth.js';
import { QueryView } from '../../app/states.js';
import { formatDeadline, formatTime, periodName, recentPeriods } from '../../app/time.js';
import { useSubmitTownReport, useTownReport } from './hooks.js';
import { TownReportExport } from '../exports/TownReportExport.js';
import { townTexts as tx } from './texts.js';
import { DrawReport } from './DrawReport.js';

type Household = TownReportView['monitoring'][number] & { howName?: string };
type Removals = Record<string, string>;
const removalKey = (section: ReportSection, householdId: string) => `${section}:${householdId}`;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** One section of the report: its households, each of which the officer may take out with a reason while it is a draft. */
function Section({ section, rows, draft, removals, setRemovals }: { section: ReportSection; rows: readonly Household[]; draft: boolean; removals: Removals; setRemovals: (next: Removals) => void }) {
  const name = reportSectionNames[section];
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{`${name}（${rows.length}）`}</h2>}>
      <Table<Household>
        aria-label={name}
        rowKey="householdId"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={[...rows]}
        locale={{ emptyText: tx.none }}
        columns={[
          { title: tx.headName, dataIndex: 'headName' },
          { title: tx.village, dataIndex: 'villageName' },
          ...(section === 'newRisk' ? [{ title: tx.how, render: (_: unknown, h: Household) => h.howName ?? '' }] : []),
          ...(draft
            ? [
                {
                  title: tx.corrections,
                  render: (_: unknown, h: Household) => {
                    const key = removalKey(section, h.householdId);
                    if (!(key in removals))
                      return (
                        <Button size="small" aria-label={tx.removeLabel(h.headName, name)} onClick={() => setRemovals({ ...removals, [key]: '' })}>
                          {tx.remove}
                        </Button>
                      );
                    const rest = Object.fromEntries(Object.entries(removals).filter(([k]) => k !== key));
                    return (
                      <Space size={4} wrap>
                        <Input size="small" style={{ width: 200 }} maxLength={500} aria-label={tx.removeReason(h.headName)} value={removals[key]} onChange={(e) => setRemovals({ ...removals, [key]: e.target.value })} />
                        <Button size="small" type="link" onClick={() => setRemovals(rest)}>
                          {tx.undo}
                        </Button>
                      </Space>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** The town's monthly report 镇月度上报 (by the 3rd): the draft the system drew, checked household by household, corrected, submitted. */
export function TownReportPage() {
  const user = useUser();
  const { message, modal } = App.useApp();
  const [period, setPeriod] = useState<string>(() => addMonths(periodOf(Date.now()), -1));
  const report = useTownReport(user.jurisdictionId, period);
  const submit = useSubmitTownReport(user.jurisdictionId, period);
  const [removals, setRemovals] = useState<Removals>({});
  const [checked, setChecked] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onSubmit = () => {
    setError(null);
    if (!checked) return setError(tx.checkFirst);
    if (Object.values(removals).some((r) => r.trim() === '')) return setError(tx.removeReasonRequired);
    modal.confirm({
      title: tx.submitConfirm(periodName(period)),
      okText: tx.submit,
      onOk: async () => {
        try {
          const corrections = Object.entries(removals).map(([key, reason]) => {
            const [section, householdId] = key.split(':') as [ReportSection, string];
            return { householdId, section, change: 'remove' as const, reason: reason.trim() };
          });
          await submit.mutateAsync({ ...(note.trim() ? { note: note.trim() } : {}), ...(corrections.length > 0 ? { corrections } : {}) });
          void message.success(tx.submitted);
          setRemovals({});
        } catch (e) {
          setError(errorText(e));
        }
      },
    });
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {tx.title}
      </Typography.Title>
      <Select
        aria-label={tx.period}
        showSearch
        optionFilterProp="label"
        style={{ width: 160 }}
        value={period}
        onChange={(p: string) => {
          setPeriod(p);
          setRemovals({});
          setChecked(false);
        }}
        options={recentPeriods().map((p) => ({ value: p, label: periodName(p) }))}
      />
      {report.error instanceof ApiError && report.error.status === 404 ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon message={tx.notGenerated} description={report.error.message} />
          <DrawReport townId={user.jurisdictionId} period={period} />
        </Space>
      ) : (
      <QueryView query={report}>
        {(r) => {
          const draft = r.status === 'draft';
          return (
            <>
              <Card size="small">
                <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                  <Descriptions.Item label={tx.period}>
                    {periodName(r.period)} <Tag color={draft ? 'blue' : 'green'}>{tx.status[r.status]}</Tag>
                    {r.overdue && <Tag color="red">{tx.overdue}</Tag>}
                    {r.late !== null && <Tag color={r.late ? 'orange' : 'green'}>{r.late ? tx.late : tx.onTime}</Tag>}
                  </Descriptions.Item>
                  <Descriptions.Item label={tx.dueAt}>{formatDeadline(r.dueAt)}</Descriptions.Item>
                  {r.submittedAt && <Descriptions.Item label={tx.submittedAt}>{formatTime(r.submittedAt)}</Descriptions.Item>}
                </Descriptions>
                <Typography.Text strong>{tx.counts(r.counts.monitoring, r.counts.newRisk, r.counts.eliminated)}</Typography.Text>
                {r.note && <Typography.Paragraph type="secondary">{r.note}</Typography.Paragraph>}
                <TownReportExport townId={r.townId} period={r.period} />
              </Card>
              <Section section="monitoring" rows={r.monitoring} draft={draft} removals={removals} setRemovals={setRemovals} />
              <Section section="newRisk" rows={r.newRisk} draft={draft} removals={removals} setRemovals={setRemovals} />
              <Section section="eliminated" rows={r.eliminated} draft={draft} removals={removals} setRemovals={setRemovals} />
              {!draft && r.corrections.length > 0 && (
                <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{tx.corrections}</h2>}>
                  {r.corrections.map((c) => (
                    <div key={`${c.section}-${c.householdId}`}>
                      {c.sectionName} · {c.headName}：{c.reason}
                    </div>
                  ))}
                </Card>
              )}
              {draft && (
                <Card size="small">
                  <Space direction="vertical" style={{ width: '100%' }}>
                    {error && <Alert role="alert" type="error" showIcon message={error} />}
                    <Input.TextArea aria-label={tx.note} placeholder={tx.note} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
                    <Checkbox checked={checked} onChange={(e) => setChecked(e.target.checked)}>
                      {tx.checked}
                    </Checkbox>
                    <Button type="primary" onClick={onSubmit} loading={submit.isPending}>
                      {tx.submit}
                    </Button>
                  </Space>
                </Card>
              )}
            </>
          );
        }}
      </QueryView>
      )}
    </Space>
  );
}
