// The messaging fan-out of messaging-protocol.md with `ws`, in memory (no persistence, no Kafka): the easier job.
// POST /api/conversations, ws /ws?token=: connection:authenticated, message:send -> ack received, message:receive
// to every participant's connections, ack delivered. Listens on 127.0.0.1 only. Usage: node messaging-peer.js [port]
'use strict';
const http = require('http');
const { WebSocketServer } = require('ws');
const { userOf, bearer, readBody } = require('./jwt');

const port = Number(process.argv[2] || 9002);
const conversations = new Map(); // id -> [userId]
const sockets = new Map(); // userId -> Set<ws>
let nextId = 1;

const server = http.createServer((req, res) => handle(req, res).catch((e) => {
  if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'text/plain' });
  res.end(String(e));
}));

async function handle(req, res) {
  const user = bearer(req);
  if (req.method !== 'POST' || req.url !== '/api/conversations') { res.writeHead(404).end(); return; }
  if (!user) { res.writeHead(401).end(); return; }
  const body = JSON.parse(await readBody(req));
  const id = 'c' + nextId++;
  conversations.set(id, [user, ...body.participants.filter((p) => p !== user)]);
  res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id, title: body.title }));
}

const wss = new WebSocketServer({ server, path: '/ws' });
wss.on('connection', (ws, req) => {
  const user = userOf(new URL(req.url, 'http://x').searchParams.get('token'));
  if (!user) { ws.close(4001, 'AUTH_FAILED'); return; }
  if (!sockets.has(user)) sockets.set(user, new Set());
  sockets.get(user).add(ws);
  ws.on('close', () => sockets.get(user).delete(ws));
  ws.send(JSON.stringify({ type: 'connection:authenticated', connectionId: String(Math.random()),
    timestamp: new Date().toISOString() }));
  ws.on('message', (data) => {
    const frame = JSON.parse(data);
    if (frame.type !== 'message:send') return;
    const members = conversations.get(frame.conversationId);
    const timestamp = new Date().toISOString();
    if (!members || !members.includes(user)) {
      ws.send(JSON.stringify({ type: 'message:ack', messageId: frame.messageId, status: 'error',
        code: 'CONVERSATION_NOT_FOUND', timestamp }));
      return;
    }
    ws.send(JSON.stringify({ type: 'message:ack', messageId: frame.messageId, status: 'received', timestamp }));
    const out = JSON.stringify({ type: 'message:receive', messageId: frame.messageId,
      conversationId: frame.conversationId, content: frame.content, userId: user, timestamp });
    for (const member of members) {
      for (const socket of sockets.get(member) || []) socket.send(out);
    }
    ws.send(JSON.stringify({ type: 'message:ack', messageId: frame.messageId, status: 'delivered', timestamp }));
  });
});

server.listen(port, '127.0.0.1', () => console.log('PEER READY messaging ws on 127.0.0.1:' + port));
