/** Hash routes of the task pane (#/home, #/check, …); the ribbon commands open the pane on one. */
import { useEffect, useState } from 'react';

export const ROUTES = ['home', 'wizards', 'check', 'brief', 'settings', 'about'] as const;
export type Route = (typeof ROUTES)[number];

export function parseRoute(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'home';
}

export function routeHash(route: Route): string {
  return `#/${route}`;
}

export function navigate(route: Route): void {
  if (window.location.hash !== routeHash(route)) window.location.hash = routeHash(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
