import type { RateLimitSetting } from '@chatroom/domain';
import type { Budget } from './rate-budgets.js';

/** Easemob's default for every API its table does not name (spec §6). */
const EASEMOB_DEFAULT_PER_SECOND = 100;

interface Rule {
  readonly method: string | '*';
  /** The route pattern after `/:org/:app`, or a prefix of it when it ends with `*`. */
  readonly route: string;
  readonly budget: Budget;
}

/**
 * Easemob's documented per-app defaults that differ from 100/s or pool several APIs into one
 * budget (spec §6). Every other route is a class of its own at 100/s, named by its method and
 * route pattern, as Easemob budgets each API separately; modify and transfer share their route
 * (the body tells them apart, after this check) and so one 100/s budget. First match wins.
 */
const EASEMOB_RULES: readonly Rule[] = [
  { method: 'POST', route: '/token', budget: { name: 'token', perSecond: 300 } },
  {
    method: 'GET',
    route: '/users/:username/joined_chatrooms',
    budget: { name: 'users.joined_chatrooms', perSecond: 50 },
  },
  { method: '*', route: '/users*', budget: { name: 'users', perSecond: 100 } },
  { method: 'GET', route: '/chatrooms', budget: { name: 'chatrooms.list', perSecond: 50 } },
  { method: 'POST', route: '/chatrooms', budget: { name: 'chatrooms.create', perSecond: 50 } },
];

const APP_PREFIX = '/:org/:app';

function matches(rule: Rule, method: string, route: string): boolean {
  if (rule.method !== '*' && rule.method !== method) return false;
  return rule.route.endsWith('*') ? route.startsWith(rule.route.slice(0, -1)) : route === rule.route;
}

/**
 * The budget a request draws on under an app's setting, from its method and the route
 * pattern it matched (`ctx._matchedRoute`); undefined when the setting is off.
 */
export function budgetFor(setting: RateLimitSetting, method: string, routePattern: string): Budget | undefined {
  if (setting === 'off') return undefined;
  if (typeof setting === 'object') return { name: 'app', perSecond: setting.perSecond };
  const route = routePattern.startsWith(APP_PREFIX) ? routePattern.slice(APP_PREFIX.length) : routePattern;
  const verb = method === 'HEAD' ? 'GET' : method;
  return (
    EASEMOB_RULES.find((rule) => matches(rule, verb, route))?.budget ?? {
      name: `${verb} ${route}`,
      perSecond: EASEMOB_DEFAULT_PER_SECOND,
    }
  );
}
