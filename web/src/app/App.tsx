import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { FilePage } from '../features/file/FilePage.js';
import { HouseholdPage } from '../features/households/HouseholdPage.js';
import { HouseholdsPage } from '../features/households/HouseholdsPage.js';
import { RegisterPage } from '../features/households/RegisterPage.js';
import { LoginPage } from '../features/auth/LoginPage.js';
import { ApplicationPage } from '../features/identification/ApplicationPage.js';
import { MonthlyUpdatePage } from '../features/monitoring/MonthlyUpdatePage.js';
import { VisitPage } from '../features/monitoring/VisitPage.js';
import { NotificationsPage } from '../features/notifications/NotificationsPage.js';
import { OverviewPage } from '../features/overview/OverviewPage.js';
import { BoardPage } from '../features/supervision/BoardPage.js';
import { ItemsPage } from '../features/supervision/ItemsPage.js';
import { TasksPage } from '../features/tasks/TasksPage.js';
import { TodayPage } from '../features/today/TodayPage.js';
import { PasswordPage } from '../features/account/PasswordPage.js';
import { ChangesPage } from '../features/admin/ChangesPage.js';
import { CountiesPage } from '../features/admin/CountiesPage.js';
import { DepartmentsPage } from '../features/admin/DepartmentsPage.js';
import { PlacesPage } from '../features/admin/PlacesPage.js';
import { RegionPage } from '../features/admin/RegionPage.js';
import { UsersPage } from '../features/admin/UsersPage.js';
import { ApiError } from './api.js';
import { AuthProvider, useAuth } from './auth.js';
import { Shell } from './Shell.js';
import './time.js';

const queries = new QueryClient({
  defaultOptions: {
    queries: { retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2, staleTime: 10_000 },
  },
});

function Home() {
  const { user } = useAuth();
  if (user?.role === 'leadership_group') return <OverviewPage />;
  if (user?.role === 'supervisor') return <BoardPage />;
  if (user?.role === 'system_admin') return <CountiesPage />;
  if (user?.role === 'regional_viewer') return <RegionPage />;
  return <TodayPage />;
}

function Screens() {
  const { user } = useAuth();
  if (!user) return <LoginPage />;
  if (user.mustChangePassword) return <PasswordPage forced />;
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<Home />} />
        <Route path="overview" element={<OverviewPage />} />
        <Route path="tasks" element={<TasksPage />} />
        <Route path="supervision/items" element={<ItemsPage />} />
        <Route path="households" element={<HouseholdsPage />} />
        <Route path="households/new" element={<RegisterPage />} />
        <Route path="households/:id" element={<HouseholdPage />} />
        <Route path="households/:id/apply" element={<ApplicationPage />} />
        <Route path="households/:id/file" element={<FilePage />} />
        <Route path="households/:id/monthly-update" element={<MonthlyUpdatePage />} />
        <Route path="households/:id/visit" element={<VisitPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="account/password" element={<PasswordPage />} />
        <Route path="admin/places" element={<PlacesPage />} />
        <Route path="admin/users" element={<UsersPage />} />
        <Route path="admin/departments" element={<DepartmentsPage />} />
        <Route path="admin/changes" element={<ChangesPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#1677ff' } }}>
      <AntApp>
        <QueryClientProvider client={queries}>
          <AuthProvider>
            <BrowserRouter>
              <Screens />
            </BrowserRouter>
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
