/** Draft → check → publish: a new version of the county's policy, started from the version in force or a shipped profile. */
import { Alert, Button, Card, Checkbox, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { addMonths, periodOf, type Period } from '../../../../domain/calendar/dates.js';
import { thresholdKindNames } from '../../../../domain/messages/catalogue.js';
import { policyMessages } from '../../../../domain/policy/messages.js';
import { api } from '../../app/api.js';
import type { DraftChecked } from '../../app/api-types.js';
import { QueryView } from '../../app/states.js';
import { useCheckVersion, usePolicyVersions, usePublishVersion } from './hooks.js';
import { pt } from './messages.js';
import { addLine, linesOf, setLine, setUpdateDay, type Body } from './thresholds.js';
import { THRESHOLD_KINDS, type Comparison, type ThresholdKind } from '../../../../domain/policy/profile.js';
import { parseProfile } from '../../../../domain/policy/parse.js';
import { RuleOrigins } from './RuleOrigins.js';
import { WhatIfPanel } from './WhatIfPanel.js';
import { ScoringFields } from './ScoringFields.js';
import { YearlyInputs } from './YearlyInputs.js';
import { IncomeWindowField } from './IncomeWindowField.js';
import { TransferShareField } from './TransferShareField.js';

const CURRENT = 'current';
/** A month no version starts after: the latest version. */
const LATEST = '9999-12';

export function DraftPage() {
  const versions = usePolicyVersions();
  return <QueryView query={versions}>{(v) => <DraftForm shipped={v.shipped} />}</QueryView>;
}

function DraftForm({ shipped }: { shipped: readonly { id: string; countyName: string }[] }) {
  const navigate = useNavigate();
  const [basis, setBasis] = useState(CURRENT);
  const [body, setBody] = useState<Body | null>(null);
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState(false);
  const [month, setMonth] = useState<string>(addMonths(periodOf(Date.now()), 1));
  const [correction, setCorrection] = useState(false);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState<DraftChecked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = useCheckVersion();
  const publish = usePublishVersion();

  useEffect(() => {
    let live = true;
    const load = basis === CURRENT ? api.profile(LATEST).then((p) => p.body) : api.shippedProfile(basis).then((p) => p.body);
    load.then(
      (b) => live && replace(b as Body),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [basis]);

  const replace = (next: Body) => {
    setBody(next);
    setJson(JSON.stringify(next, null, 2));
    setJsonError(false);
    setChecked(null);
  };
  const request = () => ({ body: body ?? {}, effectiveFrom: month as Period, ...(correction ? { correctionReason: reason } : {}) });
  const run = async (what: 'check' | 'publish') => {
    setError(null);
    try {
      if (what === 'check') setChecked(await check.mutateAsync(request()));
      else {
        await publish.mutateAsync(request());
        void navigate('/policy');
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  if (!body) return error ? <Alert role="alert" type="error" showIcon message={error} /> : null;
  const lines = linesOf(body);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {pt.draft.title}
      </Typography.Title>
      {error && <Alert role="alert" type="error" showIcon message={error} />}
      <label>
        {pt.draft.basis}
        <Select
          aria-label={pt.draft.basis}
          value={basis}
          onChange={setBasis}
          style={{ width: '100%', maxWidth: 360, display: 'block' }}
          options={[{ value: CURRENT, label: pt.draft.basisCurrent }, ...shipped.map((s) => ({ value: s.id, label: pt.draft.basisShipped(s.countyName, s.id) }))]}
        />
      </label>
      {(() => {
        const parsed = parseProfile(body);
        return parsed.ok ? <RuleOrigins profile={parsed.profile} /> : null;
      })()}
      <Card title={pt.draft.thresholds}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {lines.length === 0 && <Alert type="warning" showIcon message={pt.draft.noLine} />}
          {lines.map((row, i) => {
            const name = policyMessages.thresholdLine(thresholdKindNames[row.kind] ?? row.kind, row.from);
            return (
              <Space key={i} wrap aria-label={name} role="group">
                <Typography.Text strong>{name}</Typography.Text>
                <InputNumber aria-label={`${name} ${pt.draft.amount}`} placeholder={pt.draft.amount} style={{ width: 170 }} value={row.yuanPerPersonYear} onChange={(v) => replace(setLine(body, i, { yuanPerPersonYear: v ?? 0 }))} />
                <Input aria-label={`${name} ${pt.draft.from}`} value={row.from} style={{ width: 100 }} onChange={(e) => replace(setLine(body, i, { from: e.target.value as Period }))} />
                <Input aria-label={`${name} ${pt.draft.to}`} value={row.to ?? ''} placeholder={pt.draft.to} style={{ width: 160 }} onChange={(e) => replace(setLine(body, i, { to: (e.target.value || undefined) as Period | undefined }))} />
                <Select
                  aria-label={`${name} ${pt.draft.kind}`}
                  showSearch
                  optionFilterProp="label"
                  value={row.kind}
                  style={{ width: 130 }}
                  onChange={(kind: ThresholdKind) => replace(setLine(body, i, { kind }))}
                  options={THRESHOLD_KINDS.map((k) => ({ value: k, label: thresholdKindNames[k] }))}
                />
                <Select
                  aria-label={`${name} ${pt.draft.comparison}`}
                  showSearch
                  optionFilterProp="label"
                  value={row.comparison}
                  placeholder={pt.draft.comparison}
                  style={{ width: 150 }}
                  onChange={(comparison: Comparison) => replace(setLine(body, i, { comparison }))}
                  options={[
                    { value: 'at_or_below', label: pt.draft.atOrBelow },
                    { value: 'below', label: pt.draft.below },
                  ]}
                />
                <Input aria-label={`${name} ${pt.draft.meaning}`} value={row.meaning} placeholder={pt.draft.meaning} style={{ width: 240 }} onChange={(e) => replace(setLine(body, i, { meaning: e.target.value }))} />
                <Input aria-label={`${name} ${pt.draft.quote}`} value={row.quote} placeholder={pt.draft.quote} style={{ width: 320 }} onChange={(e) => replace(setLine(body, i, { quote: e.target.value }))} />
              </Space>
            );
          })}
          <Button onClick={() => replace(addLine(body, month as Period))}>{pt.draft.addLine}</Button>
        </Space>
      </Card>
      <IncomeWindowField body={body} month={month} onChange={replace} />
      <YearlyInputs body={body} replace={replace} />
      <Space wrap>
        <label>
          {pt.draft.noticeDays}{' '}
          <InputNumber aria-label={pt.draft.noticeDays} value={body.publicNoticeDays as number | undefined} onChange={(v) => replace({ ...body, publicNoticeDays: v ?? undefined })} />
        </label>
        <label>
          {pt.draft.updateDay}{' '}
          <InputNumber aria-label={pt.draft.updateDay} value={body.monthlyUpdateDay as number} onChange={(v) => replace(setUpdateDay(body, v ?? 0))} />
        </label>
      </Space>
      <TransferShareField body={body} onChange={replace} />
      <ScoringFields body={body} onChange={replace} />
      <label>
        {pt.draft.advanced}
        <Input.TextArea
          aria-label={pt.draft.advanced}
          rows={6}
          value={json}
          onChange={(e) => {
            setJson(e.target.value);
            setChecked(null);
            try {
              setBody(JSON.parse(e.target.value) as Body);
              setJsonError(false);
            } catch {
              setJsonError(true);
            }
          }}
        />
      </label>
      {jsonError && <Alert role="alert" type="error" showIcon message={pt.draft.jsonInvalid} />}
      <Space wrap>
        <label>
          {pt.draft.effectiveFrom}{' '}
          <Input aria-label={pt.draft.effectiveFrom} value={month} maxLength={7} style={{ width: 110 }} onChange={(e) => (setMonth(e.target.value.trim()), setChecked(null))} />
        </label>
        <Checkbox checked={correction} onChange={(e) => (setCorrection(e.target.checked), setChecked(null))}>
          {pt.draft.isCorrection}
        </Checkbox>
        {correction && <Input aria-label={pt.draft.reason} placeholder={pt.draft.reason} value={reason} maxLength={500} onChange={(e) => (setReason(e.target.value), setChecked(null))} />}
      </Space>
      <Space>
        <Button onClick={() => void run('check')} loading={check.isPending} disabled={jsonError}>
          {pt.draft.check}
        </Button>
        <Button type="primary" onClick={() => void run('publish')} loading={publish.isPending} disabled={!checked?.ok || jsonError}>
          {pt.draft.publish}
        </Button>
      </Space>
      {checked && <CheckResult checked={checked} />}
      {!jsonError && <WhatIfPanel request={{ body, effectiveFrom: month as Period }} />}
    </Space>
  );
}

function CheckResult({ checked }: { checked: DraftChecked }) {
  const problems = [...(checked.monthProblem ? [checked.monthProblem] : []), ...checked.problems];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {checked.ok ? (
        <Alert type="success" showIcon message={pt.draft.checkOk} description={pt.draft.willBe(checked.version, checked.effectiveFrom)} />
      ) : (
        <Alert
          role="alert"
          type="error"
          showIcon
          message={pt.draft.checkFailed}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      <Card title={pt.draft.changes}>
        <Table
          size="small"
          pagination={false}
          rowKey="label"
          scroll={{ x: true }}
          aria-label={pt.draft.changes}
          locale={{ emptyText: pt.draft.noChanges }}
          dataSource={checked.changes}
          columns={[
            { title: pt.inForce.field, dataIndex: 'label' },
            { title: pt.draft.before, dataIndex: 'before' },
            { title: pt.draft.after, dataIndex: 'after' },
          ]}
        />
      </Card>
    </Space>
  );
}
