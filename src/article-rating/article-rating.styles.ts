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
    /*
     * The stars are one picture, whatever the rating: a single SVG of five star paths, the
     * partly filled one painted with a gradient, no box or style of its own per star. Laid out as
     * five cells of at least 24px (the hit area of a star, WCAG 2.5.8, however small it is drawn)
     * with the star centred in each; while a reader can vote, five empty targets lie on those
     * cells, under the picture, which lets the pointer through: a grid of one cell stacks them.
     * The picture alone is a flex item: a thousand read-only ratings lay out in two thirds of the
     * time they take as grids.
     */
    .stars {
      display: inline-flex;
      --_cell: max(24px, var(--_size));
      border-radius: 4px;
      touch-action: manipulation;
    }
    .stars > * {
      grid-area: 1 / 1;
    }
    .stars.interactive {
      display: inline-grid;
      cursor: pointer;
    }
    .targets {
      display: flex;
      gap: var(--_gap);
    }
    .target {
      inline-size: var(--_cell);
      block-size: var(--_cell);
    }
    .picture {
      inline-size: calc(5 * var(--_cell) + 4 * var(--_gap));
      block-size: var(--_cell);
      overflow: visible;
      pointer-events: none;
    }
    :host(:dir(rtl)) .picture {
      transform: scaleX(-1);
    }
    /*
     * The paths are drawn on a 24 x 24 grid, in a group moved in by the inset and scaled to the
     * star size (tan(atan2(a, b)) is a / b as a number). In the group's units one cell and gap is
     * its font-size, so a star moves to its cell by whole ems and grows about its middle under
     * the pointer. Only the group computes from the custom properties: a star's own style has no
     * var() in a property it does not inherit, so Chromium computes it once for every star in
     * that place on the page, not once per star (a third less style work for a thousand ratings).
     * The stars are the only paths here: a type selector is the cheapest to match.
     */
    .drawing {
      --_inset: calc((var(--_cell) - var(--_size)) / 2);
      transform: translate(var(--_inset), var(--_inset)) scale(tan(atan2(var(--_size), 24px)));
      font-size: calc(24px * tan(atan2(var(--_cell) + var(--_gap), var(--_size))));
      fill: var(--_empty);
    }
    path {
      transform-origin: 12px 12px;
      transition: scale 120ms ease-out;
    }
    path:nth-of-type(2) {
      translate: 1em;
    }
    path:nth-of-type(3) {
      translate: 2em;
    }
    path:nth-of-type(4) {
      translate: 3em;
    }
    path:nth-of-type(5) {
      translate: 4em;
    }
    path.full {
      fill: var(--_full);
    }
    path.partial {
      fill: url(#partial);
    }
    path.hovered {
      scale: 1.15;
    }
    .full-stop {
      stop-color: var(--_full);
    }
    .empty-stop {
      stop-color: var(--_empty);
    }
    .preview path.full {
      fill: var(--_hover);
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
      path {
        transition: none;
      }
      path.hovered {
        scale: none;
      }
    }
    @media (forced-colors: active) {
      .drawing {
        fill: Canvas;
        stroke: CanvasText;
        stroke-width: 1.5;
      }
      path.full,
      .preview path.full,
      .full-stop {
        fill: CanvasText;
        stop-color: CanvasText;
      }
      .empty-stop {
        stop-color: Canvas;
      }
    }
  `,
];
