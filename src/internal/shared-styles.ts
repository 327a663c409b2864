import { css } from 'lit';

/**
 * What every element's shadow root shares (font and colour simply inherit from the page): hidden
 * announcement regions, the focus ring, the error line and its retry button.
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
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
    margin: 0;
    color: var(--aw-error-color, #b91c1c);
    font-size: 0.875em;
  }
  .button {
    font: inherit;
    min-block-size: 24px;
    min-inline-size: 24px;
    padding: 0.25em 0.75em;
    border: 1px solid currentColor;
    border-radius: 4px;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  @media (prefers-color-scheme: dark) {
    :focus-visible {
      outline-color: var(--aw-focus-color, #93c5fd);
    }
    .error {
      color: var(--aw-error-color, #fca5a5);
    }
  }
  /* Forced colours already turn the error line's colour into CanvasText; the ring stands out as Highlight. */
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
