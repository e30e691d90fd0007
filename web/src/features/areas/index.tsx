// Areas: the programme's geography, its tree and search, and the import of a whole tree. In the
// shell (the first screen after sign-in); the import screen, with the file panel it shares with
// the other imports, is fetched on first use.
import { route, type Feature } from '../../feature';
import { useI18n } from '../../i18n';
import { useFetch } from '../../use_fetch';
import { AreasPage } from './areas';

function AreaImportScreen() {
  const { t } = useI18n();
  const m = useFetch('area_import', { load: () => import('./area_import') }).data;
  return m ? <m.AreaImportPage /> : <p class="muted">{t('common.loading')}</p>;
}

export const areas: Feature = {
  name: 'areas',
  routes: [
    route('areas', 'areas', 'areas'),
    route('areas/:id', 'areas', 'areas'),
    route('areas/import', 'area-import', 'areas', ['area.write', 'areas']),
  ],
  nav: [{ section: 'areas', label: 'nav.areas', order: 100 }],
  screens: {
    areas: ({ params, can }) => <AreasPage id={params.id} canEdit={can('area.write')} />,
    'area-import': () => <AreaImportScreen />,
  },
};
