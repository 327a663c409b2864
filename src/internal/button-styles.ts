import { css } from 'lit';

/**
 * The error line and the buttons of the rating and the poll (retry, vote). Forced colours already
 * turn the error line's colour into CanvasText.
 *
 * A module of its own, not an export of shared-styles.ts: the bundler cannot drop an unused css``
 * (it may have side effects), so it would ship with the share bar, which has neither.
 */
export const buttonStyles = css`
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
    margin: 0;
    color: var(--aw-error-color, light-dark(#b91c1c, #fca5a5));
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
`;
