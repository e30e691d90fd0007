// The shell: sign-in screen, or top bar + navigation + message line + the routed page. The
// menu and the page come from the features' tables (features/index.ts).
import { useEffect, useState } from 'preact/hooks';
import { Alerts } from './components/alerts';
import { LanguageSwitch } from './components/language_switch';
import { OfflineStatusBar } from './components/offline_status';
import type { Feature, Screens } from './feature';
import { FEATURES } from './features';
import { isFieldUser } from './features/home';
import { LoginPage } from './features/account/login';
import { useI18n } from './i18n';
import { clearMessages, showError } from './messages';
import { href } from './router';
import { featureOf, routeStore, type Route } from './routes';
import { startOffline, stopOffline, unsent } from './offline/status';
import { logout, sessionStore } from './session';
import { useStore } from './store';
import type { Permission, User } from './types';

export function App() {
  const session = useStore(sessionStore);
  const { t } = useI18n();
  if (session.status === 'loading') return <p class="boot muted">{t('common.loading')}</p>;
  if (session.status === 'anonymous') return <LoginPage ended={session.ended} />;
  const permissions = session.permissions;
  return <Shell user={session.user} can={(p) => permissions.includes(p)} />;
}

// The main menu: every feature's entries the caller may see, in their order.
const NAV = FEATURES.flatMap((f) => f.nav).sort((a, b) => a.order - b.order);

function Shell({ user, can }: { user: User; can: (p: Permission) => boolean }) {
  const { t } = useI18n();
  const route = useStore(routeStore);
  const [menuOpen, setMenuOpen] = useState(false);

  // A new page: close the phone menu and drop the previous page's messages... except the
  // confirmation that brought us here, which the page itself just set.
  useEffect(() => setMenuOpen(false), [route]);
  // The device store of this user: working set, outbox, drafts (loaded in its own chunk).
  useEffect(() => {
    startOffline(user.id).catch(showError);
  }, [user.id]);

  // Field users land on their home screen (what to do next); the area tree stays in the menu.
  const field = isFieldUser(user) && can('activity.write');
  useEffect(() => {
    if (field && location.hash.replace(/^#\/?/, '') === '') location.replace('#/home');
  }, [user.id]);

  const items = NAV.filter((i) => !i.needs || can(i.needs));
  const section = route.def.section;

  return (
    <div class="shell">
      <header class="topbar">
        <div class="topbar-row">
          <a class="brand" href={href(field ? 'home' : 'areas')} data-testid="brand">
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
                <li key={i.section}>
                  <a
                    href={href(i.section)}
                    aria-current={section === i.section ? 'page' : undefined}
                    data-testid={'nav-' + i.section}
                  >
                    {t(i.label)}
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
                // Unsent entries stay on the phone, but the user must know before leaving.
                const n = unsent();
                if (n > 0 && !window.confirm(t('offline.unsentConfirm', { n }))) return;
                clearMessages();
                stopOffline();
                logout().catch(showError);
              }}
            >
              {t('nav.logout')}
            </button>
          </div>
        </div>
      </header>
      <OfflineStatusBar />
      <Alerts />
      <main class="content" id="content">
        <Page route={route} user={user} can={can} />
      </main>
    </div>
  );
}

// The route's screen, or its `otherwise` screen when the caller lacks the permission it needs.
function Page({ route, user, can }: { route: Route; user: User; can: (p: Permission) => boolean }) {
  const { def, params } = route;
  const page = def.needs && !can(def.needs) && def.otherwise ? def.otherwise : def.page;
  const feature = page === def.page ? route.feature : featureOf(page);
  return (
    <FeatureScreen key={feature.name} feature={feature} page={page} props={{ params, user, can }} />
  );
}

// Screens of lazy features are fetched with their messages the first time one is opened.
const loadedScreens = new Map<Feature, Screens>();

function FeatureScreen(p: {
  feature: Feature;
  page: string;
  props: { params: Record<string, string>; user: User; can: (p: Permission) => boolean };
}) {
  const { t } = useI18n();
  const { screens: source } = p.feature;
  const [screens, setScreens] = useState<Screens | null>(() =>
    typeof source === 'function' ? (loadedScreens.get(p.feature) ?? null) : source,
  );
  useEffect(() => {
    if (screens || typeof source !== 'function') return;
    source()
      .then((s) => {
        loadedScreens.set(p.feature, s);
        setScreens(() => s);
      })
      .catch(showError);
  }, []);
  if (!screens) return <p class="muted">{t('common.loading')}</p>;
  const Screen = screens[p.page];
  return Screen ? <Screen {...p.props} /> : null;
}
