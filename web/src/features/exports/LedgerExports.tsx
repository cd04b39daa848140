import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { addMonths, periodOf } from '../../../../domain/calendar/dates.js';
import { quarterOfPeriod } from '../../../../domain/exports/ledgers.js';
import { useExportDownload } from './hooks.js';
import { usePlaceScope } from './PlaceScope.js';
import { exportTexts as m } from './texts.js';

const LEDGERS = [
  ['/exports/roster', m.roster],
  ['/exports/analysis', m.analysis],
  ['/exports/analysis?kind=marginal', m.analysisMarginal],
  ['/exports/measures', m.placeMeasures],
  ['/exports/income-ledger', m.incomeLedger],
] as const;

/** This quarter and the three before it, newest first. */
function recentQuarters() {
  const now = periodOf(Date.now());
  return [0, -3, -6, -9].map((months) => quarterOfPeriod(addMonths(now, months)));
}

/** The place-wide ledgers (the roster first) of the user's jurisdiction, or of a town or village in it. */
export function LedgerExports() {
  const download = useExportDownload();
  const { scope, picker } = usePlaceScope();
  const quarters = recentQuarters();
  const [quarter, setQuarter] = useState<string>(quarters[0]!.key);
  const withScope = (path: string) => `${path}${path.includes('?') ? '&' : '?'}jurisdictionId=${encodeURIComponent(scope)}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>{m.ledgersIntro}</Typography.Text>
      {picker}
      <Space wrap>
        {LEDGERS.map(([path, label]) => (
          <Button key={path} icon={<DownloadOutlined />} onClick={() => download.mutate(withScope(path))}>
            {label}
          </Button>
        ))}
      </Space>
      <Space wrap>
        <Select aria-label={m.quarter} style={{ width: 170 }} value={quarter} onChange={setQuarter} options={quarters.map((q) => ({ value: q.key, label: q.name }))} />
        <Button icon={<DownloadOutlined />} onClick={() => download.mutate(withScope(`/exports/employment-ledger?quarter=${quarter}`))}>
          {m.employmentLedger}
        </Button>
      </Space>
      {download.error ? <Alert role="alert" type="error" showIcon message={download.error.message} /> : null}
    </Space>
  );
}
