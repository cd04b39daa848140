/** Loading, empty and error states, the same on every screen. */
import { Alert, Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { t } from './messages.js';

export function Loading() {
  return (
    <div role="status" aria-live="polite" style={{ padding: 32, textAlign: 'center' }}>
      <Spin />
      <div style={{ marginTop: 8 }}>{t.loading}</div>
    </div>
  );
}

export function Failure({ error, retry }: { error: unknown; retry?: () => void }) {
  const message = error instanceof Error ? error.message : t.loadFailed;
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      message={t.loadFailed}
      description={message}
      action={retry ? <Button onClick={retry}>{t.retry}</Button> : undefined}
    />
  );
}

export function Nothing({ text }: { text?: string }) {
  return <Empty description={text ?? t.empty} />;
}

/** Renders a query's data, or its loading, error or empty state. */
export function QueryView<T>(props: {
  query: { isPending: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  empty?: (data: T) => boolean;
  emptyText?: string;
  children: (data: T) => ReactNode;
}) {
  const { query } = props;
  if (query.isPending) return <Loading />;
  if (query.error || query.data === undefined) return <Failure error={query.error} retry={() => void query.refetch()} />;
  if (props.empty?.(query.data)) return <Nothing {...(props.emptyText ? { text: props.emptyText } : {})} />;
  return <>{props.children(query.data)}</>;
}
