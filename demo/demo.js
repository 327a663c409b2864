// The demo's wiring. Served by the reference server (npm start), the page's
// <meta name="article-widgets:api"> points the widgets at it and nothing is needed here. Opened
// from a plain static server, the widgets count in this browser's localStorage instead.
import { LocalBackend, setDefaultBackend } from '../dist/article-widgets.js';

if (!document.querySelector('meta[name="article-widgets:api"]')) {
  const reply = await fetch(new URL('./data/widgets.json', import.meta.url));
  setDefaultBackend(new LocalBackend(await reply.json()));
}
