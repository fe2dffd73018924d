// A project room of many members on the official socket.io-client (websocket transport): every member joins, one
// uploads a Markdown document over REST, and every member must see document_added, then the document's status
// events up to completed.
//   node room-broadcast.js <url> <file with one JWT per line> <project id>
// Prints one JSON line: how many members saw what, and the spread of arrival times.
const fs = require('fs');
const { io } = require('socket.io-client');

const [url, tokenFile, projectId] = process.argv.slice(2);
const tokens = fs.readFileSync(tokenFile, 'utf8').split('\n').filter((line) => line.trim());
const out = { members: tokens.length };
const done = (extra) => {
  console.log(JSON.stringify(Object.assign(out, extra)));
  process.exit(0);
};
setTimeout(() => done({ fatal: 'timeout' }), 90000);

function member(token) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnection: false });
    const seen = { added: null, statuses: [], completedAt: null };
    socket.on('connect_error', (err) => reject(new Error('connect_error: ' + err.message)));
    socket.on('connect', () => socket.emit('join_project', { project_id: Number(projectId) }));
    socket.on('project_joined', () => resolve({ socket, seen }));
    socket.on('project_update', (data) => { if (data.type === 'document_added') seen.added = data; });
    socket.on('document_status', (data) => {
      seen.statuses.push(data);
      if (data.status === 'completed' || data.status === 'failed') seen.completedAt = Date.now();
    });
  });
}

(async () => {
  const members = [];
  for (let i = 0; i < tokens.length; i += 50) {
    members.push(...await Promise.all(tokens.slice(i, i + 50).map(member)));
  }
  out.joined = members.length;

  const form = new FormData();
  form.append('file', new Blob(['# Broadcast\n\nEvery member of the room hears about this document.\n'],
    { type: 'text/markdown' }), 'broadcast.md');
  const started = Date.now();
  const response = await fetch(`${url}/api/projects/${projectId}/documents`,
    { method: 'POST', body: form, headers: { Authorization: `Bearer ${tokens[0]}` } });
  out.uploadStatus = response.status;
  const document = await response.json();
  out.documentId = document.id;

  const deadline = Date.now() + 60000;
  while (members.some((m) => !m.seen.completedAt) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const forDocument = (m) => m.seen.statuses.filter((s) => s.document_id === document.id);
  out.sawAdded = members.filter((m) => m.seen.added && m.seen.added.data.document_id === document.id).length;
  out.sawCompleted = members.filter((m) => forDocument(m).some((s) => s.status === 'completed')).length;
  out.progressInOrder = members.filter((m) => {
    const progress = forDocument(m).map((s) => s.progress);
    return progress.every((p, i) => i === 0 || p >= progress[i - 1]);
  }).length;
  const arrivals = members.filter((m) => m.seen.completedAt).map((m) => m.seen.completedAt - started)
    .sort((a, b) => a - b);
  out.completedAfterMs = { first: arrivals[0], last: arrivals[arrivals.length - 1] };
  members.forEach((m) => m.socket.disconnect());
  done({});
})().catch((e) => done({ fatal: String(e) }));
