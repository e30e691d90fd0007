// The shell: sign-in screen, or top bar + navigation + message line + the routed page.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Alerts } from './components/alerts';
import { LanguageSwitch } from './components/language_switch';
import {
  loadFieldMessages,
  loadRegistryMessages,
  loadReportsMessages,
  loadTrainingMessages,
  useI18n,
} from './i18n';
import { clearMessages, showError } from './messages';
import { AccountPage } from './pages/account';
import { AreaImportPage } from './pages/area_import';
import { AreasPage } from './pages/areas';
import { AuditPage } from './pages/audit';
import { LoginPage } from './pages/login';
import { UserCreatePage, UserEditPage } from './pages/user_form';
import { UsersPage } from './pages/users';
import { href, routeStore, type Route } from './router';
import { hasRole, logout, sessionStore } from './session';
import { useStore } from './store';
import type { User } from './types';

export function App() {
  const session = useStore(sessionStore);
  const { t } = useI18n();
  if (session.status === 'loading') return <p class="boot muted">{t('common.loading')}</p>;
  if (session.status === 'anonymous') return <LoginPage ended={session.ended} />;
  return <Shell user={session.user} />;
}

type NavItem = {
  page:
    | 'dashboard'
    | 'areas'
    | 'households'
    | 'institutions'
    | 'summary'
    | 'activities'
    | 'verify'
    | 'trainings'
    | 'feedback'
    | 'reports'
    | 'users'
    | 'audit'
    | 'account';
  label: string;
};

function Shell({ user }: { user: User }) {
  const { t } = useI18n();
  const route = useStore(routeStore);
  const [menuOpen, setMenuOpen] = useState(false);
  const admin = hasRole(user, 'admin');

  // A new page: close the phone menu and drop the previous page's messages... except the
  // confirmation that brought us here, which the page itself just set.
  useEffect(() => setMenuOpen(false), [route]);

  const items: NavItem[] = [
    { page: 'dashboard', label: t('nav.dashboard') },
    { page: 'households', label: t('nav.households') },
    { page: 'institutions', label: t('nav.institutions') },
    { page: 'summary', label: t('nav.summary') },
    { page: 'activities', label: t('nav.activities') },
  ];
  if (hasRole(user, 'officer') || hasRole(user, 'manager'))
    items.push({ page: 'verify', label: t('nav.verify') });
  items.push(
    { page: 'trainings', label: t('nav.trainings') },
    { page: 'feedback', label: t('nav.feedback') },
    { page: 'reports', label: t('nav.reports') },
    { page: 'areas', label: t('nav.areas') },
  );
  if (admin)
    items.push({ page: 'users', label: t('nav.users') }, { page: 'audit', label: t('nav.audit') });
  items.push({ page: 'account', label: t('nav.account') });
  const section = sectionOf(route);

  return (
    <div class="shell">
      <header class="topbar">
        <div class="topbar-row">
          <a class="brand" href={href('areas')} data-testid="brand">
            <img src="./icon.svg" alt="" width={28} height={28} />
            <span>{t('app.name')}</span>
          </a>
          <button
            type="button"
            class="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="main-menu"
            data-testid="menu-toggle"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            <span aria-hidden="true">☰</span> {t('nav.menu')}
          </button>
        </div>
        <div id="main-menu" class={menuOpen ? 'menu open' : 'menu'} data-testid="main-menu">
          <nav aria-label={t('nav.main')}>
            <ul class="nav-list">
              {items.map((i) => (
                <li key={i.page}>
                  <a
                    href={href(i.page)}
                    aria-current={section === i.page ? 'page' : undefined}
                    data-testid={'nav-' + i.page}
                  >
                    {i.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div class="tools">
            <span
              class="user-name"
              data-testid="user-name"
              title={t('nav.signedInAs', { name: user.full_name })}
            >
              <span class="sr-only">{t('nav.signedInAs', { name: '' })}</span>
              {user.full_name}
            </span>
            <LanguageSwitch />
            <button
              type="button"
              class="secondary"
              data-testid="logout"
              onClick={() => {
                clearMessages();
                logout().catch(showError);
              }}
            >
              {t('nav.logout')}
            </button>
          </div>
        </div>
      </header>
      <Alerts />
      <main class="content" id="content">
        <Page route={route} user={user} admin={admin} />
      </main>
    </div>
  );
}

function sectionOf(route: Route): NavItem['page'] {
  switch (route.page) {
    case 'users':
    case 'user':
    case 'user-new':
      return 'users';
    case 'audit':
      return 'audit';
    case 'account':
      return 'account';
    case 'households':
    case 'household':
    case 'household-new':
    case 'household-edit':
    case 'household-import':
    case 'duplicates':
      return 'households';
    case 'institutions':
    case 'institution':
    case 'institution-new':
    case 'institution-edit':
    case 'institution-import':
      return 'institutions';
    case 'summary':
      return 'summary';
    case 'activities':
    case 'activity':
    case 'activity-new':
    case 'activity-edit':
      return 'activities';
    case 'verify':
      return 'verify';
    case 'trainings':
    case 'training':
    case 'training-new':
    case 'courses':
    case 'course':
    case 'course-new':
    case 'needs':
    case 'need-new':
    case 'need':
    case 'plans':
    case 'plan-new':
    case 'plan':
    case 'plan-import':
    case 'achievement':
      return 'trainings';
    case 'feedback':
    case 'feedback-new':
    case 'feedback-item':
      return 'feedback';
    case 'dashboard':
    case 'indicator-records':
      return 'dashboard';
    case 'reports':
    case 'report-new':
    case 'report':
    case 'targets':
    case 'target-import':
    case 'indicators':
    case 'indicator-new':
    case 'indicator':
    case 'indicator-edit':
    case 'setup':
    case 'setup-settings':
    case 'setup-templates':
    case 'setup-template':
    case 'setup-template-new':
    case 'setup-dhis2':
      return 'reports';
    default:
      return 'areas';
  }
}

function Page({ route, user, admin }: { route: Route; user: User; admin: boolean }) {
  switch (route.page) {
    case 'area-import':
      return admin ? <AreaImportPage /> : <AreasPage user={user} />;
    case 'users':
      return admin ? <UsersPage /> : <AreasPage user={user} />;
    case 'user-new':
      return admin ? <UserCreatePage /> : <AreasPage user={user} />;
    case 'user':
      return admin ? <UserEditPage key={route.id} id={route.id} /> : <AreasPage user={user} />;
    case 'audit':
      return admin ? <AuditPage /> : <AreasPage user={user} />;
    case 'account':
      return <AccountPage user={user} />;
    case 'areas':
    case 'area-import':
      return <AreasPage user={user} id={route.page === 'areas' ? route.id : undefined} />;
    case 'activities':
    case 'activity':
    case 'activity-new':
    case 'activity-edit':
    case 'verify':
    case 'feedback':
    case 'feedback-new':
    case 'feedback-item':
      return <FieldPage route={route} user={user} />;
    default: {
      // The training section's screens are the training chunk's; the dashboard's and the
      // reports' the monitoring chunk's.
      const section = sectionOf(route);
      if (section === 'trainings') return <TrainingPage route={route} user={user} />;
      if (section === 'dashboard' || section === 'reports')
        return <ReportsPage route={route} user={user} />;
      return <RegistryPage route={route} user={user} />;
    }
  }
}

// The registry, field, training and monitoring screens are chunks of their own, each fetched with
// its messages the first time one of its screens is opened.
type ChunkRoutes = ComponentType<{ route: Route; user: User }>;

function lazyChunk(load: () => Promise<ChunkRoutes>) {
  let loaded: ChunkRoutes | null = null;
  return function ChunkPage({ route, user }: { route: Route; user: User }) {
    const { t } = useI18n();
    const [Routes, setRoutes] = useState<ChunkRoutes | null>(() => loaded);
    useEffect(() => {
      if (Routes) return;
      load()
        .then((r) => {
          loaded = r;
          setRoutes(() => r);
        })
        .catch(showError);
    }, []);
    if (!Routes) return <p class="muted">{t('common.loading')}</p>;
    return <Routes route={route} user={user} />;
  };
}

const RegistryPage = lazyChunk(() =>
  Promise.all([import('./pages/registry'), loadRegistryMessages()]).then(([m]) => m.RegistryRoutes),
);

// The field screens (activities, verification, feedback), with the registry's messages (shared
// labels such as sex and age bands) and their own.
const FieldPage = lazyChunk(() =>
  Promise.all([import('./pages/field'), loadRegistryMessages(), loadFieldMessages()]).then(
    ([m]) => m.FieldRoutes,
  ),
);

// The training screens (courses, needs, plans, events with their trainees, plan against
// achievement), with the registry and field messages they share and their own.
const TrainingPage = lazyChunk(() =>
  Promise.all([
    import('./pages/training'),
    loadRegistryMessages(),
    loadFieldMessages(),
    loadTrainingMessages(),
  ]).then(([m]) => m.TrainingRoutes),
);

// The monitoring screens (dashboard, progress reports, targets, indicators, and the programme
// set-up: settings, report templates, DHIS2 mapping), with their own messages.
const ReportsPage = lazyChunk(() =>
  Promise.all([import('./pages/reports'), loadReportsMessages()]).then(([m]) => m.ReportsRoutes),
);
