// The project room broadcast of project-docs-protocol.md with the official `socket.io` server, in memory: rooms,
// join_project, and per upload the same room events our service sends (document_added, then document_status
// processing 0, 5, 25, 35, 90 and completed 100), without storing or ingesting anything. 127.0.0.1 only.
// Usage: node socketio-peer.js [port]
'use strict';
const http = require('http');
const { Server } = require('socket.io');
const { userOf, bearer, readBody } = require('./jwt');

const port = Number(process.argv[2] || 9004);
const projects = new Map(); // id -> Set<userId>
let nextProject = 1;
let nextDocument = 1;

const server = http.createServer((req, res) => handle(req, res).catch((e) => {
  if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'text/plain' });
  res.end(String(e));
}));

async function handle(req, res) {
  const user = bearer(req);
  if (!user) { res.writeHead(401).end(); return; }
  const body = await readBody(req);
  const json = (status, value) => res.writeHead(status, { 'Content-Type': 'application/json' })
    .end(JSON.stringify(value));
  let m;
  if (req.method === 'POST' && req.url === '/api/projects') {
    const id = nextProject++;
    projects.set(id, new Set([user]));
    json(201, { id, name: JSON.parse(body).name, owner_id: user, role: 'owner' });
  } else if (req.method === 'POST' && (m = req.url.match(/^\/api\/projects\/(\d+)\/members$/))) {
    projects.get(Number(m[1])).add(JSON.parse(body).user_id);
    json(200, [...projects.get(Number(m[1]))].map((u) => ({ user_id: u })));
  } else if (req.method === 'POST' && (m = req.url.match(/^\/api\/projects\/(\d+)\/documents$/))) {
    const projectId = Number(m[1]);
    const filename = (body.match(/filename="([^"]+)"/) || [])[1] || 'file.txt';
    const documentId = nextDocument++;
    json(202, { id: documentId, project_id: projectId, filename, status: 'processing', progress: 0 });
    const room = io.to('project_' + projectId);
    room.emit('project_update', { type: 'document_added', data: { document_id: documentId, filename } });
    for (const progress of [0, 5, 25, 35, 90]) {
      room.emit('document_status', { document_id: documentId, project_id: projectId, status: 'processing', progress });
    }
    room.emit('document_status', { document_id: documentId, project_id: projectId, status: 'completed',
      progress: 100 });
  } else {
    res.writeHead(404).end();
  }
}

const io = new Server(server, { transports: ['websocket', 'polling'], cors: { origin: '*' } });
io.use((socket, next) => {
  const user = userOf(socket.handshake.auth && socket.handshake.auth.token);
  if (!user) return next(Object.assign(new Error('Invalid or expired token'), { data: { code: 'AUTH_FAILED' } }));
  socket.data.user = user;
  next();
});
io.on('connection', (socket) => {
  socket.emit('connection_status', { status: 'connected', sid: socket.id, user_id: socket.data.user });
  socket.on('join_project', (data) => {
    const members = projects.get(Number(data && data.project_id));
    if (!members || !members.has(socket.data.user)) {
      socket.emit('error', { message: 'Project ' + (data && data.project_id) + ' not found' });
      return;
    }
    for (const room of socket.rooms) if (room.startsWith('project_')) socket.leave(room);
    socket.join('project_' + data.project_id);
    socket.emit('project_joined', { project_id: data.project_id });
  });
});

server.listen(port, '127.0.0.1', () => console.log('PEER READY socket.io on 127.0.0.1:' + port));
