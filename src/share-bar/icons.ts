/**
 * The icons of the built-in networks: one SVG path each on a 24 x 24 grid, simplified brand
 * glyphs on whole-number points, kept short so the bar stays light. They are filled with the
 * even-odd rule, so an inner sub-path cuts a hole. `email`, `copy` and `native` are outlines,
 * stroked rather than filled (see share-bar.styles.ts).
 */
export const icons: Record<string, string> = {
  telegram: 'M2 11 22 3l-4 18-6-4-3 3v-5l9-8-12 7z',
  vk: 'M2 7h4c0 5 2 7 4 7V7h3v4c2 0 4-2 4-4h3c0 3-3 5-4 5 1 0 4 2 5 6h-4c-1-2-2-4-4-4v4h-1C6 18 2 14 2 7z',
  ok: 'M12 2a5 5 0 1 1 0 10 5 5 0 0 1 0-10zm0 3a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm-6 8c0 2 3 3 4 3l-4 4 2 2 4-4 4 4 2-2-4-4c1 0 4-1 4-3l-2-1c-2 2-6 2-8 0z',
  whatsapp: 'M12 2a10 10 0 0 0-9 15l-1 5 5-1a10 10 0 1 0 5-19zm0 2a8 8 0 1 1-4 15l-3 1 1-3a8 8 0 0 1 6-13zM9 7H8c-1 1-2 3 1 7s6 4 7 3v-2l-2-1-1 1c-2-1-3-2-4-4l1-1z',
  x: 'M3 3h6l12 18h-6zm2 1 10 16h2L7 4zm15-1h-2l-5 6 1 2zM4 21h2l5-6-1-2z',
  facebook: 'M23 12a11 11 0 1 0-13 11v-8H7v-3h3V9c0-3 2-5 5-5h3v3h-2c-1 0-2 1-2 2v3h3l-1 3h-2v8a11 11 0 0 0 9-11z',
  linkedin: 'M3 9h4v12H3zm2-7a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm4 7h4v2c1-2 3-2 4-2 3 0 4 2 4 5v7h-4v-6c0-2-1-3-2-3s-2 1-2 3v6H9z',
  bluesky: 'M6 4c3 2 5 5 6 7 1-2 3-5 6-7 2-1 5-2 5 1l-1 6c-1 3-4 3-6 3 4 1 5 3 2 6-4 3-5-1-6-3-1 2-2 6-6 3-3-3-2-5 2-6-2 0-5 0-6-3L1 5c0-3 3-2 5-1z',
  reddit: 'M12 8c-5 0-9 3-9 7s4 6 9 6 9-2 9-6-4-7-9-7zm-3 4a2 2 0 1 1 0 3 2 2 0 0 1 0-3zm6 0a2 2 0 1 1 0 3 2 2 0 0 1 0-3zm3-10a2 2 0 1 1 0 3 2 2 0 0 1 0-3zm-7 6 2-6 4 1v1l-3-1-2 5z',
  mastodon: 'M21 8c0-4-3-5-3-5-3-1-9-1-12 0 0 0-3 1-3 5 0 5 0 11 5 12 3 1 6 0 7-1v-2c-2 1-7 1-7-2 3 1 6 1 9 0 2-1 4-2 4-4zm-4 6h-2V9c0-2-3-2-3 0v3h-2V9c0-2-3-2-3 0v5H5V9c0-5 6-5 7-2 1-3 7-3 7 2v5z',
  email: 'M3 5h18v14H3zm0 1 9 7 9-7',
  copy: 'M10 13a5 5 0 0 0 7 1l3-3a5 5 0 0 0-7-7l-2 2m3 5a5 5 0 0 0-7-1l-3 3a5 5 0 0 0 7 7l2-2',
  native: 'M4 13v7h16v-7M12 3v12M7 8l5-5 5 5',
};
