// Areas: the programme's geography, its tree and search, and the import of a whole tree. In the
// shell (the first screen after sign-in).
import { route, type Feature } from '../../feature';
import { AreaImportPage } from './area_import';
import { AreasPage } from './areas';

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
    'area-import': () => <AreaImportPage />,
  },
};
