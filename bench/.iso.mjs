import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
const mode = process.argv[2];
if (mode === 'core') await import('@video-gen/core');
let peak=0; const t=setInterval(()=>{peak=Math.max(peak,process.memoryUsage().rss)},50);
const base = process.memoryUsage().rss;
const res = await fetch('http://127.0.0.1:' + process.argv[3] + '/v');
const reader = res.body.getReader();
const ws = mode === 'write' ? createWriteStream('/tmp/iso.part', {highWaterMark: 1<<20}) : undefined;
for(;;){ const {done, value} = await reader.read(); if (done) break; if (ws && !ws.write(value)) await once(ws,'drain'); }
ws?.end();
clearInterval(t);
console.log(mode, 'baseline', (base/1048576).toFixed(1), 'peak', (peak/1048576).toFixed(1));
