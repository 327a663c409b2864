// In a file of its own: the missing-backend error is reported once per page, and each test file
// gets a fresh page.
import { expect, fixture, html } from '@open-wc/testing';
import { setDefaultBackend } from '../../src/backend/default-backend.js';
import { MemoryBackend } from '../../src/backend/memory-backend.js';
import { ShareBar } from '../../src/share-bar/share-bar.js';
import { captureConsole, until } from '../helpers.js';

ShareBar.define();

describe('<share-bar> without any backend', () => {
  it('says nothing when no counts are asked for, and names the fixes once when they are', async () => {
    const quiet = await captureConsole(async () => {
      await fixture<ShareBar>(html`<share-bar networks="telegram" url="https://example.org/a"></share-bar>`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    expect(quiet.error).to.deep.equal([]);

    const errors: unknown[] = [];
    const asked = await captureConsole(async () => {
      const collect = console.error;
      console.error = (...args: unknown[]) => (errors.push(args), collect(...args));
      const el = await fixture<ShareBar>(html`<share-bar networks="telegram" url="https://example.org/a" counts></share-bar>`);
      expect(el.shadowRoot!.querySelector('[data-network="telegram"]')).to.exist;
      // The counting code loads first (the dev server compiles it on first use: give it time).
      await until(() => errors.length, 'the missing-backend error');
      expect(el.shadowRoot!.querySelector('[part="count"]')).to.equal(null);
    });
    expect(asked.error).to.have.length(1);
    expect(asked.error[0]).to.contain('<share-bar> has no backend');
  });

  it('shows the counts once the page sets a default backend, after the bar asked for them', async () => {
    const backend = new MemoryBackend();
    await backend.recordShare('https://example.org/b', 'telegram', { voterId: 'reader-0123456789', idempotencyKey: 'share-0001' });
    const el = await fixture<ShareBar>(html`<share-bar networks="telegram" url="https://example.org/b" counts></share-bar>`);
    // The counting code is already loaded (the test above): give it a moment to find no backend.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(el.shadowRoot!.querySelector('[part="count"]')).to.equal(null);
    setDefaultBackend(backend);
    try {
      await until(() => el.shadowRoot!.querySelector('[part="count"]')?.textContent === '1', 'the count');
    } finally {
      setDefaultBackend(undefined);
    }
  });
});
