// Group books: a group's books, a meeting's entry and closure, a member loan. Screens in a lazy
// chunk fetched with their messages. The institution screen links here.
import { route, type Feature } from '../../feature';
import { loadMessages } from '../../i18n';
import { booksStrings } from './strings';

export const books: Feature = {
  name: 'books',
  routes: [
    route('institutions/:id/books', 'books', 'institutions'),
    route('institutions/:id/books/meeting', 'book-meeting', 'institutions', [
      'registry.write',
      'books',
    ]),
    route('institutions/:id/books/meeting/:entry', 'book-meeting-fix', 'institutions', [
      'registry.write',
      'books',
    ]),
    route('member-loans/:id', 'member-loan', 'institutions'),
  ],
  nav: [],
  screens: () =>
    Promise.all([import('./screens'), loadMessages(booksStrings)]).then(([m]) => m.screens),
};
