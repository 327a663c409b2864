import { css } from 'lit';

/**
 * What every element's shadow root shares (font and colour simply inherit from the page): hidden
 * announcement regions and the focus ring.
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
    outline: 2px solid var(--aw-focus-color, #2563eb);
    outline-offset: 2px;
    border-radius: 2px;
  }
  @media (prefers-color-scheme: dark) {
    :focus-visible {
      outline-color: var(--aw-focus-color, #93c5fd);
    }
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
