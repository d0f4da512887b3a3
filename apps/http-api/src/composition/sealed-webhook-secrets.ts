import type { Delivery, DeliveryQueue, EventRule, KeySealer } from '@chatroom/domain';
import type { Database } from '../ports/database.js';

/**
 * The store with its webhook secrets sealed (a decorator: the adapters store whatever text they
 * are given). Secrets are sealed on the way in (`add`) and opened on the way out (`list`, and
 * every claimed delivery, which signs with the clear secret), with the master key that seals
 * the token keys under a purpose of their own. A secret stored in clear by an older version is
 * used as it is, and `sealClearSecrets` (run at service start, after the master key has been
 * checked against the token keys) seals it in place with a guarded write.
 */
export function withSealedWebhookSecrets(store: Database, sealer: KeySealer): Database {
  const { eventRules, deliveries } = store;
  if (!eventRules || !deliveries) return store;

  const open = async (rule: EventRule): Promise<EventRule> => {
    if (!sealer.isSealed(rule.secret)) return rule;
    const secret = await sealer.unseal(rule.secret);
    if (secret === null)
      throw new Error(`the webhook secret of rule ${rule.id} does not open with this TOKEN_MASTER_KEY`);
    return { ...rule, secret };
  };

  const rules: NonNullable<Database['eventRules']> = {
    add: async (rule) => eventRules.add({ ...rule, secret: await sealer.seal(rule.secret) }),
    list: async (appId) => Promise.all((await eventRules.list(appId)).map(open)),
    remove: (id) => eventRules.remove(id),
    replay: (appId, since, ruleId) => eventRules.replay(appId, since, ruleId),
    replaceSecret: (id, from, to) => eventRules.replaceSecret(id, from, to),
    prune: (before, batch) => eventRules.prune(before, batch),
    async sealClearSecrets() {
      let sealed = 0;
      for (const rule of await eventRules.list()) {
        if (sealer.isSealed(rule.secret)) continue;
        if (await eventRules.replaceSecret(rule.id, rule.secret, await sealer.seal(rule.secret))) sealed++;
      }
      return sealed;
    },
  };
  const queue: DeliveryQueue = {
    claim: async (limit, leaseMs) =>
      Promise.all(
        (await deliveries.claim(limit, leaseMs)).map(
          async (d): Promise<Delivery> => ({ ...d, rule: await open(d.rule) }),
        ),
      ),
    settle: (delivered, failed) => deliveries.settle(delivered, failed),
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'eventRules') return rules;
      if (property === 'deliveries') return queue;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
