/**
 * The console's screens by the address's hash, so every screen has an address, the browser's
 * back and forward buttons work, and a reload stays where it was.
 */
import type { Phrase } from './messages.js';

export type Route =
  | { screen: 'polls' }
  | { screen: 'new-poll' }
  | { screen: 'poll'; pollId: string }
  | { screen: 'ratings' }
  | { screen: 'shares' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  if (path === 'new-poll') return { screen: 'new-poll' };
  if (path === 'ratings') return { screen: 'ratings' };
  if (path === 'shares') return { screen: 'shares' };
  const poll = /^polls\/(.+)$/.exec(path);
  if (poll) {
    try {
      return { screen: 'poll', pollId: decodeURIComponent(poll[1]) };
    } catch {
      // A hand-typed hash that is not valid percent-encoding: the list of polls.
    }
  }
  return { screen: 'polls' };
}

export function routeHref(route: Route): string {
  return route.screen === 'poll' ? `#/polls/${encodeURIComponent(route.pollId)}` : `#/${route.screen}`;
}

export interface NavigateDetail {
  route: Route;
  /** What to say on the screen it opens ("The poll was created."). */
  notice?: Phrase;
}

/** Asks the console to open another screen, from a screen's code (its links use an `href`). */
export function navigate(from: HTMLElement, route: Route, notice?: Phrase): void {
  from.dispatchEvent(new CustomEvent<NavigateDetail>('navigate', { detail: { route, notice }, bubbles: true, composed: true }));
}
