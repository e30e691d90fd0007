// The team screens by name (see index.ts for their routes): one lazily loaded chunk.
import type { Screens } from '../../feature';
import { DiariesPage, DiaryEditPage, DiaryNewPage, DiaryPage } from './diary';
import { PlanNewPage, PlanPage, PlansPage } from './plans';
import { TallyPage } from './tally';
import { TeamPage } from './team_tree';

export const screens: Screens = {
  team: ({ user }) => <TeamPage user={user} />,
  'work-plans': () => <PlansPage />,
  'work-plan-new': ({ user }) => <PlanNewPage key="new" user={user} />,
  'work-plan': ({ params, user }) => <PlanPage key={params.id} id={params.id} user={user} />,
  diaries: () => <DiariesPage />,
  'diary-new': () => <DiaryNewPage key="new" />,
  'diary-fix': ({ params }) => <DiaryNewPage key={params.entry} entry={params.entry} />,
  diary: ({ params, user }) => <DiaryPage key={params.id} id={params.id} user={user} />,
  'diary-edit': ({ params }) => <DiaryEditPage key={params.id} id={params.id} />,
  tally: () => <TallyPage />,
};
