import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { MonthlyItemResult } from '../../app/api-types.js';
import { t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { useHousehold } from '../households/hooks.js';
import { MonthlyResult } from './MonthlyResult.js';

/**
 * What the monthly update and the visit share: the household's name over the
 * form, the server's refusal in its words above it, and once answered, the
 * answer in words instead of the form.
 */
export function MonthlyItemFrame<Body>(props: {
  householdId: string;
  title: string;
  /** How the answer names what was filed. */
  what: string;
  send: { mutateAsync: (body: Body) => Promise<MonthlyItemResult>; isPending: boolean };
  /** The form; `submit` sends a body, `actions` are its submit and cancel buttons. */
  children: (submit: (body: Body) => void, actions: ReactNode) => ReactNode;
}) {
  const navigate = useNavigate();
  const household = useHousehold(props.householdId);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<MonthlyItemResult | null>(null);

  const submit = (body: Body) => {
    setError(null);
    props.send.mutateAsync(body).then(setResult, (e: unknown) => setError(e instanceof Error ? e.message : t.loadFailed));
  };
  const actions = (
    <Space>
      <Button type="primary" htmlType="submit" loading={props.send.isPending}>
        {t.submit}
      </Button>
      <Button onClick={() => navigate(-1)}>{t.cancel}</Button>
    </Space>
  );

  return (
    <QueryView query={household}>
      {(h) => (
        <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {h.headName} · {props.title}
          </Typography.Title>
          <Card size="small">
            {result ? (
              <MonthlyResult what={props.what} result={result} householdId={props.householdId} />
            ) : (
              <>
                {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
                {props.children(submit, actions)}
              </>
            )}
          </Card>
        </Space>
      )}
    </QueryView>
  );
}
