// The three blocks in the editor, written without JSX so the plugin needs no build step. Each
// previews what the server renders for it (ServerSideRender), figures included.
(function (wp) {
  const { registerBlockType } = wp.blocks;
  const { createElement: h } = wp.element;
  const { InspectorControls, useBlockProps } = wp.blockEditor;
  const { PanelBody, TextControl, SelectControl, ToggleControl } = wp.components;
  const { __ } = wp.i18n;
  const ServerSideRender = wp.serverSideRender;

  /** A block's edit view: its settings in the sidebar, the server's rendering in the canvas. */
  function editor(name, fields) {
    return function Edit({ attributes, setAttributes }) {
      return h(
        'div',
        useBlockProps(),
        h(InspectorControls, null, h(PanelBody, { title: __('Settings', 'article-widgets') }, fields(attributes, setAttributes))),
        h(ServerSideRender, { block: name, attributes }),
      );
    };
  }

  registerBlockType('article-widgets/rating', {
    apiVersion: 2,
    title: __('Article rating', 'article-widgets'),
    description: __('Five stars and the article’s aggregate, rendered with its figures.', 'article-widgets'),
    icon: 'star-half',
    category: 'widgets',
    attributes: { articleId: { type: 'string', default: '' }, summary: { type: 'string', default: '' }, readonly: { type: 'boolean', default: false } },
    edit: editor('article-widgets/rating', (a, set) => [
      h(TextControl, { key: 'id', label: __('Article id (empty: this post)', 'article-widgets'), value: a.articleId, onChange: (articleId) => set({ articleId }) }),
      h(SelectControl, {
        key: 'summary',
        label: __('Summary', 'article-widgets'),
        value: a.summary,
        options: [
          { label: __('Votes and rating', 'article-widgets'), value: '' },
          { label: __('Votes only', 'article-widgets'), value: 'count' },
        ],
        onChange: (summary) => set({ summary }),
      }),
      h(ToggleControl, { key: 'readonly', label: __('Read only', 'article-widgets'), checked: a.readonly, onChange: (readonly) => set({ readonly }) }),
    ]),
    save: () => null,
  });

  registerBlockType('article-widgets/share-bar', {
    apiVersion: 2,
    title: __('Share buttons', 'article-widgets'),
    description: __('Links to each network’s own share page; nothing loads before a click.', 'article-widgets'),
    icon: 'share',
    category: 'widgets',
    attributes: { networks: { type: 'string', default: '' } },
    edit: editor('article-widgets/share-bar', (a, set) => [
      h(TextControl, {
        key: 'networks',
        label: __('Networks (empty: the site’s setting)', 'article-widgets'),
        help: 'telegram vk ok whatsapp x facebook linkedin bluesky reddit mastodon email copy native',
        value: a.networks,
        onChange: (networks) => set({ networks }),
      }),
    ]),
    save: () => null,
  });

  registerBlockType('article-widgets/poll', {
    apiVersion: 2,
    title: __('Opinion poll', 'article-widgets'),
    description: __('A poll from the server, with its results rendered on the page.', 'article-widgets'),
    icon: 'chart-bar',
    category: 'widgets',
    attributes: { pollId: { type: 'string', default: '' } },
    edit: editor('article-widgets/poll', (a, set) => [
      h(TextControl, { key: 'id', label: __('Poll id', 'article-widgets'), value: a.pollId, onChange: (pollId) => set({ pollId }) }),
    ]),
    save: () => null,
  });
})(window.wp);
