// The ceilings of `npm run bench:server`: a bare node:http server doing the least a request of the
// API needs, as fast as Node can on this machine. A GET is answered with a rating's JSON (the
// reads' ceiling); a POST's body is read and parsed as JSON and answered with a vote's reply (the
// votes' ceiling: no validation, no storage, nothing else). Prints its URL once it listens.
import { createServer } from 'node:http';

const rating = { articleId: 'bench-article-0', votes: 1000, average: 3 };
const readReply = JSON.stringify(rating);

function answer(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

const server = createServer((request, response) => {
  if (request.method !== 'POST') return answer(response, 200, readReply);
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    try {
      const vote = JSON.parse(body);
      answer(response, 200, JSON.stringify({ summary: rating, rating: vote.rating ?? null }));
    } catch {
      answer(response, 400, '{"error":{"code":"malformed-json"}}');
    }
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
