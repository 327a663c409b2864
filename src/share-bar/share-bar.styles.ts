import { css } from 'lit';
import { sharedStyles } from '../internal/shared-styles.js';

// Three private custom properties carry what the layouts, monochrome and forced colours change:
// --_s the tile size (--aw-share-size, else --_d that `size` sets; never below 24px), --_r the
// corner radius, --_i the icon colour. Each variant then sets one property, not the whole rule.
// --c, the brand colour, is set on each button. Nothing moves, so reduced motion needs no rule.
//
// A listing page's speed (the comments live here, not in the CSS, which ships as written):
// - The bar has paint containment (.clip): a frame that draws new bars of a listing page repaints
//   them, not every bar already drawn above them (Chromium reuses a contained bar's painting
//   whole; without it the late frames of 200 bars repainted the page, 43-64 ms each, against
//   26-36). Its clip, its padding box, reaches --aw-share-overflow (8px) past the bar on every
//   side, so the focus ring (2px outline, 2px offset) is drawn whole in every browser: overflow-clip-margin would do it
//   in Chromium alone (Safari has none; MDN gives it for overflow: clip only). The padding
//   is taken back by a negative margin inside a grid (.frame: a grid item's margins never
//   collapse with the host's), so the bar lays out as if neither were there, and the strip lets
//   the pointer through to the page.
// - The icons' <svg> drop the clip an <svg> has by default (overflow: visible): the glyphs stay
//   inside their tile anyway, and each clip is a paint chunk that every frame walks.
export const styles = [
  sharedStyles,
  css`
    :host {
      display: block;
      --_s: max(24px, var(--aw-share-size, var(--_d, 32px)));
      --_r: var(--aw-share-radius, 6px);
      --_i: var(--aw-share-icon-color, #fff);
    }
    :host([size='small']) {
      --_d: 24px;
    }
    :host([size='large']) {
      --_d: 44px;
    }
    :host([monochrome]) {
      --_i: var(--aw-share-mono-color, currentColor);
    }
    .frame {
      display: grid;
    }
    .clip {
      contain: paint;
      margin: calc(-1 * var(--aw-share-overflow, 8px));
      padding: var(--aw-share-overflow, 8px);
      pointer-events: none;
    }
    .base {
      pointer-events: auto;
    }
    .base,
    .list {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--aw-share-gap, 0.5rem);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    :host([vertical]) .base {
      flex-direction: column;
      align-items: start;
    }
    /* Vertical: one column as wide as the widest button, every button that wide. */
    :host([vertical]) .list {
      display: grid;
    }
    :host([vertical]) .button {
      inline-size: 100%;
    }
    .label {
      font-weight: 600;
    }
    /* Links and buttons alike: the icon tile is the target (never below 24px). */
    .button {
      display: flex;
      align-items: center;
      gap: 0.5em;
      padding: 0;
      border: 0;
      border-radius: var(--_r);
      background: none;
      color: inherit;
      font: inherit;
      text-decoration: none;
      cursor: pointer;
    }
    /* With labels, a button is a pill: the icon tile, its name, its count. */
    :host([labels]) .button {
      padding-inline-end: 0.75em;
      box-shadow: inset 0 0 0 1px color-mix(in srgb, currentColor 30%, transparent);
    }
    :host(:not([labels])) .name {
      display: none;
    }
    /* Brand glyphs are filled (even-odd cuts their holes); email, copy and the share sheet are outlines. */
    svg {
      overflow: visible;
      flex: none;
      inline-size: var(--_s);
      block-size: var(--_s);
      padding: calc(var(--_s) / 5);
      border-radius: var(--_r);
      background: var(--c);
      fill: var(--_i);
      fill-rule: evenodd;
    }
    .line {
      fill: none;
      stroke: var(--_i);
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .button:hover svg {
      filter: brightness(1.2);
    }
    :host([monochrome]) svg {
      background: none;
      box-shadow: inset 0 0 0 1px;
    }
    .count {
      font-variant-numeric: tabular-nums;
      padding-inline-end: 0.25em;
    }
    .status:empty {
      position: absolute;
    }
    @media (forced-colors: active) {
      svg {
        --_i: LinkText;
        background: Canvas;
        border: 1px solid;
      }
    }
  `,
];
