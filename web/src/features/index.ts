// Every feature of the app; the router, the main menu and the page switch are built from them.
import type { Feature } from '../feature';
import { account } from './account';
import { admin } from './admin';
import { areas } from './areas';
import { books } from './books';
import { collect } from './collect';
import { community } from './community';
import { fieldwork } from './fieldwork';
import { home } from './home';
import { registry } from './registry';
import { reports } from './reports';
import { setup } from './setup';
import { team } from './team';
import { supervision } from './supervision';
import { trainings } from './trainings';

// `areas` first: its first route is the default screen.
export const FEATURES: Feature[] = [
  areas,
  registry,
  fieldwork,
  home,
  trainings,
  books,
  team,
  supervision,
  community,
  reports,
  collect,
  setup,
  admin,
  account,
];
