import { Alert, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { MonthlyItemResult } from '../../app/api-types.js';
import { t } from '../../app/messages.js';
import { periodName } from '../../app/time.js';

const SIGNAL_TYPE = { none: 'success', warning: 'warning', elimination_suggested: 'info', reentry: 'warning' } as const;

/** The server's answer to a monthly update or a visit, in words: on time or late, and the re-assessment's signal. */
export function MonthlyResult({ what, result, householdId }: { what: string; result: MonthlyItemResult; householdId: string }) {
  return (
    <section aria-label={t.monitoring.resultTitle} role="status" aria-live="polite">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          type={SIGNAL_TYPE[result.signal]}
          showIcon
          message={
            <Space wrap>
              {t.monitoring.submitted(what, periodName(result.period))}
              <Tag color={result.late ? 'red' : 'green'}>{result.late ? t.monitoring.late : t.monitoring.onTime}</Tag>
            </Space>
          }
          description={t.monitoring.signals[result.signal]}
        />
        <Space wrap>
          <Link to="/">{t.monitoring.backToday}</Link>
          <Link to={`/households/${householdId}`}>{t.monitoring.backHousehold}</Link>
        </Space>
      </Space>
    </section>
  );
}
