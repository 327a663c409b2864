import { css } from 'lit';
import { buttonStyles } from '../internal/button-styles.js';
import { sharedStyles } from '../internal/shared-styles.js';

// Every colour is a custom property whose default is a light-dark() pair, and a bar's fill is one
// property (--_fill) that the leading option sets.
export const styles = [
  sharedStyles,
  buttonStyles,
  css`
    :host {
      display: block;
      /*
       * A paint layer of its own (no stacking context, no offset): a frame that draws new widgets
       * of a listing page repaints them, not every widget already drawn above them.
       */
      position: relative;
      --_bar: var(--aw-poll-bar-color, light-dark(#2563eb, #60a5fa));
      --_lead: var(--aw-poll-leading-color, light-dark(#1e3a8a, #bfdbfe));
      --_track: var(--aw-poll-track-color, light-dark(#e5e7eb, #374151));
      --_muted: var(--aw-poll-muted-color, light-dark(#57534e, #a8a29e));
    }
    .base,
    form,
    fieldset,
    ul {
      display: grid;
      gap: 0.75em;
    }
    p,
    ul,
    fieldset,
    legend {
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
      list-style: none;
    }
    .heading,
    .note {
      color: var(--_muted);
      font-size: 0.875em;
    }
    .heading {
      font-weight: 600;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    legend {
      font-weight: 700;
      margin-block-end: 0.75em;
    }
    /* A site's text sets its own direction: an English label on a right-to-left page reads right. */
    legend,
    .label {
      unicode-bidi: plaintext;
    }
    /* An option: its label (with the input) and figures on one line, the bar beneath. */
    li {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: start;
      gap: 0.25em 1em;
      --_fill: var(--_bar);
    }
    [part~='leading'] {
      --_fill: var(--_lead);
    }
    label {
      display: flex;
      align-items: flex-start;
      gap: 0.5em;
      min-block-size: 24px;
      cursor: pointer;
    }
    input {
      font: inherit;
      flex: none;
      inline-size: 1.25em;
      block-size: 1.25em;
      /* Centred on the label's first line, however many lines it wraps to. */
      margin: calc((1lh - 1.25em) / 2) 0 0;
      accent-color: var(--_bar);
    }
    .figures {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    [part~='leading'] .figures {
      font-weight: 700;
    }
    .bar {
      grid-column: 1 / -1;
      block-size: var(--aw-poll-bar-size, 0.5rem);
      border-radius: 1em;
      background: var(--_track);
      overflow: hidden;
    }
    .bar > span {
      display: block;
      block-size: 100%;
      background: var(--_fill);
    }
    .mark {
      color: var(--_bar);
      font-weight: 700;
    }
    .error:empty {
      display: none;
    }
    .button {
      justify-self: start;
      min-block-size: 2.25em;
    }
    .vote {
      font-weight: 600;
      border-color: var(--_bar);
      background: var(--_bar);
      color: light-dark(#fff, #000);
    }
    .button:disabled {
      opacity: 0.6;
      cursor: default;
    }
    @media (prefers-reduced-motion: no-preference) {
      .bar > span {
        transition: inline-size 0.4s ease-out;
      }
    }
    /* Forced colours drop author colours from the bars (a button restyles itself): draw them in text colour. */
    @media (forced-colors: active) {
      .bar {
        border: 1px solid CanvasText;
      }
      .bar > span {
        background: CanvasText;
      }
    }
  `,
];
