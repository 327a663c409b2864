import { css } from 'lit';
import { buttonStyles } from '../internal/button-styles.js';
import { sharedStyles } from '../internal/shared-styles.js';

export const styles = [
  sharedStyles,
  buttonStyles,
  css`
    :host {
      display: inline-block;
      --_size: var(--aw-rating-star-size, 1.5rem);
      --_gap: var(--aw-rating-star-gap, 0.125rem);
      --_full: var(--aw-rating-color, light-dark(#c26a00, #fbbf24));
      --_empty: var(--aw-rating-empty-color, light-dark(#8c8c8c, #7b8494));
      --_hover: var(--aw-rating-hover-color, light-dark(#b45309, #fde68a));
    }
    .base {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 0.5em;
    }
    .label {
      font-weight: 600;
    }
    .stars {
      display: inline-flex;
      gap: var(--_gap);
      border-radius: 4px;
      touch-action: manipulation;
    }
    .stars.interactive {
      cursor: pointer;
    }
    /* The hit area of a star is at least 24px (WCAG 2.5.8) however small the star is drawn. */
    .star {
      position: relative;
      display: inline-grid;
      place-items: center;
      min-inline-size: 24px;
      min-block-size: 24px;
    }
    .star svg {
      grid-area: 1 / 1;
      inline-size: var(--_size);
      block-size: var(--_size);
      fill: var(--_empty);
      transition: transform 120ms ease-out;
    }
    .star svg.full {
      fill: var(--_full);
      clip-path: inset(0 calc(100% - var(--fill)) 0 0);
    }
    :host(:dir(rtl)) .star svg.full {
      clip-path: inset(0 0 0 calc(100% - var(--fill)));
    }
    .star.preview svg.full {
      fill: var(--_hover);
    }
    .stars.interactive .star:hover svg {
      transform: scale(1.15);
    }
    .summary,
    .yours {
      font-variant-numeric: tabular-nums;
    }
    .yours {
      font-size: 0.875em;
    }
    .error {
      flex-basis: 100%;
    }
    @media (prefers-reduced-motion: reduce) {
      .star svg {
        transition: none;
      }
      .stars.interactive .star:hover svg {
        transform: none;
      }
    }
    @media (forced-colors: active) {
      .star svg {
        fill: Canvas;
        stroke: CanvasText;
        stroke-width: 1.5;
      }
      .star svg.full,
      .star.preview svg.full {
        fill: CanvasText;
      }
    }
  `,
];
