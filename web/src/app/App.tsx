import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { FilePage } from '../features/file/FilePage.js';
import { HouseholdPage } from '../features/households/HouseholdPage.js';
import { HouseholdsPage } from '../features/households/HouseholdsPage.js';
import { RegisterPage } from '../features/households/RegisterPage.js';
import { LoginPage } from '../features/auth/LoginPage.js';
import { ApplicationPage } from '../features/identification/ApplicationPage.js';
import { MonthlyUpdatePage } from '../features/monitoring/MonthlyUpdatePage.js';
import { VisitPage } from '../features/monitoring/VisitPage.js';
import { PlanPage } from '../features/plans/PlanPage.js';
import { NotificationsPage } from '../features/notifications/NotificationsPage.js';
import { OverviewPage } from '../features/overview/OverviewPage.js';
import { BoardPage } from '../features/supervision/BoardPage.js';
import { ItemsPage } from '../features/supervision/ItemsPage.js';
import { TasksPage } from '../features/tasks/TasksPage.js';
import { TodayPage } from '../features/today/TodayPage.js';
import { ImportsPage } from '../features/imports/ImportsPage.js';
import { ComparisonPage } from '../features/comparison/ComparisonPage.js';
import { CampaignPage } from '../features/campaigns/CampaignPage.js';
import { CampaignsPage } from '../features/campaigns/CampaignsPage.js';
import { CheckPage } from '../features/campaigns/CheckPage.js';
import { CalendarPage } from '../features/policy/CalendarPage.js';
import { DraftPage } from '../features/policy/DraftPage.js';
import { PolicyPage } from '../features/policy/PolicyPage.js';
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
import { NoticeCardsPage } from '../features/self-report/NoticeCardsPage.js';
import { ReportPage } from '../features/self-report/ReportPage.js';
import { TownReportPage } from '../features/town/TownReportPage.js';
import { AssessmentPage } from '../features/assessment/AssessmentPage.js';
import { ReviewQueuePage } from '../features/review-queue/ReviewQueuePage.js';
import { TownItemsPage } from '../features/town-items/TownItemsPage.js';
import { LedgersPage } from '../features/exports/LedgersPage.js';

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
        <Route path="notice-cards" element={<NoticeCardsPage />} />
        <Route path="households/:id/plan" element={<PlanPage />} />
        <Route path="town-report" element={<TownReportPage />} />
        <Route path="imports" element={<ImportsPage />} />
        <Route path="comparison" element={<ComparisonPage />} />
        <Route path="campaigns" element={<CampaignsPage />} />
        <Route path="campaigns/:id" element={<CampaignPage />} />
        <Route path="campaigns/:id/checks/:householdId" element={<CheckPage />} />
        <Route path="policy" element={<PolicyPage />} />
        <Route path="policy/draft" element={<DraftPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="account/password" element={<PasswordPage />} />
        <Route path="admin/places" element={<PlacesPage />} />
        <Route path="admin/users" element={<UsersPage />} />
        <Route path="admin/departments" element={<DepartmentsPage />} />
        <Route path="admin/changes" element={<ChangesPage />} />
        <Route path="assessment" element={<AssessmentPage />} />
        <Route path="review-queue" element={<ReviewQueuePage />} />
        <Route path="town-items" element={<TownItemsPage />} />
        <Route path="ledgers" element={<LedgersPage />} />
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
              <Routes>
                {/* The household's self-report page, outside the login. */}
                <Route path="/r/:code" element={<ReportPage />} />
                <Route path="/report/:code" element={<ReportPage />} />
                <Route path="*" element={<Screens />} />
              </Routes>
            </BrowserRouter>
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
