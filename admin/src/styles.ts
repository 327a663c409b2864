import { css } from 'lit';

/**
 * The console's look, shared by every screen: the browser's colour scheme (it is our own page),
 * colours that keep a 4.5:1 contrast in both schemes, a visible focus ring.
 */
export const consoleStyles = css`
  :host {
    display: block;
    color-scheme: light dark;
    --accent: light-dark(#0b57d0, #a8c7fa);
    --on-accent: light-dark(#ffffff, #041e49);
    --muted: light-dark(#545454, #c4c4c4);
    --line: light-dark(#c4c4c4, #5e5e5e);
    --error: light-dark(#b3261e, #ffb4ab);
    --success: light-dark(#146c2e, #6dd58c);
    --track: light-dark(#e3e3e3, #3c3c3c);
    --surface: light-dark(#f2f4f8, #1e2227);
  }
  /* A screen's heading takes the focus only so a screen reader starts there: it is no control. */
  h1:focus {
    outline: none;
  }
  h1 {
    font-size: 1.6rem;
    line-height: 1.25;
    margin: 0 0 1rem;
  }
  h2 {
    font-size: 1.2rem;
    margin: 2rem 0 0.75rem;
  }
  a {
    color: var(--accent);
  }
  :focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    padding: 0.4rem 1rem;
    border: 1px solid var(--accent);
    border-radius: 6px;
    background: var(--accent);
    color: var(--on-accent);
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--accent);
  }
  button:disabled {
    cursor: default;
    opacity: 0.65;
  }
  input,
  select,
  textarea {
    font: inherit;
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--muted);
    border-radius: 4px;
    background: Field;
    color: FieldText;
    box-sizing: border-box;
  }
  [aria-invalid='true'] {
    border-color: var(--error);
    outline: 1px solid var(--error);
  }
  .field {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.25rem;
    margin-block: 1rem;
    max-inline-size: 40rem;
  }
  .field > textarea,
  .field > input:not([type='checkbox']),
  .row {
    inline-size: 100%;
  }
  .row {
    display: flex;
    gap: 0.5rem;
  }
  .row > input {
    flex: 1;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .check > input {
    inline-size: 1.1rem;
    block-size: 1.1rem;
    margin: 0;
  }
  label,
  legend {
    font-weight: 600;
  }
  .hint {
    color: var(--muted);
    font-size: 0.9rem;
    margin: 0.25rem 0 0;
  }
  .error {
    color: var(--error);
    font-weight: 600;
  }
  /* Empty live regions stay in the page (so what they say later is announced) but take no room. */
  .error:empty,
  .status:empty {
    margin: 0;
  }
  .status {
    color: var(--success);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    margin: 1rem 0;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  caption {
    text-align: start;
    color: var(--muted);
    padding-block-end: 0.5rem;
  }
  th,
  td {
    text-align: start;
    padding: 0.45rem 0.6rem;
    border-block-end: 1px solid var(--line);
    vertical-align: top;
  }
  .number {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  th > button.sort {
    padding: 0.1rem 0.2rem;
    border: none;
    background: transparent;
    color: inherit;
    font-weight: 600;
  }
  .scroll {
    overflow-x: auto;
  }
  .url {
    font-weight: normal;
    overflow-wrap: anywhere;
  }
  code {
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
