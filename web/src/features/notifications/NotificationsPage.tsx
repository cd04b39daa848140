import { Alert, Button, Card, List, Pagination, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Notification } from '../../app/api-types.js';
import { t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { formatTime } from '../../app/time.js';
import { useMarkAllRead, useMarkRead, useNotifications, type InboxFilter } from './hooks.js';

function Item({ n, onRead, reading }: { n: Notification; onRead: (id: string) => void; reading: boolean }) {
  return (
    <List.Item
      aria-label={n.title}
      actions={[
        ...(n.householdId ? [<Link key="household" to={`/households/${n.householdId}`}>{t.notifications.household}</Link>] : []),
        ...(n.read
          ? []
          : [
              <Button key="read" size="small" loading={reading} aria-label={t.notifications.markReadOf(n.title)} onClick={() => onRead(n.id)}>
                {t.notifications.markRead}
              </Button>,
            ]),
      ]}
    >
      <List.Item.Meta
        title={
          <Space wrap>
            <Tag color={n.read ? 'default' : 'blue'}>{n.read ? t.notifications.read : t.notifications.unread}</Tag>
            <span style={{ fontWeight: n.read ? 400 : 600 }}>{n.title}</span>
          </Space>
        }
        description={
          <>
            <div>{n.body}</div>
            <Typography.Text type="secondary">{formatTime(n.createdAt)}</Typography.Text>
          </>
        }
      />
    </List.Item>
  );
}

/** 消息: the caller's inbox, unread first by default, each marked read by the caller alone. */
export function NotificationsPage() {
  const [filter, setFilter] = useState<InboxFilter>('unread');
  const [offset, setOffset] = useState(0);
  const inbox = useNotifications(filter, offset);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const failure = markRead.error ?? markAll.error;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t.notifications.title}
      </Typography.Title>
      <Space wrap>
        <Segmented<InboxFilter>
          aria-label={t.notifications.filter}
          value={filter}
          onChange={(v) => {
            setFilter(v);
            setOffset(0);
          }}
          options={[
            { value: 'unread', label: t.notifications.unread },
            { value: 'all', label: t.notifications.all },
          ]}
        />
        {inbox.data && <span aria-live="polite">{t.notifications.unreadCount(inbox.data.unread)}</span>}
        <Button onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={!inbox.data || inbox.data.unread === 0}>
          {t.notifications.markAllRead}
        </Button>
      </Space>
      {failure && <Alert role="alert" type="error" showIcon message={failure.message} />}
      <Card size="small">
        <QueryView query={inbox} empty={(p) => p.items.length === 0} emptyText={filter === 'unread' ? t.notifications.noneUnread : t.notifications.none}>
          {(page) => (
            <section aria-label={t.notifications.title}>
              <List<Notification>
                dataSource={page.items}
                renderItem={(n) => <Item n={n} onRead={(id) => markRead.mutate(id)} reading={markRead.isPending && markRead.variables === n.id} />}
              />
              {page.total > 20 && (
                <Pagination size="small" current={offset / 20 + 1} pageSize={20} total={page.total} onChange={(p) => setOffset((p - 1) * 20)} style={{ marginTop: 12 }} />
              )}
            </section>
          )}
        </QueryView>
      </Card>
    </Space>
  );
}
