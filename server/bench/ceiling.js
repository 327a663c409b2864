// The ceiling of `npm run bench:server`: a bare node:http server answering every request with a
// rating's JSON, as fast as Node can answer on this machine. Prints its URL once it listens.
import { createServer } from 'node:http';

const body = JSON.stringify({ articleId: 'bench-article-0', votes: 1000, average: 3 });
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
