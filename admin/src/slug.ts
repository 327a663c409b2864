import { ID_PATTERN } from '../../src/contract/ids.js';

/** The contract's rule for poll and option ids, the pattern the server validates with. */
export const idPattern = new RegExp(ID_PATTERN);

// Russian's letters as Latin (close to the Yandex/ICAO style people know from URLs), plus the
// Ukrainian and Belarusian letters Russian lacks.
const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u',
};

/** The longest id the console suggests: long enough to read, short enough to type. */
const SLUG_LENGTH = 60;

/**
 * A poll id suggested by its question: Cyrillic written in Latin letters, accents dropped,
 * lowercase words joined by hyphens, cut at a word's end. "Что важнее в 2026 году?" gives
 * "chto-vazhnee-v-2026-godu". Empty when the question has no letters or digits.
 */
export function slugify(text: string): string {
  const latin = [...text.toLowerCase()].map((char) => LATIN[char] ?? char).join('');
  const words = latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > SLUG_LENGTH) return slug || word.slice(0, SLUG_LENGTH);
    slug = next;
  }
  return slug;
}
