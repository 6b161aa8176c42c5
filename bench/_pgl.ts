import { benchPglite } from './pglite.js';
const r = await benchPglite({ candidates: 1000, ms: Number(process.env.MS ?? 10000), token: 'bench-token-0123456789abcdef0123456789', log: console.log });
console.log(JSON.stringify(r));
console.log('rss MB', Math.round(process.memoryUsage().rss/1e6));
