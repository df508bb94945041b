import { downloadToFile } from '@video-gen/core';
let peak=0, info; const t=setInterval(()=>{const m=process.memoryUsage(); if(m.rss>peak){peak=m.rss; info=m}},50);
console.log('baseline', (process.memoryUsage().rss/1048576).toFixed(1));
const s=performance.now();
await downloadToFile({type:'url', url:'http://127.0.0.1:39783/v'}, '/tmp/bench.part', {allowLoopback:true});
console.log((performance.now()-s).toFixed(0),'ms peak', (peak/1048576).toFixed(1), JSON.stringify(Object.fromEntries(Object.entries(info).map(([k,v])=>[k,(v/1048576).toFixed(1)]))));
clearInterval(t);
