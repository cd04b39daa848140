import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { t } from '../../app/messages.js';
import { useUnreadCount } from './hooks.js';

/** The header's bell: the caller's unread count, and the way to the inbox. */
export function Bell() {
  const navigate = useNavigate();
  const unread = useUnreadCount().data ?? 0;
  return (
    <Badge count={unread} size="small" overflowCount={99}>
      <Button icon={<BellOutlined />} aria-label={t.notifications.bell(unread)} onClick={() => navigate('/notifications')} />
    </Badge>
  );
}
