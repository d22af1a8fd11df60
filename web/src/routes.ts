import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

type Screen = LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;

/** Each screen is its own chunk, loaded when first visited. */
export const ROUTES: Array<{ path: string; screen: Screen }> = [
  { path: '/', screen: lazy(() => import('./screens/dashboard/DashboardScreen.tsx')) },
  { path: '/library', screen: lazy(() => import('./screens/library/LibraryScreen.tsx')) },
  { path: '/sources/:id', screen: lazy(() => import('./screens/reader/ReaderScreen.tsx')) },
  { path: '/review', screen: lazy(() => import('./screens/review/ReviewScreen.tsx')) },
  { path: '/records/:id', screen: lazy(() => import('./screens/records/RecordScreen.tsx')) },
  { path: '/series', screen: lazy(() => import('./screens/records/SeriesScreen.tsx')) },
  { path: '/search', screen: lazy(() => import('./screens/search/SearchScreen.tsx')) },
  { path: '/cases', screen: lazy(() => import('./screens/cases/CasesScreen.tsx')) },
  { path: '/cases/:id', screen: lazy(() => import('./screens/cases/CaseScreen.tsx')) },
  { path: '/map', screen: lazy(() => import('./screens/map/MapScreen.tsx')) },
  { path: '/intake-inbox', screen: lazy(() => import('./screens/intake/InboxScreen.tsx')) },
  { path: '/sign-in', screen: lazy(() => import('./screens/signin/SignInScreen.tsx')) },
];
