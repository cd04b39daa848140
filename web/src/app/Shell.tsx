/** The frame around every screen: the menu of the user's role, who is logged in, and logout. */
import { LockOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import type { Role } from '../../../domain/access/roles.js';
import { a } from '../features/admin/messages.js';
import { Bell } from '../features/notifications/Bell.js';
import { c as campaignTexts } from '../features/campaigns/messages.js';
import { pt } from '../features/policy/messages.js';
import { useAuth, useUser } from './auth.js';
import { roleName, t } from './messages.js';
import { townTexts } from '../features/town/texts.js';
import { importTexts } from '../features/imports/messages.js';
import { at as assessmentTexts } from '../features/assessment/messages.js';
import { comparisonTexts } from '../features/comparison/messages.js';
import { queueTexts } from '../features/review-queue/texts.js';
import { itemTexts } from '../features/town-items/texts.js';
import { exportTexts } from '../features/exports/texts.js';

export interface MenuEntry {
  readonly path: string;
  readonly label: string;
}

/** Each role's menu; its first entry is the role's home page. */
export const MENUS: Record<Role, readonly MenuEntry[]> = {
  village_cadre: [
    { path: '/', label: t.menu.today },
    { path: '/households/new', label: t.menu.register },
    { path: '/households', label: t.menu.households },
    { path: '/notice-cards', label: t.menu.noticeCards },
    { path: '/imports', label: importTexts.menu },
    { path: '/campaigns', label: campaignTexts.menu },
  ],
  town_officer: [
    { path: '/', label: t.menu.today },
    { path: '/households', label: t.menu.households },
    { path: '/households/new', label: t.menu.register },
    { path: '/notice-cards', label: t.menu.noticeCards },
    { path: '/town-report', label: townTexts.menu },
    { path: '/imports', label: importTexts.menu },
    { path: '/campaigns', label: campaignTexts.menu },
    { path: '/comparison', label: comparisonTexts.menu },
    { path: '/review-queue', label: queueTexts.menu },
    { path: '/town-items', label: itemTexts.menu },
  ],
  county_bureau: [
    { path: '/', label: t.menu.today },
    { path: '/households', label: t.menu.households },
    { path: '/overview', label: t.menu.overview },
    { path: '/imports', label: importTexts.menu },
    { path: '/campaigns', label: campaignTexts.menu },
    { path: '/policy', label: pt.menu.policy },
    { path: '/calendar', label: pt.menu.calendar },
    // The county's administration: places, people, departments and channels, and the audit.
    { path: '/admin/places', label: a.menu.places },
    { path: '/admin/users', label: a.menu.users },
    { path: '/admin/departments', label: a.menu.departments },
    { path: '/admin/changes', label: a.menu.changes },
    { path: '/assessment', label: assessmentTexts.menu },
    { path: '/comparison', label: comparisonTexts.menu },
    { path: '/review-queue', label: queueTexts.menu },
  ],
  department: [
    { path: '/', label: t.menu.today },
    { path: '/tasks', label: t.menu.tasks },
    { path: '/campaigns', label: campaignTexts.menu },
    { path: '/comparison', label: comparisonTexts.menu },
  ],
  supervisor: [
    { path: '/', label: t.menu.overdue },
    { path: '/households', label: t.menu.households },
    { path: '/overview', label: t.menu.overview },
    { path: '/campaigns', label: campaignTexts.menu },
    { path: '/assessment', label: assessmentTexts.menu },
    // Readers of the county: its ledgers in Excel, without the import beside them.
    { path: '/ledgers', label: exportTexts.menu },
  ],
  leadership_group: [
    { path: '/', label: t.menu.overview },
    { path: '/households', label: t.menu.households },
    { path: '/campaigns', label: campaignTexts.menu },
    { path: '/assessment', label: assessmentTexts.menu },
    { path: '/ledgers', label: exportTexts.menu },
  ],
  department_head: [
    { path: '/', label: t.menu.today },
    { path: '/tasks', label: t.menu.tasks },
    { path: '/comparison', label: comparisonTexts.menu },
  ],
  regional_viewer: [{ path: '/', label: a.menu.region }],
  system_admin: [{ path: '/', label: a.menu.counties }],
};


function selectedKey(pathname: string, entries: readonly MenuEntry[]): string {
  const exact = entries.find((e) => e.path === pathname);
  if (exact) return exact.path;
  const prefix = entries.filter((e) => e.path !== '/' && pathname.startsWith(`${e.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
  return prefix?.path ?? '/';
}

export function Shell() {
  const user = useUser();
  const { logout } = useAuth();
  const location = useLocation();
  // Below Ant Design's lg breakpoint (a phone, a narrow window) the menu opens in a drawer.
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  // A phone (under 576px): the header keeps the menu, the bell, who is logged in (cut short) and an icon to log out.
  const phone = !screens.sm;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const entries = MENUS[user.role];

  const menu = (
    <nav aria-label={t.shell.menu}>
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={[selectedKey(location.pathname, entries)]}
        items={entries.map((e) => ({ key: e.path, label: <Link to={e.path}>{e.label}</Link> }))}
        onClick={() => setDrawerOpen(false)}
      />
    </nav>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!narrow && (
        <Layout.Sider width={200}>
          <div style={{ color: '#fff', padding: '16px 20px', fontSize: 18, fontWeight: 600 }}>{t.appName}</div>
          {menu}
        </Layout.Sider>
      )}
      {narrow && (
        <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" width={220} title={t.appName} styles={{ body: { padding: 0, background: '#001529' } }}>
          {menu}
        </Drawer>
      )}
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: phone ? '0 8px' : '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: phone ? 4 : 8 }}>
          {narrow && (
            <Button icon={<MenuOutlined />} aria-label={t.shell.openMenu} aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)} />
          )}
          <Typography.Text strong style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0, flex: phone ? 'none' : undefined }}>
            {phone ? t.appName : t.appSubtitle}
          </Typography.Text>
          <Space size={phone ? 4 : 'small'} wrap={false} style={{ minWidth: 0 }}>
            <Bell />
            <span
              aria-label={t.shell.userLabel(user.displayName, roleName(user.role))}
              title={`${user.displayName}（${roleName(user.role)}）`}
              style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', display: 'inline-block', verticalAlign: 'middle', lineHeight: 'normal', maxWidth: phone ? 150 : undefined }}
            >
              {phone ? user.displayName : `${user.displayName}（${roleName(user.role)}）`}
            </span>
            <Link to="/account/password" aria-label={a.menu.password}>
              {phone ? <LockOutlined /> : a.menu.password}
            </Link>
            <Button icon={<LogoutOutlined />} aria-label={t.shell.logout} onClick={() => void logout()}>
              {phone ? null : t.shell.logout}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16 }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
