import { LitElement, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import type { ConsoleApi } from './api.js';
import type { ConsoleTranslator } from './messages.js';
import { consoleStyles } from './styles.js';

/**
 * What every screen of the console has: the API, the editor's language, and a heading (an `h1`
 * with tabindex="-1") that takes the focus when the screen opens, so a screen reader starts there.
 */
export class Screen extends LitElement {
  static override styles: CSSResultGroup = consoleStyles;

  @property({ attribute: false }) api!: ConsoleApi;
  @property({ attribute: false }) t!: ConsoleTranslator;

  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}
