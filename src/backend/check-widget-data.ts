import type { CheckedWidgetData } from '../contract/types.js';
import { lazyModule } from '../internal/lazy-module.js';

/** The check's code: a try after one whose code could not load (an outage) loads it again. */
const loadCheck = lazyModule(() => import('../contract/widget-data.js'));

/**
 * Checks widget data as `parseWidgetData` does (and as the server checks its seed file), with the
 * check's code loaded on first use: resolves to the data with every default filled in, or rejects
 * with a `ShapeError` naming the bad field (`polls[0].options[2].votes: expected a whole number of 0
 * or more`). The script-tag bundle offers this one instead of `parseWidgetData`, so a page that
 * never checks data (most never do) loads none of the check up front.
 */
export async function checkWidgetData(data: unknown): Promise<CheckedWidgetData> {
  return (await loadCheck()).parseWidgetData(data);
}
