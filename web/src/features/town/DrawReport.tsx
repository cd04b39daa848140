import { Alert, App, Button, Space } from 'antd';
import { useState } from 'react';
import { drawRefusal } from '../../../../domain/town/drawing.js';
import type { Period } from '../../../../domain/calendar/dates.js';
import { mayDo } from '../../../../domain/access/actions.js';
import { useUser } from '../../app/auth.js';
import { periodName } from '../../app/time.js';
import { useDrawTownReport } from './hooks.js';
import { townTexts as tx } from './texts.js';

/** A month whose draft was not drawn: the officer has it drawn now, once the month has ended (the same rule the workflow applies). */
export function DrawReport({ townId, period }: { townId: string; period: string }) {
  const { message } = App.useApp();
  const user = useUser();
  const draw = useDrawTownReport(townId, period);
  const [error, setError] = useState<string | null>(null);
  if (!mayDo(user, 'submitTownReport') || drawRefusal(period as Period, Date.now()) !== null) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && <Alert role="alert" type="error" showIcon message={error} />}
      <Button
        type="primary"
        aria-label={tx.drawLabel(periodName(period))}
        loading={draw.isPending}
        onClick={() => {
          setError(null);
          // The promise, not mutate's callbacks: once drawn, the report replaces this button, and the message still shows.
          draw.mutateAsync().then(
            () => void message.success(tx.drawn),
            (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
          );
        }}
      >
        {tx.draw}
      </Button>
    </Space>
  );
}
