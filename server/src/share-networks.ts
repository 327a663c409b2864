// The networks whose shares the server counts: the share bar's built-in ones, plus any a site adds
// to its bar with registerNetwork. Anything else is refused, so nobody can invent counters.
import { BUILT_IN_NETWORKS, NETWORK_PATTERN } from '../../src/contract/ids.js';

export { BUILT_IN_NETWORKS };

/**
 * Reads `--share-networks`: `+hn,+myown` adds networks to the built-in ones; `telegram,vk,copy`
 * (no plus) counts only those. Empty: the built-in ones.
 * @throws {Error} naming the entry that is wrong
 */
export function parseShareNetworks(value: string | undefined): string[] {
  const entries = (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return BUILT_IN_NETWORKS;
  const adding = entries.filter((entry) => entry.startsWith('+'));
  if (adding.length > 0 && adding.length < entries.length) {
    throw new Error('either add to the built-in networks (+hn,+myown) or list every network counted (telegram,vk,copy), not both');
  }
  const names = entries.map((entry) => entry.replace(/^\+/, ''));
  const bad = names.find((name) => !new RegExp(NETWORK_PATTERN).test(name));
  if (bad !== undefined) throw new Error(`"${bad}" is not a network name (a-z, 0-9 and -, up to 32)`);
  return [...new Set(adding.length ? [...BUILT_IN_NETWORKS, ...names] : names)];
}
