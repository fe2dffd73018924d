// The guide's connection and room code on the official socket.io-client against project-docs-service:
//   node guide-rooms.js <url> <transports|default> <token> <own project id> <other's project id> <bad token>
// Prints one JSON line: what the client saw.
const { io } = require('socket.io-client');

const [url, mode, token, ownProject, otherProject, badToken] = process.argv.slice(2);
const summary = { mode };
const done = (extra) => {
  Object.assign(summary, extra);
  console.log(JSON.stringify(summary));
  process.exit(0);
};
setTimeout(() => done({ fatal: 'timeout' }), 20000);

function connect(auth) {
  const options = { path: '/socket.io', reconnection: false };
  if (auth) {
    options.auth = auth;
  }
  if (mode !== 'default') {
    options.transports = mode.split(',');
  }
  return io(url, options);
}

function refusal(auth) {
  return new Promise((resolve) => {
    const socket = connect(auth);
    socket.on('connect', () => resolve({ connected: true }));
    socket.on('connect_error', (err) => resolve({ message: err.message, data: err.data }));
  });
}

const next = (socket, event) => new Promise((resolve) => socket.once(event, resolve));

(async () => {
  summary.noToken = await refusal(null);
  summary.badToken = await refusal({ token: badToken });

  // the guide's connect, with the guide's auth: {token}
  const socket = connect({ token });
  socket.on('connect_error', (err) => done({ fatal: 'connect_error: ' + err.message }));
  const status = next(socket, 'connection_status');
  await next(socket, 'connect');
  summary.connected = socket.connected;
  summary.status = await status;
  summary.sidMatches = summary.status.sid === socket.id;

  const errors = [];
  socket.on('error', (data) => errors.push(data));

  socket.emit('join_project', { project_id: Number(ownProject) });
  summary.joined = await next(socket, 'project_joined');

  socket.emit('join_project', { project_id: Number(otherProject) });
  socket.emit('join_project', { project_id: 999999 });
  socket.emit('join_project', {});
  socket.emit('join_project', { project_id: 'one' });
  socket.emit('join_project', 'not an object');

  socket.emit('leave_project', { project_id: Number(ownProject) });
  summary.left = await next(socket, 'project_left');
  socket.emit('leave_project', { project_id: Number(ownProject) });

  const pong = next(socket, 'pong');
  socket.emit('ping');
  const data = await pong;
  summary.pongAge = Date.now() - data.timestamp;

  await new Promise((resolve) => setTimeout(resolve, 300));
  summary.errors = errors;
  summary.finalTransport = socket.io.engine.transport.name;
  socket.on('disconnect', (reason) => done({ disconnectReason: reason }));
  socket.disconnect();
})().catch((e) => done({ fatal: String(e) }));
