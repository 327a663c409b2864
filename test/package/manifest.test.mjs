// custom-elements.json as editors, docs and the generated framework typings read it: every
// element's public API and nothing of its internals.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
const element = (tag) => elements.find((d) => d.tagName === tag);

describe('custom-elements.json', () => {
  it('describes the three elements', () => {
    assert.deepEqual(elements.map((d) => d.tagName).sort(), ['article-rating', 'opinion-poll', 'share-bar']);
  });

  it('lists no internal state as an attribute: each attribute is a public field or a documented data-* attribute', () => {
    for (const declaration of elements) {
      for (const attribute of declaration.attributes ?? []) {
        const where = `<${declaration.tagName}> ${attribute.name}`;
        if (attribute.fieldName) {
          const field = declaration.members.find((m) => m.name === attribute.fieldName);
          assert.equal(field?.privacy ?? 'public', 'public', `${where} is the attribute of a ${field?.privacy} field`);
        } else {
          assert.match(attribute.name, /^data-/, `${where} has no field`);
          assert.ok(attribute.description, `${where} is documented`);
        }
      }
    }
  });

  it("lists <opinion-poll>'s real attributes, not its states", () => {
    const names = element('opinion-poll').attributes.map((a) => a.name);
    assert.deepEqual(names.sort(), ['api', 'data-closed', 'data-closes-at', 'data-multiple', 'data-results', 'data-voters', 'poll-id']);
    for (const state of ['selected', 'changing', 'problem', 'failed', 'announcement']) {
      assert.ok(!names.includes(state), `${state} is not an attribute`);
    }
  });

  it("documents <opinion-poll>'s server-rendered light DOM markup", () => {
    const { description } = element('opinion-poll');
    for (const marker of ['data-question', 'data-option', 'data-votes', 'data-label']) assert.ok(description.includes(marker), marker);
  });

  it('gives every element its events with typed details', () => {
    const events = Object.fromEntries(elements.map((d) => [d.tagName, d.events.map((e) => `${e.name}: ${e.type.text}`)]));
    assert.deepEqual(events, {
      'article-rating': ['aw-rating-vote: CustomEvent<RatingVoteDetail>', 'aw-rating-error: CustomEvent<RatingErrorDetail>'],
      'opinion-poll': ['aw-poll-vote: CustomEvent<PollVoteDetail>', 'aw-poll-error: CustomEvent<PollErrorDetail>'],
      'share-bar': ['aw-share: CustomEvent<ShareDetail>', 'aw-share-error: CustomEvent<ShareErrorDetail>'],
    });
  });
});
