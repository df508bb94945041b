// A loopback server for the download benchmark: streams `?bytes=N` bytes of one reused 1 MiB chunk
// (starting like an MP4 box) with Content-Length, waiting for the socket to drain between chunks.
// Sends its port to the parent process once listening.
import { createServer } from 'node:http';

const MiB = 1024 * 1024;
const CHUNK = Buffer.alloc(MiB, 0x5a);
Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]).copy(CHUNK);

const server = createServer((req, res) => {
  const total = Number(new URL(req.url, 'http://localhost').searchParams.get('bytes'));
  res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': total });
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      const n = Math.min(CHUNK.length, total - sent);
      sent += n;
      if (!res.write(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n))) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
});
server.listen(0, '127.0.0.1', () => process.send(server.address().port));
process.on('disconnect', () => process.exit(0));
