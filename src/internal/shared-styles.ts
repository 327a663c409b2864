import { css } from 'lit';

/**
 * What every element's shadow root shares (font and colour simply inherit from the page): hidden
 * announcement regions and the focus ring.
 *
 * Every default colour of the elements is a `light-dark()` pair: the page's `color-scheme`
 * (inherited, so a site can set it on one element too) picks it, never the reader's system alone.
 * A light-only page stays light for a reader whose system is dark.
 */
export const sharedStyles = css`
  :host {
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 2px solid var(--aw-focus-color, light-dark(#2563eb, #93c5fd));
    outline-offset: 2px;
    border-radius: 2px;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
