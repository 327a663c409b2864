import { css } from 'lit';
import { sharedStyles } from '../internal/shared-styles.js';

// Nothing moves (no transitions), so reduced motion needs no rule of its own.
export const styles = [
  sharedStyles,
  css`
    :host {
      display: block;
      --_s: var(--aw-share-size, 32px);
      --_r: var(--aw-share-radius, 6px);
    }
    :host([size='small']) {
      --_s: var(--aw-share-size, 24px);
    }
    :host([size='large']) {
      --_s: var(--aw-share-size, 44px);
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
    .button {
      display: flex;
      align-items: center;
      gap: 0.5em;
      padding: 0;
      border: 0;
      border-radius: var(--_r);
      text-decoration: none;
    }
    /* With labels, a button is a pill: the icon tile, its name, its count. */
    :host([labels]) .button {
      padding-inline-end: 0.75em;
      box-shadow: inset 0 0 0 1px color-mix(in srgb, currentColor 30%, transparent);
    }
    :host(:not([labels])) .name {
      display: none;
    }
    svg {
      flex: none;
      inline-size: max(24px, var(--_s));
      block-size: max(24px, var(--_s));
      padding: calc(max(24px, var(--_s)) / 5);
      border-radius: var(--_r);
      background: var(--c);
      fill: var(--aw-share-icon-color, #fff);
      fill-rule: evenodd;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .line {
      fill: none;
      stroke: var(--aw-share-icon-color, #fff);
    }
    .button:hover svg {
      filter: brightness(1.2);
    }
    :host([monochrome]) svg {
      background: none;
      fill: var(--aw-share-mono-color, currentColor);
      box-shadow: inset 0 0 0 1px;
    }
    :host([monochrome]) .line {
      fill: none;
      stroke: var(--aw-share-mono-color, currentColor);
    }
    .count {
      font-variant-numeric: tabular-nums;
      padding-inline-end: 0.25em;
    }
    .status:empty {
      position: absolute;
    }
    @media (prefers-color-scheme: dark) {
      [part~='x'] svg {
        background: #333;
      }
    }
    @media (forced-colors: active) {
      svg {
        background: Canvas;
        fill: LinkText;
        border: 1px solid;
      }
      .line {
        stroke: LinkText;
      }
    }
  `,
];
