// Where a bundle's up-front bytes go: builds each bundle of scripts/bundle-sizes.mjs with source
// maps and attributes every byte of its up-front code to the source file it came from (like
// source-map-explorer). Gzip does not split by file, so each file's share of the gzip total is
// its code gzipped on its own, scaled so the shares add up to the bundle's real gzip size: an
// estimate, good for ranking where to look, not a figure to enforce.
//
//   node scripts/size-breakdown.mjs [part of a bundle's name] [how many files, default 25]
import { decode } from '@jridgewell/sourcemap-codec';
import { KB, bundles, gzip } from './bundle-sizes.mjs';

const [filter = '', top = '25'] = process.argv.slice(2);

/** The code of `chunk`, cut into the pieces each source file (or `[no source]`) produced. */
function piecesBySource(chunk, pieces) {
  const lines = chunk.code.split('\n');
  const mappings = decode(chunk.map.mappings);
  const add = (source, text) => pieces.set(source, (pieces.get(source) ?? '') + text);
  lines.forEach((line, index) => {
    const segments = mappings[index] ?? [];
    if (segments.length === 0 || segments[0][0] > 0) add('[no source]', line.slice(0, segments[0]?.[0] ?? line.length));
    segments.forEach((segment, at) => {
      const end = segments[at + 1]?.[0] ?? line.length;
      const source = segment.length > 1 ? chunk.map.sources[segment[1]] : '[no source]';
      add(source, line.slice(segment[0], end));
    });
  });
}

const name = (source) => source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, '');

for (const bundle of bundles.filter((candidate) => candidate.name.includes(filter))) {
  const { upFront, upFrontChunks } = await bundle.build({ sourcemap: true });
  const pieces = new Map();
  for (const chunk of upFrontChunks) piecesBySource(chunk, pieces);
  const total = gzip(upFront);
  const alone = [...pieces].map(([source, code]) => ({ source: name(source), raw: code.length, gzip: gzip(code) }));
  const scale = total / alone.reduce((sum, file) => sum + file.gzip, 0);
  console.log(`\n${bundle.name}: ${(total / KB).toFixed(2)} KB gzip up front`);
  for (const file of alone.sort((a, b) => b.gzip - a.gzip).slice(0, Number(top))) {
    console.log(`${((file.gzip * scale) / KB).toFixed(2).padStart(6)} KB  ${String(file.raw).padStart(6)} B raw  ${file.source}`);
  }
}
